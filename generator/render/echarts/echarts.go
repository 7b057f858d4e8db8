// Package echarts draws chart descriptions (package chart) as interactive
// ECharts charts for the site. It builds each chart's option with
// go-echarts and hands it back as JSON that is safe to place inside an HTML
// <script> element; the page's own script (templates/site.js) then calls
// echarts.init on the chart's element with the SVG renderer.
//
// The PDF briefing draws the same descriptions with its own backend
// (package pdfchart), so this package decides only how a chart looks on
// screen, never what it shows.
package echarts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"

	"github.com/ducha/ducha/generator/model"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/ducha/ducha/generator/derive/chart"
)

// Renderer is the ECharts renderer every chart uses: SVG, so that printed
// pages stay sharp.
const Renderer = "svg"

// FontFamily is the font stack of chart text: the reader's system fonts,
// Chinese faces first. No web font is ever fetched.
const FontFamily = `"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif`

// Chart is one chart ready to be placed in a page.
type Chart struct {
	// ID is the chart's element ID: the description's ID, stable across
	// builds and a valid JavaScript identifier.
	ID string
	// Renderer is the ECharts renderer, always Renderer.
	Renderer string
	// Height is the height of the chart's element in CSS pixels; its width
	// is that of the page's column.
	Height int
	// Transposed is set for a heatmap drawn with its categories down the
	// side and its rows across.
	Transposed bool
	// Option is the ECharts option as JSON. "<", ">", "&" and the line
	// separators U+2028 and U+2029 are written as \u escapes, so the text
	// can go inside a <script> element as it is: a label holding
	// "</script>" cannot end the element.
	Option template.JS
}

// New builds the ECharts chart of the description c; its text (the
// description read to screen readers) is in lang.
func New(c *chart.Chart, lang model.Lang) (*Chart, error) {
	height := Height(c)
	init := opts.Initialization{
		ChartID:  c.ID,
		Renderer: Renderer,
		Width:    "100%",
		Height:   strconv.Itoa(height) + "px",
	}
	var obj map[string]any
	switch c.Kind {
	case chart.Heatmap:
		obj = heatmap(c, init)
	case chart.Bar:
		obj = bar(c, init)
	case chart.Line:
		obj = line(c, init)
	default:
		return nil, fmt.Errorf("echarts: chart %s: unknown kind %q", c.ID, c.Kind)
	}
	opt, err := generic(obj)
	if err != nil {
		return nil, fmt.Errorf("echarts: chart %s: %w", c.ID, err)
	}
	if c.Kind == chart.Heatmap {
		finishHeatmap(c, opt)
	} else {
		finishBar(c, opt)
	}
	// aria: ECharts labels the chart's element with the description, and
	// patterns the series of a chart of several, so that they differ in
	// print and to readers who do not tell the colours apart.
	opt["aria"] = map[string]any{
		"enabled": true,
		"label":   map[string]any{"description": c.Describe(lang)},
		"decal":   map[string]any{"show": len(c.Series) > 1},
	}
	js, err := Marshal(opt)
	if err != nil {
		return nil, fmt.Errorf("echarts: chart %s: %w", c.ID, err)
	}
	return &Chart{ID: c.ID, Renderer: Renderer, Height: height, Transposed: c.Kind == chart.Heatmap && transposed(c), Option: template.JS(js)}, nil
}

// generic turns the option go-echarts built into plain maps and slices,
// for the settings it has no type for.
func generic(obj map[string]any) (map[string]any, error) {
	b, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	var opt map[string]any
	err = json.Unmarshal(b, &opt)
	return opt, err
}

// Marshal encodes v as JSON that is safe inside an HTML <script> element:
// encoding/json writes "<", ">", "&", U+2028 and U+2029 as \u escapes, and
// map keys in sorted order, so the same value always gives the same bytes.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Height returns the height in CSS pixels that the chart c needs: taller
// for more rows of a heatmap or of horizontal bars.
func Height(c *chart.Chart) int {
	switch {
	case c.Kind == chart.Line && c.Small:
		return 200
	case c.Kind == chart.Line:
		return 380 // however many dates: a line runs across, never down
	case c.Kind == chart.Heatmap:
		rows := len(c.Rows)
		if transposed(c) {
			rows = len(c.Categories)
		}
		return max(240, 30*rows+150)
	case horizontal(c):
		return max(200, 30*len(c.Categories)+110)
	}
	return 380
}

