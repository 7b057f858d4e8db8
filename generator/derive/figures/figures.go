// Package figures names the figures of a campaign, so that narrative cites
// them instead of typing numbers by hand, and so that the site, the
// briefing and the exports show one number for one thing.
//
// # Names
//
// A figure is named by a measure, such as problems (every problem),
// problems.closed (the problems whose rectification is closed) or
// visits.covert. Without a prefix it counts over the whole campaign. A
// prefix narrows it to one province, key item or group:
//
//	province.zj.problems   the problems found in Zhejiang
//	item.wages.overdue     the overdue problems under the key item wages
//	group.1.visits         the sites group 1 visited
//
// On a page about a province, item or group (content/<campaign>/provinces/
// zj.md and the like), the prefix alone names the page's own: province.
// problems on provinces/zj.md is province.zj.problems.
//
// # In Markdown
//
// A figure is written between double braces where its number goes:
// 督查共发现问题{{problems}}个. A format may follow the name after a colon:
// {{items:cn}} writes a count from 0 to 99 in Chinese numerals (八).
//
// # Status
//
// A problem's rectification has one of four statuses (not started, in
// progress, done, closed); their counts add up to the problems. Overdue is
// a measure over them (not started or in progress, past the deadline on
// the report's date), never a fifth status.
package figures

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Scope is what a figure counts over: the campaign, or the province, key
// item, group (by its number) or indicator with the ID.
type Scope struct {
	Kind ScopeKind
	ID   string
}

// ScopeOf returns the scope of a narrative page: its province, item or
// group, or the campaign.
func ScopeOf(pg *model.Page) Scope {
	switch pg.Kind {
	case model.PageProvince:
		return Scope{Province, pg.Key}
	case model.PageItem:
		return Scope{Item, pg.Key}
	case model.PageGroup:
		return Scope{Group, pg.Key}
	}
	return Scope{}
}

// prefix returns the scope's part of a figure's full name: "" or
// "province.zj.".
func (s Scope) prefix() string {
	if s.Kind == Campaign {
		return ""
	}
	return s.Kind.String() + "." + s.ID + "."
}

// Value is one figure of a campaign.
type Value struct {
	Name   string  // the full name: problems.closed, province.zj.problems
	Label  string  // what it is, in the report's language: 已销号问题
	Kind   Kind    //
	Number float64 // the value of a Count, Percent or Number
	Date   model.Date
	Period model.Period
	Text   string // the value as every output writes it: 1,234, 11.4%, 2016年3月31日
	// Indicator is the indicator of a figure in an indicator's scope,
	// whose unit a Quantity is in.
	Indicator *model.Indicator
	// Better says which way the figure is good news: fewer problems,
	// a higher share closed.
	Better Direction
	// Base is the kind of the figure a Change is of.
	Base Kind
}

// Table holds every figure of a campaign, computed once from its report.
type Table struct {
	r      *report.Report
	values map[string]*Value
	names  []string // in listing order

	prev     *Table // the previous campaign's; see Previous
	prevOnce sync.Once
	modified sync.Map // name → *Value: figures with a modifier, made when asked for
}

// New computes every figure of the campaign of r.
func New(r *report.Report) *Table {
	t := &Table{r: r, values: map[string]*Value{}}
	ms := measures()
	t.add(ms, Scope{}, &stats{r: r, scope: Scope{}, counts: &r.Figures.Counts, visits: &r.Figures.VisitCounts})
	byProvince := map[string]*report.ProvinceStats{}
	for _, ps := range r.Provinces {
		byProvince[ps.Province.ID] = ps
	}
	for _, pr := range r.Campaign.Project.Provinces {
		s := &stats{r: r, scope: Scope{Province, pr.ID}, counts: &report.Counts{}, visits: &report.VisitCounts{}}
		if ps := byProvince[pr.ID]; ps != nil {
			s.counts, s.visits = &ps.Counts, &ps.VisitCounts
		}
		t.add(ms, Scope{Province, pr.ID}, s)
	}
	for _, is := range r.Items {
		t.add(ms, Scope{Item, is.Item.ID}, &stats{r: r, scope: Scope{Item, is.Item.ID}, counts: &is.Counts})
	}
	for _, gs := range r.Groups {
		sc := Scope{Group, strconv.Itoa(gs.Group.No)}
		t.add(ms, sc, &stats{r: r, scope: sc, counts: &gs.Counts, visits: &gs.VisitCounts, group: gs.Group})
	}
	for _, it := range r.Campaign.Items {
		for _, ind := range it.Indicators {
			t.add(ms, Scope{Indicator, ind.ID}, &stats{r: r, scope: Scope{Indicator, ind.ID}, ind: ind})
		}
	}
	return t
}

