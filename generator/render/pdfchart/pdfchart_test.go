package pdfchart

import (
	"slices"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/render/typeset"
)

func TestColor(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want typeset.Color
	}{
		{"#1f4e79", typeset.Color{0x1f, 0x4e, 0x79}},
		{chart.ColorMiss, typeset.Color{0xc6, 0x28, 0x28}},
		{"1f4e79", typeset.Color{0x80, 0x80, 0x80}},
		{"#1f4e7g", typeset.Color{0x80, 0x80, 0x80}},
		{"", typeset.Color{0x80, 0x80, 0x80}},
	} {
		if got := Color(tc.in); got != tc.want {
			t.Errorf("Color(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// drawn draws c width wide and returns the text drawn, run by run. Text
// may stand out right of the chart by overhang points (the largest value
// of a heatmap's colour scale does).
func drawn(t *testing.T, c *chart.Chart, width, overhang float64) []string {
	t.Helper()
	fonts := typeset.NewFonts("the embedded Noto fonts",
		typeset.FontRole{Name: "sans", Family: "Sans", Files: [][]byte{assets.SansRegular}},
		typeset.FontRole{Name: "bold", Family: "Bold", Files: [][]byte{assets.SansBold}, Fallback: []typeset.Role{0}})
	ts, err := typeset.New(fonts)
	if err != nil {
		t.Fatal(err)
	}
	d := New(ts, Style{Text: 0, Bold: 1, NoData: "无数据", MeetsTarget: "达标", MissesTarget: "未达标"})
	b := d.Box(c, "图1 测试", width, 185)
	p := &typeset.Page{}
	b.Draw(p, 0, 0)
	var out []string
	for _, r := range ts.Runs(p) {
		if r.X < -1e-6 || r.X+r.Width > width+overhang+1e-6 || r.Baseline < 0 || r.Baseline > b.H+1e-6 {
			t.Errorf("%q is drawn at %.1f to %.1f, baseline %.1f: outside the chart's box, %.1f by %.1f", r.Text, r.X, r.X+r.Width, r.Baseline, width, b.H)
		}
		out = append(out, r.Text)
	}
	if ts.Missing() != 0 {
		t.Errorf("the fonts lack %q", ts.Missing())
	}
	return out
}

// TestValuesDrawn: every value of a chart is written on it, with its
// category, whichever way its bars are drawn; an empty chart says so.
func TestValuesDrawn(t *testing.T) {
	target := 90.0
	up := &chart.Chart{Kind: chart.Bar, Categories: []string{"浙江", "江苏", "广东"}, Unit: "%", Target: &target, TargetLabel: "目标",
		Series: []chart.Series{{Name: "合同签订率", Values: []float64{95, 82.5, 90}, Color: chart.ColorValue}}}
	var many []string
	var values []float64
	for i := range 20 {
		many = append(many, "省份"+strings.Repeat("甲", i%3+1))
		values = append(values, float64(10*i+3))
	}
	across := &chart.Chart{Kind: chart.Bar, Categories: many, Series: []chart.Series{{Name: "问题", Values: values, Color: chart.ColorProblem}}}
	stacked := &chart.Chart{Kind: chart.Bar, Stacked: true, Categories: []string{"一", "二"},
		Series: []chart.Series{{Name: "已销号", Values: []float64{3, 4}}, {Name: "整改中", Values: []float64{5, 6}}}}
	heat := &chart.Chart{Kind: chart.Heatmap, Categories: []string{"高", "中"}, Rows: []string{"浙江", "江苏"}, Cells: [][]float64{{1, 2}, {3, 4}}}
	for _, tc := range []struct {
		name     string
		c        *chart.Chart
		overhang float64
		want     []string
	}{
		{"up", up, 0, []string{"图1", "测试", "浙江", "江苏", "广东", "95%", "82.5%", "90%", "达标", "未达标", "目标"}},
		{"across", across, 0, append(slices.Clone(many), "3", "193")},
		{"stacked", stacked, 0, []string{"一", "二", "3", "4", "5", "6", "8", "10", "已销号", "整改中"}},
		{"heatmap", heat, 10, []string{"高", "中", "浙江", "江苏", "1", "2", "3", "4"}},
		{"empty", &chart.Chart{Kind: chart.Bar}, 0, []string{"无数据"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(drawn(t, tc.c, 400, tc.overhang), "|")
			for _, s := range tc.want {
				if !strings.Contains(got, s) {
					t.Errorf("the chart does not show %q: %s", s, got)
				}
			}
		})
	}
}
