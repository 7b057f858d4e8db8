package validate

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/model"
)

func (v *validator) campaign(c *model.Campaign) {
	v.checkID(c.ID, model.Pos{File: "data/" + c.ID}, "campaign (folder name)")
	v.scope(c)
	v.items(c)
	v.groups(c)
	v.selfExams(c)
	v.onSite(c)
	v.pages(c)
	v.images(c)
	v.markdown(c)
}

func (v *validator) scope(c *model.Campaign) {
	src := c.Src
	if src.OK("edition") && c.Edition < 1 {
		v.errorf(src.At("edition"), "edition %d: the first supervision is edition 1", c.Edition)
	}
	v.period(c.Period, "period")
	switch {
	case c.AsOf.IsZero() || c.Period.Start.IsZero() || !c.AsOf.Before(c.Period.Start):
	case c.AsOfFlag:
		v.errorf(src.At("period"), "--as-of %s is before the campaign starts (%s); give a date after the work began", c.AsOf, c.Period.Start)
	default:
		v.errorf(src.At("as_of"), "as_of %s is before the campaign starts (%s); the report speaks for a date after the work began", c.AsOf, c.Period.Start)
	}
	if r := c.Record; r != nil && !r.Date.IsZero() && !c.Period.Start.IsZero() && r.Date.Before(c.Period.Start) {
		v.errorf(r.Src.At("date"), "record: the date of printing %s is before the campaign starts (%s); give the date the briefing is printed", r.Date, c.Period.Start)
	}
	seen := map[string]bool{}
	for i, id := range c.MemberIDs {
		pos := src.AtIndex("members", i)
		switch {
		case v.noUnit(id):
			v.errorf(pos, "member unit %q is not in data/units.yaml%s", id, v.suggest(id, unitIDs(v.p)))
		case seen[id]:
			v.errorf(pos, "member unit %q is listed twice; remove one", id)
		}
		seen[id] = true
	}
}

// period checks that a period ends no earlier than it starts.
func (v *validator) period(p model.Period, what string) {
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		v.errorf(p.Src.At("end"), "%s ends (%s) before it starts (%s); swap the dates or fix one", what, p.End, p.Start)
	}
}

func unitIDs(p *model.Project) []string {
	out := make([]string, len(p.Units))
	for i, u := range p.Units {
		out[i] = u.ID
	}
	return out
}

func provinceIDs(p *model.Project) []string {
	out := make([]string, len(p.Provinces))
	for i, x := range p.Provinces {
		out[i] = x.ID
	}
	return out
}

func itemIDs(c *model.Campaign) []string {
	out := make([]string, len(c.Items))
	for i, x := range c.Items {
		out[i] = x.ID
	}
	return out
}

func (v *validator) items(c *model.Campaign) {
	ids(v, c.Items, "item", func(x *model.Item) (string, model.Src) { return x.ID, x.Src })
	var inds []*model.Indicator
	for _, it := range c.Items {
		inds = append(inds, it.Indicators...)
	}
	ids(v, inds, "indicator", func(x *model.Indicator) (string, model.Src) { return x.ID, x.Src })
	for _, ind := range inds {
		if ind.Target != nil {
			v.number(*ind.Target, ind.Measure, ind.Src.At("target"), "target")
		}
	}
}

