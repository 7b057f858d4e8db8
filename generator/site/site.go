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
//	index.html                 overview: scope, key figures, narrative, charts
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
//	export/findings.csv|json   the findings
//	export/rectification.csv|json  the rectification tracker
//	assets/                    site.css, site.js, echarts.min.js
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
// file). Each page template is executed with a [*Page]; layout.html
// defines the partials that every page shares.
//
// The template functions are:
//
//	tr KEY                  interface text in the site's language (package i18n)
//	trf KEY ARGS...         the same, formatted with ARGS
//	text TEXT               a model.Text in the site's language
//	label X                 the short name of a province, unit, item or campaign
//	enum VALUE              the label of an enumeration value: severity, status, kind, site, mode...
//	date DATE               a date: 2015年11月23日, or 23 November 2015
//	shortdate DATE          a date as 2015-11-23
//	period PERIOD           a period: 2015年11月15日至12月15日
//	num FLOAT, int INT      numbers with thousands separators
//	value FLOAT MEASURE     a number with its unit: 86.5%, 312 件
//	group NO                a group's name: 第一督查组, or Group 1
//	itemno NO               a key item's number: 一, or 1
//	edition N               第八次, or 8th
//	list STRINGS            joined with 、 or ", "
//	href PAGE TARGET        the relative address, from PAGE, of a *model.Province,
//	                        *model.Group, *model.Item, *model.Indicator, *model.Finding,
//	                        *Finding, *model.Visit, Link, or a path from the site root
//	md TEXT                 Markdown (a string or model.Text) as HTML
//	unit MEASURE            the label of a unit of measure: %, 件
//	target INDICATOR        an indicator's target with its unit, or ""
//	itemshort ITEM          a key item's number and short name: 一、就业创业
//	itemname ITEM           a key item's number and full name
//	paren TEXT              TEXT in brackets: （TEXT）, or " (TEXT)"
//	anchor VISIT            the ID of a visit's row on the visits page
//	at PAGE VALUE           PAGE and VALUE as one value (an [At]), for partials
//	cached NAME PAGE        the partial NAME executed with PAGE, once per
//	                        address depth and section: for the masthead and footer
//	partial NAME PAGE VALUE the partial NAME executed with (at PAGE VALUE), once per
//	                        address depth and VALUE: for rows shown on several pages
//
// Page data comes from the build of each page; nothing in a template can
// change it. A partial run through cached or partial must depend only on
// what its key names, or pages would show another page's HTML.
package site

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/report"
)

// Options configure Render.
type Options struct {
	// Templates holds the project's own templates (its templates/ folder),
	// which replace the embedded ones of the same name; nil for none.
	Templates fs.FS
	// Markdown renders narrative and finding details.
	Markdown *markdown.Renderer
	// Briefing is the file name of the PDF briefing to link to, or "" when
	// no briefing is built.
	Briefing string
	// Workers is the number of pages rendered at the same time; zero means
	// one per CPU.
	Workers int
}

// Stats count what Render wrote.
type Stats struct {
	Pages int // HTML pages
	Files int // every file, pages included
}

// Render writes the site of the campaign r describes to w.
func Render(ctx context.Context, w output.Writer, p *model.Project, r *report.Report, opts Options) (Stats, error) {
	if opts.Markdown == nil {
		opts.Markdown = markdown.New(markdown.Options{UnsafeHTML: p.Config.Markdown.UnsafeHTML})
	}
	s, err := newSite(p, r, opts)
	if err != nil {
		return Stats{}, err
	}
	if err := s.prepare(ctx); err != nil {
		return Stats{}, err
	}
	jobs := append(s.files(), s.pages()...)
	var st counter
	err = run(ctx, opts.Workers, jobs, func(j job) error { return s.write(w, j, &st) })
	return Stats{Pages: int(st.pages.Load()), Files: int(st.files.Load())}, err
}

// job is one file of the site.
type job struct {
	name string // path from the site root
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
	if err != nil {
		return fmt.Errorf("site: %s: %w", j.name, err)
	}
	f, err := w.Create(j.name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 32<<10)
	err = s.tmpl.ExecuteTemplate(bw, j.tmpl, pg)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("site: %s: %w", j.name, err)
	}
	st.pages.Add(1)
	st.files.Add(1)
	return nil
}

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
					err = do(jobs[i])
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

// htmlOf renders Markdown to HTML.
func (s *site) htmlOf(src string) (template.HTML, error) {
	if src == "" {
		return "", nil
	}
	var b bytes.Buffer
	if err := s.md.Convert([]byte(src), &b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
