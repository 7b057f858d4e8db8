package site

import (
	"bytes"
	"cmp"
	"context"
	"html/template"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/echarts"
	"github.com/ducha/ducha/generator/render/site/internal/tmplexec"
)

// site is one rendering of a campaign's site. Everything in it is built
// once per Render and only read while pages are written.
type site struct {
	// home leads from this campaign's site root to the project's: "" for
	// the current campaign, "../../" for one under campaigns/<id>/.
	home string
	p    *model.Project
	c    *model.Campaign
	r    *report.Report
	lang model.Lang
	opts Options
	md   *markdown.Renderer
	figs *figures.Table // what narrative cites

	tmpl   *template.Template
	exec   *tmplexec.Executor // executes tmpl
	static map[string][]byte  // site.css, site.js: from the templates

	shared    *Site
	all       []*site    // every campaign's site, oldest first (campaigns.go)
	findings  []*Finding // in r.Findings order
	byFinding map[*model.Finding]*Finding
	extra     []*model.Page // published pages of their own, in menu order

	buffers   freeList[*bytes.Buffer] // for the pages being written
	mdWriters freeList[*mdWriter]     // for the Markdown being rendered
}

// freeList keeps values for reuse, up to its capacity. Unlike a
// sync.Pool, which the runtime holds on to until two collections after its
// last use, it is garbage as soon as the site is.
type freeList[T any] struct {
	free  chan T
	alloc func() T
}

func newFreeList[T any](n int, alloc func() T) freeList[T] {
	return freeList[T]{free: make(chan T, n), alloc: alloc}
}

// get returns a value from the list, or a new one.
func (l freeList[T]) get() T {
	select {
	case x := <-l.free:
		return x
	default:
		return l.alloc()
	}
}

// put returns x to the list, or drops it when the list is full.
func (l freeList[T]) put(x T) {
	select {
	case l.free <- x:
	default:
	}
}

func newSite(p *model.Project, r *report.Report, opts Options) (*site, error) {
	s := &site{p: p, c: r.Campaign, r: r, lang: r.Lang, opts: opts, md: opts.Markdown, figs: opts.Figures}
	if s.figs == nil {
		s.figs = figures.New(r)
	}
	// A worker holds a buffer for its page and, at times, one for a partial.
	s.buffers = newFreeList(4*max(opts.Workers, runtime.GOMAXPROCS(0)), func() *bytes.Buffer { return new(bytes.Buffer) })
	s.mdWriters = newFreeList(max(opts.Workers, runtime.GOMAXPROCS(0)), newMDWriter)
	funcs := newFuncs(s).table()
	tmpl, static, err := loadTemplates(opts.Templates, tmplexec.FuncMap(funcs))
	if err != nil {
		return nil, err
	}
	s.tmpl, s.static = tmpl, static
	if opts.Templates == nil {
		// The embedded templates alone, with the same functions on
		// every build: their escaped copy is made once per process.
		s.exec = tmplexec.NewShared("site: embedded templates", tmpl, funcs)
	} else {
		s.exec = tmplexec.New(tmpl, funcs)
	}
	s.extra = extraPages(s.c)
	s.shared = s.newShared()
	return s, nil
}

// extraPages returns the published pages of content/<c>/pages/, ordered by
// their order, then by file name.
func extraPages(c *model.Campaign) []*model.Page {
	var pages []*model.Page
	for _, pg := range c.Pages {
		if pg.Kind == model.PageExtra && !pg.Draft {
			pages = append(pages, pg)
		}
	}
	slices.SortStableFunc(pages, func(a, b *model.Page) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.Key, b.Key))
	})
	return pages
}

func (s *site) newShared() *Site {
	c, lang := s.c, s.lang
	sh := &Site{
		Lang:         lang,
		HTMLLang:     "zh-CN",
		Campaign:     c,
		Report:       s.r,
		Title:        c.Title.In(lang),
		Short:        c.Label(lang),
		Illustrative: c.Illustrative,
		Note:         c.Note.In(lang),
		Briefing:     s.opts.Briefing,
		Figures:      tiles(s.figs),
	}
	if lang == model.EN {
		sh.HTMLLang = "en"
	}
	tr := func(k string) string { return i18n.Tr(lang, k) }
	sh.Menu = []Link{
		{"overview", tr("overview"), "index.html", ""},
		{"summary", tr("summary"), "summary.html", ""},
		{"groups", tr("groups"), "groups/index.html", ""},
		{"provinces", tr("provinces"), "provinces/index.html", ""},
		{"items", tr("items"), "items/index.html", ""},
		{"findings", tr("findings"), "findings/index.html", ""},
		{"rectification", tr("rectification"), "rectification.html", ""},
		{"visits", tr("visits"), "visits.html", ""},
	}
	sh.Menu = append(sh.Menu, s.projectMenu()...)
	for _, pg := range s.extra {
		sh.Menu = append(sh.Menu, Link{"page-" + pg.Key, pg.Title, pagePath(pg), langOf(lang, pg.Title)})
	}
	if s.opts.Changes != nil {
		sh.Menu = append(sh.Menu, Link{Key: "changes", Label: tr("changes.menu"), Path: "changes.html"})
	}
	sh.Stamp = s.opts.Stamp
	sh.Exports = []Link{
		{"findings-csv", tr("site.export.findings-csv"), "export/findings.csv", ""},
		{"findings-json", tr("site.export.findings-json"), "export/findings.json", ""},
		{"rectification-csv", tr("site.export.rectification-csv"), "export/rectification.csv", ""},
		{"rectification-json", tr("site.export.rectification-json"), "export/rectification.json", ""},
		{"figures-json", tr("site.export.figures-json"), "export/figures.json", ""},
		{"findings-xlsx", tr("site.export.findings-xlsx"), "export/findings.xlsx", ""},
	}
	return sh
}

