package gongwen

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/render/typeset"
)

func TestNumber(t *testing.T) {
	var c Numbering
	var got []string
	for _, level := range []int{1, 2, 2, 3, 4, 4, 3, 1, 2, 1} {
		got = append(got, c.Next(level))
	}
	want := "一、 （一） （二） 1. （1） （2） 2. 二、 （一） 三、"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("numbers = %q, want %q", s, want)
	}
	if n := Number(1, 12); n != "十二、" {
		t.Errorf("Number(1, 12) = %q", n)
	}
}

func newTS(t *testing.T) *typeset.Typesetter {
	t.Helper()
	ts, err := typeset.New(NewFonts(Embedded(), EmbeddedSource))
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestFolio checks that page numbers go on the outer side: right on odd
// pages, left on even ones, one character in, 7 mm below the type area.
func TestFolio(t *testing.T) {
	ts := newTS(t)
	for no, wantRight := range map[int]bool{1: true, 2: false, 13: true, 14: false} {
		p := &typeset.Page{}
		Folio(ts, p, no)
		runs := ts.Runs(p)
		if len(runs) == 0 {
			t.Fatalf("page %d: no folio", no)
		}
		var s strings.Builder
		for _, r := range runs {
			s.WriteString(r.Text)
		}
		if !strings.Contains(s.String(), "—") || !strings.Contains(s.String(), strings.TrimSpace(Number(3, no)[:len(Number(3, no))-1])) {
			t.Errorf("page %d: folio %q", no, s.String())
		}
		first, last := runs[0], runs[len(runs)-1]
		left, right := first.X, last.X+last.Width
		if wantRight && abs(right-(MarginLeft+TypeWidth-FolioSize)) > 0.5 {
			t.Errorf("page %d: folio ends at %.1f, want %.1f", no, right, MarginLeft+TypeWidth-FolioSize)
		}
		if !wantRight && abs(left-(MarginLeft+FolioSize)) > 0.5 {
			t.Errorf("page %d: folio starts at %.1f, want %.1f", no, left, MarginLeft+FolioSize)
		}
		if first.Size != FolioSize || first.Baseline <= MarginTop+TypeHeight+7*MM {
			t.Errorf("page %d: folio at size %.1f, baseline %.1f", no, first.Size, first.Baseline)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestGrid checks the body's grid: 22 lines of 16 pt a page, a full line
// of 27 characters.
func TestGrid(t *testing.T) {
	ts := newTS(t)
	text := strings.Repeat("督查组深入基层了解情况", 60)
	f := typeset.NewFlow(Frame())
	for _, b := range Paragraph(ts, typeset.NewText(text, BodyStyle())) {
		f.Add(b)
	}
	f.Flush()
	pages := f.Pages()
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	runs := ts.Runs(pages[0])
	lines := map[float64]int{}
	for _, r := range runs {
		if r.Size != BodySize {
			t.Fatalf("body run at %.1f pt", r.Size)
		}
		lines[r.Baseline] += len([]rune(r.Text))
	}
	if len(lines) != LinesPerPage {
		t.Errorf("%d lines on a full page, want %d", len(lines), LinesPerPage)
	}
	full := 0
	for _, n := range lines {
		full = max(full, n)
	}
	if full != CharsPerLine {
		t.Errorf("a full line holds %d characters, want %d", full, CharsPerLine)
	}
}

// TestDocument writes a letter-like document with every block, so that
// the blocks draw with the embedded fonts.
func TestDocument(t *testing.T) {
	ts := newTS(t)
	f := typeset.NewFlow(Frame())
	add := func(bs ...*typeset.Box) {
		for _, b := range bs {
			f.Add(b)
		}
	}
	add(MastheadBoxes(ts, Masthead{Name: "督查工作简报", Issue: "第8期", Issuer: "督查办公室", Date: "2026年3月1日"})...)
	add(Title(ts, "关于督查情况的通报")...)
	var n Numbering
	add(Heading(ts, 1, n.Next(1)+"基本情况")...)
	add(Text(ts, "督查组于3月1日至10日赴浙江省开展实地督查。")...)
	add(Heading(ts, 2, n.Next(2)+"主要做法")...)
	add(Signature(ts, "督查办公室", "2026年3月12日")...)
	rec := RecordBox(ts, Record{Lines: []RecordLine{{Label: "抄送", Text: "国家发展改革委，财政部，人力资源社会保障部。"}}, Issuer: "督查办公室", Date: "2026年3月12日"})
	AtFoot(f, rec)
	pages := f.Pages()
	typeset.Furnish(pages, func(p *typeset.Page, no, total int) { Folio(ts, p, no) })
	var buf bytes.Buffer
	if err := ts.Write(context.Background(), &buf, &typeset.Document{Width: PageWidth, Height: PageHeight, Pages: pages}); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range ts.Runs(pages[len(pages)-1]) {
		all.WriteString(r.Text)
	}
	for _, want := range []string{"抄送：", "2026年3月12日印发", "（一）主要做法", "— 1 —"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("last page lacks %q: %s", want, all.String())
		}
	}
}

// TestFontRoles: a role without files takes those FontFiles says, so
// that a project naming only regular and bold fonts sets titles and
// level-one headings in the bold, level-two headings and tables in the
// regular; a role given its own files keeps them.
func TestFontRoles(t *testing.T) {
	reg, bold, kai := []byte("regular"), []byte("bold"), []byte("kai")
	check := func(f typeset.Fonts, want map[typeset.Role][]byte) {
		t.Helper()
		for role, data := range want {
			if got := f.Roles[role].Files; len(got) != 1 || !bytes.Equal(got[0], data) {
				t.Errorf("role %s has %q, want %q", f.Roles[role].Name, got, data)
			}
		}
	}
	check(NewFonts(FontFiles{Regular: [][]byte{reg}, Bold: [][]byte{bold}}, "x"), map[typeset.Role][]byte{
		RoleBody: reg, RoleBold: bold, RoleSans: reg, RoleTitle: bold, RoleHeading1: bold, RoleHeading2: reg, RoleTable: reg,
	})
	check(NewFonts(FontFiles{Regular: [][]byte{reg}, Heading2: [][]byte{kai}}, "x"), map[typeset.Role][]byte{
		RoleBold: reg, RoleTitle: reg, RoleHeading1: reg, RoleHeading2: kai,
	})
	names := []string{"regular", "bold", "sans", "title", "heading1", "heading2", "table"}
	for i, ro := range NewFonts(Embedded(), EmbeddedSource).Roles {
		if ro.Name != names[i] {
			t.Errorf("role %d is named %q, want %q (the key of pdf.font)", i, ro.Name, names[i])
		}
	}
}
