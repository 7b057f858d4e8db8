package validate

import (
	"fmt"
	"strings"

	"github.com/ducha/ducha/generator/model"
)

// The rules across campaigns: a project keeps one campaign a year, and
// the year-over-year views match them by ID.

// history checks what spans the campaigns of the project: editions that
// count up, key items and indicators that keep their IDs, and the
// findings that problems repeat.
func (v *validator) history() {
	cs := v.p.Campaigns
	for i, c := range cs {
		if i > 0 {
			v.edition(cs[i-1], c)
			v.stableItems(c)
		}
		for _, f := range c.Findings() {
			if f.Repeats != "" {
				v.repeats(c, f)
			}
		}
	}
}

// edition checks that a campaign's edition comes after that of the
// campaign before it.
func (v *validator) edition(prev, c *model.Campaign) {
	if !prev.Src.OK("edition") || !c.Src.OK("edition") || prev.Edition < 1 || c.Edition < 1 {
		return
	}
	pos, at := c.Src.At("edition"), prev.Src.At("edition")
	switch {
	case c.Edition == prev.Edition:
		v.errorf(pos, "edition %d is also the edition of campaign %s (%s); each campaign has its own, counting up from one to the next", c.Edition, prev.ID, at)
	case c.Edition < prev.Edition:
		v.errorf(pos, "edition %d comes before edition %d of campaign %s (%s), which starts earlier (%s); editions count up from one campaign to the next: check the edition or the period", c.Edition, prev.Edition, prev.ID, at, prev.Period.Start)
	}
}

// stableItems checks that the key items and indicators of c keep the IDs
// they had in earlier campaigns: one that has the name of another ID
// there is a renamed ID, and the year-over-year views would take it for
// a new item. An indicator also keeps its unit and direction.
func (v *validator) stableItems(c *model.Campaign) {
	earlier := c.Earlier()
	for _, it := range c.Items {
		if it.ID != "" && itemIn(earlier, it.ID) == nil {
			if e, old := itemNamed(earlier, it.Name); old != nil {
				v.errorf(it.Src.At("id"), "key item %q has the name of key item %q of campaign %s (%s); a key item keeps its ID across years, so that the year-over-year views match it: write id: %s",
					it.ID, old.ID, e.ID, old.Src.At("id"), old.ID)
			}
		}
		for _, ind := range it.Indicators {
			v.stableIndicator(earlier, ind)
		}
	}
}

func (v *validator) stableIndicator(earlier []*model.Campaign, ind *model.Indicator) {
	if ind.ID == "" {
		return
	}
	for i := len(earlier) - 1; i >= 0; i-- {
		e := earlier[i]
		old := e.Indicator(ind.ID)
		if old == nil {
			continue
		}
		switch {
		case old.Measure != "" && ind.Measure != "" && old.Measure != ind.Measure:
			v.errorf(ind.Src.At("unit"), "indicator %q is in %s here but in %s in campaign %s (%s); an indicator keeps its unit across years: give one in another unit a new ID",
				ind.ID, ind.Measure, old.Measure, e.ID, old.Src.At("unit"))
		case old.HigherIsBetter() != ind.HigherIsBetter():
			v.errorf(ind.Src.At("better"), "indicator %q: a %s value is better here, but a %s one in campaign %s (%s); an indicator keeps its direction across years: check better:",
				ind.ID, direction(ind), direction(old), e.ID, old.Src.At("id"))
		}
		return
	}
	for i := len(earlier) - 1; i >= 0; i-- {
		for _, it := range earlier[i].Items {
			for _, old := range it.Indicators {
				if sameName(old.Name, ind.Name) {
					v.errorf(ind.Src.At("id"), "indicator %q has the name of indicator %q of campaign %s (%s); an indicator keeps its ID across years: write id: %s",
						ind.ID, old.ID, earlier[i].ID, old.Src.At("id"), old.ID)
					return
				}
			}
		}
	}
}

func direction(ind *model.Indicator) string {
	if ind.HigherIsBetter() {
		return "higher"
	}
	return "lower"
}

