package figures

import (
	"math"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Kind says what a figure's value is, and so how it is written.
type Kind int

// The kinds of figure.
const (
	Count    Kind = iota // a whole number: 1,234
	Percent              // a share from 0 to 100: 11.4%
	Date                 // a date: 2016年3月31日, 31 March 2016
	Period               // two dates: 2015年11月15日至12月15日
	Number               // a plain whole number, without separators: an edition
	Quantity             // a number in an indicator's unit: 86.5%, 1,200 万元
	// Change is a figure minus its value in the previous campaign, signed
	// and written like the figure: +3, -2, +4.5个百分点 (see Modifiers).
	Change
	// ChangeRate is that change as a share of the previous value, in
	// percent, signed: +42.9%; — when the previous value is 0.
	ChangeRate
)

// ScopeKind says what a figure counts over: the whole campaign, or one
// province, key item or group of it.
type ScopeKind int

// The scopes of a figure. The names are the prefixes of scoped figures
// (province.zj.problems).
const (
	Campaign ScopeKind = iota
	Province
	Item
	Group
	Indicator
)

// String returns the prefix of the scope in a figure's name, or "" for the
// campaign.
func (k ScopeKind) String() string {
	return [...]string{"", "province", "item", "group", "indicator"}[k]
}

// scopes is a set of ScopeKinds.
type scopes uint8

const (
	inCampaign  scopes = 1 << Campaign
	inProvince  scopes = 1 << Province
	inItem      scopes = 1 << Item
	inGroup     scopes = 1 << Group
	inIndicator scopes = 1 << Indicator

	everywhere = inCampaign | inProvince | inItem | inGroup
	onSite     = inCampaign | inProvince | inGroup // where visits are counted
)

func (s scopes) has(k ScopeKind) bool { return s&(1<<k) != 0 }

// stats are what a figure is computed from in one scope. Visits is nil
// where visits are not counted (a key item).
type stats struct {
	r      *report.Report
	scope  Scope
	counts *report.Counts
	visits *report.VisitCounts
	group  *model.Group     // in a group's scope
	ind    *model.Indicator // in an indicator's scope
}

// measure is one kind of figure, such as problems.closed: what it counts,
// where, and how it is labelled.
type measure struct {
	name   string
	kind   Kind
	in     scopes
	label  func(lang model.Lang) string
	value  func(s *stats) float64 // for Count, Percent and Number
	date   func(s *stats) model.Date
	period func(s *stats) model.Period
	// target is set for an indicator's figures that need it to have a
	// target: no such figure exists for one that has none.
	target bool
	// better says which way the figure is good news, for the views
	// across campaigns; an indicator's quantities take their indicator's.
	better Direction
}

// measures lists every measure, in the order ducha help figures and the
// documentation list them.
func measures() []*measure {
	word := func(key string) func(model.Lang) string {
		return func(lang model.Lang) string { return i18n.Tr(lang, "fig."+key) }
	}
	count := func(name string, in scopes, v func(*stats) float64) *measure {
		key := name
		if in == inIndicator {
			key = "indicator." + name
		}
		return &measure{name: name, kind: Count, in: in, label: word(key), value: v}
	}
	ms := []*measure{
		count("findings", everywhere, func(s *stats) float64 { return float64(s.counts.Problems + s.counts.Practices) }),
		count("problems", everywhere, func(s *stats) float64 { return float64(s.counts.Problems) }),
	}
	for _, sev := range model.Severities {
		ms = append(ms, enumCount("problems", sev, everywhere, func(s *stats) float64 { return float64(s.counts.BySeverity[sev]) }))
	}
	for _, st := range model.Statuses {
		ms = append(ms, enumCount("problems", st, everywhere, func(s *stats) float64 { return float64(s.counts.ByStatus[st]) }))
	}
	ms = append(ms,
		count("problems.unclosed", everywhere, func(s *stats) float64 { return float64(s.counts.Unclosed()) }),
		count("overdue", everywhere, func(s *stats) float64 { return float64(s.counts.Overdue) }),
	)
	for _, st := range []model.Status{model.NotStarted, model.InProgress} {
		ms = append(ms, enumCount("overdue", st, everywhere, func(s *stats) float64 { return float64(s.counts.OverdueByStatus[st]) }))
	}
	ms = append(ms,
		&measure{name: "closed-rate", kind: Percent, in: everywhere, label: word("closed-rate"), value: func(s *stats) float64 { return s.counts.ClosedRate() }},
		count("practices", everywhere, func(s *stats) float64 { return float64(s.counts.Practices) }),
		count("visits", onSite, func(s *stats) float64 { return float64(s.visits.Visits) }),
	)
	for _, m := range []model.Mode{model.Open, model.Covert} {
		ms = append(ms, enumCount("visits", m, onSite, func(s *stats) float64 { return float64(s.visits.ByMode[m]) }))
	}
	for _, sel := range []model.Selection{model.KeySelection, model.RandomSelection} {
		ms = append(ms, enumCount("visits", sel, onSite, func(s *stats) float64 { return float64(s.visits.BySelection[sel]) }))
	}
	for _, site := range model.SiteType("").Choices() {
		st := model.SiteType(site)
		ms = append(ms, enumCount("visits", st, onSite, func(s *stats) float64 { return float64(s.visits.BySite[st]) }))
	}
	ms = append(ms, campaignMeasures(word, count)...)
	ms = append(ms, historyMeasures(count)...)
	ms = append(ms, indicatorMeasures(word, count)...)
	for _, m := range ms {
		m.better = betterOf[m.name]
	}
	return ms
}

// indicatorMeasures are the figures of an indicator across the provinces
// that report it. Min, max and target are in the indicator's unit, NaN
// when there is none.
func indicatorMeasures(word func(string) func(model.Lang) string, count func(string, scopes, func(*stats) float64) *measure) []*measure {
	quantity := func(name string, v func(s *stats) float64) *measure {
		return &measure{name: name, kind: Quantity, in: inIndicator, label: word("indicator." + name), value: v}
	}
	needsTarget := func(m *measure) *measure { m.target = true; return m }
	return []*measure{
		count("reported", inIndicator, func(s *stats) float64 { return float64(len(indicatorValues(s))) }),
		needsTarget(count("met", inIndicator, func(s *stats) float64 { return float64(metCount(s, true)) })),
		needsTarget(count("missed", inIndicator, func(s *stats) float64 { return float64(metCount(s, false)) })),
		quantity("min", func(s *stats) float64 { return extreme(s, math.Min) }),
		quantity("max", func(s *stats) float64 { return extreme(s, math.Max) }),
		needsTarget(quantity("target", func(s *stats) float64 { return *s.ind.Target })),
	}
}

// indicatorValues returns the values of the indicator of s that the
// provinces visited report.
func indicatorValues(s *stats) []float64 {
	var vs []float64
	for _, ps := range s.r.Provinces {
		if v := ps.Inspection.Value(s.ind.ID); v != nil {
			vs = append(vs, v.Value)
		}
	}
	return vs
}

// metCount counts the provinces whose value meets the indicator's target
// (met true) or misses it; 0 when it has no target.
func metCount(s *stats, met bool) int {
	n := 0
	for _, v := range indicatorValues(s) {
		if s.ind.Target != nil && s.ind.Meets(v) == met {
			n++
		}
	}
	return n
}

func extreme(s *stats, pick func(a, b float64) float64) float64 {
	vs := indicatorValues(s)
	if len(vs) == 0 {
		return math.NaN()
	}
	x := vs[0]
	for _, v := range vs[1:] {
		x = pick(x, v)
	}
	return x
}

// campaignMeasures are the figures of the campaign as a whole, and of a
// group's work.
func campaignMeasures(word func(string) func(model.Lang) string, count func(string, scopes, func(*stats) float64) *measure) []*measure {
	fig := func(s *stats) *report.Figures { return &s.r.Figures }
	return []*measure{
		count("people-met", onSite, func(s *stats) float64 { return float64(s.visits.PeopleMet) }),
		count("groups", inCampaign, func(s *stats) float64 { return float64(fig(s).Groups) }),
		count("provinces-visited", inCampaign|inGroup, func(s *stats) float64 {
			if s.group != nil {
				return float64(len(s.group.Provinces))
			}
			return float64(fig(s).OnSite)
		}),
		count("member-units", inCampaign, func(s *stats) float64 { return float64(fig(s).MemberUnits) }),
		count("items", inCampaign, func(s *stats) float64 { return float64(len(s.r.Campaign.Items)) }),
		count("self-exam.total", inCampaign, func(s *stats) float64 { return float64(fig(s).SelfExamTotal) }),
		count("self-exam.submitted", inCampaign, func(s *stats) float64 { return float64(fig(s).SelfExamDone) }),
		count("self-exam.missing", inCampaign, func(s *stats) float64 { return float64(fig(s).SelfExamTotal - fig(s).SelfExamDone) }),
		{name: "as-of", kind: Date, in: inCampaign, label: word("as-of"), date: func(s *stats) model.Date { return s.r.AsOf }},
		{name: "period", kind: Period, in: inCampaign, label: word("period"), period: func(s *stats) model.Period { return s.r.Campaign.Period }},
		{name: "period.start", kind: Date, in: inCampaign, label: word("period.start"), date: func(s *stats) model.Date { return s.r.Campaign.Period.Start }},
		{name: "period.end", kind: Date, in: inCampaign, label: word("period.end"), date: func(s *stats) model.Date { return s.r.Campaign.Period.End }},
		{name: "edition", kind: Number, in: inCampaign, label: word("edition"), value: func(s *stats) float64 { return float64(s.r.Campaign.Edition) }},
		{name: "dates", kind: Period, in: inGroup, label: word("dates"), period: func(s *stats) model.Period {
			if s.group.Dates.IsZero() {
				return s.r.Campaign.Period
			}
			return s.group.Dates
		}},
	}
}

// enumCount is the measure base.value, such as problems.high: the count of
// base broken down by one value of an enumeration.
func enumCount[T ~string](base string, v T, in scopes, value func(*stats) float64) *measure {
	return &measure{
		name:  base + "." + string(v),
		kind:  Count,
		in:    in,
		label: func(lang model.Lang) string { return i18n.Trf(lang, "fig."+base+"-of", i18n.Enum(lang, v)) },
		value: value,
	}
}

// Measure describes one kind of figure, for documentation and help.
type Measure struct {
	Name   string      // problems.closed
	Kind   Kind        //
	Scopes []ScopeKind // where it is counted
	Better Direction   // which way is good news; an indicator's own for its quantities
}

// Measures lists every kind of figure, in listing order.
func Measures() []Measure {
	var out []Measure
	for _, m := range measures() {
		d := Measure{Name: m.name, Kind: m.kind, Better: m.better}
		for k := Campaign; k <= Indicator; k++ {
			if m.in.has(k) {
				d.Scopes = append(d.Scopes, k)
			}
		}
		out = append(out, d)
	}
	return out
}
