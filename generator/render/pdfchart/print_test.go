package pdfchart

import (
	"testing"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/render/typeset"
)

// printCharts are charts with the fills the briefing uses: statuses and
// severities stacked (yellow and orange among them), an indicator against
// its target, a heatmap, and bars across.
func printCharts() map[string]*chart.Chart {
	target := 90.0
	sev := []chart.Series{
		{Name: "严重", Values: []float64{12, 30}, Color: chart.ColorHigh},
		{Name: "较重", Values: []float64{14, 25}, Color: chart.ColorMedium},
		{Name: "一般", Values: []float64{16, 28}, Color: chart.ColorLow},
	}
	status := []chart.Series{
		{Name: "未启动", Values: []float64{10, 20}, Color: chart.ColorNotStarted},
		{Name: "整改中", Values: []float64{12, 22}, Color: chart.ColorInProgress},
		{Name: "待验收", Values: []float64{14, 24}, Color: chart.ColorDone},
		{Name: "已销号", Values: []float64{16, 26}, Color: chart.ColorClosed},
	}
	return map[string]*chart.Chart{
		"severity":  {Kind: chart.Bar, Stacked: true, Categories: []string{"浙江", "江苏"}, Series: sev},
		"status":    {Kind: chart.Bar, Stacked: true, Horizontal: true, Categories: []string{"浙江", "江苏"}, Series: status},
		"indicator": {Kind: chart.Bar, Categories: []string{"浙江", "江苏", "广东"}, Unit: "%", Target: &target, TargetLabel: "目标", Series: []chart.Series{{Name: "签订率", Values: []float64{95, 62.5, 90}, Color: chart.ColorValue, Colors: []string{chart.ColorValue, chart.ColorMiss, chart.ColorValue}}}},
		"heatmap":   {Kind: chart.Heatmap, Categories: []string{"高", "中", "低"}, Rows: []string{"浙江", "江苏"}, Cells: [][]float64{{1, 5, 9}, {3, 7, 0}}},
		"across":    {Kind: chart.Bar, Horizontal: true, Categories: []string{"浙江", "江苏"}, Series: []chart.Series{{Name: "问题", Values: []float64{40, 55}, Color: chart.ColorLow}}},
	}
}

// TestPrintable: every label of a chart is at least 9 points, and every
// label drawn on a fill contrasts with it by MinContrast at least.
func TestPrintable(t *testing.T) {
	for name, c := range printCharts() {
		t.Run(name, func(t *testing.T) {
			p, runs := draw(t, c, 400, 10)
			fills := p.Fills()
			onFill := 0
			for _, r := range runs {
				if r.Size < 9 {
					t.Errorf("%q is %.1f points", r.Text, r.Size)
				}
				x, y := r.X+r.Width/2, r.Baseline-0.35*r.Size
				for i := len(fills) - 1; i >= 0; i-- {
					f := fills[i]
					if x >= f.X && x <= f.X+f.W && y >= f.Y && y <= f.Y+f.H {
						onFill++
						if k := Contrast(r.Color, f.Color); k < MinContrast {
							t.Errorf("%q (%v) on %v: contrast %.2f", r.Text, r.Color, f.Color, k)
						}
						break
					}
				}
			}
			if onFill == 0 && name != "across" {
				t.Error("no label is drawn on a fill: the test tests nothing")
			}
		})
	}
}

// linesIn counts the lines drawn inside a rectangle: a pattern.
func linesIn(p *typeset.Page, r typeset.Rect) int {
	n := 0
	for _, s := range p.Segments() {
		in := func(x, y float64) bool {
			return x >= r.X-0.01 && x <= r.X+r.W+0.01 && y >= r.Y-0.01 && y <= r.Y+r.H+0.01
		}
		if in(s.X1, s.Y1) && in(s.X2, s.Y2) {
			n++
		}
	}
	return n
}

// TestPatterns: where colour alone tells things apart, so does a pattern,
// the same in the legend as on the bars.
func TestPatterns(t *testing.T) {
	charts := printCharts()
	p, _ := draw(t, charts["severity"], 400, 0)
	var swatches []typeset.Rect
	for _, f := range p.Fills() {
		if f.W == 11 && f.H == 9 {
			swatches = append(swatches, f.Rect)
		}
	}
	if len(swatches) != 3 {
		t.Fatalf("%d swatches in the legend, want 3", len(swatches))
	}
	if linesIn(p, swatches[0]) != 0 || linesIn(p, swatches[1]) == 0 {
		t.Errorf("the legend's swatches have %d and %d lines: the first should be solid, the second hatched", linesIn(p, swatches[0]), linesIn(p, swatches[1]))
	}
	for i := range 3 {
		if got, want := Pattern(i), charts["severity"]; (&chartView{c: want}).patternOf(i, 0) != got {
			t.Errorf("series %d has pattern %v", i, got)
		}
	}

	// An indicator: the bar that misses its target is hatched, the others
	// are not.
	p, _ = draw(t, charts["indicator"], 400, 0)
	var bars []typeset.Fill
	for _, f := range p.Fills() {
		if f.Color == Color(chart.ColorValue) || f.Color == Color(chart.ColorMiss) {
			if f.W > 20 && f.H > 20 { // not the patch under a label
				bars = append(bars, f)
			}
		}
	}
	if len(bars) != 3 {
		t.Fatalf("%d bars, want 3", len(bars))
	}
	for i, b := range bars {
		hatched := linesIn(p, b.Rect) > 2
		if want := b.Color == Color(chart.ColorMiss); hatched != want {
			t.Errorf("bar %d (%v) hatched: %v, want %v", i, b.Color, hatched, want)
		}
	}
}
