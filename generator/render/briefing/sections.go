package briefing

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/pdfchart"
	"github.com/ducha/ducha/generator/render/typeset"
)

// maxListed is how many problems and good practices a province's section
// sets out in full; the annex lists the rest.
const maxListed = 5

// summary is the leadership summary: summary.md, or a paragraph of key
// figures without it.
func (b *briefing) summary() {
	pg := b.c.Page(model.PageSummary, "")
	ok := pg != nil && !pg.Draft && len(bytes.TrimSpace(pg.Body)) > 0
	title := b.word("summary")
	if ok && pg.Title != "" && (b.lang == model.ZH || !hasHan(pg.Title)) {
		title = pg.Title
	}
	b.section(title)
	if ok {
		b.addAll(b.narrativeBoxes(pg, func(level int, t string) []*typeset.Box {
			if level == 0 {
				return b.tocHeading(1, t)
			}
			return b.headingBoxes(2, t, "")
		}))
		return
	}
	fig := b.figs.Text
	b.paragraph(b.wordf("summary-auto", fig("groups"), fig("provinces-visited"), fig("visits"), fig("people-met"), fig("problems"), fig("practices"),
		fig("as-of"), fig("problems.closed"), fig("overdue")))
}

// fact is a row of a table of particulars.
type fact struct {
	label string
	value typeset.Cell
}

// facts sets particulars as a table of two columns, labels on the left.
func (b *briefing) facts(rows []fact) []*typeset.Box {
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Widths: []float64{0.2 * b.lk.textWidth, 0.8 * b.lk.textWidth}, Size: b.lk.pt(10), Lead: 1.55, Whole: 20,
		Fill: func(int) *typeset.Color { return nil }, Labels: true})
	var cells [][]typeset.Cell
	for _, r := range rows {
		if r.value == nil {
			continue
		}
		label := typeset.NewText(r.label, typeset.Style{Role: roleBold, Size: b.lk.pt(9.5), Color: colText})
		cells = append(cells, []typeset.Cell{tb.TextCell(label, typeset.AlignLeft), r.value})
	}
	return tb.Boxes(nil, cells)
}

// textFact is a fact of plain text, or nil when s is empty.
func (b *briefing) textFact(s string) typeset.Cell {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return func(w float64) []*typeset.Box {
		return b.ts.Lines(typeset.NewText(s, typeset.Style{Role: roleRegular, Size: b.lk.pt(10), Color: colText}), typeset.Para{Width: w, Lead: 1.55 * b.lk.pt(10), Base: b.lk.pt(10)})
	}
}

// scope sets out what the campaign covered.
func (b *briefing) scope() {
	c := b.c
	b.section(b.word("section-scope"))
	var methods []string
	for _, m := range c.Methods {
		methods = append(methods, m.In(b.lang))
	}
	var members []string
	for _, u := range c.Members {
		if u != nil {
			members = append(members, u.Label(b.lang))
		}
	}
	sep := "；"
	if b.lang == model.EN {
		sep = "; "
	}
	b.addAll(b.facts([]fact{
		{b.word("basis"), b.textFact(c.Basis.In(b.lang))},
		{b.word("organiser"), b.textFact(c.Organiser.In(b.lang))},
		{b.word("period"), b.textFact(i18n.Period(b.lang, c.Period))},
		{b.word("as-of"), b.textFact(i18n.Date(b.lang, b.r.AsOf))},
		{b.word("methods"), b.textFact(strings.Join(methods, sep))},
		{b.word("member-units"), b.textFact(i18n.List(b.lang, members))},
	}))
	if len(c.Items) > 0 {
		b.addAll(b.tocHeading(1, b.word("items")))
		for _, it := range c.Items {
			b.item(it)
		}
	}
	b.selfExams()
}

