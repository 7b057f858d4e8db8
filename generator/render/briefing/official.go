package briefing

import (
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/typeset"
)

// This file holds what only the official layout has: its first page with
// the masthead, its page numbers, and the distribution record (版记).

// officialCover lays out the first page of the official layout: the
// marking at the top left, the red masthead (the briefing's name, the
// issue number, the issuing office and the date of printing, the red
// rule), the campaign's title in 小标宋, its particulars and, when the
// campaign is illustrative, the notice.
func (b *briefing) officialCover() []*typeset.Page {
	f := typeset.NewFlow(b.lk.frame)
	add := func(bs ...*typeset.Box) {
		for _, bx := range bs {
			f.Add(bx)
		}
	}
	if m := b.p.Config.PDF.Marking.In(b.lang); m != "" {
		st := gongwen.HeadingStyle(1)
		add(&typeset.Box{H: gongwen.LinePitch, Draw: func(p *typeset.Page, x, y float64) {
			b.ts.DrawString(p, b.ts.Fit(m, st, b.lk.textWidth/2), st, x, y+(gongwen.LinePitch-st.Size)/2+0.86*st.Size, typeset.AlignLeft)
		}})
	}
	add(&typeset.Box{H: 2 * gongwen.LinePitch})
	add(gongwen.MastheadBoxes(b.ts, gongwen.Masthead{
		Name:   b.word("briefing"),
		Issue:  b.c.Issue.In(b.lang),
		Issuer: b.issuer(),
		Date:   i18n.Date(b.lang, b.printed()),
	})...)
	add(&typeset.Box{H: gongwen.LinePitch})
	add(gongwen.Title(b.ts, b.c.Title.In(b.lang))...)
	add(b.coverFacts()...)
	if b.c.Illustrative {
		add(typeset.VSpace(gongwen.LinePitch), b.illustrativeBox())
	}
	f.Flush()
	return f.Pages()
}

// issuer is the briefing's issuing office: the record's, or else the
// campaign's organiser.
func (b *briefing) issuer() string {
	if r := b.c.Record; r != nil && r.Issuer.In(b.lang) != "" {
		return r.Issuer.In(b.lang)
	}
	return b.c.Organiser.In(b.lang)
}

// printed is the date of printing: the record's, or else the as-of date.
// Never the day the briefing is made.
func (b *briefing) printed() model.Date {
	if r := b.c.Record; r != nil && !r.Date.IsZero() {
		return r.Date
	}
	return b.r.AsOf
}

// record adds the distribution record (版记) at the foot of the last page,
// when the campaign has one.
func (b *briefing) record() {
	r := b.c.Record
	if r == nil {
		return
	}
	rec := gongwen.Record{Issuer: b.issuer(), Date: i18n.Date(b.lang, b.printed())}
	if b.lang == model.EN {
		rec.Printed = " (printed)"
	}
	for _, l := range r.Lines {
		rec.Lines = append(rec.Lines, gongwen.RecordLine{Label: l.Label.In(b.lang), Text: l.To.In(b.lang)})
	}
	gongwen.AtFoot(b.body, gongwen.RecordBox(b.ts, rec))
}

// officialFurniture draws the page number of page no, on the outer side
// (gongwen.Folio); the illustrative-data mark and the stamp go in the
// middle of the foot.
func (b *briefing) officialFurniture(p *typeset.Page, no, total int) {
	gongwen.Folio(b.ts, p, no)
	st := typeset.Style{Role: roleSans, Size: 9, Color: colWarn}
	x := b.lk.frame.Left + b.lk.textWidth/2
	y := gongwen.FolioBaseline
	if b.c.Illustrative {
		b.ts.DrawString(p, b.word("illustrative-mark"), st, x, y, typeset.AlignCenter)
		y += 12
	}
	if no == total && b.stamp != "" {
		st.Color = colMuted
		b.ts.DrawString(p, b.stamp, st, x, y, typeset.AlignCenter)
	}
}
