package site

import (
	"html/template"
	"strings"

	"github.com/ducha/ducha/generator/derive/changes"
	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/echarts"
)

// Page is what every page template is executed with.
type Page struct {
	Site *Site
	// Path is the page's file from the site root: "provinces/zj.html".
	Path string
	// Root leads from the page back to the site root: "" or "../".
	Root string
	// Title is the page's own title, shown as its heading and first in the
	// browser tab.
	Title string
	// Section is the Key of the menu entry the page belongs to.
	Section string
	// Crumbs lead from the overview down to the page's parent.
	Crumbs []Link
	// Charts holds the page's charts; the page loads ECharts only when
	// there are any.
	Charts []*Chart
	// Data is what the page is about: one of the *…Data types of this
	// package, named after the template.
	Data any

	layoutKey string // see layout
}

// layout returns what the parts of the page that cached executes may
// depend on: its address depth, section and breadcrumb trail.
func (p *Page) layout() string {
	if p.layoutKey == "" {
		p.layoutKey = p.Root + "\x00" + p.Section + "\x00" + trail(p.Crumbs)
	}
	return p.layoutKey
}

// Site is what every page shares.
type Site struct {
	Lang     model.Lang
	HTMLLang string // the lang attribute: zh-CN or en
	Campaign *model.Campaign
	Report   *report.Report
	// Title and Short are the campaign's title and short title in Lang.
	Title, Short string
	// Illustrative is set when the data is made up in whole or part; Note
	// then says what is real.
	Illustrative bool
	Note         string
	// Briefing is the PDF briefing's path from the site root, or "".
	Briefing string
	// Menu lists the sections, then the pages of content/<c>/pages/.
	Menu []Link
	// Exports lists the downloadable data files.
	Exports []Link
	// Figures are the key figures, for the overview and the summary.
	Figures []Figure
	// Stamp says which commit the site was built from, or is "".
	Stamp string
}

// Link is a labelled address from the site root.
type Link struct {
	Key   string // identifies a menu entry: "findings"
	Label string
	Path  string // from the site root
	Lang  string // the language of Label where it is not the page's, or ""
}

// Figure is one key figure: a number with what it counts.
type Figure struct {
	Name   string // the figure's name, as narrative cites it: problems
	Label  string
	Value  string
	Detail string // a breakdown, e.g. "严重 10 · 较重 23 · 一般 11"
	Path   string // where it is explained, from the site root; may be empty
	Alert  bool   // draw attention: overdue problems
}

// Chart is a chart with its data table.
type Chart struct {
	*echarts.Chart
	Title string
	// Description tells what the chart shows, for screen readers.
	Description string
	Note        string
	Table       chart.Table
	// Wide is set when the table has too many columns to stand beside the
	// chart: it goes under it.
	Wide bool
	// Empty charts are shown as a sentence, not drawn.
	Empty bool
}

// Finding is a finding with what its pages show of it, prepared once per
// build.
type Finding struct {
	*model.Finding
	Detail      template.HTML // rendered Markdown
	Notes       template.HTML // rendered Markdown of the rectification's notes
	Overdue     bool
	DaysOverdue int
	Prev, Next  *Finding // in the order of the findings list
	// Steps are the statuses its rectification reached by the report's
	// date, with their dates; Since those recorded after it (a finding
	// of an earlier campaign is followed until it is closed).
	Steps, Since []Step
	// Repeats is the finding of an earlier campaign that this problem
	// repeats; RepeatedBy those of later campaigns that repeat it.
	Repeats    *Ref
	RepeatedBy []*Ref

	path string // the page's path from the site root
}

// Status returns the rectification status, or "" for a good practice.
func (f *Finding) Status() model.Status {
	if f.Rect == nil {
		return ""
	}
	return f.Rect.Status
}

// Urgency orders findings by how much their rectification needs action,
// for sorting a table by status: the days overdue (plus 10,000) for an
// overdue problem; then 3 not started, 2 in progress, 1 done, 0 closed;
// -1 for a good practice.
func (f *Finding) Urgency() int {
	if f.Overdue {
		return 10000 + f.DaysOverdue
	}
	switch f.Status() {
	case model.NotStarted:
		return 3
	case model.InProgress:
		return 2
	case model.Done:
		return 1
	case model.Closed:
		return 0
	}
	return -1
}

// SeverityRank orders findings by severity, for sorting: 3 high, 2
// medium, 1 low, 0 for a good practice.
func (f *Finding) SeverityRank() int {
	switch {
	case !f.IsProblem():
		return 0
	case f.Severity == model.High:
		return 3
	case f.Severity == model.Medium:
		return 2
	}
	return 1
}

