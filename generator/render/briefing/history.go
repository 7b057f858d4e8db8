package briefing

import (
	"strconv"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/compare"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/pdfchart"
	"github.com/ducha/ducha/generator/render/typeset"
)

// This file holds the briefing's sections about time: how rectification
// moved on and what earlier campaigns left (progress), and the campaign
// compared with the one before it (compared). Both are drawn from the
// same descriptions as the site's (package chart, package compare).

// progress sets the rectification over time: the burn-down of open
// problems against their deadlines, and the problems of earlier
// campaigns not closed on the report's date. It is left out when there is
// neither.
func (b *briefing) progress() {
	burn := chart.Burndown(b.r)
	if len(burn.Categories) < 2 && len(b.r.Carried) == 0 {
		return
	}
	title := b.word("brief.section-progress")
	if len(b.r.Carried) == 0 {
		title = b.word("brief.section-progress-only")
	}
	b.section(title)
	if len(burn.Categories) >= 2 {
		b.paragraph(b.word("brief.progress-intro"))
		b.figures++
		b.body.Add(typeset.VSpace(6))
		b.body.Add(b.charts.Box(burn, b.wordf("figure", b.figures, burn.Title), b.lk.textWidth, 200))
	}
	if len(b.r.Carried) > 0 {
		b.carried()
	}
}

// carried lists the problems of earlier campaigns not closed on the
// report's date, overdue first, with their age.
func (b *briefing) carried() {
	b.addAll(b.tocHeading(1, b.word("brief.carried-title")))
	overdue := 0
	for _, x := range b.r.Carried {
		if x.Overdue() {
			overdue++
		}
	}
	b.paragraph(b.wordf("brief.carried-intro", i18n.Date(b.lang, b.r.AsOf), i18n.Int(len(b.r.Carried)), i18n.Int(overdue)))
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(b.word("brief.carried-title")),
		Align: []typeset.Align{typeset.AlignLeft, typeset.AlignLeft, typeset.AlignLeft, typeset.AlignLeft, typeset.AlignLeft, typeset.AlignLeft, typeset.AlignRight}})
	var header []*typeset.Text
	for _, k := range []string{"brief.campaign", "problem", "province", "responsible", "deadline", "status", "brief.age"} {
		header = append(header, typeset.NewText(b.word(k), b.lk.headStyle))
	}
	var rows [][]*typeset.Text
	for _, x := range b.r.Carried {
		f := x.Finding
		province := ""
		if f.Province != nil {
			province = f.Province.Label(b.lang)
		}
		title := typeset.NewText(f.ID+" ", b.lk.mutedSmall)
		title.Add(f.Title.In(b.lang), b.lk.tableStyle)
		status := typeset.NewText(i18n.Enum(b.lang, x.Status), b.lk.tableStyle)
		if x.Overdue() {
			status.Add(b.comma()+b.wordf("days-overdue-n", x.DaysOverdue), typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: pdfchart.Color(chart.ColorOverdue)})
		}
		rows = append(rows, []*typeset.Text{
			typeset.NewText(i18n.Edition(b.lang, x.Campaign.Edition)+b.paren(strconv.Itoa(x.Campaign.Period.Start.Year)), b.lk.tableStyle),
			title, typeset.NewText(province, b.lk.tableStyle), typeset.NewText(f.Rect.Responsible.In(b.lang), b.lk.tableStyle),
			typeset.NewText(i18n.Date(b.lang, f.Rect.Deadline), b.lk.tableStyle), status,
			typeset.NewText(b.wordf("brief.days-n", x.Age), b.lk.tableStyle),
		})
	}
	tb.AutoWidths(header, rows)
	b.addTable(tb.TextBoxes(header, rows))
}

