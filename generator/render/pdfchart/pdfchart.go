// Package pdfchart draws chart descriptions (package chart) as vector
// graphics on the pages of package typeset: the PDF backend of the one
// chart description, beside the site's ECharts backend (package echarts),
// so that the briefing and the site never show different numbers.
//
// Charts are drawn with lines, rectangles and text: bars, a heatmap, and
// lines (chart.Line: the burn-down of open problems, the problems found
// campaign by campaign). Bars may be drawn across instead of up when there
// are too many categories for their labels to fit under them, and a
// heatmap with many columns is drawn transposed; a line chart labels as
// many of its categories as fit, each point with its value when there are
// few, and draws a dashed series (a reference, such as what the deadlines
// ask) as a dotted line, in its legend too. The numbers, labels and
// colours are the description's. Lengths are in points.
//
// # Print
//
// Charts are made to be read on paper, in black and white too. No text is
// under 9 points. A label drawn on a fill (a segment, a bar, a heatmap
// cell) is in the colour of the style, white or black, whichever
// contrasts with the fill most, and at least MinContrast (4.5:1) for the
// colours of package chart. Where colour alone tells things apart,
// patterns do too: the series of stacked or grouped bars take Solid,
// Hatch, Dots, BackHatch, Cross and Stripes in turn, bars that miss their
// target are hatched, and the series of a line chart are marked Square,
// OpenSquare, Diamond, Plus and Times; the legend shows the same. A label
// on a pattern sits on a patch of plain fill.
package pdfchart

import (
	"math"
	"strconv"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/render/typeset"
)

// Style is how a document's charts are drawn: the font roles and colours
// of their text, and the words they print.
type Style struct {
	Text typeset.Role // axis labels, values, legends and notes: a sans face
	Bold typeset.Role // captions and the totals of stacked bars
	// Color is the colour of captions, labels and values; Muted that of
	// the axis values, notes and the words of an empty chart.
	Color, Muted typeset.Color
	// NoData is printed instead of a chart without data.
	NoData string
	// MeetsTarget and MissesTarget name the colours of an indicator's
	// bars in its legend.
	MeetsTarget, MissesTarget string
}

// Drawer draws charts with a document's typesetter, in one style.
type Drawer struct {
	ts *typeset.Typesetter
	st Style
	// The styles of the text of charts.
	axis, cat, value, bold typeset.Style
}

// New returns a drawer of charts set by ts in style st.
func New(ts *typeset.Typesetter, st Style) *Drawer {
	return &Drawer{ts: ts, st: st,
		axis:  typeset.Style{Role: st.Text, Size: sizeAxis, Color: st.Muted},
		cat:   typeset.Style{Role: st.Text, Size: sizeAxis + 0.5, Color: st.Color},
		value: typeset.Style{Role: st.Text, Size: sizeValue, Color: st.Color},
		bold:  typeset.Style{Role: st.Bold, Size: sizeValue, Color: st.Color},
	}
}

// Chart text sizes, in points.
const (
	sizeAxis    = 9 // the least size of text in print
	sizeValue   = 9
	sizeLegend  = 9
	sizeCaption = 10.5
	sizeNoData  = 9
	sizeNote    = 9
)

// white is the colour of values inside bars and of the rules between the
// cells of a heatmap.
var white = typeset.Color{0xff, 0xff, 0xff}

// Box returns chart c as one box: caption, legend, plot and note, width
// wide; the plot is about plotH high (bar charts across grow with their
// categories).
func (d *Drawer) Box(c *chart.Chart, caption string, width, plotH float64) *typeset.Box {
	return d.Parts(c, caption, width, plotH).Box(0, 0)
}

// Parts are the parts of a drawn chart, so that charts side by side can
// line their plots up.
type Parts struct {
	Caption []*typeset.Box // the caption's lines, centred
	Legend  *typeset.Box   // the legend, centred; may be nil
	Plot    *typeset.Box   // the chart itself
	Note    []*typeset.Box // the lines of the description's note, if any
}

