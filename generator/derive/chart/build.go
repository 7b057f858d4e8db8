package chart

import (
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Colours shared by both backends.
const (
	ColorHigh       = "#b3261e"
	ColorMedium     = "#e8710a"
	ColorLow        = "#f2b705"
	ColorPractice   = "#2e7d32"
	ColorProblem    = "#b3261e"
	ColorOverdue    = "#7f0000"
	ColorNotStarted = "#9e9e9e"
	ColorInProgress = "#1565c0"
	ColorDone       = "#00897b"
	ColorClosed     = "#2e7d32"
	ColorOpen       = "#1565c0"
	ColorCovert     = "#6a1b9a"
	ColorValue      = "#1f4e79"
	ColorMiss       = "#c62828"
)

// SeverityColor returns the colour of a severity.
func SeverityColor(s model.Severity) string {
	switch s {
	case model.High:
		return ColorHigh
	case model.Medium:
		return ColorMedium
	}
	return ColorLow
}

// Main returns the charts of the campaign's overview, in the order they are
// shown: problems by province and severity, findings by item, the province
// × item matrix, rectification status, and visits by site and mode.
func Main(r *report.Report) []*Chart {
	return []*Chart{ByProvince(r), ByItem(r), Matrix(r), Status(r), Visits(r)}
}

// ByProvince counts problems per province, stacked by severity.
func ByProvince(r *report.Report) *Chart {
	c := &Chart{ID: "problems_by_province", Title: i18n.Tr(r.Lang, "chart.findings-by-province"), Kind: Bar, Stacked: true, Axis: i18n.Tr(r.Lang, "chart.axis.problems"), CategoryName: i18n.Tr(r.Lang, "province")}
	for _, ps := range r.Provinces {
		c.Categories = append(c.Categories, ps.Province.Label(r.Lang))
	}
	for _, sev := range model.Severity("").Choices() {
		s := Series{Name: i18n.Enum(r.Lang, model.Severity(sev)), Color: SeverityColor(model.Severity(sev))}
		for _, ps := range r.Provinces {
			s.Values = append(s.Values, float64(ps.BySeverity[model.Severity(sev)]))
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// ByItem counts problems and good practices per key item.
func ByItem(r *report.Report) *Chart {
	c := &Chart{ID: "findings_by_item", Title: i18n.Tr(r.Lang, "chart.findings-by-item"), Kind: Bar, Stacked: true, Horizontal: true, Axis: i18n.Tr(r.Lang, "chart.axis.findings"), CategoryName: i18n.Tr(r.Lang, "item")}
	problems := Series{Name: i18n.Tr(r.Lang, "problems"), Color: ColorProblem}
	practices := Series{Name: i18n.Tr(r.Lang, "practices"), Color: ColorPractice}
	for _, is := range r.Items {
		c.Categories = append(c.Categories, is.Item.Label(r.Lang))
		problems.Values = append(problems.Values, float64(is.Problems))
		practices.Values = append(practices.Values, float64(is.Practices))
	}
	c.Series = []Series{problems, practices}
	return c
}

// Matrix counts problems per key item (rows) and province (columns).
func Matrix(r *report.Report) *Chart {
	c := &Chart{ID: "matrix", Title: i18n.Tr(r.Lang, "chart.matrix"), Kind: Heatmap, Axis: i18n.Tr(r.Lang, "chart.axis.problems"),
		CategoryName: i18n.Tr(r.Lang, "province"), RowName: i18n.Tr(r.Lang, "item")}
	for _, ps := range r.Provinces {
		c.Categories = append(c.Categories, ps.Province.Label(r.Lang))
	}
	for _, is := range r.Items {
		c.Rows = append(c.Rows, is.Item.Label(r.Lang))
		row := make([]float64, len(r.Provinces))
		for j, ps := range r.Provinces {
			row[j] = float64(is.ByProvince[ps.Province.ID])
		}
		c.Cells = append(c.Cells, row)
	}
	return c
}

// Status counts problems by the status of their rectification: one bar
// per status, the four adding up to the problems. Overdue problems (not
// started or in progress, past their deadline) are the darker part of
// their status's bar: overdue is a measure over the statuses, not a status
// of its own.
func Status(r *report.Report) *Chart {
	c := &Chart{ID: "rectification_status", Title: i18n.Tr(r.Lang, "chart.status"), Kind: Bar, Horizontal: true, Stacked: true, Axis: i18n.Tr(r.Lang, "chart.axis.problems"), CategoryName: i18n.Tr(r.Lang, "status")}
	f := r.Figures
	onTime := Series{Name: i18n.Tr(r.Lang, "chart.not-overdue"), Color: ColorInProgress}
	overdue := Series{Name: i18n.Tr(r.Lang, "overdue"), Color: ColorOverdue}
	for _, st := range model.Statuses {
		c.Categories = append(c.Categories, i18n.Enum(r.Lang, st))
		onTime.Values = append(onTime.Values, float64(f.ByStatus[st]-f.OverdueByStatus[st]))
		onTime.Colors = append(onTime.Colors, StatusColor(st))
		overdue.Values = append(overdue.Values, float64(f.OverdueByStatus[st]))
	}
	c.Series = []Series{onTime, overdue}
	c.Note = i18n.Trf(r.Lang, "chart.status-note", i18n.Date(r.Lang, r.AsOf), i18n.Int(f.Problems), i18n.Int(f.Overdue))
	return c
}

// StatusColor returns the colour of a rectification status.
func StatusColor(s model.Status) string {
	switch s {
	case model.NotStarted:
		return ColorNotStarted
	case model.InProgress:
		return ColorInProgress
	case model.Done:
		return ColorDone
	}
	return ColorClosed
}

// Visits counts visited sites by type, stacked by open and covert visits.
func Visits(r *report.Report) *Chart {
	c := &Chart{ID: "visits_by_site", Title: i18n.Tr(r.Lang, "chart.visits"), Kind: Bar, Stacked: true, Axis: i18n.Tr(r.Lang, "chart.axis.sites"), CategoryName: i18n.Tr(r.Lang, "site")}
	open := Series{Name: i18n.Enum(r.Lang, model.Open), Color: ColorOpen}
	covert := Series{Name: i18n.Enum(r.Lang, model.Covert), Color: ColorCovert}
	for _, st := range model.SiteType("").Choices() {
		site := model.SiteType(st)
		var o, cv float64
		for _, v := range r.Visits {
			if v.Site != site {
				continue
			}
			if report.ModeOf(v) == model.Covert {
				cv++
			} else {
				o++
			}
		}
		if o+cv == 0 {
			continue
		}
		c.Categories = append(c.Categories, i18n.Enum(r.Lang, site))
		open.Values = append(open.Values, o)
		covert.Values = append(covert.Values, cv)
	}
	c.Series = []Series{open, covert}
	return c
}

// Indicator shows one indicator's values across the provinces that report
// it, with its target as a reference line. Values that miss the target are
// drawn in the warning colour, and the chart's Key says so.
func Indicator(r *report.Report, ind *model.Indicator) *Chart {
	c := &Chart{
		ID:    jsIdent("ind_" + ind.ID),
		Title: i18n.Trf(r.Lang, "chart.indicator", ind.Name.In(r.Lang)),
		Kind:  Bar,
		Unit:  i18n.Unit(r.Lang, ind.Measure),

		CategoryName: i18n.Tr(r.Lang, "province"),
	}
	s := Series{Name: ind.Name.In(r.Lang), Color: ColorValue}
	for _, ps := range r.Provinces {
		v := ps.Inspection.Value(ind.ID)
		if v == nil {
			continue
		}
		c.Categories = append(c.Categories, ps.Province.Label(r.Lang))
		s.Values = append(s.Values, v.Value)
		color := ColorValue
		if !ind.Meets(v.Value) {
			color = ColorMiss
		}
		s.Colors = append(s.Colors, color)
	}
	c.Series = []Series{s}
	if ind.Target != nil {
		t := *ind.Target
		c.Target = &t
		c.TargetLabel = i18n.Tr(r.Lang, "target")
		c.Key = []Swatch{
			{Color: ColorValue, Label: i18n.Tr(r.Lang, "meets-target")},
			{Color: ColorMiss, Label: i18n.Tr(r.Lang, "misses-target"), Pattern: true},
		}
	}
	return c
}
