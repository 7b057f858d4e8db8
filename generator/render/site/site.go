// Package site renders the static HTML site of a campaign: an overview,
// the leadership summary, groups, provinces, key items, findings,
// rectification, visits and the narrative pages of content/, with
// interactive charts, and the findings and rectification as CSV and JSON.
//
// # Addresses
//
// Every link is relative, so the site works opened from disk (file://) and
// from any folder of a web server. The files are:
//
//	index.html                 overview: key figures, what needs action, charts, narrative, scope
//	summary.html               the leadership summary
//	groups/index.html          the supervision groups
//	groups/<no>.html           one group
//	provinces/index.html       all provincial-level units, self-examination
//	provinces/<id>.html        one province
//	items/index.html           the key items
//	items/<id>.html            one key item and its indicators
//	findings/index.html        every finding, with filters
//	findings/<id>.html         one finding: its stable address
//	rectification.html         the rectification tracker
//	visits.html                the on-site visits (#visit-<province>-<id>)
//	pages/<slug>.html          a page of its own from content/<c>/pages/
//	changes.html               what changed since an earlier state (optional)
//	export/findings.csv|json   the findings
//	export/rectification.csv|json  the rectification tracker
//	export/findings.xlsx       both, and a sheet per province (package workbook)
//	assets/                    site.css, site.js, echarts.min.js
//	search.html                the search over every campaign (assets/search.js,
//	                           and its data assets/search-data.js; see search.go)
//	campaigns/index.html       every campaign, newest first (with several)
//	compare/                   the campaigns side by side (with several; see compare.go)
//	campaigns/<id>/...         every other campaign: the same pages and assets
//
// The CSV files are UTF-8 with a byte-order mark, so that Excel reads
// Chinese correctly.
//
// # Templates
//
// The pages are html/template files in the repository's templates/ folder,
// embedded in the binary (package templates). A project replaces any of
// them, and site.css and site.js, with a file of the same name in its own
// templates/ folder; it may add partials of its own (any other *.html
// file).
//
// Each page template is executed with a [*Page], whose Data is the page's
// own data:
//
//	index.html          index.html                 *OverviewData
//	summary.html        summary.html               *SummaryData
//	groups.html         groups/index.html          *GroupsData
//	group.html          groups/<no>.html           *GroupData
//	provinces.html      provinces/index.html       *ProvincesData
//	province.html       provinces/<id>.html        *ProvinceData
//	items.html          items/index.html           *ItemsData
//	item.html           items/<id>.html            *ItemData
//	findings.html       findings/index.html        *FindingsData
//	finding.html        findings/<id>.html         *FindingData
//	rectification.html  rectification.html         *RectificationData
//	visits.html         visits.html                *VisitsData
//	page.html           pages/<slug>.html          *PageData
//	changes.html        changes.html               *ChangesData
//	campaigns.html      campaigns/index.html       *CampaignsData
//	compare.html        compare/index.html         *CompareData
//	compare-scopes.html compare/provinces.html,    *CompareScopesData
//	                    compare/items.html
//	compare-indicators.html compare/indicators.html *IndicatorsCompareData
//	compare-repeats.html compare/repeats.html      *RepeatsData
//	search.html         search.html                *SearchData
//
// layout.html defines the partials the pages share. Each takes what its
// comment says:
//
//	head, foot          the *Page: the start of every page, to its breadcrumb
//	                    trail, and its end; a page template starts with
//	                    {{template "head" .}} and ends with {{template "foot" .}}
//	top, crumbs         the *Page: the style sheet, body and masthead, and the
//	                    breadcrumb trail up to the page, for head (with cached)
//	masthead, footer    the *Page: banner, masthead and menu; footer (with cached)
//	figures             the *Page: the key figures
//	chart, datatable    a *Chart; its chart.Table
//	badges              a *Finding: severity or kind, status, overdue (with memo)
//	rectification       a *Finding: its rectification
//	finding-head        nothing: the header row of a table of findings
//	finding-row         (at PAGE FINDING): a row of that table (with rows)
//	finding-block       (at PAGE FINDING): a finding in full, on a province page
//	finding-link        (at PAGE FINDING): its ID, linked (with join)
//	tracker-table       (at PAGE FINDINGS): problems and their rectification
//	tracker-row         (at PAGE FINDING): a row of that table (with rows)
//	visit-table         (at PAGE VisitTable): the visits of a province
//
// history.html defines the partials about time: finding-history and
// carried-over (the *Page of a finding, of the tracker), trend (a
// *figures.Trend) and compare-table (at PAGE *CompareTable).
//
// In the tables, a cell's data-label names its column where a phone shows
// the rows as cards (site.css), its class c-status, c-deadline, c-id or
// c-title puts it first on the card, in that order, and its data-sort is
// what site.js sorts the column by, where the text is not (a date, a
// rank).
//
// The template functions are:
//
//	tr KEY                  interface text in the site's language (package i18n)
//	trf KEY ARGS...         the same, formatted with ARGS
//	text TEXT               a model.Text in the site's language
//	label X                 the short name of a province, unit, item or campaign
//	enum VALUE              the label of an enumeration value: severity, status, kind, site, mode...
//	date DATE               a date: 2015年11月23日, or 23 November 2015
//	shortdate DATE          the same as date, for templates written when tables
//	                        wrote 2015-11-23: dates have one style per language
//	period PERIOD           a period: 2015年11月15日至12月15日
//	num FLOAT, int INT      numbers with thousands separators
//	value FLOAT MEASURE     a number with its unit: 86.5%, 312 件
//	group NO                a group's name: 第一督查组, or Group 1
//	itemno NO               a key item's number: 一, or 1
//	edition N               第八次, or 8th
//	campaign CAMPAIGN       a campaign for a link: 第七次督查（2014年）
//	better DIRECTION        which way a figure is good news: 越少越好
//	list STRINGS            joined with 、 or ", "
//	href PAGE TARGET        the relative address, from PAGE, of a *model.Province,
//	                        *model.Group, *model.Item, *model.Indicator, *model.Finding,
//	                        *Finding, *model.Visit, Link, *Ref, or a path from the site root
//	md TEXT                 Markdown (a string or model.Text) as HTML
//	unit MEASURE            the label of a unit of measure: %, 件
//	target INDICATOR        an indicator's target with its unit, or ""
//	itemshort ITEM          a key item's number and short name: 一、就业创业
//	itemname ITEM           a key item's number and full name
//	paren TEXT              TEXT in brackets: （TEXT）, or " (TEXT)"
//	langof TEXT             the language of TEXT (a string, template.HTML or
//	                        model.Text) where it is not the page's, for a lang
//	                        attribute: zh-CN for Chinese on an English page, en
//	                        for English on a Chinese one; else ""
//	anchor VISIT            the ID of a visit's row on the visits page
//	at PAGE VALUE           PAGE and VALUE as one value (an [At]), for partials
//	cached NAME PAGE        the partial NAME executed with PAGE, once per address
//	                        depth, section and breadcrumb trail: for the top and foot
//	                        of pages, the same on thousands of finding pages
//	partial NAME PAGE VALUE the partial NAME executed with (at PAGE VALUE), once per
//	                        address depth and VALUE: for rows shown on several pages
//	rows NAME PAGE FINDINGS partial NAME for each of the []*Finding FINDINGS, each
//	                        on a line of its own: the rows of a table, in one action
//	join NAME PAGE FINDINGS SEP
//	                        the same, with SEP between them
//	memo NAME VALUE         the partial NAME executed with VALUE, once per VALUE
//
// Page data comes from the build of each page; nothing in a template can
// change it. A partial run through cached, partial, rows, join or memo
// must depend only on what its key names, or pages would show another
// page's HTML; the key of cached is the page's Root, Section and Crumbs,
// that of partial, rows and join the page's Root and the value, that of
// memo the value.
//
// # Speed
//
// A site of 10,000 findings has 10,000 finding pages and shows each
// finding on six more. So the templates are executed by package tmplexec,
// which gives the output of html/template, escaping included, without most
// of its reflection (see there); the parts of pages that repeat (the top
// and foot of a page, a finding's rows, badges and links) are executed
// once, through the functions above, and their HTML reused; each page is
// written from a pooled buffer with one call; pages are written on all
// CPUs; and the exports are written a row or a finding at a time. See
// BenchmarkRender.
package site

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ducha/ducha/generator/derive/changes"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
)

