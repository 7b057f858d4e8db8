// Package pipeline runs ducha's stages in order: load, validate, render,
// write. Check is the same pipeline without rendering and writing.
package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"sync"
	"time"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/generator/render/pdf"
	"github.com/ducha/ducha/generator/render/site"
)

// BriefingName is the file name of the briefing in the site.
const BriefingName = "briefing.pdf"

// Checked is a project that has been loaded and checked.
type Checked struct {
	Project *model.Project
	// Fonts are the briefing's fonts; empty when the check was for no
	// briefing.
	Fonts pdf.Fonts
	Diags *diag.List
}

// CheckOptions say what a check is for.
type CheckOptions struct {
	// Briefing is true when a briefing is to be made: the briefing's
	// fonts are then read, and every character it prints that they
	// cannot draw is an error. Without a briefing neither matters.
	Briefing bool
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
	fonts map[string]pdf.Fonts // by the fonts' bytes
	files load.Cache           // decoded province files
}

// Check is Check, reusing what c holds.
func (c *Cache) Check(fsys fs.FS, opts CheckOptions) (*Checked, error) {
	p, diags, err := load.LoadCached(fsys, &c.files)
	if err != nil {
		return nil, err
	}
	validate.Project(p, diags)
	if len(p.Campaigns) == 0 && diags.Len() == 0 {
		diags.Errorf(model.Pos{File: "data"}, "no campaign: create data/<year>/campaign.yaml (see docs/data-format.md)")
	}
	checkFigures(p, diags)
	ch := &Checked{Project: p, Diags: diags}
	if opts.Briefing {
		if ch.Fonts, err = c.checkFonts(fsys, p, diags); err != nil {
			return nil, err
		}
	}
	return ch, nil
}

// checkFonts reads the briefing's fonts and checks that they can draw the
// text of every campaign.
func (c *Cache) checkFonts(fsys fs.FS, p *model.Project, diags *diag.List) (pdf.Fonts, error) {
	fonts, err := c.loadFonts(fsys, p.Config, diags)
	if err != nil || len(fonts.Regular) == 0 {
		return fonts, err
	}
	for _, camp := range p.Campaigns {
		if err := pdf.CheckText(p, camp, fonts, diags); err != nil {
			return pdf.Fonts{}, err
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

// Options configure Render.
type Options struct {
	// AsOf replaces the campaign's as_of date when set.
	AsOf model.Date
	// Site writes the HTML site.
	Site bool
	// Briefing writes the PDF briefing (as BriefingName in the site).
	Briefing bool
	// LinkBriefing links the site to the briefing even when Briefing is
	// false: the preview server makes the briefing when it is asked for.
	LinkBriefing bool
	// Created is the creation date written into the PDF; the zero value
	// means midnight UTC at the start of the as-of date.
	Created time.Time
	// PlainTemplates has html/template execute the site's templates,
	// without the faster executor (site.Options.PlainTemplates).
	PlainTemplates bool
}

// Result counts what Render wrote.
type Result struct {
	Campaign *model.Campaign
	Pages    int // HTML pages
	Files    int // files of every kind
	PDFPages int
}

// Render renders the current campaign of a checked project with no errors
// into w: the site and the briefing, at the same time.
func Render(ctx context.Context, fsys fs.FS, ch *Checked, w output.Writer, opts Options) (Result, error) {
	p, r, md, err := setup(ch, opts)
	if err != nil {
		return Result{}, err
	}
	if opts.Briefing && len(ch.Fonts.Regular) == 0 {
		return Result{}, errors.New("pipeline: the project was checked for no briefing, and has no fonts for one")
	}
	figs := figures.New(r)
	var (
		wg      sync.WaitGroup
		st      site.Stats
		pages   int
		siteErr error
		pdfErr  error
	)
	if opts.Site {
		wg.Go(func() {
			st, siteErr = site.Render(ctx, w, p, r, siteOptions(fsys, md, figs, opts))
		})
	}
	if opts.Briefing {
		wg.Go(func() {
			pages, pdfErr = writeBriefing(ctx, fsys, w, BriefingName, p, r, ch.Fonts, md, figs, opts)
		})
	}
	wg.Wait()
	res := Result{Campaign: r.Campaign, Pages: st.Pages, Files: st.Files, PDFPages: pages}
	if opts.Briefing {
		res.Files++
	}
	if err := errors.Join(siteErr, pdfErr); err != nil || !opts.Site || !opts.Briefing {
		return res, err
	}
	n, err := writeEarlierBriefings(ctx, fsys, w, p, r.Campaign, ch.Fonts, md, opts)
	res.Files += n
	return res, err
}

// writeEarlierBriefings writes the briefing of every campaign but the
// current one into its section of the site, campaigns/<id>/briefing.pdf,
// each judged on its own as_of date, and returns how many it wrote.
func writeEarlierBriefings(ctx context.Context, fsys fs.FS, w output.Writer, p *model.Project, cur *model.Campaign, fonts pdf.Fonts, md *markdown.Renderer, opts Options) (int, error) {
	n := 0
	for _, c := range p.Campaigns {
		if c.ID == cur.ID {
			continue
		}
		r := report.New(c, p.Config.Lang())
		o := opts
		o.Created = time.Time{}
		name := path.Join(site.CampaignsDir, c.ID, BriefingName)
		if _, err := writeBriefing(ctx, fsys, w, name, p, r, fonts, md, figures.New(r), o); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// PrepareSite readies the site of the current campaign of a checked
// project with no errors, to be rendered a file at a time.
func PrepareSite(ctx context.Context, fsys fs.FS, ch *Checked, opts Options) (*site.Prepared, *model.Campaign, error) {
	p, r, md, err := setup(ch, opts)
	if err != nil {
		return nil, nil, err
	}
	prep, err := site.Prepare(ctx, p, r, siteOptions(fsys, md, figures.New(r), opts))
	return prep, r.Campaign, err
}

// setup derives what every output of a build shares: the report of the
// current campaign and the Markdown renderer.
func setup(ch *Checked, opts Options) (*model.Project, *report.Report, *markdown.Renderer, error) {
	p := ch.Project
	c := p.Current()
	if c == nil {
		return nil, nil, nil, errors.New("pipeline: no campaign to render")
	}
	asOf := c.AsOf
	if !opts.AsOf.IsZero() {
		asOf = opts.AsOf
	}
	r := report.NewAsOf(c, p.Config.Lang(), asOf)
	md := markdown.New(markdown.Options{UnsafeHTML: p.Config.Markdown.UnsafeHTML})
	return p, r, md, nil
}

func siteOptions(fsys fs.FS, md *markdown.Renderer, figs *figures.Table, opts Options) site.Options {
	return site.Options{Templates: templates(fsys), Markdown: md, Figures: figs, Briefing: briefingLink(opts), Briefings: opts.Site && opts.Briefing,
		Project: fsys, PlainTemplates: opts.PlainTemplates}
}

func briefingLink(opts Options) string {
	if opts.Briefing || opts.LinkBriefing {
		return BriefingName
	}
	return ""
}

func writeBriefing(ctx context.Context, fsys fs.FS, w output.Writer, name string, p *model.Project, r *report.Report, fonts pdf.Fonts, md *markdown.Renderer, figs *figures.Table, opts Options) (int, error) {
	f, err := w.Create(name)
	if err != nil {
		return 0, err
	}
	created := opts.Created
	if created.IsZero() {
		created = r.AsOf.Time()
	}
	st, err := pdf.Write(ctx, f, p, r, pdf.Options{Fonts: fonts, Markdown: md, Figures: figs, Created: created, Project: fsys})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return st.Pages, err
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
