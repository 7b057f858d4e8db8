package site_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/render/site"
)

// The hostile project (testdata/hostile) writes, in every kind of text,
// attempts to break out of the page. These patterns must never appear in
// the output as markup.
var (
	scriptTagRE = regexp.MustCompile(`(?i)<script\b[^>]*>`)
	// allowedScripts are the only script elements a page may have: the
	// local scripts and the JSON options of the charts.
	allowedScriptRE = regexp.MustCompile(`^<script (src="(\.\./)*assets/(echarts\.min|site|search)\.js"|type="application/json" id="[A-Za-z_][A-Za-z0-9_]*-option")>$`)
	jsonScriptRE    = regexp.MustCompile(`(?s)<script type="application/json" id="[^"]*">(.*?)</script>`)
	// handlerRE finds an on… attribute in a start tag, walking the tag's
	// attributes so that escaped text inside a value does not count.
	handlerRE = regexp.MustCompile(`(?i)<[a-z][a-z0-9]*(?:\s+[a-z][a-z0-9:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*\s+on[a-z]+\s*=`)
	badURLRE  = regexp.MustCompile(`(?i)(href|src|action|formaction)\s*=\s*["']?\s*(javascript|vbscript|data):`)
	rawTagRE  = regexp.MustCompile(`(?i)<(img|svg|iframe|style|object|embed)\b`)
)

// TestEscaping renders the hostile project and checks the bytes: no script
// element but the site's own, no event handler attribute, no script URL,
// no raw HTML from Markdown, and chart options with no "<" at all. It also
// checks that the hostile text is shown, escaped, so that the test cannot
// pass by dropping it.
func TestEscaping(t *testing.T) {
	m, _ := render(t, loadProject(t, "testdata/hostile"), site.Options{Briefing: "briefing.pdf"})
	pages := 0
	for _, name := range m.Names() {
		if path.Ext(name) != ".html" {
			continue
		}
		pages++
		b := file(t, m, name)
		for _, tag := range scriptTagRE.FindAll(b, -1) {
			if !allowedScriptRE.Match(tag) {
				t.Errorf("%s: script element %s", name, tag)
			}
		}
		for _, sm := range jsonScriptRE.FindAllSubmatch(b, -1) {
			if bytes.ContainsAny(sm[1], "<>&") {
				t.Errorf("%s: a chart's option holds a raw < > or &: %s", name, sm[1])
			}
			var v any
			if err := json.Unmarshal(sm[1], &v); err != nil {
				t.Errorf("%s: a chart's option is not JSON: %v", name, err)
			}
		}
		for _, re := range []*regexp.Regexp{handlerRE, badURLRE, rawTagRE} {
			if loc := re.FindIndex(b); loc != nil {
				t.Errorf("%s: %q at byte %d: %s", name, re, loc[0], around(b, loc[0]))
			}
		}
		if bytes.Contains(b, []byte("\u2028")) && bytes.Contains(b, []byte("application/json")) {
			for _, sm := range jsonScriptRE.FindAllSubmatch(b, -1) {
				if bytes.Contains(sm[1], []byte("\u2028")) {
					t.Errorf("%s: a chart's option holds a raw U+2028", name)
				}
			}
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages", pages)
	}
	// The hostile text is on the pages, escaped.
	for name, want := range map[string]string{
		"findings/zj-01.html": `&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;`,
		"provinces/zj.html":   `&#34;&gt;&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;`,
		"items/wages.html":    `\u003c/script\u003e\u003cscript\u003ewindow.__pwned=1`,
		"index.html":          `>javascript:window.__pwned=1</li>`,
	} {
		if b := file(t, m, name); !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s does not show the hostile text as %s", name, want)
		}
	}
	// A Markdown link to a script is its text, not a link to the page
	// itself; raw HTML is its text, as written.
	for _, name := range m.Names() {
		if b := file(t, m, name); path.Ext(name) == ".html" && bytes.Contains(b, []byte(`href=""`)) {
			t.Errorf("%s: a link to the page itself: %s", name, around(b, bytes.Index(b, []byte(`href=""`))))
		}
	}
	for name, want := range map[string]string{
		"index.html":          "<p>click</p>",
		"findings/zj-01.html": "<p>x and y</p>",
		"pages/evil.html":     "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
	} {
		if b := file(t, m, name); !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s does not show %s", name, want)
		}
	}
}

// TestCSVFormulas checks that a cell that a spreadsheet would run as a
// formula is written with a leading apostrophe.
func TestCSVFormulas(t *testing.T) {
	m, _ := render(t, loadProject(t, "testdata/hostile"), site.Options{})
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file(t, m, "export/findings.csv"), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var found int
	for _, row := range records {
		for _, cell := range row {
			if strings.HasPrefix(cell, "=") || strings.HasPrefix(cell, "+") || strings.HasPrefix(cell, "@") {
				t.Errorf("cell %q would run as a formula", cell)
			}
			if cell == `'=HYPERLINK("http://example.invalid/","x")` || cell == `'+cmd|' /C calc'!A0` {
				found++
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d of the 2 formula cells, quoted", found)
	}
}

func around(b []byte, i int) string {
	return string(b[max(0, i-60):min(len(b), i+80)])
}
