package briefing

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/typeset"
	synthpkg "github.com/ducha/ducha/internal/synth"
)

// The tests check the briefing as a reader gets it: the text that
// pdftotext (Debian's poppler-utils) extracts, and the page count pdfinfo
// reports.

// embedded returns the embedded fonts, parsed once for all tests.
var embedded = sync.OnceValue(func() typeset.Fonts {
	return gongwen.NewFonts(gongwen.Embedded(), "the embedded Noto fonts")
})

var created = time.Date(2016, 3, 31, 0, 0, 0, 0, time.UTC)

// loadProject loads and validates a project; it fails on any error.
func loadProject(t testing.TB, fsys fs.FS) (*model.Project, *report.Report) {
	t.Helper()
	p, diags, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if diags.HasErrors(false) {
		t.Fatalf("the project has errors:\n%v", diags.Err())
	}
	c := p.Current()
	if c == nil {
		t.Fatal("no campaign")
	}
	// These tests check the compact layout, unless the project chooses;
	// official_test.go checks the official one.
	if p.Config.PDF.Layout == model.LayoutAuto {
		p.Config.PDF.Layout = model.LayoutCompact
	}
	return p, report.New(c, p.Config.Lang())
}

// write writes the briefing and returns its bytes and page count.
func write(t testing.TB, p *model.Project, r *report.Report) ([]byte, int) {
	t.Helper()
	var b bytes.Buffer
	st, err := Write(context.Background(), &b, p, r, Options{Fonts: embedded(), Markdown: markdown.New(markdown.Options{}), Created: created})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), st.Pages
}

// poppler runs a poppler tool on the PDF data.
func poppler(t testing.TB, data []byte, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s not found: install poppler-utils (apt-get install poppler-utils)", tool)
	}
	file := filepath.Join(t.TempDir(), "briefing.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(tool, append(args, file, "-")...)
	if tool == "pdfinfo" || tool == "pdffonts" {
		cmd = exec.Command(tool, append(args, file)...)
	}
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, errb.String())
	}
	if errb.Len() > 0 {
		t.Errorf("%s complains about the PDF:\n%s", tool, errb.String())
	}
	return out.String()
}

// pages returns the text of every page, without any white space.
func pages(t testing.TB, data []byte, n int) []string {
	t.Helper()
	all := poppler(t, data, "pdftotext", "-enc", "UTF-8")
	out := strings.Split(all, "\f")
	if len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	if len(out) != n {
		t.Fatalf("pdftotext found %d pages, want %d", len(out), n)
	}
	for i := range out {
		out[i] = squeeze(out[i])
	}
	return out
}