// Box stacks the parts, giving the caption and legend at least capH and
// legH points.
func (cp Parts) Box(capH, legH float64) *typeset.Box {
	parts := append([]*typeset.Box{}, cp.Caption...)
	if h := typeset.Height(cp.Caption); h < capH {
		parts = append(parts, &typeset.Box{H: capH - h})
	}
	lh := 0.0
	if cp.Legend != nil {
		parts = append(parts, cp.Legend)
		lh = cp.Legend.H
	}
	if lh < legH {
		parts = append(parts, &typeset.Box{H: legH - lh})
	}
	parts = append(parts, &typeset.Box{H: 4}, cp.Plot)
	if len(cp.Note) > 0 {
		parts = append(parts, &typeset.Box{H: 2})
		parts = append(parts, cp.Note...)
	}
	return typeset.Block(parts)
}

// Parts returns the parts of chart c, drawn as Box draws it.
func (d *Drawer) Parts(c *chart.Chart, caption string, width, plotH float64) Parts {
	cv := &chartView{d: d, c: c, width: width}
	var cp Parts
	cp.Caption = d.ts.Lines(typeset.NewText(caption, typeset.Style{Role: d.st.Bold, Size: sizeCaption, Color: d.st.Color}),
		typeset.Para{Width: width, Lead: 1.45 * sizeCaption, Align: typeset.AlignCenter})
	if c.Empty() {
		cp.Plot = typeset.Block(d.ts.Lines(typeset.NewText(d.st.NoData, typeset.Style{Role: d.st.Text, Size: sizeNoData, Color: d.st.Muted}),
			typeset.Para{Width: width, Lead: 2 * sizeNoData, Align: typeset.AlignCenter}))
		return cp
	}
	cp.Legend = cv.legend()
	cp.Plot = cv.plot(plotH)
	if c.Note != "" {
		cp.Note = d.ts.Lines(typeset.NewText(c.Note, typeset.Style{Role: d.st.Text, Size: sizeNote, Color: d.st.Muted}),
			typeset.Para{Width: width, Lead: 1.4 * sizeNote, Align: typeset.AlignCenter})
	}
	return cp
}

// chartView is one chart being drawn.
type chartView struct {
	d     *Drawer
	c     *chart.Chart
	width float64
	// labelsInside puts the values of single bars inside their ends: when
	// every bar has room for its label.
	labelsInside bool
	// targetY is where the target line of bars standing up is drawn; 0:
	// none.
	targetY float64
}

// legendItem is a swatch and its name.
type legendItem struct {
	color  typeset.Color
	name   string
	line   bool // a reference line, not a swatch
	dashed bool // a dashed line: the reference of a line chart
	pat    Pattern
	mark   Mark
	marked bool // a line with a mark on it (a series of a line chart)
}

