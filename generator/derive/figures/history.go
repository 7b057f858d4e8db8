package figures

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// This file is about figures across campaigns: the figures that compare a
// campaign with the one before it, and those that count what earlier
// campaigns left (repeats, problems carried over).

// Direction says which way a figure is good news.
type Direction int8

// The directions of a figure.
const (
	Neutral      Direction = 0  // neither: sites visited, people met
	HigherBetter Direction = 1  // a higher value is good news: the share closed
	LowerBetter  Direction = -1 // a lower value is good news: problems, overdue
)

// String names the direction as the documentation does: higher, lower or
// "".
func (d Direction) String() string {
	return map[Direction]string{HigherBetter: "higher", LowerBetter: "lower"}[d]
}

// betterOf says which way each measure is good news; a measure not listed
// is neutral.
var betterOf = map[string]Direction{
	"problems": LowerBetter, "problems.high": LowerBetter, "problems.medium": LowerBetter, "problems.low": LowerBetter,
	"problems.not-started": LowerBetter, "problems.unclosed": LowerBetter,
	"overdue": LowerBetter, "overdue.not-started": LowerBetter, "overdue.in-progress": LowerBetter,
	"closed-rate": HigherBetter, "practices": HigherBetter,
	"self-exam.submitted": HigherBetter, "self-exam.missing": LowerBetter,
	"repeats": LowerBetter, "carried-over": LowerBetter, "carried-over.overdue": LowerBetter,
	"met": HigherBetter, "missed": LowerBetter,
}

func indicatorDirection(ind *model.Indicator) Direction {
	if ind == nil {
		return Neutral
	}
	if ind.HigherIsBetter() {
		return HigherBetter
	}
	return LowerBetter
}

// historyMeasures count what earlier campaigns left: the problems that
// repeat one of theirs, and their problems not yet closed.
func historyMeasures(count func(string, scopes, func(*stats) float64) *measure) []*measure {
	carried := func(s *stats, overdue bool) float64 {
		n := 0
		for _, x := range s.r.Carried {
			if s.scope.holds(x.Finding) && (!overdue || x.Overdue()) {
				n++
			}
		}
		return float64(n)
	}
	const inPI = inCampaign | inProvince | inItem
	return []*measure{
		count("repeats", everywhere, func(s *stats) float64 { return float64(s.counts.Repeats) }),
		count("carried-over", inPI, func(s *stats) float64 { return carried(s, false) }),
		count("carried-over.overdue", inPI, func(s *stats) float64 { return carried(s, true) }),
	}
}

// holds reports whether a finding falls in the scope: the campaign, its
// province or its key item.
func (sc Scope) holds(f *model.Finding) bool {
	switch sc.Kind {
	case Province:
		return f.Province != nil && f.Province.ID == sc.ID
	case Item:
		return f.ItemID == sc.ID
	}
	return sc.Kind == Campaign
}

// Modifier turns a figure into its comparison with the campaign before:
// previous.problems, change.problems, change-rate.problems.
type Modifier string

// The modifiers, written before a figure's name.
const (
	Previous     Modifier = "previous"    // the figure in the previous campaign
	ChangeFrom   Modifier = "change"      // the figure minus that
	ChangeRateOf Modifier = "change-rate" // the change in percent of the previous value
)

// Modifiers lists the modifiers, in the order the documentation gives
// them.
func Modifiers() []Modifier { return []Modifier{Previous, ChangeFrom, ChangeRateOf} }

func modifierNamed(s string) bool { return slices.Contains(Modifiers(), Modifier(s)) }

// checkModifier reports a modifier that does not apply to the figure: a
// change of a date, or a relative change of a share.
func (r ref) checkModifier() error {
	k := r.measure.kind
	switch {
	case r.mod == ChangeFrom && (k == Date || k == Period):
		return fmt.Errorf("%s is a date; a date has no change: cite previous.%s", r.measure.name, r.measure.name)
	case r.mod == ChangeRateOf && (k == Date || k == Period):
		return fmt.Errorf("%s is a date; a date has no change: cite previous.%s", r.measure.name, r.measure.name)
	case r.mod == ChangeRateOf && k == Percent:
		return fmt.Errorf("%s is a share; a share changes in percentage points: cite change.%s", r.measure.name, r.measure.name)
	}
	return nil
}

