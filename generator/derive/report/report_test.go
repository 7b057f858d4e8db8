package report_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/internal/fixture"
)

// The campaign of the tests: the minimal project, with Zhejiang's file
// replaced by one whose every finding has a known place in the report.
// The campaign's as_of is 2016-03-31.
const zj = `visits:
  - {id: v1, date: 2015-11-23, place: 甲, site: construction, mode: covert, selection: random, met: 23}
  - {id: v2, date: 2015-11-20, place: 乙, site: community, met: 12}
  - {id: v3, date: 2015-11-24, place: 丙, site: community, selection: random}
findings:
  - {id: zj-01, item: wages, kind: problem, severity: high, title: 逾期最久, visits: [v1],
     rectification: {responsible: 甲, deadline: 2016-01-10, status: not-started}}
  - {id: zj-02, item: wages, kind: problem, severity: low, title: 逾期, visits: [v1],
     rectification: {responsible: 甲, deadline: 2016-02-10, status: in-progress}}
  - {id: zj-03, item: training, kind: problem, severity: medium, title: 到期当天, visits: [v2],
     rectification: {responsible: 甲, deadline: 2016-03-31, status: in-progress}}
  - {id: zj-04, item: wages, kind: problem, severity: high, title: 未到期, visits: [v2],
     rectification: {responsible: 甲, deadline: 2016-06-30, status: not-started}}
  - {id: zj-05, item: wages, kind: problem, severity: medium, title: 已完成但过期, visits: [v3],
     rectification: {responsible: 甲, deadline: 2016-01-01, status: done}}
  - {id: zj-06, item: training, kind: problem, severity: low, title: 已销号, visits: [v3],
     rectification: {responsible: 甲, deadline: 2016-01-05, status: closed, closed: 2016-02-01}}
  - {id: zj-07, item: training, kind: practice, title: 好做法, visits: [v2]}
`

func campaign(t *testing.T) *model.Campaign {
	t.Helper()
	fsys := fixture.Minimal(t)
	fsys["data/2015/provinces/zj.yaml"] = &fstest.MapFile{Data: []byte(zj)}
	p, diags, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if diags.HasErrors(false) {
		t.Fatal(diags.Err())
	}
	return p.Current()
}

func ids(fs []*model.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return strings.Join(out, " ")
}

func TestFigures(t *testing.T) {
	r := report.New(campaign(t), model.ZH)
	f := r.Figures
	check := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", what, got, want)
		}
	}
	check("findings", f.Findings, 7)
	check("problems", f.Problems, 6)
	check("practices", f.Practices, 1)
	check("high", f.BySeverity[model.High], 2)
	check("not started", f.ByStatus[model.NotStarted], 2)
	check("in progress", f.ByStatus[model.InProgress], 2)
	check("done", f.ByStatus[model.Done], 1)
	check("closed", f.ByStatus[model.Closed], 1)
	// A deadline on the as-of date is not yet past; done is not overdue.
	check("overdue", f.Overdue, 2)
	check("overdue not started", f.OverdueByStatus[model.NotStarted], 1)
	check("overdue in progress", f.OverdueByStatus[model.InProgress], 1)
	check("unclosed", f.Unclosed(), 5)
	check("visits", f.Visits, 3)
	check("people met", f.PeopleMet, 35)
	check("covert", f.ByMode[model.Covert], 1)
	check("open (not given)", f.ByMode[model.Open], 2)
	check("random", f.BySelection[model.RandomSelection], 2)
	check("community", f.BySite[model.SiteCommunity], 2)
	check("groups", f.Groups, 1)
	check("on site", f.OnSite, 1)
	if got := f.ClosedRate(); got != 100.0/6 {
		t.Errorf("closed rate %v", got)
	}
}

// TestTracker: overdue first, most overdue first; then the open ones by
// deadline; then done; then closed.
func TestTracker(t *testing.T) {
	r := report.New(campaign(t), model.ZH)
	if got, want := ids(r.Tracker), "zj-01 zj-02 zj-03 zj-04 zj-05 zj-06"; got != want {
		t.Errorf("tracker %s, want %s", got, want)
	}
	if got, want := ids(r.Unclosed), "zj-01 zj-02 zj-03 zj-04 zj-05"; got != want {
		t.Errorf("unclosed %s, want %s", got, want)
	}
	if d := r.DaysOverdue(r.Campaign.Finding("zj-01")); d != 81 {
		t.Errorf("zj-01 is %d days overdue, want 81", d)
	}
	if d := r.DaysOverdue(r.Campaign.Finding("zj-04")); d != 0 {
		t.Errorf("zj-04, not yet due, is %d days overdue", d)
	}
}

// TestAsOf judges overdue as of the date given, not the campaign's, and
// each problem by the status its dates give it then: zj-06, closed on
// 2016-02-01 with no other date, was not started before then.
func TestAsOf(t *testing.T) {
	c := campaign(t)
	for _, tc := range []struct {
		asOf    model.Date
		overdue string
	}{
		{model.Date{Year: 2016, Month: 1, Day: 1}, ""},
		{model.Date{Year: 2016, Month: 1, Day: 11}, "zj-06 zj-01"},
		{model.Date{Year: 2016, Month: 4, Day: 1}, "zj-01 zj-02 zj-03"},
		{model.Date{Year: 2017, Month: 1, Day: 1}, "zj-01 zj-02 zj-03 zj-04"},
	} {
		r := report.NewAsOf(c, model.ZH, tc.asOf)
		var got []*model.Finding
		for _, f := range r.Tracker {
			if f.Overdue(r.AsOf) {
				got = append(got, f)
			}
		}
		if ids(got) != tc.overdue || r.Figures.Overdue != len(got) {
			t.Errorf("as of %s: overdue %s (%d), want %s", tc.asOf, ids(got), r.Figures.Overdue, tc.overdue)
		}
	}
}

