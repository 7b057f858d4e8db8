package pipeline

import (
	"io/fs"
	"sync"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/generator/render/briefing"
	"github.com/ducha/ducha/generator/render/typeset"
)

// Checked is a project that has been loaded and checked.
type Checked struct {
	Project *model.Project
	// Fonts are the briefing's fonts; empty when the check was for no
	// briefing.
	Fonts typeset.Fonts
	Diags *diag.List
}

// CheckOptions say what a check is for.
type CheckOptions struct {
	// Briefing is true when a briefing is to be made: the briefing's
	// fonts are then read, and every character it prints that they
	// cannot draw is an error. Without a briefing neither matters.
	Briefing bool
	// AsOf, when set, replaces the current campaign's as_of, and is
	// judged by the same rules.
	AsOf model.Date
}

// Check loads and validates the project in fsys and, for a briefing,
// checks that the briefing's fonts can draw all of its text. The error is
// an I/O failure, not a problem with the data: those are in Diags.
func Check(fsys fs.FS, opts CheckOptions) (*Checked, error) { return new(Cache).Check(fsys, opts) }

// Cache keeps what does not change between builds of a project, such as
// parsed fonts, for a process that builds again and again (the preview
// server). The zero Cache is ready to use; it is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	fonts map[string]typeset.Fonts // by the fonts' bytes
	files load.Cache               // decoded province files
	gc    gcTuner
}

// Check is Check, reusing what c holds.
func (c *Cache) Check(fsys fs.FS, opts CheckOptions) (*Checked, error) {
	p, diags, err := load.LoadCached(fsys, &c.files)
	if err != nil {
		return nil, err
	}
	if cur := p.Current(); cur != nil && !opts.AsOf.IsZero() {
		cur.AsOf, cur.AsOfFlag = opts.AsOf, true
	}
	// The fonts' coverage of the text is checked on a core of its own,
	// while the rules and the figures are checked on another; both only
	// read the project, and the fonts' problems join the others after.
	ch := &Checked{Project: p, Diags: diags}
	var (
		wg        sync.WaitGroup
		fontDiags diag.List
		fontErr   error
	)
	if opts.Briefing {
		wg.Go(func() {
			fontErr = guard(func() (err error) { ch.Fonts, err = c.checkFonts(fsys, p, &fontDiags); return err })
		})
	}
	validate.Project(p, diags)
	if len(p.Campaigns) == 0 && diags.Len() == 0 {
		diags.Errorf(model.Pos{File: "data"}, "no campaign: create data/<year>/campaign.yaml (see docs/data-format.md)")
	}
	checkFigures(p, diags)
	wg.Wait()
	if fontErr != nil {
		return nil, fontErr
	}
	diags.Merge(&fontDiags)
	return ch, nil
}

// checkFonts reads the briefing's fonts and checks that they can draw the
// text of every campaign.
func (c *Cache) checkFonts(fsys fs.FS, p *model.Project, diags *diag.List) (typeset.Fonts, error) {
	fonts, err := c.loadFonts(fsys, p.Config, diags)
	if err != nil || fonts.Empty() {
		return fonts, err
	}
	for _, camp := range p.Campaigns {
		if err := briefing.CheckText(p, camp, fonts, diags); err != nil {
			return typeset.Fonts{}, err
		}
	}
	return fonts, nil
}

// checkFigures checks the figures the narrative cites; and, once the data
// has no errors (the figures can then be computed), warns where it states
// a count by hand that the data contradicts.
func checkFigures(p *model.Project, diags *diag.List) {
	md := markdown.New(markdown.Options{})
	for _, c := range p.Campaigns {
		figures.Check(c, md, diags)
	}
	if diags.HasErrors(false) {
		return
	}
	for _, c := range p.Campaigns {
		figures.Lint(figures.New(report.New(c, p.Config.Lang())), c, md, diags)
	}
}