// item sets a key item with its points.
func (b *briefing) item(it *model.Item) {
	no := i18n.ItemNo(b.lang, it.No) + "、"
	switch {
	case b.lk.official:
		no = gongwen.Number(3, it.No) // under the heading （一）
	case b.lang == model.EN:
		no = i18n.ItemNo(b.lang, it.No) + ". "
	}
	t := typeset.NewText(no, typeset.Style{Role: roleBold, Size: b.lk.pt(10.5), Color: colText})
	t.Add(it.Name.In(b.lang), typeset.Style{Role: roleBold, Size: b.lk.pt(10.5), Color: colText})
	name := b.ts.Lines(t, typeset.Para{Width: b.lk.textWidth, Lead: 1.6 * b.lk.pt(10.5)})
	for _, x := range name {
		x.Keep = len(it.Points) > 0 // with its points
	}
	b.addAll(name)
	var points []string
	for _, pt := range it.Points {
		points = append(points, pt.In(b.lang))
	}
	if len(points) > 0 {
		sep := "；"
		if b.lang == model.EN {
			sep = "; "
		}
		st := typeset.Style{Role: roleSans, Size: b.lk.pt(9), Color: colMuted}
		b.addAll(b.ts.Lines(typeset.NewText(b.wordf("item-points", strings.Join(points, sep)), st),
			typeset.Para{Width: b.lk.textWidth - 2*b.lk.pt(10.5), Left: 2 * b.lk.pt(10.5), Lead: 1.55 * b.lk.pt(9), Justify: true}))
	}
	b.body.Add(typeset.VSpace(4))
}

// selfExams sets the self-examination of every province.
func (b *briefing) selfExams() {
	c := b.c
	if len(c.SelfExams) == 0 {
		return
	}
	b.addAll(b.tocHeading(1, b.word("scope-self-exam")))
	fig := b.figs.Text
	line := b.wordf("self-exam-line", fig("self-exam.total"), fig("self-exam.submitted"), fig("self-exam.missing"))
	if b.lk.official {
		b.paragraph(line + b.notSubmitted() + b.seeAnnex("self-exam"))
		return
	}
	b.paragraph(line)
	b.selfExamTable()
}

// selfExamTable sets the self-examination of every province as a table.
func (b *briefing) selfExamTable() {
	c := b.c
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(b.word("scope-self-exam"))})
	header := []*typeset.Text{
		typeset.NewText(b.word("province"), b.lk.headStyle), typeset.NewText(b.word("self-exam"), b.lk.headStyle),
		typeset.NewText(b.word("date"), b.lk.headStyle), typeset.NewText(b.word("content"), b.lk.headStyle),
	}
	var rows [][]*typeset.Text
	for _, pr := range b.p.Provinces {
		s := c.SelfExam(pr.ID)
		if s == nil {
			continue
		}
		status := typeset.NewText(b.word("submitted"), b.lk.tableStyle)
		if !s.Submitted {
			status = typeset.NewText(b.word("not-submitted"), typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: colWarn})
		}
		date := i18n.Date(b.lang, s.Date)
		if s.Submitted && s.Date.IsZero() {
			date = b.word("date-unknown")
		}
		rows = append(rows, []*typeset.Text{
			typeset.NewText(pr.Name.In(b.lang), b.lk.tableStyle), status,
			typeset.NewText(date, b.lk.tableStyle), typeset.NewText(s.Summary.In(b.lang), b.lk.tableStyle),
		})
	}
	tb.AutoWidths(header, rows)
	b.addTable(tb.TextBoxes(header, rows))
}

// keyFigures sets the key figures and the main charts.
func (b *briefing) keyFigures() {
	b.section(b.word("section-figures"))
	b.body.Add(b.figureTiles())
	b.floatFigures(chart.Main(b.r))
}

// floatFigures adds numbered charts in order, except that a chart too
// high for what is left of a page lets the next one that fits go first,
// rather than leave the rest of the page empty.
func (b *briefing) floatFigures(charts []*chart.Chart) {
	const gap, plotH = 14.0, 185.0
	for len(charts) > 0 {
		b.body.Flush()
		pick := 0
		for i, ch := range charts {
			probe := b.charts.Box(ch, b.wordf("figure", b.figures+1, ch.Title), b.lk.textWidth, plotH)
			if probe.H+gap <= b.body.Room() {
				pick = i
				break
			}
		}
		ch := charts[pick]
		charts = append(charts[:pick:pick], charts[pick+1:]...)
		b.figures++
		b.body.Add(typeset.VSpace(gap))
		b.body.Add(b.charts.Box(ch, b.wordf("figure", b.figures, ch.Title), b.lk.textWidth, plotH))
	}
}

// tile is one key figure.
type tile struct {
	label, value, sub string
	color             typeset.Color
}

// toneColors colour the key figures by what they are about.
var toneColors = map[figures.Tone]string{
	figures.ToneValue:    chart.ColorValue,
	figures.ToneProblem:  chart.ColorProblem,
	figures.TonePractice: chart.ColorPractice,
	figures.ToneClosed:   chart.ColorClosed,
	figures.ToneOverdue:  chart.ColorOverdue,
}