// tiles returns the key figures of a campaign, each linked to the page
// that explains it.
func tiles(t *figures.Table) []Figure {
	paths := map[string]string{
		"groups": "groups/index.html", "provinces-visited": "provinces/index.html",
		"visits": "visits.html", "people-met": "visits.html",
		"problems": "findings/index.html", "practices": "findings/index.html",
		"closed-rate": "rectification.html", "overdue": "rectification.html",
	}
	var out []Figure
	for _, tl := range t.Tiles() {
		out = append(out, Figure{Name: tl.Name, Label: tl.Label, Value: tl.Value, Detail: tl.Detail, Path: paths[tl.Name], Alert: tl.Alert})
	}
	return out
}

// prepare renders every finding's Markdown once, on all CPUs, for the
// pages that show it.
func (s *site) prepare(ctx context.Context) error {
	s.findings = make([]*Finding, len(s.r.Findings))
	s.byFinding = make(map[*model.Finding]*Finding, len(s.r.Findings))
	for i, f := range s.r.Findings {
		v := &Finding{Finding: f, Overdue: f.Overdue(s.r.AsOf), DaysOverdue: s.r.DaysOverdue(f), path: findingPath(f)}
		s.history(v)
		s.findings[i] = v
		s.byFinding[f] = v
		if i > 0 {
			v.Prev, s.findings[i-1].Next = s.findings[i-1], v
		}
	}
	return run(ctx, s.opts.Workers, s.findings, func(v *Finding) error {
		var err error
		if v.Detail, err = s.htmlOf(v.Finding.Detail.In(s.lang), nil); err != nil {
			return err
		}
		if v.Rect != nil {
			v.Notes, err = s.htmlOf(v.Rect.Notes.In(s.lang), nil)
		}
		return err
	})
}

// views returns the prepared views of findings, in the same order.
func (s *site) views(fs []*model.Finding) []*Finding {
	out := make([]*Finding, 0, len(fs))
	for _, f := range fs {
		if v := s.byFinding[f]; v != nil {
			out = append(out, v)
		}
	}
	return out
}

// narrative renders the published narrative page of the given kind and
// key, or returns "" when there is none.
func (s *site) narrative(kind model.PageKind, key string) (template.HTML, error) {
	pg := s.c.Page(kind, key)
	if pg == nil || pg.Draft {
		return "", nil
	}
	return s.htmlOf(string(pg.Body), s.figs.In(figures.ScopeOf(pg)))
}

// chart prepares the chart c for a page.
func (s *site) chart(c *chart.Chart) (*Chart, error) {
	ec, err := echarts.New(c, s.lang)
	if err != nil {
		return nil, err
	}
	t := c.Table(s.lang)
	if ec.Transposed {
		// As the chart draws it: the longer side down.
		t = t.Transpose(c.CategoryName)
	}
	return &Chart{Chart: ec, Title: c.Title, Description: c.Describe(s.lang), Note: c.Note, Table: t, Empty: c.Empty(), Wide: len(t.Header) > 4}, nil
}

func (s *site) charts(cs []*chart.Chart) ([]*Chart, error) {
	out := make([]*Chart, len(cs))
	for i, c := range cs {
		var err error
		if out[i], err = s.chart(c); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// page returns a page at path with the shared data filled in.
func (s *site) page(path, section, title string, data any) *Page {
	return &Page{
		Site:    s.shared,
		Path:    path,
		Root:    strings.Repeat("../", strings.Count(path, "/")),
		Title:   title,
		Section: section,
		Data:    data,
	}
}

// crumb returns the menu entry with the given key as a breadcrumb.
func (s *site) crumb(key string) Link {
	for _, l := range s.shared.Menu {
		if l.Key == key {
			return l
		}
	}
	return Link{}
}

// Paths of the pages, from the site root.

func provincePath(p *model.Province) string { return "provinces/" + p.ID + ".html" }
func groupPath(g *model.Group) string       { return "groups/" + strconv.Itoa(g.No) + ".html" }
func itemPath(it *model.Item) string        { return "items/" + it.ID + ".html" }
func findingPath(f *model.Finding) string   { return "findings/" + f.ID + ".html" }
func pagePath(pg *model.Page) string        { return "pages/" + pg.Key + ".html" }

func indicatorPath(ind *model.Indicator) string {
	if ind.Item == nil {
		return "items/index.html"
	}
	return itemPath(ind.Item) + "#indicator-" + ind.ID
}

func visitPath(v *model.Visit) string {
	if v.Province == nil {
		return "visits.html"
	}
	return "visits.html#" + visitAnchor(v)
}

// visitAnchor is the ID of a visit's row on the visits page.
func visitAnchor(v *model.Visit) string {
	if v.Province == nil {
		return "visit-" + v.ID
	}
	return "visit-" + v.Province.ID + "-" + v.ID
}