// checkPrevious reports a figure with a modifier that the previous
// campaign cannot give: there is none, or it has no such key item,
// indicator or group.
func (n Names) checkPrevious(r ref, here Scope) error {
	prev := n.c.Previous()
	if prev == nil {
		return fmt.Errorf("%s.: campaign %s is the first of the project; there is no campaign before it to compare with", r.mod, n.c.ID)
	}
	if r.kind == Campaign || r.kind == Province {
		return nil
	}
	id := r.id
	if r.own {
		id = here.ID
	}
	err := NamesOf(prev).checkID(ref{kind: r.kind, id: id, measure: r.measure})
	if err != nil {
		return fmt.Errorf("the previous campaign, %s, cannot give %s: %v", prev.ID, r.written(), err)
	}
	if ind := n.c.Indicator(id); r.kind == Indicator && r.mod == ChangeRateOf && r.measure.kind == Quantity && ind != nil && ind.Measure == model.Percent {
		return fmt.Errorf("indicator %q is a share; a share changes in percentage points: cite change.indicator.%s.%s", id, id, r.measure.name)
	}
	return nil
}

// Previous returns the figures of the campaign before this one (on its
// own as_of date), or nil when this is the first. They are computed when
// first asked for.
func (t *Table) Previous() *Table {
	t.prevOnce.Do(func() {
		if prev := t.r.Campaign.Previous(); prev != nil {
			t.prev = New(report.New(prev, t.r.Lang))
		}
	})
	return t.prev
}

// withModifier returns the figure with a modifier named by its full name
// (change.province.zj.problems), or nil when there is none.
func (t *Table) withModifier(name string) *Value {
	m, base, ok := strings.Cut(name, ".")
	if !ok || !modifierNamed(m) {
		return nil
	}
	if v, ok := t.modified.Load(name); ok {
		return v.(*Value)
	}
	cur, prevT := t.values[base], t.Previous()
	if cur == nil || prevT == nil || prevT.values[base] == nil {
		return nil
	}
	v := compare(t.r.Lang, Modifier(m), prevT.values[base], cur)
	if v == nil {
		return nil
	}
	v.Name = name
	got, _ := t.modified.LoadOrStore(name, v)
	return got.(*Value)
}

// compare returns the figure cur with the modifier m, from its value prev
// in the previous campaign; nil when the modifier does not apply.
func compare(lang model.Lang, m Modifier, prev, cur *Value) *Value {
	switch m {
	case Previous:
		v := *prev
		v.Label = i18n.Trf(lang, "fig.previous-of", cur.Label)
		return &v
	case ChangeFrom:
		if !numeric(cur.Kind) {
			return nil
		}
		v := &Value{Label: i18n.Trf(lang, "fig.change-of", cur.Label), Kind: Change, Base: cur.Kind,
			Number: cur.Number - prev.Number, Indicator: cur.Indicator, Better: cur.Better}
		v.Text = format(lang, v)
		return v
	case ChangeRateOf:
		if !numeric(cur.Kind) || cur.Kind == Percent || cur.Indicator != nil && cur.Indicator.Measure == model.Percent && cur.Kind == Quantity {
			return nil
		}
		v := &Value{Label: i18n.Trf(lang, "fig.change-rate-of", cur.Label), Kind: ChangeRate, Base: cur.Kind,
			Number: math.NaN(), Indicator: cur.Indicator, Better: cur.Better}
		if prev.Number != 0 && !math.IsNaN(prev.Number) && !math.IsNaN(cur.Number) {
			v.Number = 100 * (cur.Number - prev.Number) / math.Abs(prev.Number)
		}
		v.Text = format(lang, v)
		return v
	}
	return nil
}

func numeric(k Kind) bool { return k == Count || k == Percent || k == Number || k == Quantity }