// manyCategories is the number of categories above which bars are drawn
// left to right whatever the description says: 31 provinces side by side
// leave no room for their names, above all on a phone.
const manyCategories = 12

// horizontal reports whether the bars of c are drawn left to right.
func horizontal(c *chart.Chart) bool {
	return c.Horizontal || len(c.Categories) > manyCategories
}

// transposed reports whether a heatmap is drawn with its categories down
// the side and its rows across: the longer of the two goes down, so that
// 31 provinces fit a phone's width.
func transposed(c *chart.Chart) bool {
	return len(c.Categories) > len(c.Rows)
}

// axisName is the name of the value axis: what it counts, or its unit.
func axisName(c *chart.Chart) string {
	if c.Axis != "" {
		return c.Axis
	}
	return c.Unit
}

// global holds the options every chart shares.
func global(c *chart.Chart, init opts.Initialization) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(init),
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(c.Series) > 1), Top: "0", Left: "center"}),
		charts.WithColorsOpts(palette(c)),
	}
}

// palette lists the colours of the series, the theme's colours for those
// that name none.
func palette(c *chart.Chart) opts.Colors {
	var cs opts.Colors
	for _, s := range c.Series {
		if s.Color != "" {
			cs = append(cs, s.Color)
		}
	}
	return cs
}

func bar(c *chart.Chart, init opts.Initialization) map[string]any {
	b := charts.NewBar()
	top := 16
	if axisName(c) != "" && !horizontal(c) {
		top += 26
	}
	if hasLegend(c) {
		top += 28
	}
	bottom := "8"
	if axisName(c) != "" && horizontal(c) {
		bottom = "30"
	}
	b.SetGlobalOptions(append(global(c, init),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "48", Top: strconv.Itoa(top), Bottom: bottom, ContainLabel: opts.Bool(true)}),
	)...)
	category := &opts.AxisLabel{Interval: "0", HideOverlap: opts.Bool(false)}
	value := opts.YAxis{Type: "value", Name: axisName(c), MinInterval: minInterval(c)}
	if horizontal(c) {
		b.SetGlobalOptions(
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: axisName(c), MinInterval: value.MinInterval}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: category}),
		)
		b.XYReversal()
	} else {
		if len(c.Categories) > 8 {
			category.Rotate = 30
		}
		b.SetGlobalOptions(
			charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: category}),
			charts.WithYAxisOpts(value),
		)
	}
	b.SetXAxis(c.Categories)
	for i, s := range c.Series {
		b.AddSeries(s.Name, barData(c, s), seriesOpts(c, s, i)...)
	}
	b.Validate()
	return finish(b.JSON())
}

// hasLegend reports whether the chart has a legend: for several series,
// or for a key to the colours of one.
func hasLegend(c *chart.Chart) bool { return len(c.Series) > 1 || len(c.Key) > 0 }

