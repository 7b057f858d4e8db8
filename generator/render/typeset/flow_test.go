package typeset

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// The tests of this file check the rules of page layout on the record a
// flow keeps, not on pixels: a frame 100 points high, and boxes that say
// who they are by the text they draw.

var smallFrame = Frame{Left: 10, Top: 10, Width: 100, Bottom: 110}

// named returns a box h high that draws its name, so that a test can see
// on which page it went.
func named(name string, h float64) *Box {
	return &Box{H: h, Draw: func(p *Page, x, y float64) { p.text(0, 10, Color{}, x, y+8, name, 0) }}
}

// where returns the names drawn on each page.
func where(pages []*Page) [][]string {
	out := make([][]string, len(pages))
	for i, p := range pages {
		for _, o := range p.ops {
			if o.kind == opText {
				out[i] = append(out[i], o.s)
			}
		}
	}
	return out
}

func flowOf(bs ...*Box) []*Page {
	f := NewFlow(smallFrame)
	for _, b := range bs {
		f.Add(b)
	}
	f.Flush()
	return f.Pages()
}

func checkLayout(t *testing.T, pages []*Page, want string) {
	t.Helper()
	if got := fmt.Sprint(where(pages)); got != want {
		t.Errorf("pages = %s, want %s", got, want)
	}
}

func checkAudit(t *testing.T, pages []*Page, want ...Rule) {
	t.Helper()
	var got []Rule
	for _, v := range Audit(pages) {
		got = append(got, v.Rule)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Audit = %v, want rules %v", Audit(pages), want)
	}
}

func TestTogether(t *testing.T) {
	// A block that does not fit in the rest of a page half full starts
	// the next page whole.
	block := Together([]*Box{named("t", 20), named("f", 20), named("r", 20)})
	pages := flowOf(named("a", 50), VSpace(5), block[0], block[1], block[2])
	checkLayout(t, pages, "[[a] [t f r]]")
	checkAudit(t, pages)

	// Without the block, the page is filled.
	pages = flowOf(named("a", 50), VSpace(5), named("t", 20), named("f", 20), named("r", 20))
	checkLayout(t, pages, "[[a t f] [r]]")
}

func TestTogetherUnderFull(t *testing.T) {
	// A block that would leave a page less than a third full breaks
	// where it may, and the audit agrees.
	bs := []*Box{named("h", 15), named("1", 15), named("2", 15), named("3", 15), named("4", 15), named("5", 15)}
	bs[0].Keep = true // a heading
	Together(bs)
	pages := flowOf(append([]*Box{named("a", 25)}, bs...)...)
	checkLayout(t, pages, "[[a h 1 2 3 4] [5]]")
	checkAudit(t, pages)

	// A block taller than a page breaks, but never after its heading.
	bs = []*Box{named("x", 60), named("h", 15), named("1", 15), named("2", 15)}
	bs[1].Keep = true
	Together(bs)
	pages = flowOf(append([]*Box{named("a", 40)}, bs...)...)
	checkLayout(t, pages, "[[a x] [h 1 2]]")
	checkAudit(t, pages)
}

func TestKeepPrev(t *testing.T) {
	// A note that does not fit under its paragraph takes the paragraph's
	// last two lines along; the first lines stay.
	lines := []*Box{named("l1", 20), named("l2", 20), named("l3", 20), named("l4", 20)}
	lines[0].Keep, lines[2].Keep = true, true
	note := named("note", 15)
	note.KeepPrev = true
	pages := flowOf(append(append([]*Box{named("a", 10)}, lines...), VSpace(3), note)...)
	checkLayout(t, pages, "[[a l1 l2] [l3 l4 note]]")
	checkAudit(t, pages)

	// Without KeepPrev, the note starts the page alone.
	note.KeepPrev = false
	pages = flowOf(append(append([]*Box{named("a", 10)}, lines...), VSpace(3), note)...)
	checkLayout(t, pages, "[[a l1 l2 l3 l4] [note]]")

	// A note under a block moves with the whole block.
	block := Together([]*Box{named("t", 20), named("f", 20)})
	cap := named("cap", 10)
	cap.KeepPrev = true
	pages = flowOf(named("a", 60), block[0], block[1], cap)
	checkLayout(t, pages, "[[a] [t f cap]]")
	checkAudit(t, pages)

	// Under a box that fills a page, it cannot: that is no fault.
	pages = flowOf(named("a", 95), cap)
	checkLayout(t, pages, "[[a] [cap]]")
	checkAudit(t, pages)
}

func TestPageBreakEndsSection(t *testing.T) {
	f := NewFlow(smallFrame)
	f.Add(named("a", 10))
	f.PageBreak()
	f.Add(named("b", 10))
	f.Add(named("c", 95))
	f.Add(named("d", 10))
	f.Flush()
	pages := f.Pages()
	checkLayout(t, pages, "[[a] [b] [c] [d]]")
	// Page 1 ends a section; page 2 is under full; page 4 is the last.
	checkAudit(t, pages, UnderFull)
	if v := Audit(pages)[0]; v.Page != 2 || !strings.Contains(v.String(), "page 2: page less than a third full: 10% full") {
		t.Errorf("violation %q", v)
	}
}

