// Package pipeline runs ducha's stages in order. [Cache.Build] is the
// whole of it: load and check the project, derive the report and the
// figures, render the site and the briefing, write them into an output,
// and commit the output. [Check] is its first stage alone. The commands
// build, pdf and serve all build through it; they differ only in the
// output they open (a folder, one file, or none: the preview renders a
// page when it is asked for).
package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"time"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
)

// BriefingName is the file name of the briefing in the site.
const BriefingName = "briefing.pdf"

// LettersDir is the folder of the site that holds the feedback letters to
// the provinces visited, one letter.FileName each.
const LettersDir = "letters"

// ErrData is the error of a build that stopped because the project has
// errors (or, with Options.Strict, warnings): they are in
// Built.Checked.Diags.
var ErrData = errors.New("the project has errors")

// Output is where a build writes its files. Nothing of it is visible
// until Commit; Abort, or a build that never commits, leaves what was
// there before as it was. [output.Dir], [output.File] and [output.Memory]
// are outputs.
type Output interface {
	output.Writer
	// Commit puts the files written in place, in one step where the
	// output can.
	Commit() error
	// Abort drops what was written; after Commit it does nothing.
	Abort()
}

// Options configure a build.
type Options struct {
	// AsOf judges rectification as of this date instead of the current
	// campaign's as_of, by the same rules (a closing after it is an
	// error); the zero Date keeps as_of.
	AsOf model.Date
	// Site renders the HTML site.
	Site bool
	// Briefing renders the PDF briefing (as BriefingName in the site).
	Briefing bool
	// Letters renders the feedback letter to each province visited on
	// site (package letter): into LettersDir of a site, and at the root
	// of an output without a site (ducha pdf --letters). The site's
	// province pages link to them.
	Letters bool
	// LinkBriefing links the site to the briefing and to the letters,
	// and checks their fonts, even when Briefing and Letters are false:
	// the preview server makes each when it is asked for
	// (Rendering.Briefing, Rendering.Letter).
	LinkBriefing bool
	// Strict stops the build on warnings as well as errors.
	Strict bool
	// Created is the creation date written into the PDF; the zero value
	// means midnight UTC at the start of the as-of date.
	Created time.Time
	// PlainTemplates has html/template execute the site's templates,
	// without the faster executor (site.Options.PlainTemplates).
	PlainTemplates bool
	// TuneGC tunes the garbage collector for a command that builds once
	// and exits (gc.go); the preview server leaves it alone.
	TuneGC bool
	// Open opens the output once the project is checked (the checked
	// project says, for one, which fonts it reads, which an output must
	// not overwrite). Nil renders nothing ahead: Built.File and
	// Built.Briefing render on demand.
	Open func(*Checked) (Output, error)
	// Commit, when set, is stamped into the site's footer and the foot of
	// the briefing's last page: the commit the build was made from, so
	// that a printed copy can be traced. Dirty says the project had
	// changes not committed.
	Commit string
	Dirty  bool
	// Before, when set, is an earlier state of the project, which
	// ChangesSince names (a revision, a folder): the site gains a page and
	// the briefing an annex of what changed since then in the current
	// campaign.
	Before       *model.Project
	ChangesSince string
}

// stamp is the line that says which commit a build was made from, in
// lang; "" without a commit.
func (o Options) stamp(lang model.Lang) string {
	switch {
	case o.Commit == "":
		return ""
	case o.Dirty:
		return i18n.Trf(lang, "built-from-dirty", o.Commit)
	}
	return i18n.Trf(lang, "built-from", o.Commit)
}

// Built is what a build made.
type Built struct {
	Checked      *Checked // the project as loaded and checked
	*Rendering            // nil when the build stopped before rendering
	Pages, Files int      // HTML pages and files of every kind written
	PDFPages     int      // pages of the briefing written
	Letters      int      // feedback letters written
}

// Build runs the pipeline on the project in fsys: load and check it;
// when it has no errors, get the site and briefing ready; open the output
// and render into it; commit. A failure at any stage leaves the output as
// it was. The error is ErrData when the project's files are wrong; any
// other error is an I/O failure or a bug.
func (c *Cache) Build(ctx context.Context, fsys fs.FS, opts Options) (*Built, error) {
	defer c.gc.start(opts.TuneGC)()
	ch, err := c.Check(fsys, CheckOptions{Briefing: opts.Briefing || opts.LinkBriefing || opts.Letters, AsOf: opts.AsOf})
	b := &Built{Checked: ch}
	if err != nil {
		return b, err
	}
	if ch.Diags.HasErrors(opts.Strict) {
		return b, ErrData
	}
	c.gc.loaded(opts.TuneGC, ch)
	if b.Rendering, err = prepare(ctx, fsys, ch, opts); err != nil || opts.Open == nil {
		return b, err
	}
	out, err := opts.Open(ch)
	if err != nil {
		return b, err
	}
	defer out.Abort()
	if err := b.write(ctx, out, opts); err != nil {
		return b, err
	}
	return b, commit(out)
}

// CommitError is the error of an output that could not be committed: its
// message says what became of the output.
type CommitError struct{ Err error }

func (e *CommitError) Error() string { return e.Err.Error() }

func (e *CommitError) Unwrap() error { return e.Err }

func commit(out Output) error {
	if err := out.Commit(); err != nil {
		return &CommitError{err}
	}
	return nil
}
