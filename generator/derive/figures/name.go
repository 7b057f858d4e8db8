package figures

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/suggest"
)

// FormatChinese is the format that writes a count in Chinese numerals:
// {{items:cn}} is 八.
const FormatChinese = "cn"

// ref is a figure's name as written, parsed: a measure, a scope and a
// format.
type ref struct {
	mod     Modifier // "" for the figure itself
	kind    ScopeKind
	id      string // the province, item or group; "" for the page's own
	own     bool   // the prefix alone: the page's own province, item or group
	measure *measure
	format  string
}

// parse parses the name of a figure as written between the braces.
func parse(written string) (ref, error) {
	name, format, _ := strings.Cut(written, ":")
	name, format = strings.TrimSpace(name), strings.TrimSpace(format)
	r := ref{format: format}
	if m, rest, ok := strings.Cut(name, "."); ok && modifierNamed(m) {
		r.mod, name = Modifier(m), rest
	}
	first, rest, dotted := strings.Cut(name, ".")
	r.kind = scopeKind(first)
	mname := name
	if r.kind != Campaign {
		if !dotted || rest == "" {
			return r, fmt.Errorf("%q names no figure; write the figure after it, e.g. %s.problems or %s.<id>.problems", name, first, first)
		}
		mname = rest
		if measureNamed(rest) == nil || !measureNamed(rest).in.has(r.kind) {
			id, m, ok := strings.Cut(rest, ".")
			if !ok || m == "" {
				return r, unknownMeasure(rest, r.kind)
			}
			r.id, mname = id, m
		} else {
			r.own = true
		}
	}
	if r.measure = measureNamed(mname); r.measure == nil {
		return r, unknownMeasure(mname, r.kind)
	}
	if !r.measure.in.has(r.kind) {
		return r, fmt.Errorf("%s is not counted for a %s; %s", r.measure.name, scopeNoun(r.kind), didYouMean(mname, r.kind))
	}
	if err := r.checkModifier(); err != nil {
		return r, err
	}
	return r, r.checkFormat()
}

func (r ref) checkFormat() error {
	switch r.format {
	case "":
		return nil
	case FormatChinese:
		if r.mod == Previous || r.mod == "" {
			if r.measure.kind == Count || r.measure.kind == Number {
				return nil
			}
		}
		return fmt.Errorf("the format %q writes a whole number in Chinese numerals; %s is not a count", r.format, r.written())
	}
	return fmt.Errorf("unknown format %q after the colon; the one format is %q (Chinese numerals: {{items:cn}} writes 八)", r.format, FormatChinese)
}

// written is the name of the figure of r without its scope's ID.
func (r ref) written() string {
	if r.mod != "" {
		return string(r.mod) + "." + r.measure.name
	}
	return r.measure.name
}

// bind returns the full name of the figure r on a page in the scope here.
func (r ref) bind(here Scope) (string, error) {
	full, err := r.bindBase(here)
	if err != nil || r.mod == "" {
		return full, err
	}
	return string(r.mod) + "." + full, nil
}

func (r ref) bindBase(here Scope) (string, error) {
	if !r.own {
		if r.kind == Campaign {
			return r.measure.name, nil
		}
		return Scope{r.kind, r.id}.prefix() + r.measure.name, nil
	}
	if here.Kind != r.kind {
		return "", fmt.Errorf("%s.%s is the figure of the page's own %s, and this page is not about a %s; name one, e.g. %s.<id>.%s",
			r.kind, r.measure.name, scopeNoun(r.kind), scopeNoun(r.kind), r.kind, r.measure.name)
	}
	return here.prefix() + r.measure.name, nil
}

// write writes the value of v in the format of r.
func (r ref) write(v *Value) string {
	if r.format == FormatChinese {
		return i18n.ChineseNumber(int(v.Number))
	}
	return v.Text
}

func scopeKind(prefix string) ScopeKind {
	for _, k := range []ScopeKind{Province, Item, Group, Indicator} {
		if prefix == k.String() {
			return k
		}
	}
	return Campaign
}

func scopeNoun(k ScopeKind) string {
	return [...]string{"campaign", "province", "key item", "group", "indicator"}[k]
}

// measureNamed returns the measure with the name, or nil.
func measureNamed(name string) *measure {
	for _, m := range measures() {
		if m.name == name {
			return m
		}
	}
	return nil
}

// measureNames lists the names of the measures counted in the scope kind.
func measureNames(k ScopeKind) []string {
	var names []string
	for _, m := range measures() {
		if m.in.has(k) {
			names = append(names, m.name)
		}
	}
	return names
}

func unknownMeasure(name string, k ScopeKind) error {
	return fmt.Errorf("unknown figure %q; %s", name, didYouMean(name, k))
}

func didYouMean(name string, k ScopeKind) string {
	hint := `"ducha help figures" lists every figure`
	if near := suggest.Nearest(name, measureNames(k)); near != "" {
		return fmt.Sprintf("did you mean %q? (%s)", near, hint)
	}
	return hint
}

// Names is what figures can be named in a campaign, known before its
// figures are computed: its provinces, key items and groups.
type Names struct {
	c *model.Campaign
}

// NamesOf returns the names of the figures of campaign c.
func NamesOf(c *model.Campaign) Names { return Names{c} }

// Check reports whether name, as written between the braces on a page in
// the scope here, names a figure of the campaign, and if not why.
func (n Names) Check(name string, here Scope) error {
	r, err := parse(name)
	if err != nil {
		return err
	}
	if _, err := r.bind(here); err != nil {
		return err
	}
	if r.mod != "" {
		if err := n.checkPrevious(r, here); err != nil {
			return err
		}
	}
	if r.own || r.kind == Campaign {
		return nil
	}
	return n.checkID(r)
}

func (n Names) checkID(r ref) error {
	c := n.c
	switch r.kind {
	case Province:
		if c.Project.Province(r.id) == nil {
			var ids []string
			for _, p := range c.Project.Provinces {
				ids = append(ids, p.ID)
			}
			return fmt.Errorf("no province %q in data/provinces.yaml%s", r.id, suggest.DidYouMean(r.id, ids))
		}
	case Item:
		if c.Item(r.id) == nil {
			var ids []string
			for _, it := range c.Items {
				ids = append(ids, it.ID)
			}
			return fmt.Errorf("no key item %q in data/%s/items.yaml%s", r.id, c.ID, suggest.DidYouMean(r.id, ids))
		}
	case Indicator:
		return n.checkIndicator(r)
	case Group:
		no, err := strconv.Atoi(r.id)
		if err != nil || strconv.Itoa(no) != r.id || c.Group(no) == nil {
			var nos []string
			for _, g := range c.Groups {
				nos = append(nos, strconv.Itoa(g.No))
			}
			return fmt.Errorf("no group %q in data/%s/groups.yaml; groups are named by number (%s)", r.id, c.ID, strings.Join(slices.Compact(nos), ", "))
		}
	}
	return nil
}

func (n Names) checkIndicator(r ref) error {
	c := n.c
	ind := c.Indicator(r.id)
	if ind == nil {
		var ids []string
		for _, it := range c.Items {
			for _, x := range it.Indicators {
				ids = append(ids, x.ID)
			}
		}
		return fmt.Errorf("no indicator %q in data/%s/items.yaml%s", r.id, c.ID, suggest.DidYouMean(r.id, ids))
	}
	if r.measure.target && ind.Target == nil {
		return fmt.Errorf("indicator %q has no target in data/%s/items.yaml; give it one, or cite another figure", r.id, c.ID)
	}
	return nil
}
