package site_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"

	"github.com/ducha/ducha/generator/output"
)

// searchRecords reads the records of the site's search data: for each, its
// path and its title and text as the search normalises them.
func searchRecords(t testing.TB, m *output.Memory) (paths, texts []string) {
	t.Helper()
	b, ok := m.File("assets/search-data.js")
	if !ok {
		t.Fatal("no assets/search-data.js")
	}
	b = b[bytes.IndexByte(b, '\'')+1 : bytes.LastIndexByte(b, '\'')]
	b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte(`\'`), []byte(`'`)), []byte(`\\`), []byte(`\`))
	var data struct{ Records [][]any }
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatalf("assets/search-data.js: %v", err)
	}
	for _, r := range data.Records {
		paths = append(paths, r[5].(string))
		texts = append(texts, strings.ToLower(norm.NFKC.String(r[6].(string)+" "+r[7].(string)+"\x00"+r[8].(string))))
	}
	return paths, texts
}

// testSearch types into the search box of the sample site, opened from
// file://: a Chinese substring that occurs only inside a word finds the
// findings that hold it, all of them, marked; one whose characters all
// occur, but never side by side in that order, finds nothing.
func testSearch(t *testing.T, b *browser, dir string, m *output.Memory) {
	paths, texts := searchRecords(t, m)
	count := func(q string) (n int, chars bool, first string) {
		chars = true
		for _, r := range q {
			in := false
			for _, x := range texts {
				in = in || strings.ContainsRune(x, r)
			}
			chars = chars && in
		}
		for i, x := range texts {
			if strings.Contains(x, q) {
				if n == 0 {
					first = paths[i]
				}
				n++
			}
		}
		return n, chars, first
	}
	const inside = "乡创" // inside 返乡创业, 回乡创办: never a word of its own
	want, _, _ := count(inside)
	if want == 0 || !onlyInside(texts, inside) {
		t.Fatalf("the sample must have %s, and only inside words", inside)
	}
	b.open(t, dir, "search.html")
	if eval[bool](t, b, `window.duchaSearch !== undefined`) {
		t.Error("the search data was loaded before the search box was used")
	}
	if err := chromedp.Do(b.ctx, chromedp.SendKeys("#search-q", inside)); err != nil {
		t.Fatal(err)
	}
	if got := b.waitHits(t); got != want {
		t.Errorf("typing %s shows %d results, want %d", inside, got, want)
	}
	hrefs := eval[[]string](t, b, `Array.from(document.querySelectorAll("#search-results .hit-title a")).map(a => a.getAttribute("href"))`)
	if len(hrefs) == 0 || !strings.Contains(strings.Join(hrefs, " "), "campaigns/2014/findings/gz-01.html") {
		t.Errorf("typing %s does not find the earlier campaign's finding 支持返乡创业 (campaigns/2014/findings/gz-01.html): %v", inside, hrefs)
	}
	if marks := eval[[]string](t, b, `Array.from(document.querySelectorAll("#search-results mark")).map(m => m.textContent)`); len(marks) == 0 || marks[0] != inside {
		t.Errorf("the matches are marked %v, want %s", marks, inside)
	}
	// The result leads to the finding's page, which loads.
	if len(hrefs) > 0 {
		if err := chromedp.Do(b.ctx, chromedp.Click("#search-results .hit-title a"), chromedp.WaitVisible("article.finding-page")); err != nil {
			t.Errorf("following the first result: %v", err)
		}
	}

	const apart = "创乡" // both characters occur, never side by side in this order
	n, chars, _ := count(apart)
	if n != 0 || !chars {
		t.Fatalf("the sample must have %s nowhere, and each of its characters somewhere", apart)
	}
	b.open(t, dir, "search.html")
	if err := chromedp.Do(b.ctx, chromedp.SendKeys("#search-q", apart)); err != nil {
		t.Fatal(err)
	}
	if got := b.waitHits(t); got != 0 {
		t.Errorf("typing %s shows %d results, want none", apart, got)
	}
	if status := eval[string](t, b, `document.getElementById("search-status").textContent`); !strings.Contains(status, "没有找到") {
		t.Errorf("the status says %q after a query that finds nothing", status)
	}

	// Filters: the earlier campaign, and problems only.
	b.open(t, dir, "search.html?q=工资&campaign=2014&kind=problem")
	got := b.waitHits(t)
	wantF := 0
	for i, x := range texts {
		if strings.Contains(x, "工资") && strings.HasPrefix(paths[i], "campaigns/2014/findings/") && problemPath(m, paths[i]) {
			wantF++
		}
	}
	if got != wantF || got == 0 {
		t.Errorf("工资 in the 2014 campaign's problems: %d results, want %d", got, wantF)
	}
	b.checkProblems(t)
}

// onlyInside reports whether every occurrence of s in texts has a Han
// character on each side: it is inside a longer word.
func onlyInside(texts []string, s string) bool {
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	for _, x := range texts {
		for i := strings.Index(x, s); i >= 0; {
			before, _ := utf8.DecodeLastRuneInString(x[:i])
			after, _ := utf8.DecodeRuneInString(x[i+len(s):])
			if !han(before) || !han(after) {
				return false
			}
			j := strings.Index(x[i+len(s):], s)
			if j < 0 {
				break
			}
			i += len(s) + j
		}
	}
	return true
}

// problemPath reports whether the finding page at path is a problem's.
func problemPath(m *output.Memory, path string) bool {
	page, _ := m.File(path)
	return bytes.Contains(page, []byte(`class="finding-page problem"`))
}

// waitHits waits for the search to answer and returns how many results it
// found.
func (b *browser) waitHits(t testing.TB) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		done := eval[bool](t, b, `window.duchaSearch !== undefined && !document.getElementById("search-status").textContent.includes("…")`)
		if done {
			return eval[int](t, b, `(() => { const s = document.getElementById("search-status").textContent.match(/\d+/); return document.querySelectorAll("#search-results li").length === 0 ? 0 : (s ? +s[0] : -1) })()`)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Error("the search did not answer within 10s")
	return -1
}