// changeText writes a change signed, like the figure it is of: +3, -2,
// +4.5个百分点 (a share), +1,200 万元 (a quantity in its unit); — when
// either value is missing.
func changeText(lang model.Lang, v *Value) string {
	x := v.Number
	if math.IsNaN(x) {
		return "—"
	}
	sign := "+"
	if x < 0 {
		sign = "-"
	} else if x == 0 {
		sign = ""
	}
	a := math.Abs(x)
	switch {
	case v.Base == Percent || v.Base == Quantity && v.Indicator != nil && v.Indicator.Measure == model.Percent:
		return sign + i18n.Trf(lang, "fig.points", i18n.Number(math.Round(a*10)/10))
	case v.Base == Quantity && v.Indicator != nil:
		return sign + i18n.Value(lang, a, v.Indicator.Measure)
	}
	return sign + i18n.Number(a)
}

// rateText writes a relative change signed, with one decimal: +42.9%;
// — when there is none (the previous value was 0).
func rateText(x float64) string {
	switch {
	case math.IsNaN(x):
		return "—"
	case x > 0:
		return "+" + i18n.Percent(x)
	}
	return i18n.Percent(x)
}

// Trend says for readers how a figure moved from one campaign to the
// next: an arrow, words and a number, never a colour alone, and whether
// that is good news.
type Trend struct {
	Arrow   string // ▲, ▼ or — (no change)
	Words   string // 增加 3（+42.9%）, 上升 4.5个百分点, 持平; up 3 (+42.9%)
	Verdict string // 好转 or 变差 (better, worse); "" for a neutral figure or no change
	Good    int    // 1 good news, -1 bad news, 0 neither
	Delta   *Value // the change, as change.NAME
	Rate    *Value // the change in percent, as change-rate.NAME; nil for a share
}

// TrendOf returns how the figure moved from prev (its value in the
// campaign before) to cur.
func TrendOf(lang model.Lang, prev, cur *Value) Trend {
	tr := Trend{Delta: compare(lang, ChangeFrom, prev, cur), Rate: compare(lang, ChangeRateOf, prev, cur)}
	if tr.Delta == nil {
		return tr
	}
	d := tr.Delta.Number
	switch {
	case math.IsNaN(d) || d == 0:
		tr.Arrow, tr.Words = "—", i18n.Tr(lang, "trend.same")
		return tr
	case d > 0:
		tr.Arrow = "▲"
	default:
		tr.Arrow = "▼"
	}
	word := "trend.up"
	if d < 0 {
		word = "trend.down"
	}
	if cur.Kind != Count && cur.Kind != Number {
		word += "-level"
	}
	amount := strings.TrimLeft(tr.Delta.Text, "+-")
	if tr.Rate != nil && !math.IsNaN(tr.Rate.Number) {
		amount += paren(lang, tr.Rate.Text)
	}
	tr.Words = i18n.Trf(lang, word, amount)
	if cur.Better != Neutral {
		tr.Good = int(cur.Better)
		if d < 0 {
			tr.Good = -tr.Good
		}
		tr.Verdict = i18n.Tr(lang, map[int]string{1: "trend.better", -1: "trend.worse"}[tr.Good])
	}
	return tr
}

// Text is the trend as one line: ▲ 增加 3（+42.9%），变差.
func (tr Trend) Text(lang model.Lang) string {
	if tr.Arrow == "" {
		return "—"
	}
	s := tr.Arrow + " " + tr.Words
	if tr.Verdict != "" {
		s += i18n.Tr(lang, "trend.sep") + tr.Verdict
	}
	return s
}

func paren(lang model.Lang, s string) string {
	if lang == model.EN {
		return " (" + s + ")"
	}
	return "（" + s + "）"
}

// BetterWords says which way a figure is good news, for the head of a
// comparison: 越少越好, lower is better; "" for a neutral one.
func BetterWords(lang model.Lang, d Direction) string {
	switch d {
	case HigherBetter:
		return i18n.Tr(lang, "trend.higher-better")
	case LowerBetter:
		return i18n.Tr(lang, "trend.lower-better")
	}
	return ""
}

// QuantityOf returns a value of the indicator as a figure: written in its
// unit, better in its direction.
func QuantityOf(lang model.Lang, ind *model.Indicator, x float64) *Value {
	v := &Value{Name: "indicator." + ind.ID, Label: ind.Name.In(lang), Kind: Quantity, Number: x, Indicator: ind, Better: indicatorDirection(ind)}
	v.Text = format(lang, v)
	return v
}
