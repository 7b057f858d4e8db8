package report

import (
	"cmp"
	"slices"

	"github.com/ducha/ducha/generator/model"
)

// Carried is a problem of an earlier campaign that is not closed on the
// report's date: it is carried over into the report's campaign, and
// followed in its tracker.
type Carried struct {
	// Finding is the problem as its own campaign's data holds it, with
	// every date recorded; Status is its status on the report's date.
	Finding  *model.Finding
	Campaign *model.Campaign
	Status   model.Status
	// Age is the number of days from the finding's date to the report's.
	Age int
	// DaysOverdue is how many days past its deadline the problem is on
	// the report's date, when it is not started or in progress; else 0.
	DaysOverdue int
}

// Overdue reports whether the carried-over problem is past its deadline
// and not yet done.
func (x *Carried) Overdue() bool { return x.DaysOverdue > 0 }

// carried lists the problems of the campaigns before the report's that
// are not closed on its date.
func (r *Report) carried() {
	for _, e := range r.Campaign.Earlier() {
		for _, f := range e.Findings() {
			if f.Rect == nil || f.Date.After(r.AsOf) {
				continue
			}
			st := f.Rect.StatusAt(r.AsOf)
			if st == model.Closed {
				continue
			}
			x := &Carried{Finding: f, Campaign: e, Status: st, Age: f.Date.DaysUntil(r.AsOf)}
			if st.Open() && !f.Rect.Deadline.IsZero() && f.Rect.Deadline.Before(r.AsOf) {
				x.DaysOverdue = f.Rect.Deadline.DaysUntil(r.AsOf)
			}
			r.Carried = append(r.Carried, x)
		}
	}
	slices.SortStableFunc(r.Carried, func(a, b *Carried) int {
		return cmp.Or(
			cmp.Compare(b.DaysOverdue, a.DaysOverdue),
			cmp.Compare(a.Status.Stage(), b.Status.Stage()),
			a.Finding.Rect.Deadline.Compare(b.Finding.Rect.Deadline),
			cmp.Compare(a.Finding.Severity.Rank(), b.Finding.Severity.Rank()),
		)
	})
}

// CarriedIn returns the carried-over problems that match keep.
func (r *Report) CarriedIn(keep func(*model.Finding) bool) []*Carried {
	var out []*Carried
	for _, x := range r.Carried {
		if keep(x.Finding) {
			out = append(out, x)
		}
	}
	return out
}