// finishBar sets what go-echarts has no option for: where the value
// axis's name goes (above the axis, or under it for horizontal bars, so
// that the grid leaves room for it), a white ground behind the values'
// labels (a target line passes behind them, not through them), a pattern
// on the bars that miss a target, the chart's key as entries of the
// legend, and smaller, upright labels on a phone.
func finishBar(c *chart.Chart, opt map[string]any) {
	valueAxis, categoryAxis := "yAxis", "xAxis"
	if horizontal(c) {
		valueAxis, categoryAxis = "xAxis", "yAxis"
	}
	for _, ax := range each(opt[valueAxis]) {
		if horizontal(c) {
			ax["nameLocation"], ax["nameGap"] = "middle", 24
		} else {
			ax["nameLocation"], ax["nameGap"] = "end", 12
			ax["nameTextStyle"] = map[string]any{"align": "left"}
		}
		ax["axisLabel"] = map[string]any{"hideOverlap": true}
	}
	patterned := map[string]bool{}
	for _, k := range c.Key {
		patterned[k.Color] = k.Pattern
	}
	for _, s := range each(opt["series"]) {
		if l, ok := s["label"].(map[string]any); ok && l["position"] != "inside" {
			l["backgroundColor"] = "rgba(255,255,255,0.85)"
			l["padding"] = []any{1, 3}
			l["color"] = "#1d1d1f"
		}
		for _, d := range each(s["data"]) {
			if st, ok := d["itemStyle"].(map[string]any); ok && patterned[fmt.Sprint(st["color"])] {
				st["decal"] = stripes
			}
		}
		// The target line goes under the bars and their labels (ECharts
		// draws it over them by default).
		if ml, ok := s["markLine"].(map[string]any); ok {
			ml["z"] = 1
		}
	}
	if len(c.Key) > 0 {
		// The key's entries, and the target line, are series without data
		// that only the legend shows; they share the stack of the values,
		// so that they take no room beside the bars.
		series := opt["series"].([]any)
		if first, ok := series[0].(map[string]any); ok && first["stack"] == nil {
			first["stack"] = "key"
		}
		var names []any
		for _, k := range c.Key {
			names = append(names, k.Label)
			style := map[string]any{"color": k.Color}
			if k.Pattern {
				style["decal"] = stripes
			}
			series = append(series, map[string]any{"type": "bar", "name": k.Label, "data": []any{}, "stack": "key", "itemStyle": style})
		}
		if c.Target != nil {
			names = append(names, c.TargetLabel+" "+c.FormatUnit(*c.Target))
			series = append(series, map[string]any{"type": "line", "name": names[len(names)-1], "data": []any{},
				"symbol": "none", "itemStyle": map[string]any{"color": targetColor}, "lineStyle": map[string]any{"color": targetColor, "type": "dashed", "width": 1}})
		}
		opt["series"] = series
		opt["legend"] = map[string]any{"show": true, "top": "0", "left": "center", "selectedMode": false, "data": names}
	}
	if len(c.Key) == 0 && len(c.Series) > 1 {
		// A series whose values have colours of their own (the statuses
		// of the status chart) has a neutral swatch in the legend, not the
		// colour of one of them.
		var names []any
		for _, s := range c.Series {
			if len(s.Colors) > 0 {
				names = append(names, map[string]any{"name": s.Name, "itemStyle": map[string]any{"color": neutral}})
			} else {
				names = append(names, s.Name)
			}
		}
		for _, l := range each(opt["legend"]) {
			l["data"] = names
		}
	}
	narrow := map[string]any{"grid": map[string]any{"right": 36}}
	if !horizontal(c) && len(c.Categories) > 5 {
		narrow[categoryAxis] = map[string]any{"axisLabel": map[string]any{"rotate": 90, "fontSize": 11}}
	}
	opt["media"] = []any{map[string]any{"query": map[string]any{"maxWidth": 520}, "option": narrow}}
}

// stripes is the pattern of the bars that miss a target: white diagonal
// lines over the colour, which tell them apart in black and white too.
var stripes = map[string]any{
	"symbol":     "rect",
	"color":      "rgba(255,255,255,0.55)",
	"dashArrayX": []any{1, 0},
	"dashArrayY": []any{3, 4},
	"rotation":   -0.785398,
}

// each returns the maps of a value that is a map or a list of maps.
func each(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		var out []map[string]any
		for _, x := range v {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

func minInterval(c *chart.Chart) float64 {
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v != float64(int64(v)) {
				return 0
			}
		}
	}
	return 1
}

// barData gives each value its own colour where the series has one, a
// label written as the chart's table writes it (1,420, 86.5%), and hides
// the label of a zero, which would sit on the axis.
func barData(c *chart.Chart, s chart.Series) []opts.BarData {
	data := make([]opts.BarData, len(s.Values))
	for i, v := range s.Values {
		data[i] = opts.BarData{Value: v, Label: &opts.Label{Formatter: c.Format(v)}}
		if i < len(s.Colors) && s.Colors[i] != "" {
			data[i].ItemStyle = &opts.ItemStyle{Color: s.Colors[i]}
		}
		if v == 0 {
			data[i].Label = &opts.Label{Show: opts.Bool(false)}
		}
	}
	return data
}