// OverviewData is the data of index.html.
type OverviewData struct {
	Narrative template.HTML
	Members   []*model.Unit
	Provinces []*model.Province // visited on site
	// Overdue counts the overdue problems, OverdueHigh the high ones
	// among them.
	Overdue, OverdueHigh int
	// ByProvince and ByResponsible are what needs action: the overdue
	// problems by province and by the body responsible, most first, at
	// most MaxActionRows of each; MoreProvinces and MoreBodies count the
	// rest, which the tracker lists.
	ByProvince                []*ActionRow
	ByResponsible             []*ActionRow
	MoreProvinces, MoreBodies int
}

// MaxActionRows is how many provinces and bodies responsible the
// overview lists by their overdue problems.
const MaxActionRows = 10

// ActionRow counts the overdue problems of one province or one body
// responsible.
type ActionRow struct {
	Label    string
	Province *model.Province // for a row by province; nil by body
	Overdue  int
	High     int // the overdue problems of high severity
	MaxDays  int // the days the longest overdue is past its deadline
	// Provinces, for a row by body, are where its problems were found.
	Provinces []*model.Province
}

// SummaryData is the data of summary.html.
type SummaryData struct {
	Narrative template.HTML
	Overdue   []*Finding
}

// GroupsData is the data of groups/index.html.
type GroupsData struct {
	Groups []*report.GroupStats
}

// GroupData is the data of groups/<no>.html.
type GroupData struct {
	*report.GroupStats
	Narrative template.HTML
	Dates     model.Period // the group's dates, or the campaign's period
	Findings  []*Finding
}

// ProvincesData is the data of provinces/index.html.
type ProvincesData struct {
	Rows []*ProvinceRow
}

// ProvinceRow is one provincial-level unit of the provinces index.
type ProvinceRow struct {
	Province *model.Province
	SelfExam *model.SelfExam
	Group    *model.Group          // nil when not visited on site
	Stats    *report.ProvinceStats // nil when not visited on site
}

// ProvinceData is the data of provinces/<id>.html.
type ProvinceData struct {
	ProvinceRow
	// Letter is the path of the feedback letter to the province from the
	// site's root, or "" when the build wrote none.
	Letter    string
	Narrative template.HTML
	Values    []*IndicatorValue
	ByItem    []*ItemFindings
	Tracker   []*Finding // the province's problems, in tracker order
	Visits    VisitTable
}

// VisitTable is the visits of a province, each with the findings it is
// evidence for.
type VisitTable struct {
	Visits   []*model.Visit
	Findings map[*model.Visit][]*Finding
}

// IndicatorValue is a province's value of an indicator.
type IndicatorValue struct {
	Indicator *model.Indicator
	Value     *model.Value
	Meets     bool
}

// ItemFindings are the findings under one key item.
type ItemFindings struct {
	Item     *model.Item
	Findings []*Finding
}

// ItemsData is the data of items/index.html.
type ItemsData struct {
	Items []*report.ItemStats
}

// ItemData is the data of items/<id>.html.
type ItemData struct {
	*report.ItemStats
	Narrative  template.HTML
	Indicators []*IndicatorData
	ByProvince []*ProvinceFindings
}

// IndicatorData is one indicator with its chart.
type IndicatorData struct {
	Indicator *model.Indicator
	Chart     *Chart
}

// ProvinceFindings are the findings in one province.
type ProvinceFindings struct {
	Province *model.Province
	Findings []*Finding
}

// FindingsData is the data of findings/index.html.
type FindingsData struct {
	Findings []*Finding
	Filters  []Filter
}

// Filter is one of the findings list's filters.
type Filter struct {
	Key     string // the data-* attribute of the rows it matches
	Label   string
	Options []Link // Key is the value, Label its name
}

// FindingData is the data of findings/<id>.html.
type FindingData struct {
	*Finding
}

// RectificationData is the data of rectification.html.
type RectificationData struct {
	// Statuses count the problems by status, then the overdue ones among
	// them; Path is an anchor on the page, or empty.
	Statuses []Figure
	Sections []*TrackerSection
	// Carried are the problems of earlier campaigns not closed on the
	// report's date, overdue first.
	Carried []*CarriedRow
}

// TrackerSection is one part of the tracker: overdue; not started or in
// progress and not yet due; done; or closed.
type TrackerSection struct {
	Key      string
	Title    string
	Findings []*Finding
}

// VisitsData is the data of visits.html.
type VisitsData struct {
	Provinces []*ProvinceVisits
	Covert    int // covert visits
	Random    int // visits to sites chosen at random
}

// ProvinceVisits are the visits in one province.
type ProvinceVisits struct {
	Stats  *report.ProvinceStats
	Group  *model.Group
	Visits VisitTable
}

// PageData is the data of pages/<slug>.html.
type PageData struct {
	Narrative template.HTML
}

// ChangesData is the data of changes.html: what changed since Since, a
// section for each kind of change that has any.
type ChangesData struct {
	Since    string
	Sections []changes.Section
}

// trail identifies a breadcrumb trail by the paths of its links.
func trail(crumbs []Link) string {
	var b strings.Builder
	for _, l := range crumbs {
		b.WriteString(l.Path)
		b.WriteByte(0)
	}
	return b.String()
}
