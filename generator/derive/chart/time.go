package chart

import (
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Colours of the charts over time.
const (
	ColorUnclosed = "#1565c0"
	ColorOutstand = "#b3261e"
	ColorNotDue   = "#616161"
	ColorTrend    = "#1f4e79"
)

// Burndown shows the problems still open from the day the first was
// found to the report's date (report.Report.Burndown): those not closed,
// those not yet done, and, dashed, how many could still be open if every
// problem were done by its deadline. Where the second line runs above the
// third, work is past its deadline.
func Burndown(r *report.Report) *Chart {
	c := &Chart{ID: "burndown", Title: i18n.Tr(r.Lang, "chart.burndown"), Kind: Line}
	unclosed := Series{Name: i18n.Tr(r.Lang, "chart.burndown.unclosed"), Color: ColorUnclosed}
	open := Series{Name: i18n.Tr(r.Lang, "chart.burndown.open"), Color: ColorOutstand}
	notDue := Series{Name: i18n.Tr(r.Lang, "chart.burndown.not-due"), Color: ColorNotDue, Dashed: true}
	pts := r.Burndown()
	for i, pt := range pts {
		c.Categories = append(c.Categories, axisDate(r.Lang, pt.Date, i == 0 || pts[i-1].Date.Year != pt.Date.Year))
		unclosed.Values = append(unclosed.Values, float64(pt.Unclosed))
		open.Values = append(open.Values, float64(pt.Open))
		notDue.Values = append(notDue.Values, float64(pt.NotDue))
	}
	c.Series = []Series{unclosed, open, notDue}
	if len(pts) > 0 {
		last := pts[len(pts)-1]
		c.Note = i18n.Trf(r.Lang, "chart.burndown-note", i18n.Date(r.Lang, last.Date), i18n.Int(last.Found), i18n.Int(last.Unclosed), i18n.Int(last.Open), i18n.Int(r.Figures.Overdue))
	}
	return c
}

// axisDate writes a date for an axis: 11月15日, or 2015年11月15日 with the
// year.
func axisDate(lang model.Lang, d model.Date, year bool) string {
	if year {
		return i18n.Date(lang, d)
	}
	if lang == model.EN {
		return d.Time().Format("2 Jan")
	}
	return i18n.Trf(lang, "chart.month-day", int(d.Month), d.Day)
}

// Trend is a small chart of figures across campaigns: one line per
// series, one point per campaign (the categories), a gap where a
// campaign has no value.
func Trend(id, title, unit string, campaigns []string, series ...Series) *Chart {
	c := &Chart{ID: jsIdent(id), Title: title, Kind: Line, Categories: campaigns, Series: series, Unit: unit}
	for i := range c.Series {
		if c.Series[i].Color == "" {
			c.Series[i].Color = ColorTrend
		}
	}
	return c
}