// legend returns the chart's legend: one entry per series when there are
// several; for an indicator, what the colours of its bars mean and the
// target line.
func (cv *chartView) legend() *typeset.Box {
	c := cv.c
	var items []legendItem
	switch {
	case c.Kind == chart.Heatmap:
		return nil
	case len(c.Series) > 1:
		for si, s := range c.Series {
			it := legendItem{color: Color(s.Color), name: s.Name, line: c.Kind == chart.Line, dashed: s.Dashed}
			if it.line {
				it.mark, it.marked = Mark(si%int(marks)), !s.Dashed
			} else {
				it.pat = Pattern(si % int(patterns))
			}
			items = append(items, it)
		}
	case len(c.Series) == 1 && c.Target != nil:
		items = append(items,
			legendItem{color: Color(chart.ColorValue), name: cv.d.st.MeetsTarget},
			legendItem{color: Color(chart.ColorMiss), name: cv.d.st.MissesTarget, pat: Hatch},
			legendItem{color: Color(chart.ColorMiss), name: c.TargetLabel + " " + cv.format(*c.Target), line: true})
	default:
		return nil
	}
	st := typeset.Style{Role: cv.d.st.Text, Size: sizeLegend, Color: cv.d.st.Color}
	ts := cv.d.ts
	// Lay the entries out in rows, centred.
	type placed struct {
		item legendItem
		x, w float64
	}
	var rows [][]placed
	x := 0.0
	for _, it := range items {
		w := 15 + ts.Measure(it.name, st)
		if len(rows) == 0 || x+w > cv.width {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], placed{it, x, w})
		x += w + 12
	}
	rowH := 1.6 * sizeLegend
	return &typeset.Box{H: float64(len(rows)) * rowH, Draw: func(p *typeset.Page, x0, y float64) {
		for _, row := range rows {
			last := row[len(row)-1]
			off := x0 + (cv.width-(last.x+last.w))/2
			for _, pl := range row {
				sx := off + pl.x
				mid := y + rowH/2
				switch {
				case pl.item.dashed:
					p.Dots(sx, mid, sx+12, mid, 1.2, pl.item.color)
				case pl.item.line:
					p.Line(sx, mid, sx+12, mid, 1.2, pl.item.color)
					if pl.item.marked {
						mark(p, pl.item.mark, sx+6, mid, pl.item.color)
					}
				default:
					fillPattern(p, sx, mid-4.5, 11, 9, pl.item.color, pl.item.pat)
				}
				ts.DrawString(p, pl.item.name, st, sx+15, mid+0.35*sizeLegend, typeset.AlignLeft)
			}
			y += rowH
		}
	}}
}

// format formats a value of the chart, as the site and the chart's table
// do.
func (cv *chartView) format(v float64) string { return cv.c.Format(v) }

// plot returns the plot of the chart.
func (cv *chartView) plot(h float64) *typeset.Box {
	c := cv.c
	if c.Kind == chart.Heatmap {
		return cv.heatmap()
	}
	if c.Kind == chart.Line {
		return cv.lines(h)
	}
	if c.Horizontal || cv.crowded() {
		return cv.barsAcross()
	}
	return cv.barsUp(h)
}

// crowded reports whether the category labels of a bar chart are too
// many to stand under their bars.
func (cv *chartView) crowded() bool {
	n := len(cv.c.Categories)
	return n > 14 || (n > 0 && (cv.width-40)/float64(n) < 22)
}

var (
	gridColor = typeset.Color{0xe3, 0xe6, 0xea}
	axisColor = typeset.Color{0x80, 0x86, 0x8b}
)

// scale is a value axis from 0 to top in steps.
type scale struct{ step, top float64 }

func niceScale(maxV float64, whole bool) scale {
	if maxV <= 0 {
		return scale{1, 1}
	}
	raw := maxV / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*mag {
			step = m * mag
			break
		}
	}
	if whole && step < 1 {
		step = 1
	}
	top := math.Ceil(maxV/step-1e-9) * step
	if top < maxV {
		top += step
	}
	return scale{step, top}
}

// scale returns the value axis: percentages go up to 100% at most.
func (cv *chartView) scale() scale {
	c := cv.c
	sc := niceScale(c.Max(), cv.whole())
	if c.Unit == "%" && c.Max() <= 100 && sc.top > 100 {
		sc.top = 100
	}
	return sc
}

// whole reports whether every value of the chart is a whole number.
func (cv *chartView) whole() bool {
	for _, s := range cv.c.Series {
		for _, v := range s.Values {
			if v != math.Trunc(v) {
				return false
			}
		}
	}
	return true
}

func (cv *chartView) ticks(sc scale) []float64 {
	var out []float64
	for v := 0.0; v <= sc.top+sc.step/1000; v += sc.step {
		out = append(out, math.Round(v*1e6)/1e6)
	}
	return out
}

// upLayout is the geometry of bars standing up.
type upLayout struct {
	sc           scale
	ticks        []float64
	axisW, band  float64 // width of the value labels; of a category
	barW         float64
	groups       int // bars side by side per category
	unitH, padH  float64
	plotH, lineH float64
	labels       [][]string // category labels, wrapped
}

