package compare

import (
	"math"
	"slices"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// IndicatorRows are one indicator across the campaigns: its target in
// each, and each province's value against it.
type IndicatorRows struct {
	Indicator *model.Indicator // as the latest campaign that has it defines it
	// Targets are the indicator's target in each campaign: nil where it
	// had none, or did not have the indicator.
	Targets []*float64
	// Met and Reported count, per campaign, the provinces visited that
	// meet the target and that report the indicator.
	Met, Reported []int
	Rows          []*IndicatorRow // one per province that reports it in any campaign
}

// IndicatorRow is one province's value of an indicator in each campaign.
type IndicatorRow struct {
	Province *model.Province
	Cells    []*IndicatorCell // nil where the province has no value
}

// IndicatorCell is a value of an indicator, judged against the target of
// its own campaign.
type IndicatorCell struct {
	Value     float64
	Text      string // in the indicator's unit: 86.5%
	HasTarget bool
	Meets     bool
	Trend     *figures.Trend // since the campaign before; nil for none
}

// Indicators returns every indicator of the campaigns that some province
// reports, in the order of the latest campaign's items.
func (s *Set) Indicators() []*IndicatorRows {
	var out []*IndicatorRows
	seen := map[string]bool{}
	for _, c := range slices.Backward(s.Campaigns) {
		for _, it := range c.Items {
			for _, ind := range it.Indicators {
				if !seen[ind.ID] {
					seen[ind.ID] = true
					if ir := s.indicator(ind); len(ir.Rows) > 0 {
						out = append(out, ir)
					}
				}
			}
		}
	}
	return out
}

func (s *Set) indicator(ind *model.Indicator) *IndicatorRows {
	n := len(s.Campaigns)
	ir := &IndicatorRows{Indicator: ind, Targets: make([]*float64, n), Met: make([]int, n), Reported: make([]int, n)}
	defs := make([]*model.Indicator, n)
	for i, c := range s.Campaigns {
		if d := c.Indicator(ind.ID); d != nil {
			defs[i], ir.Targets[i] = d, d.Target
		}
	}
	for _, pr := range s.project().Provinces {
		row := &IndicatorRow{Province: pr, Cells: make([]*IndicatorCell, n)}
		any := false
		for i, c := range s.Campaigns {
			in := c.Inspection(pr.ID)
			if in == nil || defs[i] == nil {
				continue
			}
			v := in.Value(ind.ID)
			if v == nil {
				continue
			}
			any = true
			cell := &IndicatorCell{Value: v.Value, Text: i18n.Value(s.Lang, v.Value, ind.Measure), HasTarget: defs[i].Target != nil, Meets: defs[i].Meets(v.Value)}
			ir.Reported[i]++
			if cell.HasTarget && cell.Meets {
				ir.Met[i]++
			}
			if i > 0 && row.Cells[i-1] != nil {
				tr := figures.TrendOf(s.Lang, s.quantity(defs[i-1], row.Cells[i-1].Value), s.quantity(defs[i], v.Value))
				cell.Trend = &tr
			}
			row.Cells[i] = cell
		}
		if any {
			ir.Rows = append(ir.Rows, row)
		}
	}
	return ir
}

// quantity makes a value of the indicator a figure, for its trend.
func (s *Set) quantity(ind *model.Indicator, v float64) *figures.Value {
	return figures.QuantityOf(s.Lang, ind, v)
}

// Share returns met of reported as a percentage, NaN when none report.
func Share(met, reported int) float64 {
	if reported == 0 {
		return math.NaN()
	}
	return 100 * float64(met) / float64(reported)
}
