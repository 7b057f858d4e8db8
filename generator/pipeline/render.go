package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/ducha/ducha/generator/derive/changes"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/render/briefing"
	"github.com/ducha/ducha/generator/render/letter"
	"github.com/ducha/ducha/generator/render/site"
)

// Rendering is the current campaign of a checked project with no errors,
// ready to render: its report and figures, computed once for every
// output, and its site, prepared to render a file at a time.
type Rendering struct {
	Campaign *model.Campaign
	Report   *report.Report
	// Site is the site, prepared; nil when the build renders none.
	Site *site.Prepared

	fsys    fs.FS
	ch      *Checked
	md      *markdown.Renderer
	figs    *figures.Table
	changes *changes.Changes // since Options.Before; nil without
	opts    Options
}

// prepare derives what every output shares, and prepares the site.
func prepare(ctx context.Context, fsys fs.FS, ch *Checked, opts Options) (*Rendering, error) {
	p := ch.Project
	c := p.Current()
	if c == nil {
		return nil, errors.New("pipeline: no campaign to render")
	}
	if (opts.Briefing || opts.LinkBriefing || opts.Letters) && ch.Fonts.Empty() {
		return nil, errors.New("pipeline: the project was checked for no briefing, and has no fonts for one")
	}
	r := &Rendering{Campaign: c, fsys: fsys, ch: ch, opts: opts,
		md: markdown.New(markdown.Options{UnsafeHTML: p.Config.Markdown.UnsafeHTML})}
	r.Report = report.New(c, p.Config.Lang())
	r.figs = figures.New(r.Report)
	if opts.Before != nil {
		r.changes = changes.Compare(opts.Before.Campaign(c.ID), c, r.Report.Lang, r.Report.AsOf)
	}
	if !opts.Site {
		return r, nil
	}
	var err error
	r.Site, err = site.Prepare(ctx, p, r.Report, site.Options{
		Templates: templates(fsys), Markdown: r.md, Figures: r.figs, Briefing: r.briefingLink(),
		Briefings: opts.Site && opts.Briefing, Letters: r.letterLinks(),
		Project: fsys, PlainTemplates: opts.PlainTemplates, Created: opts.Created,
		Stamp: opts.stamp(r.Report.Lang), Changes: r.changes, ChangesSince: opts.ChangesSince,
	})
	return r, err
}

func (r *Rendering) briefingLink() string {
	if r.opts.Briefing || r.opts.LinkBriefing {
		return BriefingName
	}
	return ""
}

// write renders the site, the briefing and the letters into out, at the
// same time; a site, or letters alone, also list the SHA-256 of every
// file in output.SumsName.
func (b *Built) write(ctx context.Context, out output.Writer, opts Options) error {
	if b.Site == nil && !opts.Letters {
		return b.render(ctx, out, opts)
	}
	sums := output.NewSums(out)
	if err := b.render(ctx, sums, opts); err != nil {
		return err
	}
	b.Files++
	return sums.WriteSums()
}

// render renders the site and the briefing into out, at the same time.
func (b *Built) render(ctx context.Context, out output.Writer, opts Options) error {
	var (
		wg              sync.WaitGroup
		st              site.Stats
		pages           int
		siteErr, pdfErr error
		letters         int
		lettersErr      error
	)
	if b.Site != nil {
		wg.Go(func() {
			siteErr = guard(func() (err error) { st, err = b.Site.Write(ctx, out); return err })
		})
	}
	earlier := 0
	if opts.Briefing {
		wg.Go(func() {
			pdfErr = guard(func() (err error) {
				if pages, err = b.writeBriefing(ctx, out); err != nil || b.Site == nil {
					return err
				}
				earlier, err = b.writeEarlierBriefings(ctx, out)
				return err
			})
		})
	}
	if opts.Letters {
		wg.Go(func() {
			lettersErr = guard(func() (err error) { letters, err = b.writeLetters(ctx, out); return err })
		})
	}
	wg.Wait()
	b.Pages, b.Files, b.PDFPages, b.Letters = st.Pages, st.Files+earlier+letters, pages, letters
	if opts.Briefing {
		b.Files++
	}
	if err := errors.Join(siteErr, pdfErr, lettersErr); err != nil {
		return err
	}
	return ctx.Err()
}

