package gongwen

import (
	"strconv"

	"github.com/ducha/ducha/generator/render/typeset"
)

// Paragraph sets t as a paragraph of body text: the first line indented
// two characters, lines on the grid (LinePitch), CJK lines justified.
func Paragraph(ts *typeset.Typesetter, t *typeset.Text) []*typeset.Box {
	return ts.Lines(t, typeset.Para{Width: TypeWidth, Lead: LinePitch, Indent: Indent, Justify: true, Base: BodySize})
}

// Text sets s as a paragraph of body text (Paragraph).
func Text(ts *typeset.Typesetter, s string) []*typeset.Box {
	return Paragraph(ts, typeset.NewText(s, BodyStyle()))
}

// Heading sets a heading of level 1 to 4, its number (Number) written
// before it by the caller: indented two characters like the body, in the
// level's face (HeadingStyle), on the grid, kept with what follows.
func Heading(ts *typeset.Typesetter, level int, title string) []*typeset.Box {
	lines := ts.Lines(typeset.NewText(title, HeadingStyle(level)),
		typeset.Para{Width: TypeWidth, Lead: LinePitch, Indent: Indent, Base: BodySize})
	for _, l := range lines {
		l.Keep = true
	}
	return lines
}

// Title sets a document's title: 2号 小标宋, centred, lines 1.5 times the
// size apart, with a blank line of the grid after it.
func Title(ts *typeset.Typesetter, title string) []*typeset.Box {
	return TitleIn(ts, title, TitleStyle())
}

// TitleIn sets a title as Title does, in style st.
func TitleIn(ts *typeset.Typesetter, title string, st typeset.Style) []*typeset.Box {
	lines := ts.Lines(typeset.NewText(title, st), typeset.Para{Width: TypeWidth, Lead: 1.5 * st.Size, Align: typeset.AlignCenter})
	for _, l := range lines {
		l.Keep = true
	}
	gap := &typeset.Box{H: LinePitch, Keep: true}
	return append(lines, gap)
}

// Masthead is the head of a bulletin's first page (简报, 通报): its name in
// large red type, the issue number below it, then the issuer on the left
// and the date on the right above a red rule.
type Masthead struct {
	Name   string // 督查工作简报
	Issue  string // 第8期; "" for none
	Issuer string // 国务院督查工作领导小组办公室; "" for none
	Date   string // 2026年3月1日; "" for none
	// Size of the name, points; 0: 36 (小初), smaller when the name is
	// long, so that it fits one line of the type area.
	Size float64
}

// MastheadBoxes sets m: its name in red 小标宋, centred; the issue number
// in 3号 仿宋; the issuer one character in from the left and the date one
// character in from the right; then a red rule the width of the type area.
func MastheadBoxes(ts *typeset.Typesetter, m Masthead) []*typeset.Box {
	size := m.Size
	if size == 0 {
		size = 36
	}
	st := typeset.Style{Role: RoleTitle, Size: size, Color: Red}
	for st.Size > TitleSize && ts.Measure(m.Name, st) > TypeWidth {
		st.Size -= 2
	}
	out := ts.Lines(typeset.NewText(m.Name, st), typeset.Para{Width: TypeWidth, Lead: 1.4 * st.Size, Align: typeset.AlignCenter})
	body := BodyStyle()
	if m.Issue != "" {
		out = append(out, &typeset.Box{H: 6})
		out = append(out, ts.Lines(typeset.NewText(m.Issue, body), typeset.Para{Width: TypeWidth, Lead: LinePitch, Align: typeset.AlignCenter, Base: BodySize})...)
	}
	out = append(out, &typeset.Box{H: LinePitch + 4*MM, Draw: func(p *typeset.Page, x, y float64) {
		base := y + (LinePitch-BodySize)/2 + 0.86*BodySize
		if m.Issuer != "" {
			room := TypeWidth - 2*BodySize - ts.Measure(m.Date, body) - BodySize
			ts.DrawString(p, ts.Fit(m.Issuer, body, room), body, x+BodySize, base, typeset.AlignLeft)
		}
		if m.Date != "" {
			ts.DrawString(p, m.Date, body, x+TypeWidth-BodySize, base, typeset.AlignRight)
		}
		rule := y + LinePitch + 4*MM - 1
		p.Line(x, rule, x+TypeWidth, rule, 2, Red)
	}})
	for _, b := range out {
		b.Keep = true
	}
	out[len(out)-1].Keep = false
	return out
}

// Signature sets the signature (落款) at the end of a letter: the issuer
// centred above the date, the date four characters in from the right, a
// blank line of the grid above them; kept together, and with what goes
// before.
func Signature(ts *typeset.Typesetter, issuer, date string) []*typeset.Box {
	body := BodyStyle()
	dw := ts.Measure(date, body)
	right := TypeWidth - 4*BodySize // where the date ends
	centre := right - dw/2
	iw := ts.Measure(issuer, body)
	if centre+iw/2 > TypeWidth {
		centre = TypeWidth - iw/2
	}
	line := func(s string, cx float64) *typeset.Box {
		return &typeset.Box{H: LinePitch, Keep: true, Draw: func(p *typeset.Page, x, y float64) {
			ts.DrawString(p, s, body, x+cx, y+(LinePitch-BodySize)/2+0.86*BodySize, typeset.AlignCenter)
		}}
	}
	out := []*typeset.Box{{H: LinePitch, Keep: true}}
	if issuer != "" {
		out = append(out, line(issuer, centre))
	}
	if date != "" {
		out = append(out, line(date, right-dw/2))
	}
	out[len(out)-1].Keep = false
	return out
}