// Options configure Render.
type Options struct {
	// Templates holds the project's own templates (its templates/ folder),
	// which replace the embedded ones of the same name; nil for none.
	Templates fs.FS
	// Markdown renders narrative and finding details.
	Markdown *markdown.Renderer
	// Figures are the figures narrative cites ({{problems}}); nil computes
	// them from the report.
	Figures *figures.Table
	// Briefing is the file name of the PDF briefing to link to, or "" when
	// no briefing is built.
	Briefing string
	// Briefings is set when every other campaign's briefing is built too,
	// at campaigns/<id>/ plus Briefing: their sections then link to them.
	Briefings bool
	// Letters gives the path from the site's root of the feedback letter
	// to each province that has one, by province ID: the province's page
	// links to it. Nil or a province not in it: no link.
	Letters map[string]string
	// Project is the project's folder, from which the campaign's images
	// (Campaign.Media, under content/<campaign>/) are published at the
	// same place in the site, beside the pages that show them; nil for
	// none.
	Project fs.FS
	// Changes, when set, adds the page changes.html, in the menu: what
	// changed since an earlier state of the data, named by ChangesSince.
	Changes      *changes.Changes
	ChangesSince string
	// Stamp is shown in the footer of every page: the commit the site was
	// built from; "" for none.
	Stamp string
	// Created is the date the export workbook's properties carry; zero
	// means the report's as-of date. Never the clock: builds are
	// reproducible.
	Created time.Time
	// Workers is the number of pages rendered at the same time; zero means
	// one per CPU.
	Workers int

	// PlainTemplates has html/template execute every template, without
	// the faster executor of package tmplexec: for the tests that compare
	// the two, and for a user who suspects the executor (DUCHA_TMPLEXEC=off
	// in the environment of ducha build, pdf and serve).
	PlainTemplates bool
}

