package echarts_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/echarts"
)

func hostileBar() *chart.Chart {
	target := 90.0
	return &chart.Chart{
		ID:         "ind_contract_rate",
		Title:      "签订率",
		Kind:       chart.Bar,
		Categories: []string{"浙江</script><script>alert(1)</script>", "北京<!--", "a\u2028b"},
		Series: []chart.Series{{Name: `"><img src=x onerror=alert(1)>`, Values: []float64{86.5, 92, 0},
			Color: "#1f4e79", Colors: []string{"#c62828", "", "#c62828"}}},
		Unit: "%", Target: &target, TargetLabel: "目标&",
	}
}

// option decodes the option of c.
func option(t *testing.T, c *chart.Chart) (*echarts.Chart, map[string]any) {
	t.Helper()
	ec, err := echarts.New(c, model.ZH)
	if err != nil {
		t.Fatal(err)
	}
	var opt map[string]any
	if err := json.Unmarshal([]byte(ec.Option), &opt); err != nil {
		t.Fatalf("the option is not JSON: %v\n%s", err, ec.Option)
	}
	return ec, opt
}

// TestEscaped checks that the option can go inside a <script> element as
// it is, and that the text survives the escaping.
func TestEscaped(t *testing.T) {
	ec, opt := option(t, hostileBar())
	for _, bad := range []string{"<", ">", "&", "\u2028"} {
		if strings.Contains(string(ec.Option), bad) {
			t.Errorf("the option holds a raw %q:\n%s", bad, ec.Option)
		}
	}
	cats := opt["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if cats[0] != "浙江</script><script>alert(1)</script>" || cats[2] != "a\u2028b" {
		t.Errorf("categories decode to %q", cats)
	}
}

func TestBar(t *testing.T) {
	ec, opt := option(t, hostileBar())
	if ec.ID != "ind_contract_rate" || ec.Renderer != "svg" || ec.Height != 380 {
		t.Errorf("chart %+v", ec)
	}
	if opt["animation"] != false {
		t.Error("animation is on: screenshots and prints would catch a chart half drawn")
	}
	series := opt["series"].([]any)[0].(map[string]any)
	data := series["data"].([]any)
	if got := data[0].(map[string]any)["itemStyle"].(map[string]any)["color"]; got != "#c62828" {
		t.Errorf("the first bar is %v, want the colour that marks a missed target", got)
	}
	if _, ok := data[1].(map[string]any)["itemStyle"]; ok {
		t.Error("the second bar has its own colour; want the series colour")
	}
	mark := series["markLine"].(map[string]any)["data"].([]any)[0].(map[string]any)
	if mark["yAxis"] != 90.0 || mark["name"] != "目标&" {
		t.Errorf("target line %v", mark)
	}
	if _, ok := series["stack"]; ok {
		t.Error("an unstacked chart is stacked")
	}
}

func TestStackedHorizontal(t *testing.T) {
	c := &chart.Chart{ID: "findings_by_item", Kind: chart.Bar, Stacked: true, Horizontal: true,
		Categories: []string{"一", "二"},
		Series:     []chart.Series{{Name: "问题", Values: []float64{1, 2}}, {Name: "好做法", Values: []float64{3, 0}}}}
	ec, opt := option(t, c)
	y := opt["yAxis"].([]any)[0].(map[string]any)
	x := opt["xAxis"].([]any)[0].(map[string]any)
	if y["type"] != "category" || len(y["data"].([]any)) != 2 || x["type"] != "value" || x["data"] != nil {
		t.Errorf("horizontal bars: xAxis %v, yAxis %v", x, y)
	}
	for _, s := range opt["series"].([]any) {
		if s.(map[string]any)["stack"] != "total" {
			t.Errorf("series %v is not stacked", s)
		}
	}
	if ec.Height != 200 {
		t.Errorf("height %d for 2 rows", ec.Height)
	}
}

