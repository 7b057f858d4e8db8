package site

import (
	"math"
	"strconv"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/compare"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// The comparisons across years, compare/ at the site's root: every
// campaign up to the current one side by side, and the change against the
// one before, as a number, a percentage, ▲/▼ and words, with the
// direction that is good news stated.
//
//	compare/index.html       the whole campaign, and each province and key item in a line
//	compare/provinces.html   each province: its figures and a small trend chart
//	compare/items.html       each key item: the same
//	compare/indicators.html  each indicator: every province's value against each year's target
//	compare/repeats.html     the problems found again (屡查屡犯), by province

// CompareTable is figures of several campaigns side by side: a row per
// figure, province or key item, a column per campaign, and the change
// since the campaign before.
type CompareTable struct {
	Caption string
	Head    string   // the first column's head
	Columns []string // the campaigns, oldest first
	Rows    []*compare.Row
	// Links lead from a row, by its Key, to where it is explained; paths
	// from the site root.
	Links map[string]string
	// Better says, for a table of one figure, which way is good news.
	Better string
}

// CompareData is the data of compare/index.html.
type CompareData struct {
	Campaigns []*model.Campaign // oldest first
	Totals    *CompareTable
	Provinces *CompareTable
	Items     *CompareTable
}

// CompareScopesData is the data of compare/provinces.html and
// compare/items.html: one section per province or key item.
type CompareScopesData struct {
	Lead     string
	Sections []*CompareSection
}

// CompareSection is one province or key item across the campaigns.
type CompareSection struct {
	Key   string // the province or item ID: the section's anchor
	Title string
	Link  string // its page in the current campaign, from the site root
	Table *CompareTable
	Chart *Chart
}

// IndicatorsCompareData is the data of compare/indicators.html.
type IndicatorsCompareData struct {
	Columns    []string
	Indicators []*IndicatorCompare
}

// IndicatorCompare is one indicator across the campaigns, with its
// targets and how many provinces met them written out.
type IndicatorCompare struct {
	*compare.IndicatorRows
	Better  string   // which way is good news
	Targets []string // per campaign: the target in its unit, or ""
	Met     []string // per campaign: 2 / 3（66.7%）, or ""
}

// RepeatsData is the data of compare/repeats.html.
type RepeatsData struct {
	Counts    *CompareTable // repeats by province, per campaign
	Provinces []*ProvinceRepeatRows
}

// ProvinceRepeatRows are the repeats found in one province.
type ProvinceRepeatRows struct {
	Province *model.Province
	Rows     []*RepeatRow
}

// RepeatRow is a problem found again, with the one it repeats.
type RepeatRow struct {
	Finding *Finding
	Earlier *Ref
	// Status is the earlier problem's status on the current report's
	// date.
	Status model.Status
}

// comparePages lists the pages of compare/, when the project has several
// campaigns.
func (s *site) comparePages() []job {
	if s.c.Previous() == nil {
		return nil
	}
	set := compare.All(s.figs)
	return []job{
		{name: "compare/index.html", tmpl: "compare.html", page: func() (*Page, error) { return s.compareIndex(set) }},
		{name: "compare/provinces.html", tmpl: "compare-scopes.html", page: func() (*Page, error) { return s.compareProvinces(set) }},
		{name: "compare/items.html", tmpl: "compare-scopes.html", page: func() (*Page, error) { return s.compareItems(set) }},
		{name: "compare/indicators.html", tmpl: "compare-indicators.html", page: func() (*Page, error) { return s.compareIndicators(set) }},
		{name: "compare/repeats.html", tmpl: "compare-repeats.html", page: func() (*Page, error) { return s.compareRepeats(set) }},
	}
}

// columns names the campaigns of a set for the heads of its columns.
func (s *site) columns(set *compare.Set) []string { return s.short(set) }

// short names the campaigns of a set for the heads of columns and the
// axis of a trend chart: 第七次（2014）, 7th (2014).
func (s *site) short(set *compare.Set) []string {
	var out []string
	for _, c := range set.Campaigns {
		out = append(out, i18n.Trf(s.lang, "site.campaign-axis", i18n.Edition(s.lang, c.Edition), strconv.Itoa(c.Period.Start.Year)))
	}
	return out
}

func (s *site) comparePage(path, title string, data any) *Page {
	p := s.page(path, "compare", title, data)
	p.Crumbs = []Link{s.crumb("overview")}
	if path != "compare/index.html" {
		p.Crumbs = append(p.Crumbs, s.crumb("compare"))
	}
	return p
}

func (s *site) compareIndex(set *compare.Set) (*Page, error) {
	data := &CompareData{Campaigns: set.Campaigns}
	cols := s.columns(set)
	data.Totals = &CompareTable{Caption: s.tr("site.compare-totals"), Head: s.tr("site.figure"), Columns: cols, Rows: set.Campaign(compare.Totals)}
	data.Provinces = &CompareTable{Caption: s.tr("site.compare-provinces"), Head: s.tr("province"), Columns: cols, Rows: set.Provinces("problems"),
		Links: map[string]string{}, Better: figures.BetterWords(s.lang, figures.LowerBetter)}
	for _, r := range data.Provinces.Rows {
		data.Provinces.Links[r.Key] = "compare/provinces.html#p-" + r.Key
	}
	data.Items = &CompareTable{Caption: s.tr("site.compare-items"), Head: s.tr("item"), Columns: cols, Rows: set.Items("problems"),
		Links: map[string]string{}, Better: figures.BetterWords(s.lang, figures.LowerBetter)}
	for _, r := range data.Items.Rows {
		data.Items.Links[r.Key] = "compare/items.html#i-" + r.Key
	}
	p := s.comparePage("compare/index.html", s.tr("site.compare"), data)
	axis := s.short(set)
	rows := map[string]*compare.Row{}
	for _, r := range data.Totals.Rows {
		rows[r.Key] = r
	}
	series := func(name, color string) chart.Series {
		return chart.Series{Name: rows[name].Label, Values: rows[name].Values(), Color: color}
	}
	charts := []*chart.Chart{
		chart.Trend("trend_problems", s.tr("site.trend-problems"), "", axis,
			series("problems", chart.ColorTrend), series("problems.high", chart.ColorHigh), series("overdue", chart.ColorOverdue), series("repeats", chart.ColorMedium)),
		chart.Trend("trend_closed", s.tr("site.trend-closed"), "%", axis, series("closed-rate", chart.ColorClosed)),
	}
	var err error
	p.Charts, err = s.charts(charts)
	return p, err
}

// scopeMeasures are the figures of a province or key item compared across
// years.
var scopeMeasures = []string{"problems", "problems.high", "overdue", "closed-rate", "practices", "repeats", "carried-over"}

func (s *site) compareProvinces(set *compare.Set) (*Page, error) {
	data := &CompareScopesData{Lead: s.tr("site.compare-provinces-lead")}
	cols, axis := s.columns(set), s.short(set)
	p := s.comparePage("compare/provinces.html", s.tr("site.compare-provinces"), data)
	for _, pr := range s.p.Provinces {
		if !set.Visited(pr.ID) {
			continue
		}
		rows := set.Province(pr.ID, scopeMeasures)
		sec := &CompareSection{Key: "p-" + pr.ID, Title: pr.Name.In(s.lang), Link: provincePath(pr),
			Table: &CompareTable{Caption: pr.Label(s.lang), Head: s.tr("site.figure"), Columns: cols, Rows: rows}}
		ch, err := s.smallTrend("trend_"+pr.ID, pr.Label(s.lang), axis, rows)
		if err != nil {
			return nil, err
		}
		sec.Chart = ch
		p.Charts = append(p.Charts, ch)
		data.Sections = append(data.Sections, sec)
	}
	return p, nil
}

func (s *site) compareItems(set *compare.Set) (*Page, error) {
	data := &CompareScopesData{Lead: s.tr("site.compare-items-lead")}
	cols, axis := s.columns(set), s.short(set)
	p := s.comparePage("compare/items.html", s.tr("site.compare-items"), data)
	measures := []string{"problems", "problems.high", "overdue", "closed-rate", "practices", "repeats", "carried-over"}
	for _, r := range set.Items("problems") {
		var rows []*compare.Row
		for _, m := range measures {
			rows = append(rows, set.Campaign([]string{"item." + r.Key + "." + m})...)
		}
		for i, row := range rows {
			row.Key = measures[i]
		}
		sec := &CompareSection{Key: "i-" + r.Key, Title: r.Label, Table: &CompareTable{Caption: r.Label, Head: s.tr("site.figure"), Columns: cols, Rows: rows}}
		if it := s.c.Item(r.Key); it != nil {
			sec.Link = itemPath(it)
			sec.Title = numbered(s.lang, it.No, it.Name.In(s.lang))
		}
		ch, err := s.smallTrend("trend_"+r.Key, r.Label, axis, rows)
		if err != nil {
			return nil, err
		}
		sec.Chart = ch
		p.Charts = append(p.Charts, ch)
		data.Sections = append(data.Sections, sec)
	}
	return p, nil
}

// smallTrend is the small chart of a province's or key item's problems
// across the campaigns: all, and the serious ones.
func (s *site) smallTrend(id, title string, axis []string, rows []*compare.Row) (*Chart, error) {
	c := chart.Trend(id, i18n.Trf(s.lang, "site.trend-of", title), "", axis,
		chart.Series{Name: rows[0].Label, Values: rows[0].Values(), Color: chart.ColorTrend},
		chart.Series{Name: rows[1].Label, Values: rows[1].Values(), Color: chart.ColorHigh})
	c.Small = true
	return s.chart(c)
}

func (s *site) compareIndicators(set *compare.Set) (*Page, error) {
	data := &IndicatorsCompareData{Columns: s.columns(set)}
	for _, ir := range set.Indicators() {
		ind := ir.Indicator
		x := &IndicatorCompare{IndicatorRows: ir, Better: figures.BetterWords(s.lang, figures.QuantityOf(s.lang, ind, 0).Better)}
		for i, t := range ir.Targets {
			tt, met := "", ""
			if t != nil {
				tt = i18n.Value(s.lang, *t, ind.Measure)
				if ir.Reported[i] > 0 {
					met = i18n.Trf(s.lang, "site.met-of", ir.Met[i], ir.Reported[i], share(ir.Met[i], ir.Reported[i]))
				}
			}
			x.Targets, x.Met = append(x.Targets, tt), append(x.Met, met)
		}
		data.Indicators = append(data.Indicators, x)
	}
	return s.comparePage("compare/indicators.html", s.tr("site.compare-indicators"), data), nil
}

func (s *site) compareRepeats(set *compare.Set) (*Page, error) {
	data := &RepeatsData{Counts: &CompareTable{Caption: s.tr("site.repeats-by-province"), Head: s.tr("province"), Columns: s.columns(set),
		Rows: set.Provinces("repeats"), Better: figures.BetterWords(s.lang, figures.LowerBetter)}}
	for _, pr := range set.Repeats() {
		x := &ProvinceRepeatRows{Province: pr.Province}
		for _, f := range pr.Findings {
			row := &RepeatRow{Finding: s.byFinding[f], Earlier: s.ref(f.Repeated)}
			if r := f.Repeated.Rect; r != nil {
				row.Status = r.StatusAt(s.r.AsOf)
			}
			x.Rows = append(x.Rows, row)
		}
		data.Provinces = append(data.Provinces, x)
	}
	return s.comparePage("compare/repeats.html", s.tr("site.compare-repeats"), data), nil
}

// share formats met of reported as a percentage, or — when none report.
func share(met, reported int) string {
	x := compare.Share(met, reported)
	if math.IsNaN(x) {
		return "—"
	}
	return i18n.Percent(x)
}