// TestAuditRules makes a page that breaks each rule, and checks that the
// audit says so.
func TestAuditRules(t *testing.T) {
	tm := &tableMark{header: true}
	blk := &block{h: 40}
	page := func(pls ...placement) *Page {
		p := &Page{top: 0, bottom: 100}
		y, h := 0.0, 40.0
		if len(pls) == 1 {
			h = 20 // under a third full
		}
		for i, pl := range pls {
			p.text(0, 10, Color{}, 0, y, fmt.Sprint("box", i), 0)
			pl.y, pl.h, pl.ops = y, h, [2]int{len(p.ops) - 1, len(p.ops)}
			y += h
			p.placed = append(p.placed, pl)
		}
		return p
	}
	pages := []*Page{
		page(placement{}, placement{keep: true}),               // 1: ends with a heading
		page(placement{keepPrev: true}, placement{block: blk}), // 2: starts with a note; a block runs over
		page(placement{block: blk}),                            // 3: under full; next starts with a row
		page(placement{table: tm}, placement{}),                // 4
		page(placement{keep: true, forced: true}),              // 5: a keep that cannot hold
		page(placement{}),                                      // 6: the last
	}
	pages[5].last = true
	got := fmt.Sprint(Audit(pages))
	want := "[page 1: alone at the foot of the page, apart from what follows it: “box1”" +
		" page 2: alone at the head of the page, apart from what it follows: “box0”" +
		" page 2: block split although it fits on a page: “box1”" +
		" page 3: page less than a third full: 20% full" +
		" page 4: continued table without its header and caption: “box0”" +
		" page 5: page less than a third full: 20% full]"
	if got != want {
		t.Errorf("Audit =\n%s\nwant\n%s", got, want)
	}
}

func TestTableCaptionAndWhole(t *testing.T) {
	ts, err := New(letterFonts())
	if err != nil {
		t.Fatal(err)
	}
	st := Style{Role: roleTable, Size: 10}
	tb := ts.NewTable(Table{Width: 100, Widths: []float64{50, 50}, Size: 10, Lead: 1.4})
	tb.Caption = func(continued bool) []*Box {
		s := "Table 1"
		if continued {
			s += " (continued)"
		}
		return ts.Lines(NewText(s, st), Para{Width: 100, Lead: 14})
	}
	rows := func(n int) [][]*Text {
		var out [][]*Text
		for i := range n {
			out = append(out, []*Text{NewText(fmt.Sprint("r", i), st), NewText("x", st)})
		}
		return out
	}
	header := []*Text{NewText("Key", st), NewText("Value", st)}
	texts := func(p *Page) string {
		var s []string
		for _, r := range ts.Runs(p) {
			s = append(s, r.Text)
		}
		return strings.Join(s, " ")
	}

	// A long table repeats its caption, marked, and its header row.
	pages := flowOf(tb.TextBoxes(header, rows(12))...)
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, p := range pages {
		want := "Table 1 Key Value r0"
		if i > 0 {
			want = "Table 1 (continued) Key Value r"
		}
		if got := texts(p); !strings.HasPrefix(got, want) {
			t.Errorf("page %d starts %q, want %q", i+1, got, want)
		}
	}
	checkAudit(t, pages)

	// A short table that does not fit under what comes before goes whole
	// to the next page.
	pages = flowOf(append([]*Box{named("a", 40)}, tb.TextBoxes(header, rows(3))...)...)
	if got := texts(pages[0]); got != "a" {
		t.Errorf("page 1 has %q, want only a", got)
	}
	checkAudit(t, pages)

	// A long table does not leave its first row alone at the foot of a
	// page, nor its last alone at the head of one.
	pages = flowOf(append([]*Box{named("a", 40)}, tb.TextBoxes(header, rows(13))...)...)
	if got := texts(pages[0]); got != "a" {
		t.Errorf("page 1 has %q, want only a", got)
	}
	last := texts(pages[len(pages)-1])
	if !strings.Contains(last, "r11") || !strings.Contains(last, "r12") {
		t.Errorf("the last page has %q, want the last two rows", last)
	}
	checkAudit(t, pages)

	// Unless it is told not to be whole, or only when it is shorter.
	for _, whole := range []int{-1, 2} {
		tb.Whole = whole
		pages = flowOf(append([]*Box{named("a", 40)}, tb.TextBoxes(header, rows(3))...)...)
		if got := texts(pages[0]); !strings.HasPrefix(got, "a Table 1 Key Value r0") {
			t.Errorf("Whole %d: page 1 has %q, want the table's start", whole, got)
		}
	}
}

func TestMarkdownClosingNote(t *testing.T) {
	ts, err := New(letterFonts())
	if err != nil {
		t.Fatal(err)
	}
	src := []byte("Some text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> 本页内容为示例。\n")
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	bs := ts.Markdown(doc, src, MarkdownStyle{Width: 300, Body: Style{Role: roleBody, Size: 10}, Lead: 1.5, Regular: roleBody, Bold: roleHeading, Sans: roleTable})
	last := bs[len(bs)-1]
	if !last.KeepPrev {
		t.Error("the closing note is not kept with what it follows")
	}
	for _, b := range bs[:len(bs)-1] {
		if b.KeepPrev {
			t.Error("a box other than the closing note is kept with what it follows")
		}
	}
}