func TestHeatmap(t *testing.T) {
	c := &chart.Chart{ID: "matrix", Kind: chart.Heatmap, Title: "矩阵",
		Categories: []string{"浙江", "北京", "山西"}, Rows: []string{"一", "二"},
		Cells: [][]float64{{0, 1, 2}, {3, 4, 7}}}
	_, opt := option(t, c)
	data := opt["series"].([]any)[0].(map[string]any)["data"].([]any)
	if len(data) != 6 {
		t.Fatalf("%d cells, want 6", len(data))
	}
	// Three categories and two rows: drawn with the categories down the
	// side, so the last cell (row 1, category 2) is at x 1, y 2.
	last := data[5].(map[string]any)["value"].([]any)
	if last[0] != 1.0 || last[1] != 2.0 || last[2] != 7.0 {
		t.Errorf("last cell %v, want [1 2 7]", last)
	}
	if label := data[5].(map[string]any)["label"].(map[string]any)["formatter"]; label != "7" {
		t.Errorf("last cell labelled %v, want 7", label)
	}
	if vm := opt["visualMap"].([]any)[0].(map[string]any); vm["max"] != 7.0 {
		t.Errorf("visual map %v, want max 7", vm)
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := echarts.New(hostileBar(), model.ZH)
	b, _ := echarts.New(hostileBar(), model.ZH)
	if a.Option != b.Option {
		t.Error("the same chart gave two options")
	}
}

func TestUnknownKind(t *testing.T) {
	if _, err := echarts.New(&chart.Chart{ID: "x", Kind: "pie"}, model.ZH); err == nil {
		t.Error("a chart of an unknown kind gave no error")
	}
}

// TestExplains checks that a chart explains itself: the value axis is
// named and the grid leaves room for the name, the target line says its
// value with the unit, the colours of the bars are in the legend, those
// that miss the target are also patterned, and the chart has a
// description for screen readers.
func TestExplains(t *testing.T) {
	c := hostileBar()
	c.Unit = "人"
	c.Key = []chart.Swatch{{Color: "#1f4e79", Label: "达到目标"}, {Color: "#c62828", Label: "未达目标", Pattern: true}}
	_, opt := option(t, c)
	y := opt["yAxis"].([]any)[0].(map[string]any)
	if y["name"] != "人" || y["nameLocation"] != "end" {
		t.Errorf("value axis %v: want its unit as its name, at its end", y)
	}
	if top, _ := opt["grid"].([]any)[0].(map[string]any)["top"].(string); len(top) < 2 || top < "60" {
		t.Errorf("grid top %q leaves no room for the legend and the axis name", top)
	}
	series := opt["series"].([]any)
	if len(series) != 4 || series[2].(map[string]any)["name"] != "未达目标" {
		t.Fatalf("want the key's two entries and the target as series of the legend, got %d series", len(series))
	}
	if name := series[3].(map[string]any)["name"]; name != "目标& 90 人" {
		t.Errorf("the target is named %q in the legend, want it with its unit", name)
	}
	if l, _ := opt["legend"].(map[string]any); l["show"] != true || len(l["data"].([]any)) != 3 {
		t.Errorf("legend %v, want it shown with the key's entries and the target", opt["legend"])
	}
	miss := series[0].(map[string]any)["data"].([]any)[0].(map[string]any)["itemStyle"].(map[string]any)
	if miss["decal"] == nil {
		t.Error("a bar that misses the target has no pattern: only its colour tells")
	}
	aria := opt["aria"].(map[string]any)
	desc, _ := aria["label"].(map[string]any)["description"].(string)
	if aria["enabled"] != true || !strings.Contains(desc, "签订率") || !strings.Contains(desc, "目标为90 人") {
		t.Errorf("aria %v: want a description with the title and the target", aria)
	}
}

// TestLine checks that a line chart keeps its height however many dates it
// has (bars above a dozen categories turn sideways and grow; a line does
// not), and leaves room at the left for a long first date.
func TestLine(t *testing.T) {
	c := &chart.Chart{ID: "burndown", Title: "整改进度", Kind: chart.Line, Unit: "个"}
	for i := range 21 {
		c.Categories = append(c.Categories, fmt.Sprintf("12月%d日", i+1))
	}
	c.Categories[0] = "2015年11月16日"
	c.Series = []chart.Series{{Name: "未销号", Values: make([]float64, 21), Color: chart.ColorTrend}}
	ec, err := echarts.New(c, model.ZH)
	if err != nil {
		t.Fatal(err)
	}
	if ec.Height != 380 {
		t.Errorf("height %d for a line of 21 dates, want 380", ec.Height)
	}
	if !strings.Contains(string(ec.Option), `"left":"26"`) {
		t.Errorf("no room at the left for 2015年11月16日: %.300s", ec.Option)
	}
}
