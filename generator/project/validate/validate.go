// Package validate checks the rules of a campaign that span values and
// files: IDs, references between files, dates and ranges. Package load has
// already checked each value's shape; validate reports everything else, all
// at once.
//
// docs/data-format.md, "Rules across files", lists the rules in words.
package validate

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/suggest"
)

// Project checks every campaign of p and adds what it finds to diags.
func Project(p *model.Project, diags *diag.List) {
	v := &validator{p: p, diags: diags}
	v.config()
	ids(v, p.Provinces, "province", func(x *model.Province) (string, model.Src) { return x.ID, x.Src })
	ids(v, p.Units, "unit", func(x *model.Unit) (string, model.Src) { return x.ID, x.Src })
	for _, pr := range p.Provinces {
		v.provinceCode(pr)
	}
	for _, c := range p.Campaigns {
		v.campaign(c)
	}
	v.history()
}

type validator struct {
	p     *model.Project
	diags *diag.List
}

func (v *validator) errorf(pos model.Pos, format string, args ...any) {
	v.diags.Errorf(pos, format, args...)
}

// noUnit reports whether id names no unit, unless data/units.yaml could not
// be parsed (then every reference would be reported, for one mistake).
func (v *validator) noUnit(id string) bool {
	return v.p.Unit(id) == nil && v.p.Parsed("data/units.yaml")
}

// noProvince reports whether id names no province, unless
// data/provinces.yaml could not be parsed.
func (v *validator) noProvince(id string) bool {
	return v.p.Province(id) == nil && v.p.Parsed("data/provinces.yaml")
}

func (v *validator) config() {
	cfg := v.p.Config
	if cfg.Campaign != "" && v.p.Campaign(cfg.Campaign) == nil {
		v.errorf(cfg.Src.At("campaign"), "campaign %q: no folder data/%s/ with a campaign.yaml%s", cfg.Campaign, cfg.Campaign, v.suggest(cfg.Campaign, campaignIDs(v.p)))
	}
}

func campaignIDs(p *model.Project) []string {
	var out []string
	for _, c := range p.Campaigns {
		out = append(out, c.ID)
	}
	return out
}

// ValidID reports whether id is 1 to 40 lower-case ASCII letters, digits
// and "-", not starting with "-".
func ValidID(id string) bool {
	if id == "" || len(id) > 40 || id[0] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// checkID reports an ID that does not follow the rules for IDs.
func (v *validator) checkID(id string, pos model.Pos, what string) bool {
	if ValidID(id) {
		return true
	}
	v.errorf(pos, "%s ID %q: use lower-case letters, digits and \"-\" (at most 40, not starting with \"-\")%s", what, id, idHint(id))
	return false
}

// idHint proposes a valid ID close to id.
func idHint(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(id)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == ' ' || r == '_' || r == '.':
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" || s == id || len(s) > 40 {
		return ""
	}
	return fmt.Sprintf(", e.g. %q", s)
}

// ids checks that every ID in xs is well formed and used once.
func ids[T any](v *validator, xs []T, what string, get func(T) (string, model.Src)) {
	first := map[string]model.Pos{}
	for _, x := range xs {
		id, src := get(x)
		pos := src.At("id")
		if id == "" || !v.checkID(id, pos, what) {
			continue
		}
		if prev, dup := first[id]; dup {
			v.errorf(pos, "%s ID %q is already used at %s; give each %s its own ID", what, id, where(prev, pos), what)
			continue
		}
		first[id] = pos
	}
}

// where names prev relative to pos: "line 12" in the same file, else
// path:line.
func where(prev, pos model.Pos) string {
	if prev.File == pos.File {
		return "line " + strconv.Itoa(prev.Line)
	}
	return fmt.Sprintf("%s:%d", prev.File, prev.Line)
}

// suggest returns "; did you mean "x"?" for the known ID nearest to id, or
// a list of the known IDs when there are few, or "".
func (v *validator) suggest(id string, known []string) string {
	if hint := suggest.DidYouMean(id, known); hint != "" {
		return hint
	}
	if len(known) > 0 && len(known) <= 8 {
		return "; known: " + strings.Join(known, ", ")
	}
	return ""
}

var gbCode = regexp.MustCompile(`^[1-9][0-9]0000$`)

func (v *validator) provinceCode(pr *model.Province) {
	if pr.Code != "" && !gbCode.MatchString(pr.Code) {
		v.errorf(pr.Src.At("code"), "code %q: write the six-digit GB/T 2260 code of a provincial-level unit in quotes, e.g. \"110000\"", pr.Code)
	}
}

// number checks a value against its unit of measure.
func (v *validator) number(x float64, m model.Measure, pos model.Pos, what string) {
	switch {
	case m == model.Percent && (x < 0 || x > 100):
		v.errorf(pos, "%s: %s%% is not a percentage; write a number from 0 to 100", what, format(x))
	case m.Whole() && x < 0:
		v.errorf(pos, "%s: %s is negative; a count cannot be", what, format(x))
	case m.Whole() && x != math.Trunc(x):
		v.errorf(pos, "%s: %s is not a whole number, which its unit (%s) needs", what, format(x), m)
	}
}

func format(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
