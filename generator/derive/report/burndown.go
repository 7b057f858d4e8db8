package report

import "github.com/ducha/ducha/generator/model"

// Point is where a campaign's problems stood on one day, by the dates of
// their rectification (model.Rectification.StatusAt).
type Point struct {
	Date     model.Date
	Found    int // problems found by then
	Unclosed int // of those, not closed then: not started, in progress or done
	Open     int // of those, not started or in progress then: work outstanding
	// NotDue counts the problems found by then whose deadline is that
	// day or later: as many as could still be open if every problem were
	// done by its deadline. Open above NotDue is work past its deadline.
	NotDue int
}

// Burndown returns where the campaign's problems stood from the day the
// first was found to the report's date: a point a week, or more days
// apart for a long span (at most about 26 points), the report's date
// last. It is empty when the campaign has no problem found by then.
func (r *Report) Burndown() []Point {
	var start model.Date
	for _, f := range r.Problems {
		if !f.Date.IsZero() && (start.IsZero() || f.Date.Before(start)) {
			start = f.Date
		}
	}
	if start.IsZero() || start.After(r.AsOf) {
		return nil
	}
	days := start.DaysUntil(r.AsOf)
	step := 7 * max(1, (days+7*25)/(7*26))
	var out []Point
	for d := 0; ; d += step {
		day := model.DateOf(start.Time().AddDate(0, 0, d))
		if d >= days {
			day = r.AsOf
		}
		out = append(out, r.pointOn(day))
		if d >= days {
			return out
		}
	}
}

// pointOn counts the problems on the day.
func (r *Report) pointOn(day model.Date) Point {
	pt := Point{Date: day}
	for _, f := range r.Problems {
		if f.Rect == nil || f.Date.After(day) {
			continue
		}
		pt.Found++
		switch st := f.Rect.StatusAt(day); {
		case st.Open():
			pt.Open++
			pt.Unclosed++
		case st == model.Done:
			pt.Unclosed++
		}
		if !f.Rect.Deadline.Before(day) {
			pt.NotDue++
		}
	}
	return pt
}
