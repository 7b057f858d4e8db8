package validate

import (
	"github.com/ducha/ducha/generator/model"
)

func (v *validator) onSite(c *model.Campaign) {
	findings := map[string]model.Pos{}
	for _, in := range c.OnSite {
		file := model.Pos{File: in.Src.Pos.File, Line: 1, Col: 1}
		switch {
		case v.noProvince(in.ProvinceID):
			v.errorf(file, "no province %q in data/provinces.yaml; name the file after a province ID%s", in.ProvinceID, v.suggest(in.ProvinceID, provinceIDs(v.p)))
		case in.Group == nil && v.p.Parsed("data/"+c.ID+"/groups.yaml") && !badProvinceLists(c):
			v.errorf(file, "no group visited %q; add it to the provinces: of a group in data/%s/groups.yaml", in.ProvinceID, c.ID)
		}
		v.visits(c, in)
		v.values(c, in)
		for _, f := range in.Findings {
			v.finding(c, in, f, findings)
		}
	}
}

func (v *validator) visits(c *model.Campaign, in *model.Inspection) {
	ids(v, in.Visits, "visit", func(x *model.Visit) (string, model.Src) { return x.ID, x.Src })
	for _, vi := range in.Visits {
		v.within(c, vi.Date, vi.Src.At("date"), "visit date")
		if g := in.Group; g != nil && !g.Dates.IsZero() && !vi.Date.IsZero() && !g.Dates.Contains(vi.Date) && c.Period.Contains(vi.Date) {
			v.diags.Warnf(vi.Src.At("date"), "visit date %s is outside group %d's dates (%s to %s)", vi.Date, g.No, g.Dates.Start, g.Dates.End)
		}
		if vi.Met < 0 {
			v.errorf(vi.Src.At("met"), "met %d: the number of people met cannot be negative", vi.Met)
		}
	}
}

func (v *validator) values(c *model.Campaign, in *model.Inspection) {
	for _, val := range in.Values {
		if val.Indicator == nil {
			if !v.p.Parsed("data/" + c.ID + "/items.yaml") {
				continue
			}
			v.errorf(val.Src.Pos, "no indicator %q in data/%s/items.yaml%s", val.IndicatorID, c.ID, v.suggest(val.IndicatorID, indicatorIDs(c)))
			continue
		}
		v.number(val.Value, val.Indicator.Measure, val.Src.At("value"), val.IndicatorID)
	}
}

// badProvinceLists reports whether a group's provinces could not be read,
// in which case the provinces it meant are unknown.
func badProvinceLists(c *model.Campaign) bool {
	for _, g := range c.Groups {
		if g.Src.Has("provinces") && !g.Src.OK("provinces") {
			return true
		}
	}
	return false
}

func indicatorIDs(c *model.Campaign) []string {
	var out []string
	for _, it := range c.Items {
		for _, ind := range it.Indicators {
			out = append(out, ind.ID)
		}
	}
	return out
}

func (v *validator) finding(c *model.Campaign, in *model.Inspection, f *model.Finding, seen map[string]model.Pos) {
	src := f.Src
	if f.ID != "" && v.checkID(f.ID, src.At("id"), "finding") {
		if prev, dup := seen[f.ID]; dup {
			v.errorf(src.At("id"), "finding ID %q is already used at %s; finding IDs are unique in the whole campaign", f.ID, where(prev, src.At("id")))
		} else {
			seen[f.ID] = src.At("id")
		}
	}
	if f.ItemID != "" && f.Item == nil && v.p.Parsed("data/"+c.ID+"/items.yaml") {
		v.errorf(src.At("item"), "no key item %q in data/%s/items.yaml%s", f.ItemID, c.ID, v.suggest(f.ItemID, itemIDs(c)))
	}
	for i, id := range f.VisitIDs {
		if in.Visit(id) == nil {
			v.errorf(src.AtIndex("visits", i), "no visit %q in this file; evidence must be a visit listed under visits:", id)
		}
	}
	v.kind(f)
	if f.Date.IsZero() && len(f.VisitIDs) == 0 && src.Has("kind") {
		v.errorf(src.Pos, "finding %s has no date and no visits; add date: YYYY-MM-DD or the visits it rests on", f.ID)
	}
	if src.Has("date") && !f.Date.IsZero() && !c.Period.Start.IsZero() && f.Date.Before(c.Period.Start) {
		v.errorf(src.At("date"), "finding date %s is before the campaign started (%s)", f.Date, c.Period.Start)
	}
	if f.Rect != nil {
		v.rectification(c, f)
	}
}

