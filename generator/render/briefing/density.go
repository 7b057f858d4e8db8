package briefing

import (
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/typeset"
)

// This file holds what the official layout shows in place of full lists:
// the body names what leadership must act on, and the annexes hold the
// lists (the self-examination of every province, every indicator value).

// numberAnnexes numbers the annexes of the official layout, in order:
// the findings (unless pdf.annex is none), the self-examination, the
// indicator values; those the campaign has nothing for are left out.
func (b *briefing) numberAnnexes() {
	b.annexNo = map[string]int{}
	n := 0
	next := func(key string) {
		n++
		b.annexNo[key] = n
	}
	if b.annexChoice() != model.AnnexNone {
		next("findings")
	}
	if len(b.c.SelfExams) > 0 {
		next("self-exam")
	}
	if len(b.indicatorCharts()) > 0 {
		next("ind")
	}
}

// seeAnnex says where the annex of key is, or "" when there is none.
func (b *briefing) seeAnnex(key string) string {
	if n := b.annexNo[key]; n > 0 {
		return b.wordf("see-annex", n)
	}
	return ""
}

// annexTitle is the title of the annex of key: 附件2　…; "" when it has no
// number (the compact layout).
func (b *briefing) annexTitle(key, title string) string {
	if n := b.annexNo[key]; n > 0 {
		return b.wordf("annex-n", n, title)
	}
	return ""
}

// notSubmitted names the provinces that sent no self-examination report,
// in a sentence; "" when all did.
func (b *briefing) notSubmitted() string {
	var names []string
	for _, pr := range b.p.Provinces {
		if s := b.c.SelfExam(pr.ID); s != nil && !s.Submitted {
			names = append(names, pr.Name.In(b.lang))
		}
	}
	if len(names) == 0 {
		return ""
	}
	if b.lang == model.EN {
		return " " + b.wordf("not-submitted-are", i18n.List(b.lang, names)) + " "
	}
	return b.wordf("not-submitted-are", i18n.List(b.lang, names))
}

// lateAnnexes sets the annexes after the findings: the self-examination
// table and the indicator charts.
func (b *briefing) lateAnnexes() {
	if !b.lk.official {
		return
	}
	if t := b.annexTitle("self-exam", b.word("annex-self-exam")); t != "" {
		b.body.PageBreak()
		b.addAll(b.tocHeading(0, t))
		b.selfExamTable()
	}
	if t := b.annexTitle("ind", b.word("annex-ind")); t != "" {
		b.body.PageBreak()
		b.addAll(b.tocHeading(0, t))
		b.paragraph(b.word("ind-intro"))
		b.chartPairs(b.indicatorCharts())
	}
}

// officialIndicators sets the indicators of the official layout: one
// table, a row for each province visited (or each indicator, when there
// are more indicators than provinces), a column for each indicator with a
// target (or each province), each cell saying in words whether the
// target is met: not by colour alone.
func (b *briefing) officialIndicators() {
	var inds []*model.Indicator
	for _, it := range b.c.Items {
		for _, ind := range it.Indicators {
			if ind.Target != nil && b.reported(ind) {
				inds = append(inds, ind)
			}
		}
	}
	if len(inds) == 0 || len(b.c.OnSite) == 0 {
		return
	}
	b.section(b.word("section-ind"))
	intro := b.word("ind-matrix-no-annex")
	if n := b.annexNo["ind"]; n > 0 {
		intro = b.wordf("ind-matrix-intro", n)
	}
	b.paragraph(intro)
	provinces := b.c.OnSite
	byProvince := len(provinces) >= len(inds) // provinces down the side
	mark := func(in *model.Inspection, ind *model.Indicator) *typeset.Text {
		v := in.Value(ind.ID)
		switch {
		case v == nil:
			return typeset.NewText(b.word("no-target"), b.lk.mutedSmall)
		case ind.Meets(v.Value):
			return typeset.NewText(b.word("target-met"), b.lk.tableStyle)
		}
		return typeset.NewText(b.word("target-missed"), typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: colWarn})
	}
	label := func(s string) *typeset.Text { return typeset.NewText(s, b.lk.tableStyle) }
	head := func(s string) *typeset.Text { return typeset.NewText(s, b.lk.headStyle) }
	var header []*typeset.Text
	var rows [][]*typeset.Text
	if byProvince {
		header = append(header, head(b.word("province")))
		for _, ind := range inds {
			header = append(header, head(ind.Name.In(b.lang)))
		}
		for _, in := range provinces {
			row := []*typeset.Text{label(in.Province.Label(b.lang))}
			for _, ind := range inds {
				row = append(row, mark(in, ind))
			}
			rows = append(rows, row)
		}
	} else {
		header = append(header, head(b.word("indicator")))
		for _, in := range provinces {
			header = append(header, head(in.Province.Label(b.lang)))
		}
		for _, ind := range inds {
			row := []*typeset.Text{label(ind.Name.In(b.lang))}
			for _, in := range provinces {
				row = append(row, mark(in, ind))
			}
			rows = append(rows, row)
		}
	}
	title := b.word("section-ind")
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.caption(title)})
	tb.AutoWidths(header, rows)
	b.addTable(tb.TextBoxes(header, rows))
}

// reported reports whether any province visited has a value of ind.
func (b *briefing) reported(ind *model.Indicator) bool {
	for _, in := range b.c.OnSite {
		if in.Value(ind.ID) != nil {
			return true
		}
	}
	return false
}

// caption returns the caption of a table, centred in bold table text,
// with "（续）" on the pages it runs onto.
func (b *briefing) caption(title string) func(continued bool) []*typeset.Box {
	return func(continued bool) []*typeset.Box {
		s := title
		if continued {
			s += b.word("continued")
		}
		st := typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: colText}
		return b.ts.Lines(typeset.NewText(s, st), typeset.Para{Width: b.lk.textWidth, Lead: 1.6 * st.Size, Align: typeset.AlignCenter})
	}
}

// continued returns the caption of a table that a heading introduces:
// none above the table, and the title with "（续）" on every page the table
// runs onto, above its repeated header row.
func (b *briefing) continued(title string) func(continued bool) []*typeset.Box {
	if title == "" {
		return nil
	}
	caption := b.caption(title)
	return func(continued bool) []*typeset.Box {
		if !continued {
			return nil
		}
		return caption(true)
	}
}

// space separates words: none in Chinese.
func (b *briefing) space() string {
	if b.lang == model.EN {
		return " "
	}
	return ""
}

// nameOf is the name of the province of in, or "".
func (b *briefing) nameOf(in *model.Inspection) string {
	if in.Province == nil {
		return ""
	}
	return in.Province.Name.In(b.lang)
}