// squeeze removes white space: pdftotext breaks lines where the briefing
// does, and a missing character would still show.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pageCount returns the number of pages pdfinfo reports.
func pageCount(t testing.TB, data []byte) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(poppler(t, data, "pdfinfo"))
	if m == nil {
		t.Fatal("pdfinfo reports no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// inOrder checks that want is in the pages, in order, possibly cut by page
// breaks (with the header, footer and repeated table headers between the
// parts).
func inOrder(t testing.TB, pgs []string, want string) {
	t.Helper()
	rest := []rune(squeeze(want))
	for _, pg := range pgs {
		if len(rest) == 0 {
			return
		}
		lo, hi := 0, len(rest)
		for lo < hi { // the longest prefix of rest on this page
			mid := (lo + hi + 1) / 2
			if strings.Contains(pg, string(rest[:mid])) {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		if lo == len(rest) || lo >= 8 {
			rest = rest[lo:]
		}
	}
	if len(rest) > 0 {
		done := len([]rune(squeeze(want))) - len(rest)
		t.Errorf("the briefing lacks part of the text: after %d characters, %q is missing", done, string(rest[:min(len(rest), 40)]))
	}
}

func TestSample(t *testing.T) {
	p, r := loadProject(t, os.DirFS("../../.."))
	var diags diag.List
	if err := CheckText(p, r.Campaign, embedded(), &diags); err != nil || diags.Len() > 0 {
		t.Fatalf("CheckText: %v\n%v", err, diags.Err())
	}
	data, n := write(t, p, r)
	if got := pageCount(t, data); got != n {
		t.Errorf("pdfinfo counts %d pages, Write %d", got, n)
	}
	pgs := pages(t, data, n)
	all := strings.Join(pgs, "")
	has := func(what, s string) {
		t.Helper()
		if !strings.Contains(all, squeeze(s)) {
			t.Errorf("the briefing lacks %s %q", what, s)
		}
	}
	lang := r.Lang
	has("the title", r.Campaign.Title.In(lang))
	for _, key := range []string{"contents", "section-scope", "section-figures", "section-ind", "section-groups",
		"section-provinces", "section-rect", "annex-title", "scope-self-exam", "main-problems", "good-practices"} {
		has("the heading", i18n.Tr(lang, key))
	}
	if pg := r.Campaign.Page(model.PageSummary, ""); pg != nil {
		has("the summary's title", pg.Title)
		for _, h := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(string(pg.Body), -1) {
			has("the summary's heading", h[1])
		}
	}
	for _, ps := range r.Provinces {
		has("the province", ps.Province.Name.In(lang))
	}
	for _, gs := range r.Groups {
		has("the group", i18n.GroupName(lang, gs.Group.No))
		has("the lead unit", gs.Group.Lead.Name.In(lang))
		has("the lead unit", gs.Group.Lead.Label(lang))
	}
	annex := strings.Join(pgs[annexPage(t, pgs, lang):], "")
	for _, f := range r.Unclosed {
		has("the open problem", f.Title.In(lang))
		if !strings.Contains(annex, f.Title.In(lang)) {
			t.Errorf("the annex lacks the problem %s", f.ID)
		}
	}
	for _, f := range r.Findings {
		if !strings.Contains(annex, f.ID) {
			t.Errorf("the annex lacks the finding %s", f.ID)
		}
	}
	if len(r.Unclosed) == 0 || len(r.Findings) < 40 {
		t.Errorf("the sample has %d findings, %d open: too few to test with", len(r.Findings), len(r.Unclosed))
	}
	checkPageNumbers(t, pgs, lang)
	checkContents(t, data, pgs, n, p.Config.PDF.Marking.In(lang))
	checkOutline(t, data)
}

// checkOutline checks the links of the bookmarks: each entry's Parent,
// Prev, Next, First and Last, from the outline dictionary down.
func checkOutline(t *testing.T, data []byte) {
	t.Helper()
	objs := map[int][]byte{}
	for _, m := range regexp.MustCompile(`(?s)(\d+) 0 obj\s*(.*?)endobj`).FindAllSubmatch(data, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		objs[n] = m[2]
	}
	ref := func(obj []byte, key string) int {
		m := regexp.MustCompile(`/` + key + ` (\d+) 0 R`).FindSubmatch(obj)
		if m == nil {
			return 0
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	root := 0
	for n, obj := range objs {
		if bytes.Contains(obj, []byte("/Type /Outlines")) {
			root = n
		}
	}
	if root == 0 {
		t.Fatal("the PDF has no outline")
	}
	entries := 0
	var walk func(first, parent int) int
	walk = func(first, parent int) int {
		prev := 0
		for n := first; n != 0; n = ref(objs[n], "Next") {
			entries++
			if entries > 10000 {
				t.Fatal("the outline has a cycle")
			}
			obj := objs[n]
			if got := ref(obj, "Parent"); got != parent {
				t.Errorf("bookmark %d: parent %d, want %d", n, got, parent)
			}
			if got := ref(obj, "Prev"); got != prev {
				t.Errorf("bookmark %d: prev %d, want %d", n, got, prev)
			}
			if first := ref(obj, "First"); first != 0 {
				if last := walk(first, n); ref(obj, "Last") != last {
					t.Errorf("bookmark %d: last %d, want %d", n, ref(obj, "Last"), last)
				}
			}
			prev = n
		}
		return prev
	}
	if last := walk(ref(objs[root], "First"), root); ref(objs[root], "Last") != last {
		t.Errorf("outline: last %d, want %d", ref(objs[root], "Last"), last)
	}
	if entries != len(bookmarks(data)) {
		t.Errorf("%d bookmarks are linked, %d written", entries, len(bookmarks(data)))
	}
}

// annexPage returns the index of the page where the annex starts.
func annexPage(t *testing.T, pgs []string, lang model.Lang) int {
	t.Helper()
	title := squeeze(i18n.Tr(lang, "annex-title"))
	for i := len(pgs) - 1; i >= 0; i-- {
		if strings.Contains(pgs[i], title) && strings.Contains(pgs[i], squeeze(i18n.Tr(lang, "annex"))) {
			return i
		}
	}
	t.Fatal("no annex")
	return 0
}

// checkPageNumbers checks that every page but the cover says "page X of Y"
// with Y the number of pages.
func checkPageNumbers(t *testing.T, pgs []string, lang model.Lang) {
	t.Helper()
	for i, pg := range pgs {
		want := squeeze(i18n.Trf(lang, "page-of", i+1, len(pgs)))
		if got := strings.Contains(pg, want); got != (i > 0) {
			t.Errorf("page %d: has %q = %v, want %v", i+1, want, got, i > 0)
		}
	}
}

// checkContents checks that every entry of the contents names the page
// its heading is on, and that the bookmarks have the same entries.
// checkContents checks that each entry of the contents is on the page it
// names. The page header's marking is left out of the page's text: text
// extraction may place it between the parts of a heading.
func checkContents(t *testing.T, data []byte, pgs []string, n int, marking string) {
	t.Helper()
	entry := regexp.MustCompile(`^\s*(\S.*?\S)\s+(\d+)\s*$`)
	// The contents run from page 2 to the page before the first entry's.
	last := 2
	for _, line := range strings.Split(poppler(t, data, "pdftotext", "-enc", "UTF-8", "-layout", "-f", "2", "-l", "2"), "\n") {
		if m := entry.FindStringSubmatch(line); m != nil && !strings.Contains(line, "/") {
			first, _ := strconv.Atoi(m[2])
			last = max(2, first-1)
			break
		}
	}
	layout := poppler(t, data, "pdftotext", "-enc", "UTF-8", "-layout", "-f", "2", "-l", strconv.Itoa(last))
	var titles []string
	for _, line := range strings.Split(layout, "\n") {
		m := entry.FindStringSubmatch(line)
		if m == nil || strings.Contains(line, "/") || strings.Count(m[1], " ") > 3 && !strings.ContainsFunc(m[1], unicode.IsLetter) {
			continue
		}
		title, no := squeeze(m[1]), m[2]
		if strings.HasPrefix(title, "第") && strings.HasSuffix(title, "页共") {
			continue // the footer
		}
		page, _ := strconv.Atoi(no)
		if page < 3 || page > n {
			t.Errorf("contents: %q on page %d, which does not exist", title, page)
			continue
		}
		text := pgs[page-1]
		if m := squeeze(marking); m != "" {
			text = strings.ReplaceAll(text, m, "")
		}
		if !strings.Contains(text, title) {
			t.Errorf("contents: %q is not on page %d", title, page)
		}
		titles = append(titles, title)
	}
	if len(titles) < 10 {
		t.Fatalf("contents: only %d entries found: %q", len(titles), titles)
	}
	marks := bookmarks(data)
	if len(marks) != len(titles)+1 {
		t.Fatalf("the PDF has %d bookmarks, want %d (the contents and its %d entries): %q", len(marks), len(titles)+1, len(titles), marks)
	}
	for i, title := range titles {
		if squeeze(marks[i+1]) != title {
			t.Errorf("bookmark %d is %q, want %q", i+2, marks[i+1], title)
		}
	}
}

// bookmarks returns the titles of the PDF's outline entries, in order.
func bookmarks(data []byte) []string {
	var out []string
	for _, m := range regexp.MustCompile(`/Dest \[ \d+ 0 R /XYZ [^\]]*\]\s*/Title <FEFF([0-9A-F]*)>`).FindAllSubmatch(data, -1) {
		b, _ := hex.DecodeString(string(m[1]))
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
		out = append(out, string(utf16.Decode(u)))
	}
	return out
}

func TestDeterministic(t *testing.T) {
	p, r := loadProject(t, os.DirFS("../../.."))
	first, _ := write(t, p, r)
	second, _ := write(t, p, r)
	if !bytes.Equal(first, second) {
		t.Fatal("two writes of the same briefing differ")
	}
	saved := time.Local
	time.Local = time.FixedZone("UTC+14", 14*3600)
	defer func() { time.Local = saved }()
	third, _ := write(t, p, r)
	if !bytes.Equal(first, third) {
		t.Fatal("the briefing depends on the local time zone")
	}
	if !bytes.Contains(first, []byte("/CreationDate(D:20160331000000+00'00')")) {
		t.Error("the creation date is not Options.Created")
	}
}

func TestMissingGlyphs(t *testing.T) {
	p, r := loadProject(t, os.DirFS("testdata/projects/missing"))
	var diags diag.List
	if err := CheckText(p, r.Campaign, embedded(), &diags); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	want := []string{
		`content/2015/summary.md:4:8: the briefing's fonts (the embedded Noto fonts) cannot draw "𐌀" (U+10300, Old_Italic) in the text; use another character, or add a font that has it to pdf.font in ducha.yaml (each role takes a list of fonts, tried in order)`,
		`content/2015/summary.md:7:1: the briefing's fonts (the embedded Noto fonts) cannot draw "𐌀" (U+10300, Old_Italic) in the text; use another character, or add a font that has it to pdf.font in ducha.yaml (each role takes a list of fonts, tried in order)`,
		`content/2015/summary.md:9:3: the briefing's fonts (the embedded Noto fonts) cannot draw the character (U+10FFFD, private use) in the text; use another character, or add a font that has it to pdf.font in ducha.yaml (each role takes a list of fonts, tried in order)`,
		`data/2015/provinces/zj.yaml:12:12: the briefing's fonts (the embedded Noto fonts) cannot draw the character (U+10FFFD, private use) in the finding's title (character 5 of the text); use another character, or add a font that has it to pdf.font in ducha.yaml (each role takes a list of fonts, tried in order)`,
		`data/2015/provinces/zj.yaml:18:13: the briefing's fonts (the embedded Noto fonts) cannot draw "𐌀" (U+10300, Old_Italic) in the finding's detail (character 3 of the text); use another character, or add a font that has it to pdf.font in ducha.yaml (each role takes a list of fonts, tried in order)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("CheckText reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Write refuses what CheckText reports, rather than print a space.
	var b bytes.Buffer
	_, err := Write(context.Background(), &b, p, r, Options{Fonts: embedded(), Created: created})
	if err == nil || !strings.Contains(err.Error(), "U+") {
		t.Errorf("Write with characters the fonts lack: error %v, want one naming the character", err)
	}
}

func TestBadFont(t *testing.T) {
	p, r := loadProject(t, os.DirFS("testdata/projects/missing"))
	p.Config.PDF.Font = model.FontConfig{Regular: []string{"fonts/x.otf"}, Src: model.Src{Pos: model.Pos{File: "ducha.yaml", Line: 3, Col: 3},
		Keys: []model.KeyPos{{Key: "regular", Line: 4, Col: 14}}}}
	var diags diag.List
	fonts := NewFonts([][]byte{[]byte("OTTO and more bytes")}, nil, nil, "fonts/x.otf")
	if err := CheckText(p, r.Campaign, fonts, &diags); err != nil {
		t.Fatal(err)
	}
	got := diags.Err()
	if got == nil || !strings.HasPrefix(got.Error(), "ducha.yaml:4:14: font \"fonts/x.otf\" cannot be used: ") || !strings.Contains(got.Error(), "TrueType") {
		t.Errorf("CheckText with an OpenType CFF font: %v", got)
	}
}

// longText returns n characters of mixed Chinese and English text.
func longText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < 4*n; i++ {
		fmt.Fprintf(&b, "第%d段：督查组抽查发现部分项目工资支付不及时，涉及农民工%d人（其中暗访%d处）。Check number %d found arrears of %d yuan; ", i, 10+i, i%7, i, 1000*i)
	}
	return string([]rune(b.String())[:n])
}

func TestNothingLost(t *testing.T) {
	long := longText(3000)
	var table strings.Builder
	table.WriteString("## 表格\n\n| 序号 | 省份 | 内容 |\n|---:|---|---|\n")
	for i := range 200 {
		fmt.Fprintf(&table, "| %d | 省份%d | 第%d行的内容，用于检查表格跨页时表头重复、行高随文字增长 row %d text |\n", i+1, i, i+1, i+1)
	}
	s := synth{provinces: 5, findings: 40, summary: "---\ntitle: 摘要\n---\n" + table.String(),
		detail: func(i int) string {
			if i == 2 { // a good practice: its row has no other long cell
				return long
			}
			return fmt.Sprintf("第%d项发现的事实。", i)
		}}
	p, r := loadProject(t, s.project(t))
	if len(r.Findings) != 200 {
		t.Fatalf("%d findings, want 200", len(r.Findings))
	}
	data, n := write(t, p, r)
	pgs := pages(t, data, n)
	inOrder(t, pgs, long)
	all := strings.Join(pgs, "")
	for i := range 200 {
		for _, cell := range []string{fmt.Sprintf("省份%d", i), fmt.Sprintf("第%d行的内容，用于检查表格跨页时表头重复、行高随文字增长row%dtext", i+1, i+1)} {
			if !strings.Contains(all, cell) {
				t.Errorf("the summary's table lacks %q", cell)
			}
		}
	}
	annex := strings.Join(pgs[annexPage(t, pgs, r.Lang):], "")
	for _, f := range r.Findings {
		if !strings.Contains(annex, squeeze(f.Title.In(r.Lang))) {
			t.Errorf("the annex lacks %s", f.ID)
		}
		if f.ID != r.Findings[2].ID && !strings.Contains(annex, squeeze(f.Detail.In(r.Lang))) {
			t.Errorf("the annex lacks the detail of %s", f.ID)
		}
	}
	// The table's header is repeated on every page it runs onto.
	head := squeeze("序号省份内容")
	pagesWithRows := 0
	for _, pg := range pgs {
		if strings.Contains(pg, "用于检查表格跨页") {
			pagesWithRows++
			if !strings.Contains(pg, head) {
				t.Errorf("a page of the table has no header: %.80s", pg)
			}
		}
	}
	if pagesWithRows < 3 {
		t.Errorf("the table runs over %d pages; the test wants at least 3", pagesWithRows)
	}
}

func TestAnnexChoice(t *testing.T) {
	for _, tc := range []struct {
		config string
		want   func(r *report.Report) []*model.Finding
	}{
		{"", func(r *report.Report) []*model.Finding { return r.Findings }},
		{"pdf: {annex: all}", func(r *report.Report) []*model.Finding { return r.Findings }},
		{"pdf: {annex: problems}", func(r *report.Report) []*model.Finding { return r.Problems }},
		{"pdf: {annex: open}", func(r *report.Report) []*model.Finding { return r.Unclosed }},
	} {
		t.Run(tc.config, func(t *testing.T) {
			p, r := loadProject(t, synth{provinces: 3, findings: 8, config: tc.config}.project(t))
			data, n := write(t, p, r)
			pgs := pages(t, data, n)
			annex := strings.Join(pgs[annexPage(t, pgs, r.Lang):], "")
			want := map[string]bool{}
			for _, f := range tc.want(r) {
				want[f.ID] = true
			}
			for _, f := range r.Findings {
				if got := strings.Contains(annex, f.ID+"合成") || strings.Contains(annex, f.ID); got != want[f.ID] {
					t.Errorf("annex lists %s: %v, want %v", f.ID, got, want[f.ID])
				}
			}
		})
	}
}

// TestAnnexAuto checks what a briefing of a large campaign holds: no annex,
// and a rectification section of the overdue problems only, all of them.
func TestAnnexAuto(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	fsys, err := synthpkg.FS(synthpkg.Options{Findings: AnnexAutoLimit + 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	p, r := loadProject(t, fsys)
	if len(r.Findings) <= AnnexAutoLimit {
		t.Fatalf("%d findings: not above the limit", len(r.Findings))
	}
	b := &briefing{p: p, r: r, c: r.Campaign, lang: r.Lang}
	if got, _ := b.annexFindings(); b.annexChoice() != model.AnnexNone || len(got) != 0 {
		t.Errorf("above %d findings the annex lists %d findings, want none", AnnexAutoLimit, len(got))
	}
	var overdue []*model.Finding
	for _, f := range r.Unclosed {
		if f.Overdue(r.AsOf) {
			overdue = append(overdue, f)
		}
	}
	if got := b.tracked(); len(got) != len(overdue) || len(got) == 0 || len(got) == len(r.Unclosed) {
		t.Fatalf("rectification lists %d problems, want the %d overdue of %d open", len(got), len(overdue), len(r.Unclosed))
	}
	data, n := write(t, p, r)
	text := strings.Join(pages(t, data, n), "")
	if strings.Contains(text, "督查发现清单") {
		t.Error("the briefing of a large campaign has an annex")
	}
	for _, f := range overdue {
		if !strings.Contains(text, f.ID) {
			t.Errorf("overdue problem %s is not in the briefing", f.ID)
		}
	}
}

// synthFS returns a generated project of n findings.
func synthFS(n int) func(testing.TB) fs.FS {
	return func(t testing.TB) fs.FS {
		fsys, err := synthpkg.FS(synthpkg.Options{Findings: n, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		return fsys
	}
}

// TestSynth writes briefings of generated campaigns, whose findings have
// Markdown details of every kind the generator writes.
func TestSynth(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	for _, seed := range []uint64{1, 2} {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			fsys, err := synthpkg.FS(synthpkg.Options{Findings: 120, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			p, r := loadProject(t, fsys)
			var diags diag.List
			if err := CheckText(p, r.Campaign, embedded(), &diags); err != nil || diags.Len() > 0 {
				t.Fatalf("CheckText: %v %v", err, diags.Err())
			}
			data, n := write(t, p, r)
			pgs := pages(t, data, n)
			annex := strings.Join(pgs[annexPage(t, pgs, r.Lang):], "")
			for _, f := range r.Findings {
				if !strings.Contains(annex, squeeze(f.Title.In(r.Lang))) {
					t.Errorf("the annex lacks %s %q", f.ID, f.Title.In(r.Lang))
				}
			}
			checkPageNumbers(t, pgs, r.Lang)
		})
	}
}

// BenchmarkWrite writes the briefing of the sample and of generated
// campaigns (synth-N: N findings; above 2,000 the rectification section
// lists overdue problems and there is no annex) and reports the cost per
// page.
func BenchmarkWrite(b *testing.B) {
	for _, bc := range []struct {
		name string
		fsys func(testing.TB) fs.FS
	}{
		{"sample", func(testing.TB) fs.FS { return os.DirFS("../../..") }},
		{"synth-500", synthFS(500)},
		{"synth-2000", synthFS(2000)},
		{"synth-10000", synthFS(10000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			p, r := loadProject(b, bc.fsys(b))
			opts := Options{Fonts: embedded(), Markdown: markdown.New(markdown.Options{}), Created: created}
			pagesOut := 0
			b.ReportAllocs()
			for b.Loop() {
				var buf bytes.Buffer
				st, err := Write(context.Background(), &buf, p, r, opts)
				if err != nil {
					b.Fatal(err)
				}
				pagesOut = st.Pages
			}
			b.ReportMetric(float64(pagesOut), "pages")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pagesOut), "ns/page")
		})
	}
}

func TestMinimal(t *testing.T) {
	p, r := loadProject(t, os.DirFS("../../../testdata/projects/minimal"))
	data, n := write(t, p, r)
	all := strings.Join(pages(t, data, n), "")
	for _, s := range []string{"部分在建项目未设立农民工工资专用账户", "推行“互联网+职业培训”", "国家发展和改革委员会", "浙江省",
		squeeze(i18n.Tr(r.Lang, "summary"))} {
		if !strings.Contains(all, squeeze(s)) {
			t.Errorf("the briefing lacks %q", s)
		}
	}
}

func TestEmptyCampaign(t *testing.T) {
	p, _ := loadProject(t, os.DirFS("../../../testdata/projects/minimal"))
	c := p.Current()
	for _, in := range c.OnSite {
		in.Visits, in.Findings, in.Values = nil, nil, nil
	}
	c.Index()
	r := report.New(c, p.Config.Lang())
	data, n := write(t, p, r)
	all := strings.Join(pages(t, data, n), "")
	if !strings.Contains(all, squeeze(i18n.Tr(r.Lang, "no-data"))) {
		t.Error("empty charts do not say there is no data")
	}
}

func TestConcurrentWrites(t *testing.T) {
	p, r := loadProject(t, os.DirFS("../../../testdata/projects/minimal"))
	fonts := NewFonts([][]byte{assets.SerifRegular}, [][]byte{assets.SansBold}, [][]byte{assets.SansRegular}, "the embedded Noto fonts")
	out := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			var b bytes.Buffer
			if _, err := Write(context.Background(), &b, p, r, Options{Fonts: fonts, Created: created}); err != nil {
				t.Error(err)
			}
			out[i] = b.Bytes()
		})
	}
	wg.Wait()
	for i := range out {
		if !bytes.Equal(out[i], out[0]) {
			t.Fatal("concurrent writes with shared fonts differ")
		}
	}
}

func TestCanceled(t *testing.T) {
	p, r := loadProject(t, os.DirFS("../../../testdata/projects/minimal"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if _, err := Write(ctx, &b, p, r, Options{Fonts: embedded(), Created: created}); err == nil {
		t.Error("Write with a canceled context succeeded")
	}
}

// TestWordsListed checks that uiKeys lists every word the code prints, so
// that CheckText checks the project's fonts against them.
func TestWordsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, k := range uiKeys {
		listed[k] = true
		if i18n.Tr(model.ZH, k) == k || i18n.Tr(model.EN, k) == k {
			t.Errorf("uiKeys: %q is not a word of package i18n", k)
		}
	}
	files, _ := filepath.Glob("*.go")
	used := regexp.MustCompile(`word(?:f)?\("([a-z0-9.-]+)"|"(more-[a-z-]+)"|range \[\]string\{([^}]*)\}`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			keys := []string{m[1] + m[2]}
			if m[3] != "" {
				keys = strings.Split(strings.ReplaceAll(strings.ReplaceAll(m[3], `"`, ""), " ", ""), ",")
			}
			for _, k := range keys {
				if k != "" && !listed[k] && i18n.Tr(model.ZH, k) != k {
					t.Errorf("%s prints the word %q, which uiKeys does not list", f, k)
				}
			}
		}
	}
}

func TestProjectFontLacksWords(t *testing.T) {
	p, _ := loadProject(t, os.DirFS("testdata/projects/missing"))
	p.Config.PDF.Font = model.FontConfig{Regular: []string{"fonts/latin.ttf"}, Src: model.Src{Pos: model.Pos{File: "ducha.yaml", Line: 2, Col: 3},
		Keys: []model.KeyPos{{Key: "regular", Line: 3, Col: 14}}}}
	// A font with ASCII only: the Chinese words of the briefing cannot be
	// drawn, the English ones can.
	var ascii []rune
	for r := rune(0x20); r < 0x7f; r++ {
		ascii = append(ascii, r)
	}
	ts, err := typeset.New(NewFonts([][]byte{smallFont(t, string(ascii))}, nil, nil, "fonts/latin.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	for r := rune(0); r < 0x30000; r++ {
		if ts.Has(r) != (r >= 0x20 && r < 0x7f) {
			t.Fatalf("the ASCII font has %U: %v", r, ts.Has(r))
		}
	}
	for _, tc := range []struct {
		lang model.Lang
		want string
	}{
		{model.ZH, `(U+622A, Han)`},
		{model.EN, `(U+2013)`},
	} {
		var diags diag.List
		ck := &checker{ts: ts, diags: &diags, lang: tc.lang}
		ck.checkWords(p, &diags)
		err := diags.Err()
		if err == nil || !strings.HasPrefix(err.Error(), `ducha.yaml:3:14: the font "fonts/latin.ttf" cannot draw `) ||
			!strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "the briefing's or the letters' own words") {
			t.Errorf("%s: %v, want %s...", tc.lang, err, tc.want)
		}
	}
}

// TestProjectFontLacksLetterWords checks that a project's font is checked
// against the words of the feedback letters too, which are set in the same
// fonts: a font that has every character of the briefing's own words but
// 馈 (of 反馈意见, which only the letters print) is refused by ducha check,
// not by the build halfway through writing the letters.
func TestProjectFontLacksLetterWords(t *testing.T) {
	p, _ := loadProject(t, os.DirFS("testdata/projects/missing"))
	p.Config.PDF.Font = model.FontConfig{Regular: []string{"fonts/own.ttf"}, Src: model.Src{Pos: model.Pos{File: "ducha.yaml", Line: 2, Col: 3},
		Keys: []model.KeyPos{{Key: "regular", Line: 3, Col: 14}}}}
	for _, k := range uiKeys {
		if strings.ContainsRune(i18n.Tr(model.ZH, k), '馈') {
			t.Fatalf("the briefing's word %q has 馈: choose another character only the letters print", k)
		}
	}
	if !strings.ContainsRune(strings.Join(i18n.Words(model.ZH, "letter."), ""), '馈') {
		t.Fatal("no letter word has 馈")
	}
	ts, err := typeset.New(NewFonts([][]byte{smallFont(t, strings.ReplaceAll(uiText(model.ZH), "馈", ""))}, nil, nil, "fonts/own.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	ck := &checker{ts: ts, diags: &diags, lang: model.ZH}
	ck.checkWords(p, &diags)
	if err := diags.Err(); err == nil || !strings.Contains(err.Error(), "U+9988") {
		t.Errorf("a font without 馈: %v, want it named (U+9988)", err)
	}
}

func TestMarkdown(t *testing.T) {
	fsys := fstest.MapFS{}
	root := "../../../testdata/projects/minimal"
	err := fs.WalkDir(os.DirFS(root), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["content/2015/summary.md"] = &fstest.MapFile{Data: []byte(`---
title: 综合报告
---
## 一、概况

正文**加粗一**与*强调二*，` + "`代码三`" + `，~~删除四~~，[链接五](https://example.org/a)，<https://example.org/b>，
软换行不加空格；a\*b &amp; &#x4E2D;；**一、资金管理：**\ 存在问题六。<span>内嵌七</span>

> 引用八

1. 有序九
2. 有序十
   - 嵌套十一

- [x] 任务十二
- [ ] 任务十三

` + "```" + `
代码块十四
  缩进十五
` + "```" + `

| 左 | 右 |
|:--|--:|
| 单元十六 | 17 |

脚注十八[^1]

[脚本二十一](javascript:alert(1))，<javascript:alert(2)>。

<div>
块二十二
</div>

---

![图片十九](pic.png)

[^1]: 脚注内容二十
`)}
	// The image exists, for the check; Write is given no project to read
	// it from, so the briefing prints its description.
	fsys["content/2015/pic.png"] = &fstest.MapFile{Data: []byte("not read")}
	p, r := loadProject(t, fsys)
	data, n := write(t, p, r)
	all := strings.Join(pages(t, data, n), "")
	for _, s := range []string{"综合报告", "一、概况", "正文加粗一与强调二，代码三，删除四，链接五(https://example.org/a)，https://example.org/b，",
		"软换行不加空格；a*b&中；一、资金管理：存在问题六。<span>内嵌七</span>", "脚本二十一，javascript:alert(2)。", "<div>块二十二</div>", "引用八", "1.有序九", "2.有序十", "嵌套十一", "任务十二", "任务十三",
		"代码块十四", "缩进十五", "左右", "单元十六17", "脚注十八[1]", "[1]脚注内容二十", "[图片十九]"} {
		if !strings.Contains(all, s) {
			t.Errorf("the briefing lacks %q", s)
		}
	}
	for _, s := range []string{"**", "\\", "(javascript:", "脚本二十一]"} {
		if strings.Contains(all, s) {
			t.Errorf("the briefing shows Markdown syntax %q", s)
		}
	}
	i := strings.Index(all, "任务十二")
	if box := all[max(i-8, 0):i]; !strings.Contains(box, "[x]") && !strings.Contains(box, "☑") {
		t.Errorf("a done task shows %q before it", box)
	}
	if !bytes.Contains(data, []byte("/URI (https://example.org/a)")) {
		t.Error("the link is not clickable")
	}
	if bytes.Contains(data, []byte("/URI (javascript")) {
		t.Error("a javascript: link is clickable")
	}
}

// writeCounter counts the calls to Write, each a system call on a file.
type writeCounter struct {
	calls, bytes int
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.calls++
	w.bytes += len(p)
	return len(p), nil
}

// TestWriteBuffered: the briefing reaches its writer in large pieces, not
// in the thousands of small ones gopdf makes.
func TestWriteBuffered(t *testing.T) {
	p, r := loadProject(t, os.DirFS("../../.."))
	var w writeCounter
	if _, err := Write(context.Background(), &w, p, r, Options{Fonts: embedded(), Created: created}); err != nil {
		t.Fatal(err)
	}
	if most := w.bytes/(32<<10) + 2; w.calls > most {
		t.Errorf("%d bytes in %d writes, want at most %d", w.bytes, w.calls, most)
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestWriteError: a writer's error is returned, not lost in gopdf.
func TestWriteError(t *testing.T) {
	p, r := loadProject(t, os.DirFS("../../../testdata/projects/minimal"))
	_, err := Write(context.Background(), failingWriter{}, p, r, Options{Fonts: embedded(), Created: created})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the writer's error", err)
	}
}