// Record is the distribution record (版记) at the foot of a document's
// last page.
type Record struct {
	// Lines are the distribution lines, each a label and its list:
	// {"抄送", "国家发展改革委，财政部。"}.
	Lines []RecordLine
	// Issuer is the issuing office (印发机关), on the left of the last line.
	Issuer string
	// Date is the date of printing (印发日期) as written, "2026年3月1日",
	// on the right of the last line, followed by "印发"; "" for none.
	Date string
	// Printed is the word after the date; "" is 印发.
	Printed string
}

// RecordLine is one line of a Record.
type RecordLine struct {
	Label string // 抄送, 报, 送, 发
	Text  string
}

// RecordBox sets r as one box: 4号 仿宋, one character in from either edge,
// each entry between rules, the first and the last 0.35 mm, the others
// 0.25 mm. A long list wraps, its lines starting below the list's first
// character.
func RecordBox(ts *typeset.Typesetter, r Record) *typeset.Box {
	st := typeset.Style{Role: RoleBody, Size: Size4, Color: Black}
	lead := 1.6 * Size4
	pad := 0.9 * Size4 / 2 // between a rule and the text
	type row struct {
		lines []*typeset.Box
		label string
		dx    float64
	}
	var rows []row
	for _, l := range r.Lines {
		label := l.Label + "："
		dx := ts.Measure(label, st)
		ls := ts.Lines(typeset.NewText(l.Text, st), typeset.Para{Width: TypeWidth - 2*Size4 - dx, Lead: lead, Justify: true, Base: Size4})
		rows = append(rows, row{lines: ls, label: label, dx: dx})
	}
	h := 0.0
	for _, rw := range rows {
		h += typeset.Height(rw.lines) + 2*pad
	}
	last := r.Issuer != "" || r.Date != ""
	if last {
		h += lead + 2*pad
	}
	thick, thin := 0.35*MM, 0.25*MM
	base := func(y float64) float64 { return y + (lead-Size4)/2 + 0.86*Size4 }
	return &typeset.Box{H: h, Draw: func(p *typeset.Page, x, y float64) {
		p.Line(x, y, x+TypeWidth, y, thick, Black)
		for i, rw := range rows {
			y += pad
			ts.DrawString(p, rw.label, st, x+Size4, base(y), typeset.AlignLeft)
			typeset.Block(rw.lines).Draw(p, x+Size4+rw.dx, y)
			y += typeset.Height(rw.lines) + pad
			if i < len(rows)-1 || last {
				p.Line(x, y, x+TypeWidth, y, thin, Black)
			}
		}
		if last {
			y += pad
			if r.Issuer != "" {
				ts.DrawString(p, r.Issuer, st, x+Size4, base(y), typeset.AlignLeft)
			}
			if r.Date != "" {
				word := r.Printed
				if word == "" {
					word = "印发"
				}
				ts.DrawString(p, r.Date+word, st, x+TypeWidth-Size4, base(y), typeset.AlignRight)
			}
			y += lead + pad
		}
		p.Line(x, y, x+TypeWidth, y, thick, Black)
	}}
}

// AtFoot adds b to the flow at the foot of the page: on this page when it
// has room, else at the foot of a new one. The distribution record goes
// there.
func AtFoot(f *typeset.Flow, b *typeset.Box) {
	f.Flush()
	if f.Room() < b.H-1e-6 {
		f.PageBreak()
		f.Add(&typeset.Box{H: 0}) // start the page, so that Room counts from its top
	}
	if room := f.Room() - b.H; room > 0 {
		f.Add(&typeset.Box{H: room})
	}
	f.Add(b)
	f.Flush()
}

// Folio draws the page number of page no (from 1) on p: "— 1 —" in 4号
// with half-width digits, its dashes 7 mm below the type area; on the
// right of odd pages and on the left of even pages, one character in from
// the type area's edge.
func Folio(ts *typeset.Typesetter, p *typeset.Page, no int) {
	st := typeset.Style{Role: RoleBody, Size: FolioSize, Color: Black}
	s := "— " + strconv.Itoa(no) + " —"
	base := FolioBaseline
	if no%2 == 1 {
		ts.DrawString(p, s, st, MarginLeft+TypeWidth-FolioSize, base, typeset.AlignRight)
	} else {
		ts.DrawString(p, s, st, MarginLeft+FolioSize, base, typeset.AlignLeft)
	}
}

// FolioBaseline is the baseline of the page numbers, in points from the
// top of the page: the dashes sit about 0.3 of the size above the
// baseline, so their top is 7 mm below the type area.
const FolioBaseline = MarginTop + TypeHeight + 7*MM + 0.35*FolioSize