// barsUp draws bars standing on the category axis, h high in all.
func (cv *chartView) barsUp(h float64) *typeset.Box {
	l := cv.layoutUp(h)
	return &typeset.Box{H: h, Draw: func(p *typeset.Page, x, y float64) { cv.drawUp(p, l, x, y) }}
}

func (cv *chartView) layoutUp(h float64) upLayout {
	c, ts := cv.c, cv.d.ts
	l := upLayout{sc: cv.scale(), lineH: 1.3 * cv.d.cat.Size, groups: 1, padH: sizeValue + 5}
	l.ticks = cv.ticks(l.sc)
	for _, v := range l.ticks {
		l.axisW = max(l.axisW, ts.Measure(cv.format(v), cv.d.axis))
	}
	l.axisW += 6
	l.band = (cv.width - l.axisW) / float64(len(c.Categories))
	lines := 1
	for _, cat := range c.Categories {
		l.labels = append(l.labels, ts.Wrap(cat, cv.d.cat, l.band-4))
		lines = max(lines, len(l.labels[len(l.labels)-1]))
	}
	if c.Unit != "" && c.Unit != "%" {
		l.unitH = 1.5 * sizeAxis
	}
	l.plotH = h - float64(lines)*l.lineH - 6 - l.unitH - l.padH
	if !c.Stacked {
		l.groups = len(c.Series)
	}
	l.barW = min(l.band*0.62/float64(l.groups), 46)
	cv.labelsInside = !c.Stacked || len(c.Series) == 1
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v != 0 && (l.plotH*v/l.sc.top < 2.6*sizeValue || l.barW < ts.Measure(cv.format(v), cv.d.value)+2) {
				cv.labelsInside = false
			}
		}
	}
	return l
}

func (cv *chartView) drawUp(p *typeset.Page, l upLayout, x, y float64) {
	c, ts := cv.c, cv.d.ts
	x0, y0 := x+l.axisW, y+l.unitH+l.padH // top left of the plot
	right := x0 + l.band*float64(len(c.Categories))
	yAt := func(v float64) float64 { return y0 + l.plotH*(1-v/l.sc.top) }
	if l.unitH > 0 {
		ts.DrawString(p, c.Unit, cv.d.axis, x0-4, y+sizeAxis, typeset.AlignRight)
	}
	for _, v := range l.ticks {
		p.Line(x0, yAt(v), right, yAt(v), 0.4, gridColor)
		ts.DrawString(p, cv.format(v), cv.d.axis, x0-4, yAt(v)+0.32*sizeAxis, typeset.AlignRight)
	}
	if c.Target != nil { // behind the bars: it shows where they fall short
		cv.targetY = yAt(*c.Target)
		p.Dots(x0, cv.targetY, right, cv.targetY, 1, Color(chart.ColorMiss))
	}
	stacks := c.Stacked && len(c.Series) > 1
	for i := range c.Categories {
		bx := x0 + l.band*float64(i) + (l.band-l.barW*float64(l.groups))/2
		base := 0.0
		for si, s := range c.Series {
			v, left := s.Values[i], bx
			if !c.Stacked {
				left, base = bx+l.barW*float64(si), 0
			}
			top, bottom := yAt(base+v), yAt(base)
			fill, pat := Color(s.ColorAt(i)), cv.patternOf(si, i)
			if v > 0 {
				fillPattern(p, left, top, l.barW, bottom-top, fill, pat)
			}
			cv.barValue(p, v, left, top, l.barW, bottom-top, stacks, false, fill, pat)
			if c.Stacked {
				base += v
			}
		}
		if stacks && base > 0 {
			ts.DrawString(p, cv.format(base), cv.d.bold, bx+l.barW/2, yAt(base)-3, typeset.AlignCenter)
		}
		ly := y0 + l.plotH + 4 + cv.d.cat.Size
		for _, s := range l.labels[i] {
			ts.DrawString(p, s, cv.d.cat, x0+l.band*(float64(i)+0.5), ly, typeset.AlignCenter)
			ly += l.lineH
		}
	}
	p.Line(x0, y0+l.plotH, right, y0+l.plotH, 0.6, axisColor)
}