// compared sets the campaign against the one before it: the main
// figures, each province and key item, the indicators against their
// targets, and the problems found again. It is left out for the first
// campaign of a project.
func (b *briefing) compared() {
	if b.figs.Previous() == nil {
		return
	}
	set := compare.Last(b.figs)
	all := compare.All(b.figs)
	prev := set.Campaigns[0]
	b.section(b.word("brief.section-compare"))
	b.paragraph(b.wordf("brief.compare-intro", i18n.Edition(b.lang, prev.Edition), i18n.Period(b.lang, prev.Period),
		i18n.Date(b.lang, set.Reports[0].AsOf), i18n.Date(b.lang, b.r.AsOf)))
	b.compareTable(b.word("brief.compare-totals"), b.word("brief.figure"), set, set.Campaign(compare.Totals), true)
	b.trendChart(all)
	fewer := b.paren(figures.BetterWords(b.lang, figures.LowerBetter))
	b.addAll(b.tocHeading(1, b.word("brief.compare-provinces")+fewer))
	b.compareTable("", b.word("province"), set, set.Provinces("problems"), false)
	b.addAll(b.tocHeading(1, b.word("brief.compare-items")+fewer))
	b.compareTable("", b.word("item"), set, set.Items("problems"), false)
	b.compareIndicators(set)
	b.repeats(set)
}

// columns are the heads of a comparison's columns: the campaigns.
func (b *briefing) columns(set *compare.Set) []string {
	var out []string
	for _, c := range set.Campaigns {
		out = append(out, i18n.Edition(b.lang, c.Edition)+b.paren(strconv.Itoa(c.Period.Start.Year)))
	}
	return out
}

// compareTable sets rows of figures side by side, with the change since
// the campaign before; with direction, a column says which way each is
// good news, else the heading above says it for all (fewer problems).
func (b *briefing) compareTable(caption, head string, set *compare.Set, rows []*compare.Row, direction bool) {
	if caption != "" {
		b.addAll(b.headingBoxes(2, caption, ""))
	}
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(caption)})
	header := []*typeset.Text{typeset.NewText(head, b.lk.headStyle)}
	for _, c := range b.columns(set) {
		header = append(header, typeset.NewText(c, b.lk.headStyle))
	}
	header = append(header, typeset.NewText(b.word("brief.change-since"), b.lk.headStyle))
	if direction {
		header = append(header, typeset.NewText(b.word("brief.good-direction"), b.lk.headStyle))
	}
	tb.Align = []typeset.Align{typeset.AlignLeft}
	for range set.Campaigns {
		tb.Align = append(tb.Align, typeset.AlignRight)
	}
	var out [][]*typeset.Text
	for _, r := range rows {
		row := []*typeset.Text{typeset.NewText(r.Label, b.lk.tableStyle)}
		for _, c := range r.Cells {
			switch {
			case c.Value != nil:
				row = append(row, typeset.NewText(c.Value.Text, b.lk.tableStyle))
			case c.NotVisited:
				row = append(row, typeset.NewText(b.word("brief.not-visited"), b.lk.mutedSmall))
			default:
				row = append(row, typeset.NewText("—", b.lk.mutedSmall))
			}
		}
		row = append(row, b.trendText(r.Last()))
		if direction {
			row = append(row, typeset.NewText(figures.BetterWords(b.lang, r.Better), b.lk.mutedSmall))
		}
		out = append(out, row)
	}
	tb.AutoWidths(header, out)
	b.addTable(tb.TextBoxes(header, out))
}

// trendText writes how a figure moved: the arrow and the words in the
// colour of its verdict, and the verdict in bold.
func (b *briefing) trendText(tr *figures.Trend) *typeset.Text {
	if tr == nil || tr.Arrow == "" {
		return typeset.NewText("—", b.lk.mutedSmall)
	}
	col := colText
	switch tr.Good {
	case 1:
		col = typeset.Color{0x1d, 0x5e, 0x21}
	case -1:
		col = colWarn
	}
	t := typeset.NewText(tr.Arrow+" "+tr.Words, typeset.Style{Role: roleSans, Size: b.lk.sizeTable, Color: col})
	if tr.Verdict != "" {
		t.Add(i18n.Tr(b.lang, "trend.sep")+tr.Verdict, typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: col})
	}
	return t
}