// TestScopes: each province's, item's and group's counts add up to the
// campaign's.
func TestScopes(t *testing.T) {
	r := report.New(campaign(t), model.ZH)
	sum := func(get func(report.Counts) int, counts ...report.Counts) int {
		n := 0
		for _, c := range counts {
			n += get(c)
		}
		return n
	}
	var byItem, byProvince, byGroup []report.Counts
	for _, is := range r.Items {
		byItem = append(byItem, is.Counts)
	}
	for _, ps := range r.Provinces {
		byProvince = append(byProvince, ps.Counts)
	}
	for _, gs := range r.Groups {
		byGroup = append(byGroup, gs.Counts)
		if gs.Visits != r.Figures.Visits || gs.PeopleMet != r.Figures.PeopleMet {
			t.Errorf("group %d: %d visits, %d people; want the campaign's", gs.Group.No, gs.Visits, gs.PeopleMet)
		}
	}
	for name, get := range map[string]func(report.Counts) int{
		"problems":  func(c report.Counts) int { return c.Problems },
		"practices": func(c report.Counts) int { return c.Practices },
		"overdue":   func(c report.Counts) int { return c.Overdue },
		"closed":    func(c report.Counts) int { return c.ByStatus[model.Closed] },
	} {
		want := get(r.Figures.Counts)
		for scope, counts := range map[string][]report.Counts{"items": byItem, "provinces": byProvince, "groups": byGroup} {
			if got := sum(get, counts...); got != want {
				t.Errorf("%s by %s add up to %d, want %d", name, scope, got, want)
			}
		}
	}
	wages := r.Items[slices.IndexFunc(r.Items, func(is *report.ItemStats) bool { return is.Item.ID == "wages" })]
	if got := wages.ByProvince["zj"]; got != 4 {
		t.Errorf("wages: %d problems in zj, want 4", got)
	}
}

// The campaign before: 2014, with Zhejiang's problems in every state on
// the 2015 campaign's as_of date (2016-03-31).
var earlier = map[string]string{
	"data/2014/campaign.yaml": `title: 第七次
edition: 7
basis: 意见
organiser: 领导小组
period: {start: 2014-11-10, end: 2014-12-10}
as_of: 2015-03-31
members: [ndrc, mohrss, mof]
`,
	"data/2014/items.yaml":     "- {id: wages, name: 维护农民工劳动保障权益}\n- {id: training, name: 加强农民工职业技能培训}\n",
	"data/2014/groups.yaml":    "- {no: 1, lead: ndrc, provinces: [zj]}\n",
	"data/2014/self-exam.yaml": "bj: {submitted: false}\nzj: {submitted: false}\ngz: {submitted: false}\n",
	"data/2014/provinces/zj.yaml": `visits:
  - {id: v1, date: 2014-11-20, place: 甲, site: construction}
findings:
  - {id: zj-01, item: wages, kind: problem, severity: high, title: 一年后仍未整改, visits: [v1],
     rectification: {responsible: 甲, deadline: 2015-02-28, status: in-progress, started: 2015-01-10}}
  - {id: zj-02, item: wages, kind: problem, severity: low, title: 后来销号, visits: [v1],
     rectification: {responsible: 甲, deadline: 2015-02-28, status: closed, started: 2015-01-10, done: 2015-03-20, closed: 2015-06-30}}
  - {id: zj-03, item: training, kind: problem, severity: medium, title: 已完成待核验, visits: [v1],
     rectification: {responsible: 甲, deadline: 2015-06-30, status: done, done: 2015-05-01}}
`,
}

// TestCarried: the problems of an earlier campaign not closed on the
// report's date are carried over, with their age, overdue first; the
// earlier campaign's own report judges them on its own as_of date.
func TestCarried(t *testing.T) {
	fsys := fixture.Minimal(t)
	fsys["data/2015/provinces/zj.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(zj, "title: 逾期,", "title: 逾期, repeats: 2014/zj-01,", 1))}
	for name, data := range earlier {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	p, diags, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if diags.HasErrors(false) {
		t.Fatal(diags.Err())
	}
	r := report.New(p.Current(), model.ZH)
	var got []string
	for _, x := range r.Carried {
		got = append(got, fmt.Sprintf("%s/%s %s age %d overdue %d", x.Campaign.ID, x.Finding.ID, x.Status, x.Age, x.DaysOverdue))
	}
	want := []string{"2014/zj-01 in-progress age 497 overdue 397", "2014/zj-03 done age 497 overdue 0"}
	if !slices.Equal(got, want) {
		t.Errorf("carried over:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f := r.Campaign.Finding("zj-02"); f.Repeated != p.Campaign("2014").Finding("zj-01") || r.Figures.Repeats != 1 {
		t.Errorf("zj-02 repeats %v; %d repeats counted, want 1", f.Repeated, r.Figures.Repeats)
	}
	old := report.New(p.Campaign("2014"), model.ZH)
	if got := old.Campaign.Finding("zj-02").Rect.Status; got != model.Done {
		t.Errorf("2014's zj-02 on its own as_of (2015-03-31) is %s, want done (closed only on 2015-06-30)", got)
	}
	if got := p.Campaign("2014").Finding("zj-02").Rect.Status; got != model.Closed {
		t.Errorf("the 2014 report changed the model: zj-02 is %s", got)
	}
	if n := old.Figures.ByStatus[model.Done]; n != 1 || len(old.Carried) != 0 {
		t.Errorf("2014 on its own as_of: %d done, %d carried; want 1 and 0", n, len(old.Carried))
	}
}