func (t *Table) add(ms []*measure, sc Scope, s *stats) {
	for _, m := range ms {
		if !m.in.has(sc.Kind) || m.target && s.ind.Target == nil {
			continue
		}
		v := &Value{Name: sc.prefix() + m.name, Label: m.label(t.r.Lang), Kind: m.kind, Indicator: s.ind, Better: m.better}
		if m.kind == Quantity {
			v.Better = indicatorDirection(s.ind)
		}
		switch m.kind {
		case Date:
			v.Date = m.date(s)
		case Period:
			v.Period = m.period(s)
		default:
			v.Number = m.value(s)
		}
		v.Text = format(t.r.Lang, v)
		t.values[v.Name] = v
		t.names = append(t.names, v.Name)
	}
}

// format writes a figure's value as every output shows it.
func format(lang model.Lang, v *Value) string {
	switch v.Kind {
	case Change:
		return changeText(lang, v)
	case ChangeRate:
		return rateText(v.Number)
	case Percent:
		return i18n.Percent(v.Number)
	case Date:
		return i18n.Date(lang, v.Date)
	case Period:
		return i18n.Period(lang, v.Period)
	case Number:
		return strconv.FormatFloat(v.Number, 'f', -1, 64)
	case Quantity:
		if math.IsNaN(v.Number) {
			return "—"
		}
		return i18n.Value(lang, v.Number, v.Indicator.Measure)
	}
	return i18n.Int(int(v.Number))
}

// Get returns the figure with the full name, or nil. A name with a
// modifier (previous.problems) is computed when first asked for.
func (t *Table) Get(name string) *Value {
	if v := t.values[name]; v != nil {
		return v
	}
	return t.withModifier(name)
}

// Text returns the formatted value of the figure with the full name, or
// "" when there is none.
func (t *Table) Text(name string) string {
	if v := t.Get(name); v != nil {
		return v.Text
	}
	return ""
}

// All returns every figure: the campaign's, then each province's, key
// item's and group's.
func (t *Table) All() []*Value {
	out := make([]*Value, len(t.names))
	for i, n := range t.names {
		out[i] = t.values[n]
	}
	return out
}

// Lookup returns the figure a page in the scope here cites by name, as
// written between the braces (a format after a colon included), and its
// text in that format.
func (t *Table) Lookup(name string, here Scope) (*Value, string, error) {
	ref, err := parse(name)
	if err != nil {
		return nil, "", err
	}
	full, err := ref.bind(here)
	if err != nil {
		return nil, "", err
	}
	v := t.Get(full)
	if v == nil {
		return nil, "", fmt.Errorf("no figure %q", full)
	}
	return v, ref.write(v), nil
}

// In returns the figures as a page in the scope here cites them, for
// the Markdown renderer.
func (t *Table) In(here Scope) *Resolver { return &Resolver{t: t, here: here} }

// Resolver resolves the figures cited on one page. It implements
// markdown.Figures.
type Resolver struct {
	t    *Table
	here Scope
}

// Figure returns the full name and the text of the figure cited by name,
// and false when the name cites none (check reports that before anything
// is built).
func (r *Resolver) Figure(name string) (full, text string, ok bool) {
	v, text, err := r.t.Lookup(name, r.here)
	if err != nil {
		return "", "", false
	}
	return v.Name, text, true
}

// Names returns the full names of every figure, sorted.
func (t *Table) Names() []string { return slices.Sorted(maps.Keys(t.values)) }

// Report returns the report the figures were computed from.
func (t *Table) Report() *report.Report { return t.r }
