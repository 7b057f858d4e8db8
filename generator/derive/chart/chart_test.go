package chart_test

import (
	"math"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/model"
)

// TestDescribe checks the description read to screen readers: the title,
// the kind of chart, the highest and lowest values as the table writes
// them, the target with its unit and how many miss it.
func TestDescribe(t *testing.T) {
	target := 90.0
	c := &chart.Chart{Title: "签订率", Kind: chart.Bar, Unit: "%", Categories: []string{"浙江", "北京", "山西"},
		Series: []chart.Series{{Name: "签订率", Values: []float64{86.5, 92, 1234.5},
			Colors: []string{chart.ColorMiss, chart.ColorValue, chart.ColorValue}}},
		Target: &target}
	got := c.Describe(model.ZH)
	for _, want := range []string{"签订率。", "柱状图，共3类。", "最高为山西（1,234.5%）", "最低为浙江（86.5%）", "目标为90%，1个未达目标。", "数据表"} {
		if !strings.Contains(got, want) {
			t.Errorf("description %q lacks %q", got, want)
		}
	}
	heat := &chart.Chart{Title: "Matrix", Kind: chart.Heatmap, Axis: "Problems", Categories: []string{"Zhejiang", "Beijing"},
		Rows: []string{"Wages"}, Cells: [][]float64{{2, 1200}}}
	if got := heat.Describe(model.EN); !strings.Contains(got, "The highest value is at Wages, Beijing: 1,200.") || !strings.Contains(got, "Unit: Problems.") {
		t.Errorf("heatmap description %q", got)
	}
}

// TestDescribeLine checks that a line chart is described as a line, from
// its first point to its last, series by series, and never summed across
// its series as a stack would be.
func TestDescribeLine(t *testing.T) {
	nan := math.NaN()
	c := &chart.Chart{Title: "整改进度", Kind: chart.Line, Categories: []string{"11月16日", "12月7日", "3月31日"},
		Series: []chart.Series{{Name: "未销号", Values: []float64{nan, 44, 39}}, {Name: "未完成", Values: []float64{3, 44, 32}},
			{Name: "严重", Values: []float64{nan, nan, 7}}}}
	got := c.Describe(model.ZH)
	for _, want := range []string{"折线图，共3个点，从11月16日到3月31日。", "未销号由44变为39，最高44（12月7日）。", "未完成由3变为32，最高44（12月7日）。", "严重为7（3月31日）。"} {
		if !strings.Contains(got, want) {
			t.Errorf("description %q lacks %q", got, want)
		}
	}
	for _, bad := range []string{"柱状图", "合计", "88"} {
		if strings.Contains(got, bad) {
			t.Errorf("description %q has %q", got, bad)
		}
	}
}

// TestTranspose checks that a table transposed keeps every value.
func TestTranspose(t *testing.T) {
	tb := chart.Table{Caption: "c", Header: []string{"item", "zj", "bj"}, Rows: [][]string{{"wages", "1", "2"}, {"jobs", "3", "4"}}}
	got := tb.Transpose("province")
	want := chart.Table{Caption: "c", Header: []string{"province", "wages", "jobs"}, Rows: [][]string{{"zj", "1", "3"}, {"bj", "2", "4"}}}
	if strings.Join(got.Header, ",") != strings.Join(want.Header, ",") || len(got.Rows) != 2 ||
		strings.Join(got.Rows[1], ",") != strings.Join(want.Rows[1], ",") {
		t.Errorf("transposed %v, want %v", got, want)
	}
}
