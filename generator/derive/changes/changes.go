// Package changes compares two states of a campaign, an earlier and a
// later, as leadership asks of a new edition of the report: which
// findings were added and removed, whose rectification changed status,
// which deadlines moved, which severities and indicator values changed,
// and which of the campaign's figures changed.
package changes

import (
	"fmt"
	"io"
	"strings"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// Changes are the differences between two states of a campaign. Every
// list is in the later state's order (province by province, in file
// order), removed findings in the earlier's.
type Changes struct {
	Lang     model.Lang
	Campaign *model.Campaign // the later state
	// New is true when the earlier state has no such campaign: then every
	// finding is added.
	New bool

	Added    []*model.Finding // in the later state
	Removed  []*model.Finding // in the earlier state
	Status   []Change[model.Status]
	Deadline []Change[model.Date]
	Severity []Change[model.Severity]
	Values   []ValueChange
	Figures  []FigureChange
}

// Change is a value of a finding that changed.
type Change[T any] struct {
	Finding  *model.Finding // in the later state
	From, To T
}

// ValueChange is an indicator value of a province that changed, was
// added (HadFrom false) or removed (HasTo false).
type ValueChange struct {
	Province  *model.Province
	Indicator *model.Indicator
	From, To  float64
	HadFrom   bool
	HasTo     bool
}

// FigureChange is a figure of the campaign, as narrative cites it, whose
// value changed.
type FigureChange struct {
	Name, Label string
	From, To    string // as every output writes it
}

// Empty reports whether nothing changed.
func (c *Changes) Empty() bool {
	return len(c.Added)+len(c.Removed)+len(c.Status)+len(c.Deadline)+len(c.Severity)+len(c.Values)+len(c.Figures) == 0
}

// Compare compares the campaign before (nil when the earlier state has
// none) with after, judged as of asOf (zero: each campaign's own as_of),
// in lang.
func Compare(before, after *model.Campaign, lang model.Lang, asOf model.Date) *Changes {
	c := &Changes{Lang: lang, Campaign: after, New: before == nil}
	if before == nil {
		c.Added = after.Findings()
		return c
	}
	for _, f := range after.Findings() {
		old := before.Finding(f.ID)
		if old == nil {
			c.Added = append(c.Added, f)
			continue
		}
		c.finding(old, f)
	}
	for _, f := range before.Findings() {
		if after.Finding(f.ID) == nil {
			c.Removed = append(c.Removed, f)
		}
	}
	c.values(before, after)
	c.figures(before, after, asOf)
	return c
}

func (c *Changes) finding(old, f *model.Finding) {
	if old.Severity != f.Severity && f.IsProblem() && old.IsProblem() {
		c.Severity = append(c.Severity, Change[model.Severity]{f, old.Severity, f.Severity})
	}
	if old.Rect == nil || f.Rect == nil {
		return
	}
	if old.Rect.Status != f.Rect.Status {
		c.Status = append(c.Status, Change[model.Status]{f, old.Rect.Status, f.Rect.Status})
	}
	if old.Rect.Deadline != f.Rect.Deadline {
		c.Deadline = append(c.Deadline, Change[model.Date]{f, old.Rect.Deadline, f.Rect.Deadline})
	}
}

// values compares the indicator values of every province visited.
func (c *Changes) values(before, after *model.Campaign) {
	for _, in := range after.OnSite {
		old := before.Inspection(in.ProvinceID)
		for _, v := range in.Values {
			ch := ValueChange{Province: in.Province, Indicator: v.Indicator, To: v.Value, HasTo: true}
			if old != nil {
				if ov := old.Value(v.IndicatorID); ov != nil {
					ch.From, ch.HadFrom = ov.Value, true
				}
			}
			if v.Indicator != nil && (!ch.HadFrom || ch.From != ch.To) {
				c.Values = append(c.Values, ch)
			}
		}
		if old == nil {
			continue
		}
		for _, ov := range old.Values {
			if in.Value(ov.IndicatorID) == nil && after.Indicator(ov.IndicatorID) != nil {
				c.Values = append(c.Values, ValueChange{Province: in.Province, Indicator: after.Indicator(ov.IndicatorID), From: ov.Value, HadFrom: true})
			}
		}
	}
}

// figures compares the figures of the whole campaign: those a name
// without a prefix cites.
func (c *Changes) figures(before, after *model.Campaign, asOf model.Date) {
	at := func(camp *model.Campaign) model.Date {
		if !asOf.IsZero() {
			return asOf
		}
		return camp.AsOf
	}
	old := figures.New(report.NewAsOf(before, c.Lang, at(before)))
	now := figures.New(report.NewAsOf(after, c.Lang, at(after)))
	for _, v := range now.All() {
		if strings.ContainsRune(v.Name, '.') && scoped(v.Name) {
			continue
		}
		o := old.Get(v.Name)
		if o == nil || o.Text != v.Text {
			from := ""
			if o != nil {
				from = o.Text
			}
			c.Figures = append(c.Figures, FigureChange{Name: v.Name, Label: v.Label, From: from, To: v.Text})
		}
	}
}

// scoped reports whether a figure's name is of a province, item, group or
// indicator.
func scoped(name string) bool {
	for _, p := range []string{"province.", "item.", "group.", "indicator."} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// WriteText writes the changes as text, a section for each kind that has
// any, headed in c's language: from and to name the two states.
func (c *Changes) WriteText(w io.Writer, from, to string) error {
	tw := &textWriter{w: w, lang: c.Lang}
	tw.printf("%s\n", i18n.Trf(c.Lang, "changes.title", c.Campaign.Label(c.Lang), c.Campaign.ID, from, to))
	if c.New {
		tw.printf("%s\n", i18n.Tr(c.Lang, "changes.new-campaign"))
	}
	if c.Empty() {
		tw.printf("%s\n", i18n.Tr(c.Lang, "changes.none"))
		return tw.err
	}
	for _, s := range c.Sections() {
		tw.printf("\n%s (%d)\n", s.Title, len(s.Lines))
		for _, l := range s.Lines {
			tw.printf("  %s\n", l)
		}
	}
	return tw.err
}

// Section is a kind of change, with a line for each.
type Section struct {
	Key   string // added, removed, status, deadline, severity, values, figures
	Title string
	Lines []string
}

// Sections lists the kinds of change that have any, in order, each change
// as a line of text.
func (c *Changes) Sections() []Section {
	lang := c.Lang
	var out []Section
	add := func(key string, lines []string) {
		if len(lines) > 0 {
			out = append(out, Section{Key: key, Title: i18n.Tr(lang, "changes."+key), Lines: lines})
		}
	}
	add("added", mapList(c.Added, c.describe))
	add("removed", mapList(c.Removed, c.describe))
	add("status", mapList(c.Status, func(s Change[model.Status]) string {
		line := fmt.Sprintf("%s: %s → %s", c.name(s.Finding), i18n.Enum(lang, s.From), i18n.Enum(lang, s.To))
		if s.To == model.Closed && s.Finding.Rect != nil && !s.Finding.Rect.Closed.IsZero() {
			line += " (" + i18n.Date(lang, s.Finding.Rect.Closed) + ")"
		}
		return line
	}))
	add("deadline", mapList(c.Deadline, func(d Change[model.Date]) string {
		return fmt.Sprintf("%s: %s → %s", c.name(d.Finding), i18n.Date(lang, d.From), i18n.Date(lang, d.To))
	}))
	add("severity", mapList(c.Severity, func(s Change[model.Severity]) string {
		return fmt.Sprintf("%s: %s → %s", c.name(s.Finding), i18n.Enum(lang, s.From), i18n.Enum(lang, s.To))
	}))
	add("values", mapList(c.Values, c.value))
	add("figures", mapList(c.Figures, func(f FigureChange) string {
		from := f.From
		if from == "" {
			from = "—"
		}
		return fmt.Sprintf("%s (%s): %s → %s", f.Label, f.Name, from, f.To)
	}))
	return out
}

func mapList[T any](xs []T, f func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// name names a finding: its ID and title.
func (c *Changes) name(f *model.Finding) string { return f.ID + " " + f.Title.In(c.Lang) }

// describe says what a finding is: its ID, province, kind or severity,
// and title.
func (c *Changes) describe(f *model.Finding) string {
	what := i18n.Enum(c.Lang, f.Kind)
	if f.IsProblem() && f.Severity != "" {
		what = i18n.Enum(c.Lang, f.Severity)
	}
	where := ""
	if f.Province != nil {
		where = f.Province.Label(c.Lang) + " "
	}
	return fmt.Sprintf("%s %s%s: %s", f.ID, where, what, f.Title.In(c.Lang))
}

func (c *Changes) value(v ValueChange) string {
	lang := c.Lang
	show := func(x float64, ok bool) string {
		if !ok {
			return "—"
		}
		return i18n.Value(lang, x, v.Indicator.Measure)
	}
	return fmt.Sprintf("%s %s: %s → %s", v.Province.Label(lang), v.Indicator.Name.In(lang), show(v.From, v.HadFrom), show(v.To, v.HasTo))
}

// textWriter keeps the first error of a series of writes.
type textWriter struct {
	w    io.Writer
	lang model.Lang
	err  error
}

func (t *textWriter) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}
