package site_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/render/site"
	"github.com/ducha/ducha/internal/synth"
)

// axeScript is axe-core, installed by npm from package-lock.json with the
// other pinned assets. Only this test uses it: it is never embedded.
const axeScript = "../../../node_modules/axe-core/axe.min.js"

// TestReaders looks at one page of every kind as its readers do: on a
// desktop (1280 px wide), on a phone (390 px) and in print, for the sample
// campaign, a synthetic one with all 31 provinces, and the sample in
// English. It fails on
//
//   - any violation of impact serious or critical that axe-core finds, at
//     both widths;
//   - a page that scrolls sideways on the phone;
//   - Chinese text on a page of the English site that is not marked as
//     Chinese (lang="zh-CN");
//   - a page whose print style sheet does not apply: with print media
//     emulated, the menu must be gone and every status badge printed in
//     black on white, urgent ones in bold.
//
// With DUCHA_SCREENSHOTS naming a folder, it saves a full-page PNG of
// every page at each width there, to look at.
func TestReaders(t *testing.T) {
	exe := chromium(t)
	axe, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatalf("%v: install the pinned npm packages first (make assets, or npm ci)", err)
	}
	dir := t.TempDir()
	sample := loadProject(t, sample)
	big, err := synth.FS(synth.Options{Findings: 600, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	english := loadProject(t, "../../..")
	english.Config.Language = model.EN
	sites := []struct {
		name string
		p    *model.Project
	}{
		{"sample", sample},
		{"synth31", loadFS(t, big)},
		{"english", english},
	}
	b := startBrowser(t, exe)
	shots := os.Getenv("DUCHA_SCREENSHOTS")
	for _, s := range sites {
		m, _ := render(t, s.p, site.Options{Briefing: "briefing.pdf"})
		root := writeSite(t, m, filepath.Join(dir, s.name))
		if s.name == "synth31" {
			if n := len(s.p.Current().OnSite); n != 31 {
				t.Errorf("the synthetic campaign visits %d provinces, want 31", n)
			}
		}
		for _, name := range pageKinds(m) {
			for _, width := range []int{1280, 390} {
				t.Run(fmt.Sprintf("%s/%d/%s", s.name, width, name), func(t *testing.T) {
					b.viewport(t, width)
					if !b.open(t, root, name) {
						return
					}
					b.checkAxe(t, axe)
					if s.p.Config.Lang() == model.EN {
						b.checkLang(t)
					}
					if width < 600 {
						b.checkNoSideScroll(t)
					}
					shot := ""
					if shots != "" {
						shot = filepath.Join(shots, fmt.Sprintf("%s-%d-%s.png", s.name, width, strings.NewReplacer("/", "_", ".html", "").Replace(name)))
						b.screenshot(t, shot)
					}
					if width == 1280 {
						b.checkPrint(t, strings.Replace(shot, "-1280-", "-print-", 1))
					}
					b.checkProblems(t)
				})
			}
		}
	}
}

// pageKinds returns one page of every kind of the site: the pages that
// are one of a kind, and the first of each kind that has many (for
// provinces, the first visited on site and the first not).
func pageKinds(m *output.Memory) []string {
	pages := []string{"index.html", "summary.html", "groups/index.html", "provinces/index.html",
		"items/index.html", "findings/index.html", "rectification.html", "visits.html"}
	first := map[string]string{}
	for _, name := range m.Names() {
		dir, _, ok := strings.Cut(name, "/")
		if !ok || !strings.HasSuffix(name, ".html") || slices.Contains(pages, name) {
			continue
		}
		kind := dir
		if dir == "provinces" {
			b, _ := m.File(name)
			kind += fmt.Sprint(strings.Contains(string(b), `id="visits"`))
		}
		if _, seen := first[kind]; !seen {
			first[kind] = name
		}
	}
	for _, name := range first {
		pages = append(pages, name)
	}
	slices.Sort(pages)
	return pages
}

// viewport sets the size of the tab: a phone's (touch, device-width
// layout) below 600 px.
func (b *browser) viewport(t *testing.T, width int) {
	t.Helper()
	act := chromedp.EmulateViewport(int64(width), 900)
	if width < 600 {
		act = chromedp.EmulateViewport(int64(width), 844, chromedp.EmulateScale(1), chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := chromedp.Do(b.ctx, act); err != nil {
		t.Fatal(err)
	}
}

// checkAxe runs axe-core on the open page and fails on every violation
// of impact serious or critical.
func (b *browser) checkAxe(t *testing.T, axe []byte) {
	t.Helper()
	if !eval[bool](t, b, `typeof window.axe === "object"`) {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](string(axe)+"\n;true")); err != nil {
			t.Fatalf("loading axe-core: %v", err)
		}
	}
	type violation struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Help   string   `json:"help"`
		Nodes  []string `json:"nodes"`
	}
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](`axe.run(document, {resultTypes: ["violations"], preload: false}).then(r => r.violations
		.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 200))})))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	for _, v := range vs {
		t.Errorf("axe: %s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// checkLang fails for every text in Chinese on the open page (of an
// English site) that is not inside an element marked as Chinese: the
// interface must be English, and content only in Chinese marked.
func (b *browser) checkLang(t *testing.T) {
	t.Helper()
	bad := eval[[]string](t, b, `(() => {
		const bad = [];
		const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		while (w.nextNode()) {
			const n = w.currentNode, el = n.parentElement;
			if (!/\p{Script=Han}/u.test(n.data) || el.closest("script")) continue;
			const marked = el.closest("[lang]");
			if (!marked || !marked.getAttribute("lang").startsWith("zh")) {
				bad.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + ": " + n.data.trim().slice(0, 40));
			}
		}
		return [...new Set(bad)].slice(0, 8);
	})()`)
	for _, s := range bad {
		t.Errorf("Chinese on an English page, not marked lang=zh-CN: %s", s)
	}
}

// checkNoSideScroll fails when the page is wider than the screen, or
// anything in it reaches past the screen's right edge (in a box that
// scrolls sideways), except in the regions marked scroll-x: the data
// tables of charts, which the keyboard reaches and which scroll as a
// whole.
func (b *browser) checkNoSideScroll(t *testing.T) {
	t.Helper()
	type width struct {
		Screen int      `json:"screen"`
		Page   int      `json:"page"`
		Wide   []string `json:"wide"`
	}
	w := eval[width](t, b, `(() => {
		const screen = document.documentElement.clientWidth;
		const wide = [];
		document.querySelectorAll("body *").forEach(el => {
			const r = el.getBoundingClientRect();
			if (r.width > 0 && r.right > screen + 1 && !el.closest(".scroll-x, [hidden]")) {
				wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " " + Math.round(r.right));
			}
		});
		return {screen: screen, page: document.documentElement.scrollWidth, wide: wide.slice(0, 5)};
	})()`)
	if w.Page > w.Screen {
		t.Errorf("the page is %d px wide on a screen of %d: it scrolls sideways; too wide: %v", w.Page, w.Screen, w.Wide)
	} else if len(w.Wide) > 0 {
		// Not the page, but a box inside it scrolls: what it hides to the
		// right (a status, a deadline) is off-screen with no cue.
		t.Errorf("content reaches past the right edge of a screen of %d px: %v", w.Screen, w.Wide)
	}
}

// checkPrint emulates print media and checks that the print style sheet
// applies: no menu, and badges in black on white, the urgent ones bold.
// It saves a screenshot of the page so printed at shot, unless that is "".
func (b *browser) checkPrint(t *testing.T, shot string) {
	t.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	type printed struct {
		Menu   string   `json:"menu"`
		Badges []string `json:"badges"`
	}
	p := eval[printed](t, b, `(() => {
		const menu = document.querySelector("nav.menu");
		const bad = [];
		document.querySelectorAll(".badge").forEach(el => {
			const s = getComputedStyle(el);
			const urgent = el.matches(".sev-high, .overdue, .missing, .miss");
			const bg = s.backgroundColor;
			const white = bg === "rgba(0, 0, 0, 0)" || bg === "rgb(255, 255, 255)";
			if (s.color !== "rgb(0, 0, 0)" || !white || (urgent && Number(s.fontWeight) < 700)) {
				bad.push(el.className + ": " + s.color + " on " + bg + ", weight " + s.fontWeight);
			}
		});
		return {menu: menu ? getComputedStyle(menu).display : "none", badges: [...new Set(bad)].slice(0, 5)};
	})()`)
	if p.Menu != "none" {
		t.Errorf("in print, the menu is shown (display: %s)", p.Menu)
	}
	for _, bad := range p.Badges {
		t.Errorf("in print, a badge is not black on white (bold if urgent): %s", bad)
	}
	if shot != "" {
		b.screenshot(t, shot)
	}
}

// screenshot saves a PNG of the whole open page.
func (b *browser) screenshot(t *testing.T, path string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
