package site_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/render/site"
)

// TestBrowser opens every page of the sample site from file:// in headless
// Chromium, and fails on any console error or exception, any request that
// is not for a local file, and any chart element with nothing drawn in it.
// It then opens every page of the hostile project and fails if any of its
// text ran as script (window.__pwned is set) or opened a dialog, also with
// every chart's tooltip shown.
//
// It needs Debian's chromium (or DUCHA_CHROMIUM naming a Chrome binary);
// with DUCHA_SKIP_BROWSER=1 it is skipped when there is none. It is slow,
// and skipped by go test -short.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is slow; skipped with -short")
	}
	exe := chromium(t)
	dir := t.TempDir()
	p := loadProject(t, sample)
	sampleSite, _ := render(t, p, site.Options{})
	sampleDir := writeSite(t, sampleSite, filepath.Join(dir, "sample"))
	hostileSite, _ := render(t, loadProject(t, "testdata/hostile"), site.Options{})
	hostileDir := writeSite(t, hostileSite, filepath.Join(dir, "hostile"))

	b := startBrowser(t, exe)
	t.Run("sample", func(t *testing.T) {
		var (
			mu     sync.Mutex
			charts int
			wg     sync.WaitGroup
		)
		pages := htmlPages(sampleSite)
		const tabs = 3
		for i := range tabs {
			tab := b
			if i > 0 {
				tab = b.newTab(t)
			}
			wg.Go(func() {
				for j := i; j < len(pages); j += tabs {
					if !tab.open(t, sampleDir, pages[j]) {
						return
					}
					n := tab.checkCharts(t, pages[j])
					mu.Lock()
					charts += n
					mu.Unlock()
				}
				tab.checkProblems(t)
			})
		}
		wg.Wait()
		if charts < 5 {
			t.Errorf("only %d charts drawn on the whole site", charts)
		}
	})
	t.Run("filters", func(t *testing.T) {
		r := report.New(p.Current(), p.Config.Lang())
		zjProblems := 0
		for _, f := range r.Problems {
			if f.Province.ID == "zj" {
				zjProblems++
			}
		}
		b.open(t, sampleDir, "findings/index.html?province=zj&kind=problem")
		shown := eval[int](t, b, `document.querySelectorAll("#findings-table > tbody:not(.no-match) > tr:not([hidden])").length`)
		if shown != zjProblems || zjProblems == 0 {
			t.Errorf("filtered by province=zj&kind=problem: %d rows shown, want %d", shown, zjProblems)
		}
		eval[bool](t, b, `(() => { const s = document.querySelector('select[name="status"]'); s.value = "overdue"; s.dispatchEvent(new Event("change")); return true })()`)
		shown = eval[int](t, b, `document.querySelectorAll("#findings-table > tbody:not(.no-match) > tr:not([hidden])").length`)
		overdue := 0
		for _, f := range r.Problems {
			if f.Province.ID == "zj" && f.Overdue(r.AsOf) {
				overdue++
			}
		}
		if shown != overdue {
			t.Errorf("filtered also by status=overdue: %d rows shown, want %d", shown, overdue)
		}
		if text := eval[string](t, b, `document.getElementById("filter-count").textContent`); !strings.Contains(text, fmt.Sprint(overdue)) {
			t.Errorf("the count says %q, want it to mention %d", text, overdue)
		}
		// The view is in the address, to share: opened again from it, the
		// page shows the same rows.
		hash := eval[string](t, b, `location.hash`)
		if !strings.Contains(hash, "province=zj") || !strings.Contains(hash, "status=overdue") {
			t.Errorf("the address keeps no filter: hash %q", hash)
		}
		b.open(t, sampleDir, "findings/index.html")
		eval[bool](t, b, `(() => { location.hash = `+fmt.Sprintf("%q", hash)+`; return true })()`)
		time.Sleep(50 * time.Millisecond)
		if n := eval[int](t, b, `document.querySelectorAll("#findings-table > tbody:not(.no-match) > tr:not([hidden])").length`); n != overdue {
			t.Errorf("opened at %s: %d rows shown, want %d", hash, n, overdue)
		}
		// No row matches: the table says so.
		if eval[bool](t, b, `!document.querySelector("#findings-table tbody.no-match").hidden`) {
			t.Error("the no-match row shows while rows match")
		}
		eval[bool](t, b, `(() => { const s = document.querySelector('select[name="kind"]'); s.value = "practice"; s.dispatchEvent(new Event("change")); return true })()`)
		if eval[bool](t, b, `document.querySelector("#findings-table tbody.no-match").hidden`) {
			t.Error("no row matches, and the table does not say so")
		}
		// Sorting: by ID, descending on the second click.
		eval[bool](t, b, `(() => { location.hash = ""; document.querySelector("form.filters").reset(); return true })()`)
		time.Sleep(50 * time.Millisecond)
		ids := eval[[]string](t, b, `(() => { const th = document.querySelector("#findings-table thead th button"); th.click(); th.click();
			return Array.from(document.querySelectorAll("#findings-table > tbody:not(.no-match) > tr:not([hidden])")).map(r => r.id) })()`)
		if len(ids) < 2 || ids[0] < ids[len(ids)-1] {
			t.Errorf("sorted by ID descending, the rows run %v … %v", ids[0], ids[len(ids)-1])
		}
		// The header row stays in sight as a long table scrolls by.
		top := eval[float64](t, b, `(() => { window.scrollTo(0, document.getElementById("findings-table").offsetTop + 1500);
			return document.querySelector("#findings-table thead th").getBoundingClientRect().top })()`)
		if top < -1 || top > 1 {
			t.Errorf("scrolled down the findings list, its header row is at %v px from the top of the window, want 0", top)
		}
		b.checkProblems(t)
	})
	t.Run("search", func(t *testing.T) { testSearch(t, b, sampleDir, sampleSite) })
	t.Run("hostile", func(t *testing.T) {
		for _, name := range htmlPages(hostileSite) {
			b.open(t, hostileDir, name)
			b.checkCharts(t, name)
			eval[bool](t, b, `(() => { document.querySelectorAll(".chart-canvas").forEach(el => {
				const c = window.echarts && echarts.getInstanceByDom(el);
				if (c) { c.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 0}); }
			}); return true })()`)
			time.Sleep(20 * time.Millisecond)
			if eval[bool](t, b, `window.__pwned !== undefined`) {
				t.Errorf("%s: the hostile text ran as script", name)
			}
			if n := eval[int](t, b, `document.querySelectorAll("main img, main svg:not(.chart-canvas svg), main iframe, main style, main script:not([type]):not([src])").length`); n > 0 {
				t.Errorf("%s: %d elements made from the hostile text", name, n)
			}
		}
		// Search results show the hostile text as text.
		b.open(t, hostileDir, "search.html?q=pwned")
		if n := b.waitHits(t); n == 0 {
			t.Error("searching the hostile project for pwned found nothing")
		}
		if eval[bool](t, b, `window.__pwned !== undefined`) || eval[int](t, b, `document.querySelectorAll("#search-results img, #search-results script, #search-results iframe").length`) > 0 {
			t.Error("the hostile text ran as script in the search results")
		}
		b.checkProblems(t)
	})
}