// barValue labels a bar segment: inside it when the segment has room
// (stacked bars), else beside its end.
func (cv *chartView) barValue(p *typeset.Page, v, x, y, w, h float64, inside, across bool, fill typeset.Color, pat Pattern) {
	if v == 0 && inside {
		return
	}
	ts := cv.d.ts
	s := cv.format(v)
	tw := ts.Measure(s, cv.d.value)
	if inside {
		fits := h >= sizeValue+2 && w >= tw+2
		if across {
			fits = w >= tw+4 && h >= sizeValue+1
		}
		if fits {
			cv.label(p, s, cv.d.value, x+w/2, y+h/2+0.35*sizeValue, typeset.AlignCenter, fill, pat)
		}
		return
	}
	if across && cv.labelsInside {
		cv.label(p, s, cv.d.value, x+w-3, y+h/2+0.35*sizeValue, typeset.AlignRight, fill, pat)
		return
	}
	if across {
		ts.DrawString(p, s, cv.d.value, x+w+3, y+h/2+0.35*sizeValue, typeset.AlignLeft)
		return
	}
	if cv.labelsInside {
		cv.label(p, s, cv.d.value, x+w/2, y+1.3*sizeValue, typeset.AlignCenter, fill, pat)
		return
	}
	base := y - 3
	if t := cv.targetY; t > 0 && base > t-2 && base-sizeValue < t+2 {
		base = t - 2.5 // above the target line, not across it
	}
	ts.DrawString(p, s, cv.d.value, x+w/2, base, typeset.AlignCenter)
}

// acrossLayout is the geometry of bars drawn across.
type acrossLayout struct {
	sc            scale
	ticks         []float64
	labelW, plotW float64
	band, barH    float64 // height of a category; of a bar
	groups        int
	lineH         float64
	labels        [][]string
}

// barsAcross draws bars from a category axis on the left; the chart is as
// high as its categories need.
func (cv *chartView) barsAcross() *typeset.Box {
	l := cv.layoutAcross()
	plotH := l.band * float64(len(cv.c.Categories))
	return &typeset.Box{H: plotH + 4 + 1.4*sizeAxis, Draw: func(p *typeset.Page, x, y float64) {
		x0 := x + l.labelW
		xAt := func(v float64) float64 { return x0 + l.plotW*v/l.sc.top }
		for _, v := range l.ticks {
			p.Line(xAt(v), y, xAt(v), y+plotH, 0.4, gridColor)
			cv.d.ts.DrawString(p, cv.format(v), cv.d.axis, xAt(v), y+plotH+4+sizeAxis, typeset.AlignCenter)
		}
		if cv.c.Target != nil { // behind the bars: it shows where they fall short
			p.Dots(xAt(*cv.c.Target), y, xAt(*cv.c.Target), y+plotH, 1, Color(chart.ColorMiss))
		}
		for i := range cv.c.Categories {
			cv.drawAcross(p, l, i, x0, y+l.band*float64(i), xAt)
		}
		p.Line(x0, y, x0, y+plotH, 0.6, axisColor)
	}}
}