// figureTiles sets the key figures (figures.Table.Tiles, the same as the
// site's) as a grid of tiles.
func (b *briefing) figureTiles() *typeset.Box {
	var tiles []tile
	for _, t := range b.figs.Tiles() {
		tiles = append(tiles, tile{t.Label, t.Value, t.Detail, pdfchart.Color(toneColors[t.Tone])})
	}
	const cols, gap = 4, 8.0
	w := (b.lk.textWidth - gap*(cols-1)) / cols
	type laid struct {
		t   tile
		sub []*typeset.Box
	}
	var rows [][]laid
	for i, t := range tiles {
		if i%cols == 0 {
			rows = append(rows, nil)
		}
		var sub []*typeset.Box
		if t.sub != "" {
			sub = b.ts.Lines(typeset.NewText(t.sub, typeset.Style{Role: roleSans, Size: b.lk.pt(7.5), Color: colMuted}), typeset.Para{Width: w - 16, Lead: 1.4 * b.lk.pt(7.5)})
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], laid{t, sub})
	}
	rowH := make([]float64, len(rows))
	total := 0.0
	for i, r := range rows {
		for _, l := range r {
			rowH[i] = max(rowH[i], 52+typeset.Height(l.sub))
		}
		total += rowH[i] + gap
	}
	return &typeset.Box{H: total, Draw: func(p *typeset.Page, x, y float64) {
		for i, r := range rows {
			for k, l := range r {
				tx := x + float64(k)*(w+gap)
				p.FillRect(tx, y, w, rowH[i], colStripe)
				p.FillRect(tx, y, 3, rowH[i], l.t.color)
				b.ts.DrawString(p, l.t.label, typeset.Style{Role: roleSans, Size: b.lk.pt(9), Color: colMuted}, tx+10, y+15, typeset.AlignLeft)
				b.ts.DrawString(p, l.t.value, typeset.Style{Role: roleBold, Size: b.lk.pt(21), Color: l.t.color}, tx+10, y+41, typeset.AlignLeft)
				sy := y + 48
				for _, s := range l.sub {
					s.Draw(p, tx+10, sy)
					sy += s.H
				}
			}
			y += rowH[i] + gap
		}
	}}
}

// indicators sets one chart per indicator, two abreast; in the official
// layout, the table of targets met (officialIndicators), the charts going
// to an annex.
func (b *briefing) indicators() {
	if b.lk.official {
		b.officialIndicators()
		return
	}
	charts := b.indicatorCharts()
	if len(charts) == 0 {
		return
	}
	b.section(b.word("section-ind"))
	b.paragraph(b.word("ind-intro"))
	b.chartPairs(charts)
}

// indicatorCharts returns a chart of each indicator any province reports.
func (b *briefing) indicatorCharts() []*chart.Chart {
	var charts []*chart.Chart
	for _, it := range b.c.Items {
		for _, ind := range it.Indicators {
			if ch := chart.Indicator(b.r, ind); !ch.Empty() {
				charts = append(charts, ch)
			}
		}
	}
	return charts
}

// chartPairs sets charts two abreast.
func (b *briefing) chartPairs(charts []*chart.Chart) {
	const gap = 18.0
	w := (b.lk.textWidth - gap) / 2
	for i := 0; i < len(charts); i += 2 {
		var pair []pdfchart.Parts
		capH, legH := 0.0, 0.0
		for _, ch := range charts[i:min(i+2, len(charts))] {
			b.figures++
			cp := b.charts.Parts(ch, b.wordf("figure", b.figures, ch.Title), w, 100)
			capH = max(capH, typeset.Height(cp.Caption))
			if cp.Legend != nil {
				legH = max(legH, cp.Legend.H)
			}
			pair = append(pair, cp)
		}
		var boxes []*typeset.Box
		h := 0.0
		for _, cp := range pair {
			bx := cp.Box(capH, legH)
			boxes = append(boxes, bx)
			h = max(h, bx.H)
		}
		b.body.Add(typeset.VSpace(14))
		b.body.Add(&typeset.Box{H: h, Draw: func(p *typeset.Page, x, y float64) {
			for k, bx := range boxes {
				bx.Draw(p, x+float64(k)*(w+gap), y)
			}
		}})
	}
}

// hasHan reports whether s has Chinese characters: an English briefing
// titles its summary in English, whatever the title of a summary.md
// written in Chinese.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
