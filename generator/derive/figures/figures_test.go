package figures_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/internal/fixture"
)

func sample(t *testing.T, fsys fstest.MapFS) (*model.Campaign, *figures.Table) {
	t.Helper()
	p, diags, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if diags.HasErrors(false) {
		t.Fatal(diags.Err())
	}
	c := p.Current()
	return c, figures.New(report.New(c, p.Config.Lang()))
}

// TestLookup pins what names cite, on pages of each scope, in both the
// checker (Names) and the table (Lookup), which must agree.
func TestLookup(t *testing.T) {
	c, table := sample(t, fixture.Sample(t))
	names := figures.NamesOf(c)
	campaign := figures.Scope{}
	zj := figures.Scope{Kind: figures.Province, ID: "zj"}
	group1 := figures.Scope{Kind: figures.Group, ID: "1"}
	for _, tc := range []struct {
		name string
		here figures.Scope
		full string // the figure cited; "" when an error
		text string
		err  string // part of the error
	}{
		{name: "problems", here: campaign, full: "problems", text: "44"},
		{name: " problems.closed ", here: campaign, full: "problems.closed", text: "5"},
		{name: "closed-rate", here: campaign, full: "closed-rate", text: "11.4%"},
		{name: "as-of", here: campaign, full: "as-of", text: "2016年3月31日"},
		{name: "items:cn", here: campaign, full: "items", text: "八"},
		{name: "edition:cn", here: campaign, full: "edition", text: "八"},
		{name: "province.zj.problems", here: campaign, full: "province.zj.problems", text: "7"},
		{name: "province.problems", here: zj, full: "province.zj.problems", text: "7"},
		{name: "province.gz.overdue", here: zj, full: "province.gz.overdue", text: "3"},
		{name: "group.dates", here: group1, full: "group.1.dates", text: "2015年11月16日至22日"},
		{name: "item.wages.problems", here: campaign, full: "item.wages.problems", text: "13"},
		{name: "indicator.contract-rate.target", here: campaign, full: "indicator.contract-rate.target", text: "90%"},
		{name: "province.tj.problems", here: campaign, full: "province.tj.problems", text: "0"}, // not visited
		{name: "previous.problems", here: campaign, full: "previous.problems", text: "15"},
		{name: "previous.problems:cn", here: campaign, full: "previous.problems", text: "十五"},
		{name: "change.problems", here: campaign, full: "change.problems", text: "+29"},
		{name: "change-rate.problems", here: campaign, full: "change-rate.problems", text: "+193.3%"},
		{name: "previous.closed-rate", here: campaign, full: "previous.closed-rate", text: "26.7%"},
		{name: "change.closed-rate", here: campaign, full: "change.closed-rate", text: "-15.3个百分点"},
		{name: "change.province.sc.problems", here: campaign, full: "change.province.sc.problems", text: "-3"},
		{name: "change-rate.province.zj.problems", here: zj, full: "change-rate.province.zj.problems", text: "+75%"},
		{name: "change.province.problems", here: zj, full: "change.province.zj.problems", text: "+3"},
		{name: "previous.period", here: campaign, full: "previous.period", text: "2014年11月10日至12月10日"},
		{name: "change.indicator.contract-rate.min", here: campaign, full: "change.indicator.contract-rate.min", text: "+2.3个百分点"},
		{name: "change.indicator.contract-rate.target", here: campaign, full: "change.indicator.contract-rate.target", text: "+5个百分点"},
		{name: "repeats", here: campaign, full: "repeats", text: "7"},
		{name: "province.hn.repeats", here: campaign, full: "province.hn.repeats", text: "3"},
		{name: "carried-over", here: campaign, full: "carried-over", text: "6"},
		{name: "carried-over.overdue", here: campaign, full: "carried-over.overdue", text: "5"},
		{name: "province.sc.carried-over", here: campaign, full: "province.sc.carried-over", text: "1"},

		{name: "problem", here: campaign, err: `unknown figure "problem"; did you mean "problems"?`},
		{name: "province.problems", here: campaign, err: "this page is not about a province; name one, e.g. province.<id>.problems"},
		{name: "province.xx.problems", here: campaign, err: `no province "xx"`},
		{name: "province.zz.problems", here: campaign, err: `did you mean "zj"?`},
		{name: "item.wage.problems", here: campaign, err: `no key item "wage" in data/2015/items.yaml; did you mean "wages"?`},
		{name: "group.9.visits", here: campaign, err: `no group "9"`},
		{name: "item.wages.visits", here: campaign, err: "visits is not counted for a key item"},
		{name: "groups", here: zj, full: "groups", text: "6"},
		{name: "province.groups", here: zj, err: `unknown figure "groups"`},
		{name: "indicator.injury-insurance-rate.target", here: campaign, err: "has no target"},
		{name: "as-of:cn", here: campaign, err: "is not a count"},
		{name: "problems:xx", here: campaign, err: `unknown format "xx"`},
		{name: "province", here: zj, err: "names no figure"},
		{name: "change-rate.closed-rate", here: campaign, err: "a share changes in percentage points: cite change.closed-rate"},
		{name: "change.as-of", here: campaign, err: "a date has no change"},
		{name: "change-rate.indicator.contract-rate.min", here: campaign, err: "cite change.indicator.contract-rate.min"},
		{name: "change.problems:cn", here: campaign, err: "change.problems is not a count"},
		{name: "previous.group.9.visits", here: campaign, err: `no group "9"`},
		{name: "group.carried-over", here: group1, err: `unknown figure "carried-over"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkErr := names.Check(tc.name, tc.here)
			v, text, err := table.Lookup(tc.name, tc.here)
			if tc.err != "" {
				if checkErr == nil || !strings.Contains(checkErr.Error(), tc.err) {
					t.Errorf("Check: %v, want an error with %q", checkErr, tc.err)
				}
				if err == nil {
					t.Errorf("Lookup found %s, but Check refuses it", v.Name)
				}
				return
			}
			if checkErr != nil || err != nil {
				t.Fatalf("Check: %v; Lookup: %v", checkErr, err)
			}
			if v.Name != tc.full || text != tc.text {
				t.Errorf("got %s = %q, want %s = %q", v.Name, text, tc.full, tc.text)
			}
		})
	}
}

// TestFirstCampaign: the first campaign of a project has nothing before
// it to compare with.
func TestFirstCampaign(t *testing.T) {
	c, _ := sample(t, fixture.Sample(t))
	first := c.Project.Campaign("2014")
	err := figures.NamesOf(first).Check("change.problems", figures.Scope{})
	if err == nil || !strings.Contains(err.Error(), "campaign 2014 is the first of the project") {
		t.Errorf("change.problems on the first campaign: %v", err)
	}
	table := figures.New(report.New(first, model.ZH))
	if v := table.Get("previous.problems"); v != nil || table.Previous() != nil {
		t.Errorf("the first campaign has a previous.problems: %v", v)
	}
}

// TestStatusesAddUp: in every scope, the four statuses add up to the
// problems, and overdue is a part of not started and in progress.
func TestStatusesAddUp(t *testing.T) {
	_, table := sample(t, fixture.Sample(t))
	n := 0
	for _, v := range table.All() {
		prefix, ok := strings.CutSuffix(v.Name, "problems")
		if !ok {
			continue
		}
		get := func(s string) float64 { return table.Get(prefix + s).Number }
		sum := get("problems.not-started") + get("problems.in-progress") + get("problems.done") + get("problems.closed")
		if sum != v.Number {
			t.Errorf("%s: the statuses add up to %v, not %v", v.Name, sum, v.Number)
		}
		if o := get("overdue"); o != get("overdue.not-started")+get("overdue.in-progress") || o > get("problems.not-started")+get("problems.in-progress") {
			t.Errorf("%soverdue = %v does not fit its statuses", prefix, o)
		}
		n++
	}
	if n < 31+8+6+1 {
		t.Errorf("only %d scopes counted problems", n)
	}
}

// TestCheck reports figures that name none at their position, and figures
// in a finding's text.
func TestCheck(t *testing.T) {
	fsys := fixture.Sample(t)
	fsys["content/2015/provinces/zj.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 浙江\n---\n共{{province.problem}}个，`{{code}}`不算，\\{{escaped}}也不算。\n\n{{item.problems}}\n")}
	c, _ := sample(t, fsys)
	c.OnSite[len(c.OnSite)-1].Findings[0].Detail = model.Text{ZH: "共{{problems}}个"}
	var diags diag.List
	figures.Check(c, markdown.New(markdown.Options{}), &diags)
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	want := []string{
		`content/2015/provinces/zj.md:4:2: {{province.problem}}: unknown figure "problem"; did you mean "problems"? ("ducha help figures" lists every figure)`,
		"content/2015/provinces/zj.md:6:1: {{item.problems}}: item.problems is the figure of the page's own key item, and this page is not about a key item; name one, e.g. item.<id>.problems",
		"data/2015/provinces/gz.yaml:34:13: {{problems}}: figures are cited on the pages of content/, not in a finding's text; write the fact here, or cite the figure on the province's page",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLint warns where a page states a count by hand that the data
// contradicts, and only there.
func TestLint(t *testing.T) {
	for _, tc := range []struct {
		page, body string
		want       []string
	}{
		{"summary.md", "共发现问题44个，已销号5个。", nil},
		{"summary.md", "共发现问题45个（严重10个、较重2个），已销号6个。", []string{
			"1:6: warning: says 问题45个, but the data has 44 (问题); cite the figure instead: {{problems}}",
			"1:18: warning: says 较重2个, but the data has 23 (较重问题); cite the figure instead: {{problems.medium}}",
			"1:25: warning: says 已销号6个, but the data has 5 (已销号问题); cite the figure instead: {{problems.closed}}",
		}},
		{"summary.md", "44个问题中有12个逾期，逾期未完成整改的11个。", []string{
			"1:8: warning: says 12个逾期, but the data has 11 (逾期问题); cite the figure instead: {{overdue}}",
		}},
		{"summary.md", "6个督查组对31个省（区、市）开展督查，`严重3个`不算，一般来说2015年如此。", nil},
		{"provinces/zj.md", "浙江省7个问题中有3个逾期。", []string{
			"1:10: warning: says 3个逾期, but the data has 2 (逾期问题); cite the figure instead: {{province.overdue}}",
		}},
		{"summary.md", "共{{problems}}个问题，已销号{{problems.closed}}个。", nil},
	} {
		t.Run(tc.body, func(t *testing.T) {
			fsys := fixture.Sample(t)
			name := "content/2015/" + tc.page
			fsys[name] = &fstest.MapFile{Data: []byte(tc.body + "\n")}
			c, table := sample(t, fsys)
			var diags diag.List
			figures.Lint(table, c, markdown.New(markdown.Options{}), &diags)
			var got []string
			for _, d := range diags.Items() {
				got = append(got, strings.TrimPrefix(d.String(), name+":"))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestDocumented keeps the table of figures in docs/data-format.md true to
// the code: every figure is documented, with where it is counted, and
// nothing else is.
func TestDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "data-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	section := string(doc)
	section = section[strings.Index(section, "\n## Figures"):]
	section = section[:strings.Index(section[1:], "\n## ")]
	documented := map[string]string{} // name → where
	row := regexp.MustCompile("(?m)^\\| ((?:`[a-z.-]+`(?:, )?)+) \\| ([CPIGN ]+) \\|")
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		for _, name := range strings.Split(m[1], ", ") {
			documented[strings.Trim(name, "`")] = m[2]
		}
	}
	letters := map[figures.ScopeKind]string{figures.Campaign: "C", figures.Province: "P", figures.Item: "I", figures.Group: "G", figures.Indicator: "N"}
	for _, m := range figures.Measures() {
		var where []string
		for _, k := range m.Scopes {
			where = append(where, letters[k])
		}
		got, ok := documented[m.Name]
		if !ok {
			t.Errorf("figure %s is not documented in docs/data-format.md (## Figures)", m.Name)
		} else if got != strings.Join(where, " ") {
			t.Errorf("docs/data-format.md says %s is counted in %q; it is in %q", m.Name, got, strings.Join(where, " "))
		}
		delete(documented, m.Name)
	}
	for name := range documented {
		t.Errorf("docs/data-format.md documents a figure %s that does not exist", name)
	}
	// The modifiers, and which way each figure is good news.
	mods := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)\\.` \\|").FindAllStringSubmatch(section, -1) {
		mods[m[1]] = true
	}
	for _, m := range figures.Modifiers() {
		if !mods[string(m)] {
			t.Errorf("modifier %s. is not documented in docs/data-format.md (## Figures)", m)
		}
		delete(mods, string(m))
	}
	for m := range mods {
		t.Errorf("docs/data-format.md documents a modifier %s. that does not exist", m)
	}
	para := section[strings.Index(section, "**Which way is good news.**"):]
	para = para[:strings.Index(para, "\n\n")]
	fewer, more, _ := strings.Cut(para[:strings.Index(para, "An indicator's `min`")], "More is good news")
	name := regexp.MustCompile("`([a-z.-]+)`")
	for _, m := range figures.Measures() {
		if m.Kind == figures.Quantity {
			continue // an indicator's own direction
		}
		inFewer := name.MatchString(fewer) && strings.Contains(fewer, "`"+m.Name+"`")
		inMore := strings.Contains(more, "`"+m.Name+"`")
		if inFewer != (m.Better == figures.LowerBetter) || inMore != (m.Better == figures.HigherBetter) {
			t.Errorf("docs/data-format.md (Which way is good news) is wrong about %s: better is %q", m.Name, m.Better)
		}
	}
}

// TestTrend: how a figure moved is said with an arrow, words and numbers,
// and whether it is good news.
func TestTrend(t *testing.T) {
	_, table := sample(t, fixture.Sample(t))
	prev := table.Previous()
	for _, tc := range []struct{ name, want string }{
		{"problems", "▲ 增加 29（+193.3%），变差"},
		{"closed-rate", "▼ 下降 15.3个百分点，变差"},
		{"province.sc.problems", "▼ 减少 3（-100%），好转"},
		{"visits", "▲ 增加 28（+186.7%）"},
		{"groups", "▲ 增加 2（+50%）"},
		{"items", "— 持平"},
		{"indicator.arrears-cases.max", "▲ 上升 78 件（+5.8%），变差"},
	} {
		got := figures.TrendOf(model.ZH, prev.Get(tc.name), table.Get(tc.name)).Text(model.ZH)
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