// chromium returns the path of the browser to test with.
func chromium(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("the browser tests are long: skipped with -short")
	}
	if exe := chromiumPath(); exe != "" {
		return exe
	}
	if os.Getenv("DUCHA_SKIP_BROWSER") == "1" {
		t.Skip("no chromium on this machine, and DUCHA_SKIP_BROWSER=1: the browser test is skipped")
	}
	t.Fatal("no chromium on this machine: install it (apt-get install chromium), name it in DUCHA_CHROMIUM, or set DUCHA_SKIP_BROWSER=1 to skip this test")
	return ""
}

// chromiumPath returns the path of the browser to test with, or "".
func chromiumPath() string {
	if exe := os.Getenv("DUCHA_CHROMIUM"); exe != "" {
		return exe
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if exe, err := exec.LookPath(name); err == nil {
			return exe
		}
	}
	return ""
}

// writeSite writes the files of m into dir.
func writeSite(t testing.TB, m *output.Memory, dir string) string {
	t.Helper()
	for _, name := range m.Names() {
		b, _ := m.File(name)
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func htmlPages(m *output.Memory) []string {
	var pages []string
	for _, name := range m.Names() {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	return pages
}

// browser is a headless Chromium with one tab, recording what must not
// happen: console errors, exceptions, requests that leave the machine and
// dialogs.
type browser struct {
	ctx context.Context

	mu       sync.Mutex
	page     string // the page being loaded, to say where a problem came from
	problems []string
}

func startBrowser(t testing.TB, exe string) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return watch(t, ctx)
}

// newTab opens another tab of the browser, for pages loaded in parallel.
func (b *browser) newTab(t testing.TB) *browser {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return watch(t, ctx)
}

// watch starts recording the problems of the tab of ctx.
func watch(t testing.TB, ctx context.Context) *browser {
	t.Helper()
	b := &browser{ctx: ctx}
	// Stop every request to the network before it leaves.
	_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
		{URLPattern: "http:*"}, {URLPattern: "https:*"}, {URLPattern: "ws:*"}, {URLPattern: "wss:*"}, {URLPattern: "ftp:*"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	go b.watchFetch()
	go b.watchRequests()
	go b.watchConsole()
	go b.watchDialogs()
	return b
}

func (b *browser) report(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, b.page+": "+fmt.Sprintf(format, args...))
}

func (b *browser) watchFetch() {
	for ev, err := range chromedp.Events(b.ctx, fetch.RequestPaused) {
		if err != nil {
			return
		}
		b.report("request to the network: %s", ev.Request.URL)
		chromedp.Call(b.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
	}
}

func (b *browser) watchRequests() {
	for ev, err := range chromedp.Events(b.ctx, network.RequestWillBeSent) {
		if err != nil {
			return
		}
		if u := ev.Request.URL; !strings.HasPrefix(u, "file://") {
			b.report("request that is not for a local file: %.200s", u)
		}
	}
}

func (b *browser) watchConsole() {
	for m, err := range chromedp.Console(b.ctx) {
		if err != nil {
			return
		}
		if m.IsException() || m.Type == "error" || m.Type == "assert" {
			b.report("console %s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line+1)
		}
	}
}

func (b *browser) watchDialogs() {
	for ev, err := range chromedp.Events(b.ctx, page.JavascriptDialogOpening) {
		if err != nil {
			return
		}
		b.report("a %s dialog opened: %q", ev.Type, ev.Message)
		go chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
}

// open loads the page name (which may carry a query) of the site in dir
// and waits for it to load. It reports false when the page did not load.
func (b *browser) open(t testing.TB, dir, name string) bool {
	t.Helper()
	b.mu.Lock()
	b.page = name
	b.mu.Unlock()
	path, query, _ := strings.Cut(name, "?")
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, path)), RawQuery: query}
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u.String())); err != nil {
		t.Errorf("%s: %v", name, err)
		return false
	}
	return true
}

