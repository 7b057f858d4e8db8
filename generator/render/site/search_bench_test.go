package site_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/render/site"
	"github.com/ducha/ducha/internal/synth"
)

// searchSite prepares the site of a project and returns the files the
// search page needs: the page, its script, its data and the site's
// style and script.
func searchSite(tb testing.TB, p *model.Project) *output.Memory {
	tb.Helper()
	prep, err := site.Prepare(context.Background(), p, report.New(p.Current(), p.Config.Lang()), site.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var m output.Memory
	for _, name := range []string{"search.html", "assets/search.js", "assets/search-data.js", "assets/site.css", "assets/site.js"} {
		data, ok, err := prep.File(name)
		if !ok || err != nil {
			tb.Fatalf("%s: %v %v", name, ok, err)
		}
		if err := output.WriteFile(&m, name, data); err != nil {
			tb.Fatal(err)
		}
	}
	return &m
}

// BenchmarkSearchData makes the search data (assets/search-data.js) of the
// sample and of synthetic campaigns of 1,000 and 10,000 findings, and
// reports its size as shipped and gzipped (as a web server may send it):
//
//	go test ./generator/render/site -run '^$' -bench SearchData -benchtime 3x
func BenchmarkSearchData(b *testing.B) {
	b.Run("sample", func(b *testing.B) { benchmarkSearchData(b, loadProject(b, sample)) })
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			fsys, err := synth.FS(synth.Options{Findings: n, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			benchmarkSearchData(b, loadFS(b, fsys))
		})
	}
}

func benchmarkSearchData(b *testing.B, p *model.Project) {
	prep, err := site.Prepare(context.Background(), p, report.New(p.Current(), p.Config.Lang()), site.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var data []byte
	for b.Loop() {
		data, _, err = prep.File(site.SearchDataName)
		if err != nil {
			b.Fatal(err)
		}
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(data)
	w.Close()
	b.ReportMetric(float64(len(data)), "bytes")
	b.ReportMetric(float64(z.Len()), "gzip-bytes")
}

// BenchmarkSearchQuery opens the search page of a synthetic campaign of
// 10,000 findings from file:// in headless Chromium, and times in the
// page what a reader waits for: loading and preparing the data when the
// search box is first used (load, ms-load: loading the script and
// normalising every record), and a query (ms/query), for a
// Chinese word found often, a Chinese word inside words, a query that
// finds nothing, a finding's ID, two words, and a word with a filter;
// and typed, a word typed until its first 50 results are shown. It
// needs chromium, as TestBrowser does:
//
//	go test ./generator/render/site -run '^$' -bench SearchQuery -benchtime 20x
func BenchmarkSearchQuery(b *testing.B) {
	exe := chromiumPath()
	if exe == "" {
		b.Skip("no chromium on this machine (see TestBrowser)")
	}
	fsys, err := synth.FS(synth.Options{Findings: 10000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	m := searchSite(b, loadFS(b, fsys))
	dir := writeSite(b, m, filepath.Join(b.TempDir(), "site"))
	br := startBrowser(b, exe)
	br.open(b, dir, "search.html")
	b.Run("load", func(b *testing.B) {
		total := 0.0
		for b.Loop() {
			total += loadSearch(b, br, dir)
		}
		b.ReportMetric(total/float64(b.N), "ms-load")
	})
	loadSearch(b, br, dir)
	for _, q := range []struct{ name, query, filter string }{
		{"common", "工资", "{}"}, {"inside", "乡创", "{}"}, {"none", "创乡", "{}"},
		{"id", "zj-012", "{}"}, {"two-words", "工资 专用账户", "{}"}, {"filter", "工资", `{"status": "in-progress"}`},
	} {
		b.Run(q.name, func(b *testing.B) {
			js := fmt.Sprintf(`(() => { const t0 = performance.now(); const n = window.duchaSearchQuery(%q, %s).length; return [performance.now() - t0, n]; })()`, q.query, q.filter)
			total, hits := 0.0, 0.0
			for b.Loop() {
				r := eval[[]float64](b, br, js)
				if len(r) != 2 {
					b.Fatal("no answer")
				}
				total += r[0]
				hits = r[1]
			}
			b.ReportMetric(total/float64(b.N), "ms/query")
			b.ReportMetric(hits, "hits")
		})
	}
	// What a reader sees: typing a word, until the first 50 results are
	// on the page, marked.
	b.Run("typed", func(b *testing.B) {
		js := `(() => { const q = document.getElementById("search-q"); q.value = q.value === "工资" ? "工资 " : "工资";
			const t0 = performance.now(); q.dispatchEvent(new Event("input"));
			return [performance.now() - t0, document.querySelectorAll("#search-results li").length]; })()`
		total := 0.0
		for b.Loop() {
			r := eval[[]float64](b, br, js)
			if len(r) != 2 || r[1] == 0 {
				b.Fatalf("no results shown: %v", r)
			}
			total += r[0]
		}
		b.ReportMetric(total/float64(b.N), "ms/query")
	})
}

// loadSearch opens the search page, focuses the search box and waits for
// the data to be loaded and prepared; it returns how long that took, in
// milliseconds.
func loadSearch(b *testing.B, br *browser, dir string) float64 {
	br.open(b, dir, "search.html")
	ms, err := chromedp.Run(br.ctx, chromedp.Evaluate[float64](`new Promise(done => {
		const t0 = performance.now();
		document.getElementById("search-q").dispatchEvent(new Event("focus"));
		const wait = () => window.duchaSearch && window.duchaSearchQuery && document.getElementById("search-status").textContent.indexOf("…") < 0
			? done(performance.now() - t0) : setTimeout(wait, 2);
		wait();
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatalf("the search page did not load its data: %v", err)
	}
	return ms
}
