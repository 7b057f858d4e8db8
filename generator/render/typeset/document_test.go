package typeset

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/assets"
)

// The letter of these tests is a document other than the briefing, laid
// out as an official document is (GB/T 9704: A4, a text area 156 mm wide
// and 225 mm high, the page number centred under it), with roles of its
// own: body text, headings that fall back on the body's font, and
// tables.
const (
	roleBody Role = iota
	roleHeading
	roleTable
)

var letterFrame = Frame{Left: 28 * MM, Top: 37 * MM, Width: 156 * MM, Bottom: 37*MM + 225*MM}

func letterFonts() Fonts {
	return NewFonts("the embedded Noto fonts",
		FontRole{Name: "body", Family: "Song", Files: [][]byte{assets.SerifRegular}, Fallback: []Role{roleTable}},
		FontRole{Name: "heading", Family: "Hei", Files: [][]byte{assets.SansBold}, Fallback: []Role{roleBody}},
		FontRole{Name: "table", Family: "Sans", Files: [][]byte{assets.SansRegular}, Fallback: []Role{roleBody}},
	)
}

var (
	letterBody    = Style{Role: roleBody, Size: 16, Color: Color{}}
	letterHeading = Style{Role: roleHeading, Size: 16, Color: Color{}}
	letterTable   = Style{Role: roleTable, Size: 10.5, Color: Color{}}
	letterColors  = Colors{Muted: Color{0x55, 0x55, 0x55}, Rule: Color{}, Light: Color{0x88, 0x88, 0x88}, Head: Color{0xee, 0xee, 0xee}, Stripe: Color{0xf8, 0xf8, 0xf8}}
)

// letter lays out a letter of paragraphs, a heading at the foot of the
// first page, and a table of rows that runs onto more pages; it returns
// the document and the paragraphs' text.
func letter(t *testing.T, ts *Typesetter, rows int) (*Document, []string) {
	t.Helper()
	f := NewFlow(letterFrame)
	var paras []string
	para := func(s string) {
		paras = append(paras, s)
		for _, b := range ts.Lines(NewText(s, letterBody), Para{Width: letterFrame.Width, Indent: 32, Lead: 28.9, Justify: true}) {
			f.Add(b)
		}
	}
	para("浙江省人民政府：根据《国务院办公厅关于开展第八次全国农民工工作督查的通知》要求，督查组于2016年1月对你省进行了实地督查。现将有关情况反馈如下。")
	para(strings.Repeat("督查发现，部分在建项目未按规定设立农民工工资专用账户，“实名制”管理落实不到位——个别地方存在拖欠。", 6))
	f.Flush()
	f.Add(&Box{H: f.Room() - 40}) // room for the heading, not for it and a line
	for _, b := range ts.Lines(NewText("一、主要问题", letterHeading), Para{Width: letterFrame.Width, Lead: 28.9}) {
		b.Keep = true
		d := b.Draw
		b.Draw = func(p *Page, x, y float64) {
			p.Anchor("problems", y)
			p.Outline("一、主要问题", 0, y)
			d(p, x, y)
		}
		f.Add(b)
	}
	para("以下问题请于三个月内整改，整改情况报督查办公室。")
	tb := ts.NewTable(Table{Width: letterFrame.Width, Size: letterTable.Size, Lead: 1.5, Colors: letterColors})
	head := []*Text{NewText("序号", letterTable), NewText("问题", letterTable), NewText("整改时限", letterTable)}
	var body [][]*Text
	for i := range rows {
		body = append(body, []*Text{NewText(fmt.Sprint(i+1), letterTable),
			NewText(fmt.Sprintf("第%d项问题：项目%d未足额缴存工资保证金", i+1, i+1), letterTable), NewText("2016年6月30日", letterTable)})
	}
	tb.AutoWidths(head, body)
	for _, b := range tb.TextBoxes(head, body) {
		f.Add(b)
	}
	f.Flush()
	pages := f.Pages()
	Furnish(pages, func(p *Page, no, total int) {
		ts.DrawString(p, fmt.Sprintf("— %d —", no), Style{Role: roleBody, Size: 14}, A4Width/2, A4Height-20*MM, AlignCenter)
		if no > 1 {
			p.LinkTo(letterFrame.Left, 20*MM, 50, 12, "problems")
		}
	})
	return &Document{Width: A4Width, Height: A4Height, Pages: pages, Info: Info{Title: "督查情况反馈", Creator: "ducha"}}, paras
}

