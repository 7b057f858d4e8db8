package chart

import (
	"math"
	"strings"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Describe returns a short text about the chart for readers who cannot
// see it (a screen reader reads it in place of the drawing): its title,
// what kind of chart it is and of what, its highest and lowest values,
// how many values miss the target, and where the full data is. Values are
// written as Format writes them.
func (c *Chart) Describe(lang model.Lang) string {
	tr := func(key string, args ...any) string { return i18n.Trf(lang, key, args...) }
	var b strings.Builder
	b.WriteString(tr("chart.aria.title", c.Title))
	if c.Empty() {
		b.WriteString(tr("chart.aria.empty"))
		return b.String()
	}
	unit := c.Axis
	if unit == "" {
		unit = c.Unit
	}
	if c.Kind == Heatmap {
		b.WriteString(tr("chart.aria.heatmap", len(c.Rows), len(c.Categories)))
		row, col, v := c.maxCell()
		b.WriteString(tr("chart.aria.max-cell", c.Rows[row], c.Categories[col], c.Format(v)))
	} else if c.Kind == Line {
		b.WriteString(tr("chart.aria.line", len(c.Categories), c.Categories[0], c.Categories[len(c.Categories)-1]))
		for _, s := range c.Series {
			first, last, hi := -1, -1, -1
			for i, v := range s.Values {
				if math.IsNaN(v) {
					continue
				}
				if first < 0 {
					first = i
				}
				last = i
				if hi < 0 || v > s.Values[hi] {
					hi = i
				}
			}
			if first < 0 {
				continue
			}
			if first == last {
				b.WriteString(tr("chart.aria.line-point", s.Name, c.Format(s.Values[first]), c.Categories[first]))
				continue
			}
			b.WriteString(tr("chart.aria.line-series", s.Name, c.Format(s.Values[first]), c.Format(s.Values[last]),
				c.Format(s.Values[hi]), c.Categories[hi]))
		}
	} else {
		var names []string
		for _, s := range c.Series {
			names = append(names, s.Name)
		}
		b.WriteString(tr("chart.aria.bar", len(c.Categories)))
		if len(c.Series) > 1 {
			b.WriteString(tr("chart.aria.series", i18n.List(lang, names)))
		}
		hi, lo := c.extremes()
		total := ""
		if len(c.Series) > 1 {
			total = i18n.Tr(lang, "chart.aria.total")
		}
		b.WriteString(tr("chart.aria.extremes", total, c.Categories[hi], c.Format(c.sum(hi)), c.Categories[lo], c.Format(c.sum(lo))))
		if c.Target != nil && len(c.Series) == 1 {
			misses := 0
			for i := range c.Categories {
				if c.Series[0].ColorAt(i) == ColorMiss {
					misses++
				}
			}
			b.WriteString(tr("chart.aria.target", c.FormatUnit(*c.Target), misses))
		}
	}
	if unit != "" && unit != "%" {
		b.WriteString(tr("chart.aria.unit", unit))
	}
	b.WriteString(i18n.Tr(lang, "chart.aria.table"))
	return b.String()
}

// sum returns the sum of the series' values of category i: the value of
// a chart of one series, the height of a stack.
func (c *Chart) sum(i int) float64 {
	t := 0.0
	for _, s := range c.Series {
		if i < len(s.Values) {
			t += s.Values[i]
		}
	}
	return t
}

// extremes returns the categories with the highest and lowest sums, the
// first of each where several tie.
func (c *Chart) extremes() (hi, lo int) {
	for i := range c.Categories {
		if c.sum(i) > c.sum(hi) {
			hi = i
		}
		if c.sum(i) < c.sum(lo) {
			lo = i
		}
	}
	return hi, lo
}

// maxCell returns the row, column and value of the heatmap's largest cell.
func (c *Chart) maxCell() (row, col int, v float64) {
	for r := range c.Rows {
		for k := range c.Categories {
			if c.Cells[r][k] > c.Cells[row][col] {
				row, col = r, k
			}
		}
	}
	return row, col, c.Cells[row][col]
}
