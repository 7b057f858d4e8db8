package compare_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/derive/compare"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/internal/fixture"
)

func sampleSet(t *testing.T) *compare.Set {
	t.Helper()
	p, diags, err := load.Load(fixture.Sample(t))
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if diags.HasErrors(false) {
		t.Fatal(diags.Err())
	}
	return compare.All(figures.New(report.New(p.Current(), p.Config.Lang())))
}

// line writes a row as "label: cell cell | trend".
func line(r *compare.Row) string {
	var cells []string
	for _, c := range r.Cells {
		switch {
		case c.Value != nil:
			cells = append(cells, c.Value.Text)
		case c.NotVisited:
			cells = append(cells, "not visited")
		default:
			cells = append(cells, "—")
		}
	}
	tr := "—"
	if t := r.Last(); t != nil {
		tr = fmt.Sprintf("%s %s %d", t.Arrow, t.Words, t.Good)
	}
	return r.Label + ": " + strings.Join(cells, " ") + " | " + tr
}

// TestSample pins the comparison of the sample's two campaigns: the
// figures side by side and how each moved, for the whole campaign, the
// provinces, the key items and the indicators.
func TestSample(t *testing.T) {
	s := sampleSet(t)
	if s.Len() != 2 || s.Campaigns[0].ID != "2014" || s.Current().ID != "2015" {
		t.Fatalf("campaigns %v", s.Campaigns)
	}
	check := func(what string, rows []*compare.Row, want ...string) {
		t.Helper()
		got := map[string]string{}
		for _, r := range rows {
			got[r.Key] = line(r)
		}
		for _, w := range want {
			key, text, _ := strings.Cut(w, "=")
			if got[key] != text {
				t.Errorf("%s %s:\n got %q\nwant %q", what, key, got[key], text)
			}
		}
	}
	check("totals", s.Campaign(compare.Totals),
		"problems=问题: 15 44 | ▲ 增加 29（+193.3%） -1",
		"closed-rate=销号率: 26.7% 11.4% | ▼ 下降 15.3个百分点 -1",
		"practices=好经验好做法: 5 19 | ▲ 增加 14（+280%） 1",
		"repeats=屡查屡犯问题: — 7 | —",
		"visits=实地督查点: 15 43 | ▲ 增加 28（+186.7%） 0",
	)
	check("provinces", s.Provinces("problems"),
		"zj=浙江: 4 7 | ▲ 增加 3（+75%） -1",
		"sc=四川: 3 not visited | —",
		"bj=北京: not visited 8 | —",
	)
	check("items", s.Items("problems"),
		"employment=就业创业: 0 4 | ▲ 增加 4 -1",
		"wages=劳动权益: 5 13 | ▲ 增加 8（+160%） -1",
	)
	for _, ir := range s.Indicators() {
		if ir.Indicator.ID != "contract-rate" {
			continue
		}
		if *ir.Targets[0] != 85 || *ir.Targets[1] != 90 || ir.Reported[0] != 4 || ir.Reported[1] != 6 || ir.Met[0]+ir.Met[1] != 0 {
			t.Errorf("contract-rate: targets %v %v, reported %v, met %v", *ir.Targets[0], *ir.Targets[1], ir.Reported, ir.Met)
		}
		for _, row := range ir.Rows {
			if row.Province.ID == "zj" && (row.Cells[1].Trend == nil || row.Cells[1].Trend.Good != 1) {
				t.Errorf("zj's contract rate rose from 84.6%% to 87.2%%: %+v", row.Cells[1].Trend)
			}
		}
	}
	n := 0
	for _, pr := range s.Repeats() {
		n += len(pr.Findings)
	}
	if n != 7 {
		t.Errorf("%d repeats, want 7", n)
	}
}
