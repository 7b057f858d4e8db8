package briefing

import (
	"html"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/render/gongwen"
)

// bboxWord is a word as pdftotext -bbox reports it: its box in points
// from the page's top left.
type bboxWord struct {
	page           int // from 1
	x0, y0, x1, y1 float64
	text           string
}

var bboxRe = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>|<page `)

// bboxWords runs pdftotext -bbox on the PDF and returns its words.
func bboxWords(t *testing.T, data []byte) []bboxWord {
	t.Helper()
	out := poppler(t, data, "pdftotext", "-bbox", "-enc", "UTF-8")
	var words []bboxWord
	page := 0
	for _, m := range bboxRe.FindAllStringSubmatch(out, -1) {
		if m[1] == "" {
			page++
			continue
		}
		w := bboxWord{page: page, text: html.UnescapeString(m[5])}
		for i, p := range []*float64{&w.x0, &w.y0, &w.x1, &w.y1} {
			*p, _ = strconv.ParseFloat(m[i+1], 64)
		}
		words = append(words, w)
	}
	return words
}

// emHeight is the height of a word's box in pdftotext -bbox, as a
// multiple of the font size: the ascent and descent of Noto Serif SC
// (1.151 + 0.286), which sets the body text of the official layout.
const emHeight = 1.437

// TestOfficialPDF checks the sample's briefing in the official layout as
// pdftotext reads it: body text at 3号 (16 pt) on the 156 mm line, level-one
// headings numbered 一、二、三… in order and the hierarchy 一、→（一）→
// 1.→（1）, page numbers "— N —" on the outer side, the issue number on
// the first page and the distribution record at the foot of the last.
func TestOfficialPDF(t *testing.T) {
	p, r := loadOfficial(t, os.DirFS("../../.."))
	data, n := write(t, p, r)
	words := bboxWords(t, data)
	left := gongwen.MarginLeft
	right := gongwen.MarginLeft + gongwen.TypeWidth

	// Body text: the lines that run from edge to edge of the type area,
	// but notes under charts, are at 16 pt.
	full, body := 0, 0
	for _, w := range words {
		if w.page < 3 || math.Abs(w.x0-left) > 0.5 || math.Abs(w.x1-right) > 1 || len([]rune(w.text)) < 20 {
			continue
		}
		full++
		if size := (w.y1 - w.y0) / emHeight; math.Abs(size-gongwen.BodySize) < 0.3 {
			body++
		} else {
			t.Logf("page %d: a full line at %.1f pt: %q", w.page, size, w.text)
		}
	}
	if body < 30 || body < full*9/10 {
		t.Errorf("%d of %d full lines of text are at 16 pt, want most and at least 30", body, full)
	}

	// Headings: level one in order, and each level under the one above.
	levelOne := regexp.MustCompile(`^([一二三四五六七八九十]+)、`)
	var ones []string
	pattern := []*regexp.Regexp{levelOne, regexp.MustCompile(`^（[一二三四五六七八九十]+）`), regexp.MustCompile(`^[0-9]+\.`), regexp.MustCompile(`^（[0-9]+）`)}
	seen := 0 // the deepest level seen in order
	for _, w := range words {
		if w.page < 4 || math.Abs(w.x0-(left+gongwen.Indent)) > 0.5 {
			continue
		}
		if m := levelOne.FindStringSubmatch(w.text); m != nil {
			ones = append(ones, m[1])
		}
		if seen < len(pattern) && pattern[seen].MatchString(w.text) {
			seen++
		}
	}
	if seen < len(pattern) {
		t.Errorf("the headings go down to level %d in order, want 一、→（一）→1.→（1）", seen)
	}
	for i, no := range ones {
		if want := strings.TrimSuffix(gongwen.Number(1, i+1), "、"); no != want {
			t.Errorf("level-one heading %d is numbered %s、, want %s、 (all: %v)", i+1, no, want, ones)
			break
		}
	}

	// Page numbers: "— N —" on every page but the first, at the right on
	// odd pages and at the left on even ones, one character in.
	folio := map[int][]bboxWord{}
	for _, w := range words {
		if w.y0 > gongwen.MarginTop+gongwen.TypeHeight && w.y1 < gongwen.FolioBaseline+8 {
			folio[w.page] = append(folio[w.page], w)
		}
	}
	for pg := 2; pg <= n; pg++ {
		fw := folio[pg]
		var num []bboxWord
		for _, w := range fw {
			if w.text == "—" || w.text == strconv.Itoa(pg) {
				num = append(num, w)
			}
		}
		if len(num) != 3 || num[0].text != "—" || num[1].text != strconv.Itoa(pg) || num[2].text != "—" {
			t.Errorf("page %d: page number %v, want — %d —", pg, num, pg)
			continue
		}
		if size := (num[1].y1 - num[1].y0) / emHeight; math.Abs(size-gongwen.FolioSize) > 0.3 {
			t.Errorf("page %d: page number at %.1f pt, want 14", pg, size)
		}
		if pg%2 == 1 && math.Abs(num[2].x1-(right-gongwen.FolioSize)) > 1 {
			t.Errorf("page %d (odd): page number ends at x=%.1f, want %.1f", pg, num[2].x1, right-gongwen.FolioSize)
		}
		if pg%2 == 0 && math.Abs(num[0].x0-(left+gongwen.FolioSize)) > 1 {
			t.Errorf("page %d (even): page number starts at x=%.1f, want %.1f", pg, num[0].x0, left+gongwen.FolioSize)
		}
	}

	// The issue number on the first page; the record at the foot of the last.
	text := func(pg int) string {
		var b strings.Builder
		for _, w := range words {
			if w.page == pg {
				b.WriteString(w.text)
			}
		}
		return b.String()
	}
	if !strings.Contains(text(1), "第8期") {
		t.Errorf("the first page lacks the issue number 第8期: %s", text(1))
	}
	last := text(n)
	for _, want := range []string{"报：国务院领导同志", "抄送：各省、自治区、直辖市人民政府农民工工作领导小组办公室", "国务院农民工工作领导小组办公室", "2016年4月5日印发"} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page lacks %q of the distribution record: %s", want, last)
		}
	}
	for _, w := range words {
		if w.page == n && strings.HasSuffix(w.text, "印发") && w.y1 < gongwen.MarginTop+gongwen.TypeHeight-30 {
			t.Errorf("the record's last line is at y=%.0f, not at the foot of the type area", w.y1)
		}
	}
}