// itemIn returns the key item with the ID in the latest of the campaigns
// that has one, or nil.
func itemIn(cs []*model.Campaign, id string) *model.Item {
	for i := len(cs) - 1; i >= 0; i-- {
		if it := cs[i].Item(id); it != nil {
			return it
		}
	}
	return nil
}

// itemNamed returns the key item with the name in the latest of the
// campaigns that has one, and its campaign.
func itemNamed(cs []*model.Campaign, name model.Text) (*model.Campaign, *model.Item) {
	for i := len(cs) - 1; i >= 0; i-- {
		for _, it := range cs[i].Items {
			if sameName(it.Name, name) {
				return cs[i], it
			}
		}
	}
	return nil, nil
}

// sameName reports whether two names are the same in a language both
// give.
func sameName(a, b model.Text) bool {
	return a.ZH != "" && a.ZH == b.ZH || a.EN != "" && a.EN == b.EN
}

// repeats checks the finding that a problem repeats: campaign/finding,
// of an earlier campaign, a problem, found in the same province.
func (v *validator) repeats(c *model.Campaign, f *model.Finding) {
	pos := f.Src.At("repeats")
	if f.Kind == model.Practice {
		v.errorf(pos, "a good practice repeats nothing: repeats is for a problem found again; remove it, or make the finding kind: problem")
		return
	}
	earlier := c.Earlier()
	cid, fid, ok := strings.Cut(f.Repeats, "/")
	if !ok || cid == "" || fid == "" || strings.Contains(fid, "/") {
		v.errorf(pos, "repeats %q: name the finding it repeats as campaign/finding, e.g. %s", f.Repeats, repeatExample(earlier, f.Repeats))
		return
	}
	e := v.p.Campaign(cid)
	switch {
	case cid == c.ID:
		v.errorf(pos, "repeats %q names a finding of this campaign; a problem repeats a finding of an earlier campaign (屡查屡犯), e.g. %s", f.Repeats, repeatExample(earlier, fid))
		return
	case e == nil:
		v.errorf(pos, "repeats %q: no campaign %q (a folder of data/ with a campaign.yaml)%s", f.Repeats, cid, v.suggest(cid, idsOf(earlier)))
		return
	case !contains(earlier, e):
		v.errorf(pos, "repeats %q: campaign %s is not earlier than this one (%s); a problem repeats a finding of an earlier campaign", f.Repeats, cid, c.ID)
		return
	}
	g := e.Finding(fid)
	if g == nil {
		if v.brokenOnSite(e) {
			return
		}
		v.errorf(pos, "repeats %q: no finding %q in campaign %s (data/%s/provinces/)%s", f.Repeats, fid, cid, cid, v.suggest(fid, findingIDs(e)))
		return
	}
	switch {
	case g.Kind == model.Practice:
		v.errorf(pos, "repeats %q, which is a good practice, not a problem; name the problem found before", f.Repeats)
	case g.Province != nil && f.Province != nil && g.Province != f.Province:
		v.diags.Warnf(pos, "repeats %q, which was found in %s, while this problem is in %s; a repeat is found again in the same province: check the ID", f.Repeats, g.Province.ID, f.Province.ID)
	}
}

// repeatExample proposes how to write a repeat of the finding id: in the
// campaign before, or in its own words when there is none.
func repeatExample(earlier []*model.Campaign, id string) string {
	if len(earlier) == 0 {
		return "2014/zj-03"
	}
	prev := earlier[len(earlier)-1]
	if id == "" || strings.Contains(id, "/") {
		id = "zj-03"
		if fs := prev.Findings(); len(fs) > 0 {
			id = fs[0].ID
		}
	}
	return fmt.Sprintf("%s/%s", prev.ID, id)
}

// brokenOnSite reports whether a province file of campaign e could not be
// read, so that a finding missing from it may be there.
func (v *validator) brokenOnSite(e *model.Campaign) bool {
	for _, in := range e.OnSite {
		if !v.p.Parsed(in.Src.Pos.File) {
			return true
		}
	}
	return false
}

func findingIDs(c *model.Campaign) []string {
	var out []string
	for _, f := range c.Findings() {
		out = append(out, f.ID)
	}
	return out
}

func idsOf(cs []*model.Campaign) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func contains(cs []*model.Campaign, c *model.Campaign) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}
