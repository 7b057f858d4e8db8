// Package chart describes the charts of a campaign report independently of
// how they are drawn. One description feeds two backends: the interactive
// ECharts chart of the site and the vector chart of the PDF briefing, so the
// two always show the same numbers with the same labels and colours.
package chart

import (
	"math"
	"strings"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Kind is the kind of a chart.
type Kind string

// The kinds of chart.
const (
	Bar     Kind = "bar"     // bars per category, one bar per series, or stacked
	Heatmap Kind = "heatmap" // a grid of Rows × Categories, coloured by value
	Line    Kind = "line"    // a line per series across the categories: dates, campaigns
)

// Chart is one chart's description: what it shows, not how it is drawn.
type Chart struct {
	// ID is stable across builds, unique on a page, and a valid JavaScript
	// identifier (letters, digits and _), since ECharts code names a
	// variable after it.
	ID    string
	Title string
	Kind  Kind
	// Stacked draws the series of a bar chart on top of each other.
	Stacked bool
	// Horizontal draws bars left to right, categories down the side; for
	// long category names.
	Horizontal bool
	// Categories label the category axis (the columns of a heatmap).
	Categories []string
	// CategoryName and RowName say what the categories and the rows of a
	// heatmap are (省份, 督查事项): the corner of the chart's table.
	CategoryName, RowName string
	// Series are the values, one per category each. A heatmap has none.
	Series []Series
	// Rows label the rows of a heatmap; Cells[row][col] are its values.
	Rows  []string
	Cells [][]float64
	// Unit labels the values, e.g. "%" or "件"; may be empty.
	Unit string
	// Axis names the value axis (the colour scale of a heatmap) where the
	// unit alone does not say what is counted: 问题（个）; empty for the
	// unit.
	Axis string
	// Key says what the colours of a series' values mean where they vary
	// within it (Series.Colors): an indicator's bars that meet or miss its
	// target. Pattern marks the swatch whose values are also drawn with a
	// pattern, so that colour is not the only difference.
	Key []Swatch
	// Target draws a reference line at this value (an indicator's target);
	// nil means none.
	Target *float64
	// TargetLabel names the reference line.
	TargetLabel string
	// Note is a sentence shown under the chart (a source, a caveat).
	Note string
	// Small draws the chart small, one of many side by side: the trend
	// of one province across campaigns.
	Small bool
}

// Swatch is one entry of a chart's key: a colour and what it means.
type Swatch struct {
	Color   string
	Label   string
	Pattern bool
}

// Series is one named run of values, one per category. In a line chart a
// value may be NaN: there is none (a province not visited that year),
// and the line has a gap.
type Series struct {
	Name   string
	Values []float64
	Color  string   // #rrggbb for the whole series
	Colors []string // #rrggbb per value; overrides Color where set
	// Dashed draws a line chart's series dashed: a reference, such as
	// what the deadlines allow, rather than a count.
	Dashed bool
}

// ColorAt returns the colour of the i-th value of s.
func (s Series) ColorAt(i int) string {
	if i < len(s.Colors) && s.Colors[i] != "" {
		return s.Colors[i]
	}
	return s.Color
}

// Max returns the largest value of the chart: the largest stack for a
// stacked bar chart, the largest cell of a heatmap, and at least the target.
func (c *Chart) Max() float64 {
	m := 0.0
	if c.Target != nil {
		m = *c.Target
	}
	if c.Kind == Heatmap {
		for _, row := range c.Cells {
			for _, v := range row {
				m = max(m, v)
			}
		}
		return m
	}
	for i := range c.Categories {
		sum := 0.0
		for _, s := range c.Series {
			if i >= len(s.Values) {
				continue
			}
			switch v := s.Values[i]; {
			case math.IsNaN(v):
			case c.Stacked:
				sum += v
			default:
				m = max(m, v)
			}
		}
		m = max(m, sum)
	}
	return m
}

// Empty reports whether the chart has nothing to show.
func (c *Chart) Empty() bool {
	if c.Kind == Heatmap {
		return len(c.Rows) == 0 || len(c.Categories) == 0
	}
	return len(c.Categories) == 0 || len(c.Series) == 0
}

// Table is a chart's data as a table, for readers without JavaScript, for
// screen readers, and for print.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
}

// Format writes a value of the chart as its table and both backends'
// labels write it: with thousands separators, and a percent sign for a
// chart of percentages.
func (c *Chart) Format(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	s := i18n.Number(v)
	if c.Unit == "%" {
		s += "%"
	}
	return s
}

// FormatUnit writes a value as Format does, followed by the chart's unit
// where Format does not write it: 90%, 1,200 人.
func (c *Chart) FormatUnit(v float64) string {
	if c.Unit == "" || c.Unit == "%" {
		return c.Format(v)
	}
	return c.Format(v) + " " + c.Unit
}

// Table returns the chart's data as a table: one row per category (per row
// of a heatmap), one column per series (per category of a heatmap).
func (c *Chart) Table(lang model.Lang) Table {
	t := Table{Caption: c.Title}
	format := c.Format
	if c.Kind == Heatmap {
		t.Header = append([]string{c.RowName}, c.Categories...)
		for r, name := range c.Rows {
			row := []string{name}
			for col := range c.Categories {
				row = append(row, format(c.Cells[r][col]))
			}
			t.Rows = append(t.Rows, row)
		}
		return t
	}
	t.Header = []string{c.CategoryName}
	for _, s := range c.Series {
		t.Header = append(t.Header, s.Name)
	}
	if c.Stacked && len(c.Series) > 1 {
		t.Header = append(t.Header, i18n.Tr(lang, "total"))
	}
	for i, cat := range c.Categories {
		row := []string{cat}
		sum := 0.0
		for _, s := range c.Series {
			row = append(row, format(s.Values[i]))
			sum += s.Values[i]
		}
		if c.Stacked && len(c.Series) > 1 {
			row = append(row, format(sum))
		}
		t.Rows = append(t.Rows, row)
	}
	if c.Target != nil {
		t.Rows = append(t.Rows, []string{c.TargetLabel, format(*c.Target)})
	}
	return t
}

// Transpose returns the table with its rows and columns swapped, corner
// naming what its rows now are.
func (t Table) Transpose(corner string) Table {
	out := Table{Caption: t.Caption}
	if len(t.Header) == 0 {
		return out
	}
	out.Header = []string{corner}
	for _, row := range t.Rows {
		out.Header = append(out.Header, row[0])
	}
	for col := 1; col < len(t.Header); col++ {
		row := []string{t.Header[col]}
		for _, r := range t.Rows {
			row = append(row, r[col])
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// jsIdent turns s into a valid JavaScript identifier made of ASCII
// letters, digits and _.
func jsIdent(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	id := b.String()
	if id == "" || id[0] >= '0' && id[0] <= '9' {
		id = "c_" + id
	}
	return id
}