// trendChart draws the problems found, campaign by campaign, as the
// site's comparison does.
func (b *briefing) trendChart(set *compare.Set) {
	rows := map[string]*compare.Row{}
	for _, r := range set.Campaign([]string{"problems", "problems.high", "overdue", "repeats"}) {
		rows[r.Key] = r
	}
	series := func(name, color string) chart.Series {
		return chart.Series{Name: rows[name].Label, Values: rows[name].Values(), Color: color}
	}
	c := chart.Trend("trend_problems", b.word("brief.trend-problems"), "", b.columns(set),
		series("problems", chart.ColorTrend), series("problems.high", chart.ColorHigh), series("overdue", chart.ColorOverdue), series("repeats", chart.ColorMedium))
	b.figures++
	b.body.Add(typeset.VSpace(8))
	b.body.Add(b.charts.Box(c, b.wordf("figure", b.figures, c.Title), b.lk.textWidth, 150))
}

// compareIndicators sets each indicator's targets and the provinces that
// met them, in both campaigns.
func (b *briefing) compareIndicators(set *compare.Set) {
	inds := set.Indicators()
	if len(inds) == 0 {
		return
	}
	b.addAll(b.tocHeading(1, b.word("brief.compare-indicators")))
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(b.word("brief.compare-indicators"))})
	header := []*typeset.Text{typeset.NewText(b.word("indicator"), b.lk.headStyle)}
	for _, c := range b.columns(set) {
		header = append(header, typeset.NewText(c, b.lk.headStyle))
	}
	var rows [][]*typeset.Text
	for _, ir := range inds {
		ind := ir.Indicator
		row := []*typeset.Text{typeset.NewText(ind.Name.In(b.lang)+b.paren(figures.BetterWords(b.lang, figures.QuantityOf(b.lang, ind, 0).Better)), b.lk.tableStyle)}
		for i := range set.Campaigns {
			switch t := ir.Targets[i]; {
			case ir.Reported[i] == 0:
				row = append(row, typeset.NewText("—", b.lk.mutedSmall))
			case t == nil:
				row = append(row, typeset.NewText(b.wordf("brief.reported-n", ir.Reported[i]), b.lk.tableStyle))
			default:
				row = append(row, typeset.NewText(b.wordf("brief.met-of-target", i18n.Value(b.lang, *t, ind.Measure), ir.Met[i], ir.Reported[i]), b.lk.tableStyle))
			}
		}
		rows = append(rows, row)
	}
	tb.AutoWidths(header, rows)
	b.addTable(tb.TextBoxes(header, rows))
}

// repeats sets the problems found again (屡查屡犯), by province.
func (b *briefing) repeats(set *compare.Set) {
	reps := set.Repeats()
	b.addAll(b.tocHeading(1, b.word("brief.compare-repeats")))
	n := 0
	for _, pr := range reps {
		n += len(pr.Findings)
	}
	if n == 0 {
		b.paragraph(b.word("brief.no-repeats"))
		return
	}
	b.paragraph(b.wordf("brief.repeats-intro", i18n.Int(n), i18n.Date(b.lang, b.r.AsOf)))
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(b.word("brief.compare-repeats"))})
	var header []*typeset.Text
	for _, k := range []string{"province", "problem", "brief.repeats-earlier", "brief.earlier-status"} {
		header = append(header, typeset.NewText(b.word(k), b.lk.headStyle))
	}
	var rows [][]*typeset.Text
	for _, pr := range reps {
		for _, f := range pr.Findings {
			g := f.Repeated
			now := typeset.NewText("—", b.lk.mutedSmall)
			if g.Rect != nil {
				now = typeset.NewText(i18n.Enum(b.lang, g.Rect.StatusAt(b.r.AsOf)), b.lk.tableStyle)
			}
			cur := typeset.NewText(f.ID+" ", b.lk.mutedSmall)
			cur.Add(f.Title.In(b.lang), b.lk.tableStyle)
			earlier := typeset.NewText(earlierName(b.lang, g)+" ", b.lk.mutedSmall)
			earlier.Add(g.Title.In(b.lang), b.lk.tableStyle)
			rows = append(rows, []*typeset.Text{typeset.NewText(pr.Province.Label(b.lang), b.lk.tableStyle), cur, earlier, now})
		}
	}
	tb.AutoWidths(header, rows)
	b.addTable(tb.TextBoxes(header, rows))
}

// earlierName names a finding of an earlier campaign: 第七次 zj-02.
func earlierName(lang model.Lang, f *model.Finding) string {
	if f.Campaign == nil {
		return f.ID
	}
	return i18n.Edition(lang, f.Campaign.Edition) + " " + f.ID
}