func (cv *chartView) layoutAcross() acrossLayout {
	c, ts := cv.c, cv.d.ts
	l := acrossLayout{sc: cv.scale(), lineH: 1.25 * cv.d.cat.Size, groups: 1, band: rowHeight(len(c.Categories))}
	l.ticks = cv.ticks(l.sc)
	for _, cat := range c.Categories {
		l.labelW = max(l.labelW, ts.Measure(cat, cv.d.cat))
	}
	l.labelW = min(l.labelW, 0.32*cv.width) + 8
	pad := 6.0
	if len(c.Categories) > 12 {
		pad = 3
	}
	for _, cat := range c.Categories {
		l.labels = append(l.labels, ts.Wrap(cat, cv.d.cat, l.labelW-8))
		l.band = max(l.band, float64(len(l.labels[len(l.labels)-1]))*l.lineH+pad)
	}
	l.plotW = cv.width - l.labelW - ts.Measure(cv.format(l.sc.top), cv.d.bold) - 6
	if !c.Stacked {
		l.groups = len(c.Series)
	}
	l.barH = min(l.band*0.62/float64(l.groups), 16)
	// Values of single bars go inside their ends when every bar has room:
	// then they cannot run into a target line.
	cv.labelsInside = !c.Stacked || len(c.Series) == 1
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v != 0 && l.plotW*v/l.sc.top < ts.Measure(cv.format(v), cv.d.value)+8 {
				cv.labelsInside = false
			}
		}
	}
	return l
}

// drawAcross draws category i, whose band starts at y.
func (cv *chartView) drawAcross(p *typeset.Page, l acrossLayout, i int, x0, y float64, xAt func(float64) float64) {
	c, ts := cv.c, cv.d.ts
	stacks := c.Stacked && len(c.Series) > 1
	by := y + (l.band-l.barH*float64(l.groups))/2
	ly := y + (l.band-float64(len(l.labels[i]))*l.lineH)/2 + 0.86*cv.d.cat.Size + (l.lineH-cv.d.cat.Size)/2
	for _, s := range l.labels[i] {
		ts.DrawString(p, s, cv.d.cat, x0-6, ly, typeset.AlignRight)
		ly += l.lineH
	}
	base := 0.0
	for si, s := range c.Series {
		v, top := s.Values[i], by
		if !c.Stacked {
			top, base = by+l.barH*float64(si), 0
		}
		left, right := xAt(base), xAt(base+v)
		fill, pat := Color(s.ColorAt(i)), cv.patternOf(si, i)
		if v > 0 {
			fillPattern(p, left, top, right-left, l.barH, fill, pat)
		}
		cv.barValue(p, v, left, top, right-left, l.barH, stacks, true, fill, pat)
		if c.Stacked {
			base += v
		}
	}
	if stacks {
		ts.DrawString(p, cv.format(base), cv.d.bold, xAt(base)+3, by+l.barH/2+0.35*sizeValue, typeset.AlignLeft)
	}
}

// heatmap draws a grid of rows × categories, each cell shaded by its value
// and labelled with it.
func (cv *chartView) heatmap() *typeset.Box {
	c, ts := cv.c, cv.d.ts
	rows, cols := c.Rows, c.Categories
	cell := func(r, k int) float64 { return c.Cells[r][k] }
	if len(cols) > 12 && len(cols) > len(rows) {
		rows, cols = cols, rows
		cell = func(r, k int) float64 { return c.Cells[k][r] }
	}
	maxV := c.Max()
	labelW := 0.0
	for _, r := range rows {
		labelW = max(labelW, ts.Measure(r, cv.d.cat))
	}
	labelW = min(labelW, 0.3*cv.width) + 8
	colW := (cv.width - labelW) / float64(len(cols))
	colLabels := make([][]string, len(cols))
	headLines := 1
	for i, k := range cols {
		colLabels[i] = ts.Wrap(k, cv.d.cat, colW-2)
		headLines = max(headLines, len(colLabels[i]))
	}
	lineH := 1.25 * cv.d.cat.Size
	headH := float64(headLines)*lineH + 4
	rowLabels := make([][]string, len(rows))
	rowH := 0.0
	for i, r := range rows {
		rowLabels[i] = ts.Wrap(r, cv.d.cat, labelW-8)
		rowH = max(rowH, float64(len(rowLabels[i]))*lineH+4)
	}
	rowH = max(rowH, rowHeight(len(rows)))
	scaleH := 20.0
	total := headH + rowH*float64(len(rows)) + scaleH
	return &typeset.Box{H: total, Draw: func(p *typeset.Page, x, y float64) {
		x0, y0 := x+labelW, y+headH
		for i := range cols {
			ly := y + headH - 4 - float64(len(colLabels[i])-1)*lineH - 0.2*cv.d.cat.Size
			for _, l := range colLabels[i] {
				ts.DrawString(p, l, cv.d.cat, x0+colW*(float64(i)+0.5), ly, typeset.AlignCenter)
				ly += lineH
			}
		}
		for r := range rows {
			ry := y0 + rowH*float64(r)
			ly := ry + (rowH-float64(len(rowLabels[r]))*lineH)/2 + 0.86*cv.d.cat.Size + (lineH-cv.d.cat.Size)/2
			for _, l := range rowLabels[r] {
				ts.DrawString(p, l, cv.d.cat, x0-6, ly, typeset.AlignRight)
				ly += lineH
			}
			for k := range cols {
				v := cell(r, k)
				col := heat(v, maxV)
				p.FillRect(x0+colW*float64(k), ry, colW, rowH, col)
				cv.label(p, cv.format(v), cv.d.value, x0+colW*(float64(k)+0.5), ry+rowH/2+0.35*sizeValue, typeset.AlignCenter, col, Solid)
			}
		}
		cv.heatRules(p, x0, y0, colW, rowH, len(cols), len(rows))
		cv.heatScale(p, x0+colW*float64(len(cols)), y0+rowH*float64(len(rows))+8, maxV)
	}}
}

