package echarts

import (
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/ducha/ducha/generator/derive/chart"
)

// line draws a line chart: one line per series across the categories,
// with a gap where a value is missing (NaN), each point labelled as the
// chart's table writes it when there are few.
func line(c *chart.Chart, init opts.Initialization) map[string]any {
	l := charts.NewLine()
	top := "16"
	if len(c.Series) > 1 {
		top = "48"
	}
	l.SetGlobalOptions(append(global(c, init),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: lineLeft(c), Right: "24", Top: top, Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: c.Unit, MinInterval: minInterval(c)}),
	)...)
	l.SetXAxis(c.Categories)
	labels := len(c.Categories) <= 8
	for _, s := range c.Series {
		style := opts.LineStyle{Color: s.Color, Width: 2}
		if s.Dashed {
			style.Type = "dashed"
			style.Width = 1.5
		}
		data := lineData(c, s)
		l.AddSeries(s.Name, nil,
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.Data = data }),
			charts.WithLineStyleOpts(style),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(labels && !s.Dashed), Position: "top"}),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 6, ShowSymbol: opts.Bool(labels || !s.Dashed)}),
		)
	}
	l.Validate()
	return finish(l.JSON())
}

// lineData writes each value with its label as the chart's table writes
// it; a missing value as "-", which ECharts leaves out of the line.
func lineData(c *chart.Chart, s chart.Series) []any {
	data := make([]any, len(s.Values))
	for i, v := range s.Values {
		if math.IsNaN(v) {
			data[i] = "-"
			continue
		}
		data[i] = map[string]any{"value": v, "label": map[string]any{"formatter": c.Format(v)}}
	}
	return data
}

// lineLeft is the grid's left margin of a line chart: room for half the
// first category's label, which ECharts centres under the first point and
// would otherwise clip at the chart's left edge (a long first date such as
// 2015年11月16日 on a phone). Widths are estimated at the axis's 12 px:
// a full-width character 12 px, any other 7.
func lineLeft(c *chart.Chart) string {
	if len(c.Categories) == 0 {
		return "8"
	}
	w := 0
	for _, r := range c.Categories[0] {
		if r >= 0x2e80 {
			w += 12
		} else {
			w += 7
		}
	}
	// The value axis's labels, inside the grid thanks to containLabel,
	// already give about 28 px.
	return strconv.Itoa(max(8, w/2-20))
}