// TestLetter: a document in a layout and roles of its own is laid out by
// the rules of the package doc, and written the same every time.
func TestLetter(t *testing.T) {
	ts, err := New(letterFonts())
	if err != nil {
		t.Fatal(err)
	}
	doc, paras := letter(t, ts, 60)
	if len(doc.Pages) < 3 {
		t.Fatalf("the letter has %d pages; the test wants a table over two pages at least", len(doc.Pages))
	}
	// The heading left the foot of the first page for the second, with
	// the paragraph after it.
	if got := doc.Pages[1].Anchors(); len(got) != 1 || got[0] != "problems" {
		t.Errorf("the anchors of page 2 are %q, want the heading's", got)
	}
	var first []string
	for _, r := range ts.Runs(doc.Pages[1])[:3] {
		first = append(first, r.Text)
	}
	if !strings.HasPrefix(strings.Join(first, ""), "一、主要问题以下问题") {
		t.Errorf("page 2 starts with %q, want the heading and its paragraph", first)
	}
	var a, b bytes.Buffer
	if err := ts.Write(context.Background(), &a, doc); err != nil {
		t.Fatal(err)
	}
	ts2, _ := New(letterFonts())
	doc2, _ := letter(t, ts2, 60)
	if err := ts2.Write(context.Background(), &b, doc2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same letter differ")
	}
	pages := strings.Split(pdftotext(t, a.Bytes()), "\f")
	all := squeeze(strings.Join(pages, ""))
	for _, s := range paras {
		if !strings.Contains(all, squeeze(s)) {
			t.Errorf("the letter lacks %.20q…", s)
		}
	}
	for i := range 60 {
		if !strings.Contains(all, fmt.Sprintf("第%d项问题：项目%d未足额缴存工资保证金", i+1, i+1)) {
			t.Errorf("the table lacks row %d", i+1)
		}
	}
	for i, pg := range pages[:len(doc.Pages)] {
		pg = squeeze(pg)
		if !strings.Contains(pg, fmt.Sprintf("—%d—", i+1)) {
			t.Errorf("page %d has no page number", i+1)
		}
		if strings.Contains(pg, "未足额缴存") && !strings.Contains(pg, "序号问题整改时限") {
			t.Errorf("page %d has rows of the table but not its header", i+1)
		}
	}
	if !bytes.Contains(a.Bytes(), []byte("/Title <FEFF")) || !bytes.Contains(a.Bytes(), []byte("/Type /Outlines")) {
		t.Error("the letter has no title or no outline")
	}
}

// TestNoGlyph: a character no font has is noted, and the document is not
// written with a space in its place.
func TestNoGlyph(t *testing.T) {
	ts, err := New(letterFonts())
	if err != nil {
		t.Fatal(err)
	}
	f := NewFlow(letterFrame)
	for _, b := range ts.Lines(NewText("古文字𐌀", letterBody), Para{Width: letterFrame.Width, Lead: 28.9}) {
		f.Add(b)
	}
	f.Flush()
	if got := ts.Missing(); got != '𐌀' {
		t.Errorf("Missing() = %q, want 𐌀", got)
	}
	var b bytes.Buffer
	err = ts.Write(context.Background(), &b, &Document{Width: A4Width, Height: A4Height, Pages: f.Pages()})
	var ge *GlyphError
	if !errors.As(err, &ge) || ge.Rune != '𐌀' || b.Len() != 0 {
		t.Errorf("Write: %v, %d bytes written; want a GlyphError for 𐌀 and nothing written", err, b.Len())
	}
}