// heatRules draws white rules between the cells of a heatmap.
func (cv *chartView) heatRules(p *typeset.Page, x0, y0, colW, rowH float64, cols, rows int) {
	for k := 1; k < cols; k++ {
		xx := x0 + colW*float64(k)
		p.Line(xx, y0, xx, y0+rowH*float64(rows), 1, white)
	}
	for r := 1; r < rows; r++ {
		yy := y0 + rowH*float64(r)
		p.Line(x0, yy, x0+colW*float64(cols), yy, 1, white)
	}
}

// heatScale draws the colour scale of a heatmap, ending at right.
func (cv *chartView) heatScale(p *typeset.Page, right, y, maxV float64) {
	const steps, w = 24, 120.0
	x := right - w
	for i := range steps {
		col := heat(maxV*float64(i)/float64(steps-1), maxV)
		p.FillRect(x+w*float64(i)/steps, y, w/steps+0.3, 6, col)
	}
	cv.d.ts.DrawString(p, cv.format(0), cv.d.axis, x-3, y+5.5, typeset.AlignRight)
	cv.d.ts.DrawString(p, cv.format(maxV), cv.d.axis, right+3, y+5.5, typeset.AlignLeft)
}

// rowHeight is the least height of a row of a chart of n rows: less when
// there are many, so that a chart of every province fits on a page.
func rowHeight(n int) float64 {
	if n > 12 {
		return 13
	}
	return 17
}

// heat returns the colour of a heatmap cell of value v, on a scale from a
// pale tint to the colour of serious problems.
func heat(v, maxV float64) typeset.Color {
	lo := typeset.Color{0xfb, 0xf0, 0xee}
	hi := Color(chart.ColorHigh)
	if v <= 0 || maxV <= 0 {
		return typeset.Color{0xf5, 0xf6, 0xf7}
	}
	t := 0.15 + 0.85*v/maxV
	var c typeset.Color
	for i := range c {
		c[i] = uint8(math.Round(float64(lo[i]) + t*(float64(hi[i])-float64(lo[i]))))
	}
	return c
}

// Color returns the colour of a chart description, #rrggbb (chart.ColorMiss
// and others); anything else is grey.
func Color(s string) typeset.Color {
	if len(s) != 7 || s[0] != '#' {
		return typeset.Color{0x80, 0x80, 0x80}
	}
	var c typeset.Color
	for i := range c {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return typeset.Color{0x80, 0x80, 0x80}
		}
		c[i] = uint8(v)
	}
	return c
}