// checkCharts checks that every chart element of the open page has an SVG
// drawing in it, and returns how many there are.
func (b *browser) checkCharts(t testing.TB, name string) int {
	t.Helper()
	type result struct {
		Charts  int      `json:"charts"`
		Options int      `json:"options"`
		Empty   []string `json:"empty"`
	}
	r := eval[result](t, b, `(() => {
		const els = Array.from(document.querySelectorAll(".chart-canvas"));
		return {
			charts: els.length,
			options: document.querySelectorAll('script[type="application/json"]').length,
			empty: els.filter(el => {
				const svg = el.querySelector("svg");
				return !svg || svg.querySelectorAll("path, rect, text").length < 3 || el.getBoundingClientRect().height < 50;
			}).map(el => el.id),
		};
	})()`)
	if r.Charts != r.Options {
		t.Errorf("%s: %d chart elements but %d chart options", name, r.Charts, r.Options)
	}
	if len(r.Empty) > 0 {
		t.Errorf("%s: nothing drawn in the charts %v", name, r.Empty)
	}
	return r.Charts
}

// checkProblems fails the test for everything recorded so far, and clears
// the record.
func (b *browser) checkProblems(t testing.TB) {
	t.Helper()
	time.Sleep(50 * time.Millisecond) // let the last events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range slices.Compact(b.problems) {
		t.Error(p)
	}
	b.problems = nil
}

func eval[T any](t testing.TB, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Errorf("%s: %v", js, err)
	}
	return v
}
