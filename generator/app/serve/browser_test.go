package serve_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserReloadsAndShowsProblems opens a served page in headless
// Chromium, and checks what an editor sees: a save reloads the page with
// the new text, a broken save shows the error overlay with path:line:col,
// and the fix brings the page back. It fails on any console error or
// exception, any Content Security Policy violation, and any request to
// another server.
//
// It needs Debian's chromium (or DUCHA_CHROMIUM naming a Chrome binary);
// with DUCHA_SKIP_BROWSER=1 it is skipped when there is none.
func TestBrowserReloadsAndShowsProblems(t *testing.T) {
	exe := chromium(t)
	s := start(t)
	b := startBrowser(t, exe, s.url)
	const f = "data/2015/provinces/zj.yaml"
	const title = "部分在建项目未设立农民工工资专用账户"

	b.open(t, s.url+"findings/zj-01.html")
	b.waitFor(t, "the page", fmt.Sprintf(`document.body.innerText.includes(%q)`, title))

	b.mark(t)
	os.WriteFile(s.file(f), []byte(s.edit(f, title, "整改标题已改")), 0o644)
	b.waitFor(t, "a reload with the new title", `!window.__ducha_test && document.body.innerText.includes("整改标题已改")`)

	b.mark(t)
	saveAtomically(t, s.file(f), s.edit(f, "severity: high", "severity: hihg"))
	want := `data/2015/provinces/zj.yaml:11:15: severity: unknown value "hihg"`
	b.waitFor(t, "the error overlay", fmt.Sprintf(`(document.getElementById("ducha-problems") || {}).innerText?.includes(%q) === true`, want))
	if !b.eval(t, `window.__ducha_test === true`) {
		t.Errorf("the page reloaded on a broken save; it should keep the last good build")
	}

	b.mark(t)
	saveLikeVim(t, s.file(f), s.edit(f, "severity: hihg", "severity: low"))
	b.waitFor(t, "the fixed page", `!window.__ducha_test && !document.getElementById("ducha-problems") && document.body.innerText.includes("整改标题已改")`)
	b.checkProblems(t)
}

// saveInPlace writes over the file name.
func saveInPlace(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// saveAtomically writes a temporary file and renames it over name.
func saveAtomically(t *testing.T, name, data string) {
	t.Helper()
	tmp := name + ".tmp123"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}

// saveLikeVim renames name away, writes a new file, and removes the old
// one, as vim does by default.
func saveLikeVim(t *testing.T, name, data string) {
	t.Helper()
	if err := os.Rename(name, name+"~"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(name + "~")
}

// chromium returns the path of the browser to test with.
func chromium(t *testing.T) string {
	if testing.Short() {
		t.Skip("a headless-browser test: skipped with -short")
	}
	t.Helper()
	if testing.Short() {
		t.Skip("the browser tests are long: skipped with -short")
	}
	if exe := os.Getenv("DUCHA_CHROMIUM"); exe != "" {
		return exe
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if exe, err := exec.LookPath(name); err == nil {
			return exe
		}
	}
	if os.Getenv("DUCHA_SKIP_BROWSER") == "1" {
		t.Skip("no chromium on this machine, and DUCHA_SKIP_BROWSER=1: the browser test is skipped")
	}
	t.Fatal("no chromium on this machine: install it (apt-get install chromium), name it in DUCHA_CHROMIUM, or set DUCHA_SKIP_BROWSER=1 to skip this test")
	return ""
}

// browser is a headless Chromium with one tab, recording what must not
// happen: console errors, exceptions, policy violations and requests to
// any other server than the preview's.
type browser struct {
	ctx    context.Context
	origin string // the preview server's URL

	mu       sync.Mutex
	problems []string
}

func startBrowser(t *testing.T, exe, origin string) *browser {
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
	b := &browser{ctx: ctx, origin: origin}
	// Every violation of the pages' policy reaches the console, whether or
	// not the browser logs it there itself.
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener("securitypolicyviolation", e => console.error("CSP violation: " + e.violatedDirective + " blocked " + e.blockedURI))`,
	})
	if err != nil {
		t.Fatal(err)
	}
	go b.watchConsole()
	go b.watchRequests()
	return b
}

func (b *browser) report(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, args...))
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

func (b *browser) watchRequests() {
	for ev, err := range chromedp.Events(b.ctx, network.RequestWillBeSent) {
		if err != nil {
			return
		}
		if u := ev.Request.URL; !strings.HasPrefix(u, b.origin) {
			b.report("request to another server: %.200s", u)
		}
	}
}

// open loads the page at u.
func (b *browser) open(t *testing.T, u string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
}

// mark sets a variable in the open page, which a reload clears.
func (b *browser) mark(t *testing.T) {
	t.Helper()
	if !b.eval(t, `window.__ducha_test = true`) {
		t.Fatal("cannot mark the page")
	}
}

// eval evaluates a boolean expression in the open page.
func (b *browser) eval(t *testing.T, js string) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		t.Errorf("%s: %v", js, err)
	}
	return v
}

// waitFor waits until the expression js is true in the open page, across
// reloads, and fails the test if it never is.
func (b *browser) waitFor(t *testing.T, what, js string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && v {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.checkProblems(t)
	t.Fatalf("waited in vain for %s (%s)", what, js)
}

// checkProblems fails the test for everything recorded so far, and clears
// the record.
func (b *browser) checkProblems(t *testing.T) {
	t.Helper()
	time.Sleep(50 * time.Millisecond) // let the last events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	seen := map[string]bool{}
	for _, p := range b.problems {
		if !seen[p] {
			t.Error(p)
		}
		seen[p] = true
	}
	b.problems = nil
}