// writeEarlierBriefings writes the briefing of every campaign but the
// current one into its section of the site, campaigns/<id>/briefing.pdf,
// each judged on its own as_of date, and returns how many it wrote.
func (r *Rendering) writeEarlierBriefings(ctx context.Context, out output.Writer) (int, error) {
	p, n := r.ch.Project, 0
	for _, c := range p.Campaigns {
		if c == r.Campaign {
			continue
		}
		rep := report.New(c, p.Config.Lang())
		f, err := out.Create(path.Join(site.CampaignsDir, c.ID, BriefingName))
		if err != nil {
			return n, err
		}
		_, err = briefing.Write(ctx, f, p, rep, briefing.Options{
			Fonts: r.ch.Fonts, Markdown: r.md, Figures: figures.New(rep), Created: rep.AsOf.Time(), Project: r.fsys,
		})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// writeBriefing writes the briefing into out, and returns its pages.
func (r *Rendering) writeBriefing(ctx context.Context, out output.Writer) (int, error) {
	f, err := out.Create(BriefingName)
	if err != nil {
		return 0, err
	}
	st, err := r.briefing(ctx, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return st.Pages, err
}

// Briefing renders the briefing and returns its bytes: the preview server
// makes it when a browser asks for it.
func (r *Rendering) Briefing(ctx context.Context) ([]byte, error) {
	var buf bytes.Buffer
	err := guard(func() error {
		_, err := r.briefing(ctx, &buf)
		return err
	})
	return buf.Bytes(), err
}

func (r *Rendering) briefing(ctx context.Context, w io.Writer) (briefing.Stats, error) {
	return briefing.Write(ctx, w, r.ch.Project, r.Report, briefing.Options{
		Fonts: r.ch.Fonts, Markdown: r.md, Figures: r.figs, Created: r.created(), Project: r.fsys,
		Stamp: r.opts.stamp(r.Report.Lang), Changes: r.changes, ChangesSince: r.opts.ChangesSince,
	})
}

// letterPath returns where the letter to the province with the ID goes
// in the output: in LettersDir of a site, at the root without one.
func (r *Rendering) letterPath(id string) string {
	if r.opts.Site {
		return path.Join(LettersDir, letter.FileName(id))
	}
	return letter.FileName(id)
}

// letterLinks returns the path of each province's letter from the site's
// root, by province ID, for the province pages to link to: the provinces
// that get one, when the build writes letters.
func (r *Rendering) letterLinks() map[string]string {
	if !r.opts.Letters && !r.opts.LinkBriefing {
		return nil
	}
	links := map[string]string{}
	for _, ps := range letter.Visited(r.Report) {
		links[ps.Province.ID] = r.letterPath(ps.Province.ID)
	}
	return links
}

// writeLetters writes the feedback letter to each province visited into
// out, several at a time (one per CPU), and returns how many it wrote.
// Each letter is its own file: the order they are written in does not
// reach the output.
func (r *Rendering) writeLetters(ctx context.Context, out output.Writer) (int, error) {
	created := r.created()
	visited := letter.Visited(r.Report)
	errs := make([]error, len(visited))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, ps := range visited {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = guard(func() error { return r.writeLetter(ctx, out, ps, created) })
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	return len(visited), nil
}

// Letter renders the feedback letter to the province with the ID and
// returns its bytes, or ok false when the province gets none: the preview
// server makes it when a browser asks for it.
func (r *Rendering) Letter(ctx context.Context, id string) (data []byte, ok bool, err error) {
	for _, ps := range letter.Visited(r.Report) {
		if ps.Province.ID != id {
			continue
		}
		var buf bytes.Buffer
		err := guard(func() error {
			_, err := letter.Write(ctx, &buf, r.ch.Project, r.Report, ps, r.letterOptions(r.created()))
			return err
		})
		return buf.Bytes(), true, err
	}
	return nil, false, nil
}

// letterOptions are the options of every letter, created on the date.
func (r *Rendering) letterOptions(created time.Time) letter.Options {
	return letter.Options{Fonts: r.ch.Fonts, Markdown: r.md, Figures: r.figs, Created: created}
}

// created is the creation date of the PDFs: Options.Created, or the start
// of the as-of date.
func (r *Rendering) created() time.Time {
	if r.opts.Created.IsZero() {
		return r.Report.AsOf.Time()
	}
	return r.opts.Created
}

// writeLetter writes the letter to the province of ps into out.
func (r *Rendering) writeLetter(ctx context.Context, out output.Writer, ps *report.ProvinceStats, created time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f, err := out.Create(r.letterPath(ps.Province.ID))
	if err != nil {
		return err
	}
	_, err = letter.Write(ctx, f, r.ch.Project, r.Report, ps, r.letterOptions(created))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// guard calls do, and turns a panic in it (a bug) into an error: the
// goroutines of a build are out of reach of the command's recover.
func guard(do func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v\n%s", p, debug.Stack())
		}
	}()
	return do()
}

// templates returns the project's templates/ folder, or nil.
func templates(fsys fs.FS) fs.FS {
	if fi, err := fs.Stat(fsys, "templates"); err != nil || !fi.IsDir() {
		return nil
	}
	sub, err := fs.Sub(fsys, "templates")
	if err != nil {
		return nil
	}
	return sub
}