func (v *validator) groups(c *model.Campaign) {
	seenNo := map[int]model.Pos{}
	byProvince := map[string]*model.Group{}
	for _, g := range c.Groups {
		src := g.Src
		if src.OK("no") {
			if g.No < 1 {
				v.errorf(src.At("no"), "group number %d: number groups from 1", g.No)
			} else if prev, dup := seenNo[g.No]; dup {
				v.errorf(src.At("no"), "group number %d is already used at %s; give each group its own number", g.No, where(prev, src.At("no")))
			} else {
				seenNo[g.No] = src.At("no")
			}
		}
		if g.LeadID != "" {
			v.memberUnit(c, g.LeadID, src.At("lead"), "lead unit")
		}
		for _, m := range g.Members {
			if m.UnitID != "" {
				v.memberUnit(c, m.UnitID, m.Src.At("unit"), "member unit")
			}
		}
		if src.OK("provinces") && len(g.ProvinceIDs) == 0 {
			v.errorf(src.At("provinces"), "group %d has no province; list the provinces it went to, e.g. provinces: [zj]", g.No)
		}
		for i, id := range g.ProvinceIDs {
			pos := src.AtIndex("provinces", i)
			switch other := byProvince[id]; {
			case v.noProvince(id):
				v.errorf(pos, "province %q is not in data/provinces.yaml%s", id, v.suggest(id, provinceIDs(v.p)))
			case other == g:
				v.errorf(pos, "province %q is listed twice; remove one", id)
			case other != nil:
				v.errorf(pos, "province %q is already visited by group %d; a province is visited by one group", id, other.No)
			default:
				byProvince[id] = g
				if c.Inspection(id) == nil {
					v.diags.Warnf(pos, "group %d went to %q but there is no data/%s/provinces/%s.yaml yet; create it to record visits and findings", g.No, id, c.ID, id)
				}
			}
		}
		if !g.Dates.IsZero() {
			v.period(g.Dates, "group "+strconv.Itoa(g.No)+"'s dates")
			v.within(c, g.Dates.Start, g.Dates.Src.At("start"), "the group's start date")
			v.within(c, g.Dates.End, g.Dates.Src.At("end"), "the group's end date")
		}
	}
}

// memberUnit checks a unit a group refers to: it exists and takes part in
// the campaign.
func (v *validator) memberUnit(c *model.Campaign, id string, pos model.Pos, what string) {
	switch {
	case v.noUnit(id):
		v.errorf(pos, "%s %q is not in data/units.yaml%s", what, id, v.suggest(id, unitIDs(v.p)))
	case c.Src.OK("members") && !slices.Contains(c.MemberIDs, id):
		v.errorf(pos, "%s %q is not among the campaign's members; add it to members: in data/%s/campaign.yaml", what, id, c.ID)
	}
}

// within checks that a date falls within the campaign's period (unless the
// period itself is wrong, which is reported once).
func (v *validator) within(c *model.Campaign, d model.Date, pos model.Pos, what string) {
	p := c.Period
	if d.IsZero() || p.Start.IsZero() || p.End.IsZero() || p.End.Before(p.Start) || p.Contains(d) {
		return
	}
	v.errorf(pos, "%s %s is outside the campaign's period (%s to %s); check the date", what, d, c.Period.Start, c.Period.End)
}

func (v *validator) selfExams(c *model.Campaign) {
	have := map[string]bool{}
	file := "data/" + c.ID + "/self-exam.yaml"
	for _, s := range c.SelfExams {
		have[s.ProvinceID] = true
		file = s.Src.Pos.File
		if v.noProvince(s.ProvinceID) {
			v.errorf(s.Src.Pos, "province %q is not in data/provinces.yaml%s", s.ProvinceID, v.suggest(s.ProvinceID, provinceIDs(v.p)))
			continue
		}
		// A report received on a day nobody noted is no error: the site
		// and the briefing say its date is not known.
		switch {
		case !s.Submitted && !s.Date.IsZero():
			v.errorf(s.Src.At("date"), "a date is given but submitted is false; set submitted: true or remove the date")
		case !s.Date.IsZero() && !c.Period.End.IsZero() && s.Date.After(c.Period.End):
			v.errorf(s.Src.At("date"), "self-examination date %s is after the campaign ended (%s); check the date", s.Date, c.Period.End)
		}
	}
	if len(c.SelfExams) == 0 {
		return // the file is missing or empty, and was reported
	}
	var missing []string
	for _, pr := range v.p.Provinces {
		if !have[pr.ID] {
			missing = append(missing, pr.ID)
		}
	}
	if len(missing) > 0 {
		v.errorf(model.Pos{File: file, Line: 1, Col: 1}, "no self-examination for %s; add an entry for every province (submitted: false if none came)", strings.Join(missing, ", "))
	}
}