// kind checks what a problem must have and a practice must not.
func (v *validator) kind(f *model.Finding) {
	src := f.Src
	switch f.Kind {
	case model.Problem:
		switch {
		case f.Severity != "":
		case !src.Has("severity"):
			v.errorf(src.Pos, "problem %s has no severity; add severity: high, medium or low", f.ID)
		case src.OK("severity"): // written, with nothing after it
			v.errorf(src.At("severity"), "severity is empty; give it high, medium or low")
		}
		switch {
		case f.Rect != nil:
		case !src.Has("rectification"):
			v.errorf(src.Pos, "problem %s has no rectification; add rectification: with responsible, deadline and status", f.ID)
		case src.OK("rectification"):
			v.errorf(src.At("rectification"), "rectification is empty; give it responsible, deadline and status")
		}
	case model.Practice:
		if src.Has("severity") {
			v.errorf(src.At("severity"), "a good practice has no severity; remove it, or make the finding kind: problem")
		}
		if src.Has("rectification") {
			v.errorf(src.At("rectification"), "a good practice needs no rectification; remove it, or make the finding kind: problem")
		}
	}
}

func (v *validator) rectification(c *model.Campaign, f *model.Finding) {
	r := f.Rect
	src := r.Src
	if !r.Deadline.IsZero() && !f.Date.IsZero() && r.Deadline.Before(f.Date) {
		v.errorf(src.At("deadline"), "deadline %s is before the finding was made (%s); check the date", r.Deadline, f.Date)
	}
	if r.Status == model.Closed && r.Closed.IsZero() && src.Has("status") {
		v.errorf(src.At("status"), "status is closed but there is no closing date; add closed: YYYY-MM-DD")
	}
	var prev model.Status // the last status with a date, for their order
	for _, st := range []model.Status{model.InProgress, model.Done, model.Closed} {
		d := r.DateOf(st)
		if d.IsZero() {
			continue
		}
		key := st.DateKey()
		switch pos := src.At(key); {
		case r.Status != "" && r.Status.Stage() < st.Stage():
			v.errorf(pos, "%s", statusDateMismatch(st, r.Status))
		case !f.Date.IsZero() && d.Before(f.Date):
			v.errorf(pos, "%s %s is before the finding was made (%s); check the date", key, d, f.Date)
		case prev != "" && d.Before(r.DateOf(prev)):
			v.errorf(pos, "%s %s is before %s (%s): a problem is started, then done, then closed; check the dates", key, d, prev.DateKey(), r.DateOf(prev))
		default:
			v.notAfterLatest(c, d, pos, key)
		}
		prev = st
	}
}

// statusDateMismatch says what to do about the date of reaching st on a
// rectification whose status is the earlier status.
func statusDateMismatch(st, status model.Status) string {
	switch st {
	case model.InProgress:
		return "a start date is given but the status is " + string(status) + "; set status: in-progress (or where the work now stands), or remove the date"
	case model.Done:
		return "a completion date is given but the status is " + string(status) + "; set status: done (or closed, once verified), or remove the date"
	}
	if status == model.Done {
		return "a closing date is given but the status is done; a problem reported done and awaiting verification takes its date as done: YYYY-MM-DD; set status: closed once it is verified"
	}
	return "a closing date is given but the status is " + string(status) + "; set status: closed, or remove the date"
}

// notAfterLatest reports a date of rectification later than the as_of
// date of the project's latest campaign: no report knows the future. A
// problem of an earlier campaign is followed until it is closed, so its
// dates may pass its own campaign's as_of.
func (v *validator) notAfterLatest(c *model.Campaign, d model.Date, pos model.Pos, key string) {
	latest := v.p.LatestAsOf()
	switch {
	case latest == nil || !d.After(latest.AsOf):
	case latest.ID == c.ID && c.AsOfFlag:
		v.errorf(pos, "%s %s is after the date given by --as-of (%s); a report cannot know the future: give a later --as-of", key, d, c.AsOf)
	case latest.ID == c.ID:
		v.errorf(pos, "%s %s is after the report's as_of date (%s); a report cannot know the future", key, d, c.AsOf)
	default:
		v.errorf(pos, "%s %s is after the as_of date of the latest campaign, %s (%s); a report cannot know the future", key, d, latest.ID, latest.AsOf)
	}
}