func seriesOpts(c *chart.Chart, s chart.Series, i int) []charts.SeriesOpts {
	position := "top"
	if horizontal(c) {
		position = "right"
	}
	if c.Stacked && len(c.Series) > 1 {
		position = "inside"
	}
	label := opts.Label{Show: opts.Bool(true), Position: position}
	o := []charts.SeriesOpts{
		charts.WithLabelOpts(label),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}),
		charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.BarMaxWidth = "48" }),
	}
	if c.Stacked {
		o = append(o, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
	}
	if c.Target != nil && i == 0 {
		o = append(o, targetLine(c))
	}
	return o
}

// targetColor is the colour of a target line.
const targetColor = "#333333"

// neutral is the legend's swatch of a series whose values have colours of
// their own.
const neutral = "#bdbdbd"

// targetLine draws the chart's target as a dashed reference line, named
// in the legend where the chart has one for its key (no label then runs
// along the line, over the bars' labels), or else by a label on it.
func targetLine(c *chart.Chart) charts.SeriesOpts {
	style := opts.MarkLineStyle{
		Symbol:    []string{"none", "none"},
		Label:     &opts.Label{Show: opts.Bool(len(c.Key) == 0), Formatter: c.TargetLabel + " " + c.FormatUnit(*c.Target), Position: "insideEndTop"},
		LineStyle: &opts.LineStyle{Color: targetColor, Type: "dashed", Width: 1},
	}
	if horizontal(c) {
		return func(s *charts.SingleSeries) {
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: c.TargetLabel, XAxis: *c.Target})(s)
			charts.WithMarkLineStyleOpts(style)(s)
		}
	}
	return func(s *charts.SingleSeries) {
		charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: c.TargetLabel, YAxis: *c.Target})(s)
		charts.WithMarkLineStyleOpts(style)(s)
	}
}

func heatmap(c *chart.Chart, init opts.Initialization) map[string]any {
	h := charts.NewHeatMap()
	across, down := c.Categories, c.Rows
	if transposed(c) {
		across, down = c.Rows, c.Categories
	}
	h.SetGlobalOptions(append(global(c, init),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "8", Bottom: "64", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: across, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}, AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: down, Inverse: opts.Bool(true), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}, AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithVisualMapOpts(opts.VisualMap{
			Type:       "continuous",
			Calculable: opts.Bool(false),
			Min:        0,
			Max:        float32(max(1, c.Max())),
			Orient:     "horizontal",
			Left:       "center",
			Bottom:     "0",
			InRange:    &opts.VisualMapInRange{Color: []string{"#fdf3f2", chart.ColorHigh}},
		}),
	)...)
	var data []opts.HeatMapData
	for row := range c.Rows {
		for col := range c.Categories {
			x, y := col, row
			if transposed(c) {
				x, y = row, col
			}
			data = append(data, opts.HeatMapData{Value: [3]any{x, y, c.Cells[row][col]}})
		}
	}
	h.AddSeries(c.Title, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	h.Validate()
	return finish(h.JSON())
}

// finishHeatmap writes each cell's label as the chart's table writes it,
// puts numbers and the name of what is counted at the ends of the colour
// scale, and turns the names across upright on a phone.
func finishHeatmap(c *chart.Chart, opt map[string]any) {
	for _, s := range each(opt["series"]) {
		for _, d := range each(s["data"]) {
			v, _ := d["value"].([]any)
			if len(v) == 3 {
				n, _ := v[2].(float64)
				d["label"] = map[string]any{"formatter": c.Format(n)}
			}
		}
	}
	for _, vm := range each(opt["visualMap"]) {
		high := c.Format(max(1, c.Max()))
		low := c.Format(0)
		if name := axisName(c); name != "" {
			low = name + "  " + low
		}
		vm["text"] = []any{high, low}
		vm["itemHeight"] = 160
	}
	opt["media"] = []any{map[string]any{"query": map[string]any{"maxWidth": 520},
		"option": map[string]any{"xAxis": map[string]any{"axisLabel": map[string]any{"rotate": 90, "fontSize": 11}}}}}
}

// finish sets what go-echarts has no option for, and drops the empty
// components it always writes.
func finish(obj map[string]any) map[string]any {
	obj["textStyle"] = map[string]any{"fontFamily": FontFamily}
	delete(obj, "title")
	delete(obj, "toolbox")
	return obj
}
