// Package compare sets campaigns side by side: for the whole campaign,
// each province, each key item and each indicator, the figures of every
// campaign up to the current one, and how each moved since the campaign
// before (figures.Trend: an arrow, words, the change and its rate, and
// whether that is good news). It also lists the repeats (屡查屡犯) of
// each province. The site's comparisons and the briefing's section
// "compared with the previous campaign" both read it, so that they show
// the same numbers; every number is a figure (package figures), as the
// narrative cites it.
package compare

import (
	"math"
	"slices"
	"strings"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/model"
)

// Set is campaigns side by side, oldest first, each with its figures on
// its own as_of date (the last, the current one's, on the report's date).
type Set struct {
	Lang      model.Lang
	Campaigns []*model.Campaign
	Reports   []*report.Report
	Tables    []*figures.Table
}

// All returns the campaign of cur and every campaign before it.
func All(cur *figures.Table) *Set { return back(cur, -1) }

// Last returns the campaign of cur and the one before it, if any.
func Last(cur *figures.Table) *Set { return back(cur, 2) }

func back(cur *figures.Table, n int) *Set {
	s := &Set{Lang: cur.Report().Lang}
	for t := cur; t != nil && (n < 0 || len(s.Tables) < n); t = t.Previous() {
		s.Tables = append(s.Tables, t)
	}
	slices.Reverse(s.Tables)
	for _, t := range s.Tables {
		s.Reports = append(s.Reports, t.Report())
		s.Campaigns = append(s.Campaigns, t.Report().Campaign)
	}
	return s
}

// Len returns the number of campaigns side by side.
func (s *Set) Len() int { return len(s.Tables) }

// Row is one figure in every campaign.
type Row struct {
	Key    string // the province, key item or indicator ID; or the figure's name
	Label  string
	Better figures.Direction
	// Cells are the figure in each campaign, oldest first.
	Cells []*Cell
}

// Cell is a figure in one campaign, and how it moved since the campaign
// before.
type Cell struct {
	// Value is nil where the campaign has no such figure: a key item it
	// did not have, a province it did not visit, repeats before the first
	// campaign.
	Value *figures.Value
	// NotVisited is set where the campaign did not visit the province.
	NotVisited bool
	// Trend is the move since the campaign before; nil for the first, or
	// where either has no value.
	Trend *figures.Trend
}

// Last returns the trend of the row's last campaign, or nil.
func (r *Row) Last() *figures.Trend {
	if len(r.Cells) == 0 {
		return nil
	}
	return r.Cells[len(r.Cells)-1].Trend
}

// Values returns the row's numbers, NaN where a campaign has none: the
// values of a trend chart.
func (r *Row) Values() []float64 {
	out := make([]float64, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = math.NaN()
		switch {
		case c.Value == nil:
		case c.Value.Kind == figures.Percent:
			out[i] = math.Round(c.Value.Number*10) / 10 // as the figure is written
		default:
			out[i] = c.Value.Number
		}
	}
	return out
}

// row returns the figure name of every campaign as a row, labelled
// label (the figure's own label when empty).
func (s *Set) row(key, label, name string) *Row { return s.rowIf(key, label, name, nil) }

// rowIf is row, leaving out the campaigns i for which has(i) is false.
func (s *Set) rowIf(key, label, name string, has func(i int) bool) *Row {
	r := &Row{Key: key, Label: label, Cells: make([]*Cell, len(s.Tables))}
	for i, t := range s.Tables {
		c := &Cell{Value: t.Get(name), NotVisited: has != nil && !has(i)}
		r.Cells[i] = c
		if c.NotVisited || needsEarlier(name) && s.Campaigns[i].Previous() == nil {
			c.Value = nil
		}
		if c.Value == nil {
			continue
		}
		if r.Label == "" {
			r.Label = c.Value.Label
		}
		r.Better = c.Value.Better
		if i > 0 && r.Cells[i-1].Value != nil {
			tr := figures.TrendOf(s.Lang, r.Cells[i-1].Value, c.Value)
			c.Trend = &tr
		}
	}
	return r
}

// needsEarlier reports whether the figure counts what earlier campaigns
// left, which the first campaign of a project has none of.
func needsEarlier(name string) bool {
	return strings.HasSuffix(name, "repeats") || strings.Contains(name, "carried-over")
}

// Totals are the key figures of the whole campaign.
var Totals = []string{
	"problems", "problems.high", "problems.medium", "problems.low", "practices", "closed-rate", "overdue",
	"problems.unclosed", "repeats", "carried-over", "provinces-visited", "visits", "visits.covert", "people-met",
	"self-exam.submitted",
}

// Campaign returns the key figures of the whole campaign, a row each.
func (s *Set) Campaign(names []string) []*Row {
	var out []*Row
	for _, n := range names {
		out = append(out, s.row(n, "", n))
	}
	return out
}

// Provinces returns one row per province visited on site in any of the
// campaigns, in the order of data/provinces.yaml, with the figure name
// (such as problems) of the province in each campaign; a nil cell where
// the campaign did not visit it.
func (s *Set) Provinces(name string) []*Row {
	var out []*Row
	for _, pr := range s.project().Provinces {
		if s.Visited(pr.ID) {
			out = append(out, s.rowIf(pr.ID, pr.Label(s.Lang), "province."+pr.ID+"."+name, s.visitedIn(pr.ID)))
		}
	}
	return out
}

// Visited reports whether any campaign of the set visited the province.
func (s *Set) Visited(id string) bool {
	for i := range s.Reports {
		if s.visitedIn(id)(i) {
			return true
		}
	}
	return false
}

// visitedIn returns whether campaign i visited the province on site.
func (s *Set) visitedIn(id string) func(i int) bool {
	return func(i int) bool { return s.Campaigns[i].Inspection(id) != nil }
}

// Province returns the key figures of one province, a row each; nil
// cells where a campaign did not visit it.
func (s *Set) Province(id string, names []string) []*Row {
	var out []*Row
	for _, n := range names {
		out = append(out, s.rowIf(n, "", "province."+id+"."+n, s.visitedIn(id)))
	}
	return out
}

// Items returns one row per key item of any of the campaigns (matched by
// ID; in the order of the current campaign, then any others), with the
// figure name of the item in each campaign; nil cells where a campaign
// has no such item.
func (s *Set) Items(name string) []*Row {
	var out []*Row
	for _, it := range s.items() {
		out = append(out, s.row(it.ID, it.Label(s.Lang), "item."+it.ID+"."+name))
	}
	return out
}

// items lists the key items of the campaigns, the latest campaign's
// first.
func (s *Set) items() []*model.Item {
	var out []*model.Item
	seen := map[string]bool{}
	for _, c := range slices.Backward(s.Campaigns) {
		for _, it := range c.Items {
			if !seen[it.ID] {
				seen[it.ID] = true
				out = append(out, it)
			}
		}
	}
	return out
}

func (s *Set) project() *model.Project { return s.Campaigns[len(s.Campaigns)-1].Project }

// Current returns the last campaign of the set: the one compared.
func (s *Set) Current() *model.Campaign { return s.Campaigns[len(s.Campaigns)-1] }