// Stats count what Render wrote.
type Stats struct {
	Pages int // HTML pages
	Files int // every file, pages included
}

// Render writes the site of the campaign r describes to w.
func Render(ctx context.Context, w output.Writer, p *model.Project, r *report.Report, opts Options) (Stats, error) {
	site, err := Prepare(ctx, p, r, opts)
	if err != nil {
		return Stats{}, err
	}
	return site.Write(ctx, w)
}

// Write writes every file of the site to w, on all CPUs (Options.Workers).
func (s *Prepared) Write(ctx context.Context, w output.Writer) (Stats, error) {
	var st counter
	err := run(ctx, s.s.opts.Workers, s.jobs, func(j job) error { return s.by(j).write(w, j, &st) })
	return Stats{Pages: int(st.pages.Load()), Files: int(st.files.Load())}, err
}

// Prepared is a site ready to render, one file at a time: the preview server
// renders only the pages a browser asks for. Its methods may be called
// from several goroutines at once.
type Prepared struct {
	s      *site
	jobs   []job
	byName map[string]int
}

// Prepare parses the templates and does the work every page shares, such
// as rendering the findings' Markdown, and returns the site ready to
// render.
func Prepare(ctx context.Context, p *model.Project, r *report.Report, opts Options) (*Prepared, error) {
	if opts.Markdown == nil {
		opts.Markdown = markdown.New(markdown.Options{UnsafeHTML: p.Config.Markdown.UnsafeHTML})
	}
	s, err := newSite(p, r, opts)
	if err != nil {
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		return nil, err
	}
	others, err := s.others(ctx)
	if err != nil {
		return nil, err
	}
	// The pages about every campaign (the search data above all) come
	// first with the files, long jobs that would otherwise be left for
	// last on one core.
	site := &Prepared{s: s, jobs: append(append(s.projectPages(), s.files()...), s.pages()...)}
	site.jobs = append(site.jobs, others...)
	site.byName = make(map[string]int, len(site.jobs))
	for i, j := range site.jobs {
		site.byName[j.name] = i
	}
	return site, nil
}

// Len returns the number of files of the site.
func (s *Prepared) Len() int { return len(s.jobs) }

// Names returns the names of the files of the site, in the order Render
// writes them.
func (s *Prepared) Names() []string {
	names := make([]string, len(s.jobs))
	for i, j := range s.jobs {
		names[i] = j.name
	}
	return names
}

