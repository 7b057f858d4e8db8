package pdfchart

import (
	"math"
	"slices"
	"strconv"
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
	_, runs := draw(t, c, width, overhang)
	var out []string
	for _, r := range runs {
		out = append(out, r.Text)
	}
	return out
}

// draw draws c width wide, checks that its text stays inside its box as
// drawn does, and returns the page and the runs of text.
func draw(t *testing.T, c *chart.Chart, width, overhang float64) (*typeset.Page, []typeset.Run) {
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
	runs := ts.Runs(p)
	for _, r := range runs {
		if r.X < -1e-6 || r.X+r.Width > width+overhang+1e-6 || r.Baseline < 0 || r.Baseline > b.H+1e-6 {
			t.Errorf("%q is drawn at %.1f to %.1f, baseline %.1f: outside the chart's box, %.1f by %.1f", r.Text, r.X, r.X+r.Width, r.Baseline, width, b.H)
		}
	}
	if ts.Missing() != 0 {
		t.Errorf("the fonts lack %q", ts.Missing())
	}
	return p, runs
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

// TestLines: a line chart of few categories names each, labels each point
// of its lines with its value and marks it, and leaves a gap where a value
// is missing; a dashed series (a reference) is in the legend and its
// points are marked, but not labelled. With many categories (the
// burn-down's dates), as many labels as fit are drawn, none over another,
// the first among them, and the points are not labelled.
func TestLines(t *testing.T) {
	nan := math.NaN()
	few := &chart.Chart{Kind: chart.Line, Categories: []string{"第六次（2013）", "第七次（2014）", "第八次（2015）"},
		Series: []chart.Series{
			{Name: "问题", Values: []float64{nan, 15, 44}, Color: chart.ColorTrend},
			{Name: "严重问题", Values: []float64{nan, 4, 10}, Color: chart.ColorHigh},
			{Name: "按时限应有", Values: []float64{37, 33, 31}, Color: chart.ColorNotDue, Dashed: true},
		}}
	p, runs := draw(t, few, 400, 0)
	var texts []string
	for _, r := range runs {
		texts = append(texts, r.Text)
	}
	got := strings.Join(texts, "|")
	for _, s := range append(slices.Clone(few.Categories), "15", "44", "4", "10", "问题", "严重问题", "按时限应有") {
		if !slices.Contains(texts, s) {
			t.Errorf("the line chart does not show %q: %s", s, got)
		}
	}
	for _, s := range []string{"NaN", "37", "33", "31"} {
		if slices.Contains(texts, s) {
			t.Errorf("the line chart shows %q: %s", s, got)
		}
	}
	// The legend's swatches are lines, not boxes; each point that has a
	// value is marked, each series with its own mark: the first with a
	// square, the second with an open square (filled white and stroked),
	// in the legend too: 2+1 + 2×(2+1).
	marks := 0
	for _, r := range p.Rects() {
		if math.Abs(r.W-4.8) < 1e-9 && math.Abs(r.H-4.8) < 1e-9 {
			marks++
		}
	}
	if marks != 9 {
		t.Errorf("the line chart marks %d points, want 9", marks)
	}

	var dates []string
	var open []float64
	for i := range 60 {
		dates = append(dates, "2月"+strconv.Itoa(i+1)+"日")
		open = append(open, float64(60-i))
	}
	many := &chart.Chart{Kind: chart.Line, Categories: dates, Series: []chart.Series{{Name: "未销号", Values: open, Color: chart.ColorTrend}}}
	_, runs = draw(t, many, 400, 0)
	var labels []typeset.Run
	for _, r := range runs {
		if slices.Contains(dates, r.Text) {
			labels = append(labels, r)
		}
	}
	if len(labels) < 2 || len(labels) >= len(dates) || labels[0].Text != dates[0] {
		t.Fatalf("%d of %d dates are labelled: %v", len(labels), len(dates), labels)
	}
	for i := 1; i < len(labels); i++ {
		if labels[i].X < labels[i-1].X+labels[i-1].Width {
			t.Errorf("%q runs into %q", labels[i-1].Text, labels[i].Text)
		}
	}
	for _, r := range runs {
		if r.Text == "37" || r.Text == "1" {
			t.Errorf("a point of a line of %d categories is labelled: %q", len(dates), r.Text)
		}
	}
}
