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
	// Option is the ECharts option as JSON. "<", ">", "&" and the line
	// separators U+2028 and U+2029 are written as \u escapes, so the text
	// can go inside a <script> element as it is: a label holding
	// "</script>" cannot end the element.
	Option template.JS
}

// New builds the ECharts chart of the description c.
func New(c *chart.Chart) (*Chart, error) {
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
	default:
		return nil, fmt.Errorf("echarts: chart %s: unknown kind %q", c.ID, c.Kind)
	}
	js, err := Marshal(obj)
	if err != nil {
		return nil, fmt.Errorf("echarts: chart %s: %w", c.ID, err)
	}
	return &Chart{ID: c.ID, Renderer: Renderer, Height: height, Option: template.JS(js)}, nil
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
	case c.Kind == chart.Heatmap:
		return max(220, 36*len(c.Rows)+120)
	case c.Horizontal:
		return max(200, 34*len(c.Categories)+100)
	}
	return 360
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
	top := "16"
	if len(c.Series) > 1 {
		top = "40"
	}
	b.SetGlobalOptions(append(global(c, init),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: top, Bottom: "8", ContainLabel: opts.Bool(true)}),
	)...)
	category := &opts.AxisLabel{Interval: "0", HideOverlap: opts.Bool(false)}
	value := opts.YAxis{Type: "value", Name: c.Unit, MinInterval: minInterval(c)}
	if c.Horizontal {
		b.SetGlobalOptions(
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: c.Unit, MinInterval: value.MinInterval}),
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
	if c.Horizontal {
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

// targetLine draws the chart's target as a dashed reference line.
func targetLine(c *chart.Chart) charts.SeriesOpts {
	style := opts.MarkLineStyle{
		Symbol:    []string{"none", "none"},
		Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b} {c}", Position: "insideEndTop"},
		LineStyle: &opts.LineStyle{Color: "#333333", Type: "dashed", Width: 1},
	}
	if c.Horizontal {
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
	h.SetGlobalOptions(append(global(c, init),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "8", Bottom: "56", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: c.Categories, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}, AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: c.Rows, Inverse: opts.Bool(true), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}, AxisLabel: &opts.AxisLabel{Interval: "0"}}),
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
			data = append(data, opts.HeatMapData{Value: [3]any{col, row, c.Cells[row][col]}})
		}
	}
	h.AddSeries(c.Title, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	h.Validate()
	return finish(h.JSON())
}

// finish sets what go-echarts has no option for, and drops the empty
// components it always writes.
func finish(obj map[string]any) map[string]any {
	obj["textStyle"] = map[string]any{"fontFamily": FontFamily}
	delete(obj, "title")
	delete(obj, "toolbox")
	return obj
}