// File renders the file name (a path from the site root, such as
// "findings/zj-01.html"). ok is false when the site has no such file.
func (s *Prepared) File(name string) (data []byte, ok bool, err error) {
	i, ok := s.byName[name]
	if !ok {
		return nil, false, nil
	}
	var m output.Memory
	if err := s.by(s.jobs[i]).write(&m, s.jobs[i], &counter{}); err != nil {
		return nil, true, err
	}
	data, _ = m.File(name)
	return data, true, nil
}

// by returns the site that renders the job j: the campaign's whose
// section it is in.
func (s *Prepared) by(j job) *site {
	if j.site != nil {
		return j.site
	}
	return s.s
}

// job is one file of the site.
type job struct {
	name string // path from the site root
	site *site  // the site that renders it; nil: the current campaign's
	// page builds the data of an HTML page, executed with the template
	// tmpl; nil for other files.
	page func() (*Page, error)
	tmpl string
	// data writes any other file.
	data func() ([]byte, error)
}

type counter struct{ pages, files atomic.Int64 }

// write writes the file of one job to w.
func (s *site) write(w output.Writer, j job, st *counter) error {
	if j.data != nil {
		b, err := j.data()
		if err == nil {
			err = output.WriteFile(w, j.name, b)
		}
		if err != nil {
			return fmt.Errorf("site: %s: %w", j.name, err)
		}
		st.files.Add(1)
		return nil
	}
	pg, err := j.page()
	if err == nil {
		err = s.writePage(w, j, pg)
	}
	if err != nil {
		return fmt.Errorf("site: %s: %w", j.name, err)
	}
	st.pages.Add(1)
	st.files.Add(1)
	return nil
}

// writePage executes the page's template into a pooled buffer and writes
// the page with one call, so that a failed template leaves no file.
func (s *site) writePage(w output.Writer, j job, pg *Page) error {
	b := s.buffers.get()
	defer s.putBuffer(b)
	if err := s.execute(b, j.tmpl, pg); err != nil {
		return err
	}
	return output.WriteFile(w, j.name, b.Bytes())
}

// execute executes the template name with data, appending to b.
func (s *site) execute(b *bytes.Buffer, name string, data any) error {
	if s.opts.PlainTemplates {
		return s.tmpl.ExecuteTemplate(b, name, data)
	}
	return s.exec.Execute(b, name, data)
}

// putBuffer returns b to the pool, unless it grew for an unusually long
// page: such buffers are left to the garbage collector.
func (s *site) putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	s.buffers.put(b)
}

// maxPooledBuffer is the capacity, in bytes, above which a page's buffer
// is not kept for the next page.
const maxPooledBuffer = 1 << 20

// run calls do for every job on a bounded pool of workers, and returns the
// first error. It stops handing out jobs after an error or when ctx ends.
func run[T any](ctx context.Context, workers int, jobs []T, do func(T) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(jobs))
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
		failed   atomic.Bool
	)
	for range workers {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				err := ctx.Err()
				if err == nil {
					err = guard(func() error { return do(jobs[i]) })
				}
				if err != nil {
					once.Do(func() { firstErr = err })
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return firstErr
}

// guard calls do, and turns a panic in it (a bug) into an error, so that
// it ends the build instead of the program: the worker goroutines of run
// are out of reach of any caller's recover.
func guard(do func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("site: internal error: %v\n%s", r, debug.Stack())
		}
	}()
	return do()
}

// htmlOf renders Markdown to HTML, with the figures it cites resolved
// through figs (nil for none).
func (s *site) htmlOf(src string, figs markdown.Figures) (template.HTML, error) {
	if src == "" {
		return "", nil
	}
	w := s.mdWriters.get()
	defer s.mdWriters.put(w)
	w.buf.Reset()
	w.Reset(&w.buf)
	err := s.md.Convert([]byte(src), w, figs)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return "", err
	}
	return template.HTML(w.buf.String()), nil
}

// mdWriter is a buffered writer into a buffer, reused from one Markdown
// document to the next: goldmark writes through a bufio.Writer, and makes
// a new one for a document when it is given none.
type mdWriter struct {
	*bufio.Writer
	buf bytes.Buffer
}

func newMDWriter() *mdWriter {
	w := &mdWriter{}
	w.Writer = bufio.NewWriter(&w.buf)
	return w
}
