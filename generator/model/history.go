package model

// This file is about time: how a problem's rectification moved from one
// status to the next (its dates), and how the campaigns of a project
// follow one another.

// Stage returns the position of s in the order statuses are passed
// through: 0 for not-started, 1 in-progress, 2 done, 3 closed; -1 for
// none.
func (s Status) Stage() int {
	for i, st := range Statuses {
		if s == st {
			return i
		}
	}
	return -1
}

// DateKey returns the key of the date that records when a rectification
// reached s: started, done or closed; "" for not-started.
func (s Status) DateKey() string {
	return map[Status]string{InProgress: "started", Done: "done", Closed: "closed"}[s]
}

// DateOf returns the date written for when r reached s (started, done or
// closed), or the zero Date.
func (r *Rectification) DateOf(s Status) Date {
	switch s {
	case InProgress:
		return r.Started
	case Done:
		return r.DoneOn
	case Closed:
		return r.Closed
	}
	return Date{}
}

// Reached returns when r reached the status s, which is at most its
// status: the date written for it; or, when none is, the first date
// written for a later status (it was reached by then); or, for r's own
// status, the last date written for an earlier one. always is true when no
// date says anything, as for a rectification written without dates: it
// has had its status all along. ok is false when r never reached s.
func (r *Rectification) Reached(s Status) (d Date, always, ok bool) {
	k, top := s.Stage(), r.Status.Stage()
	if k < 0 || k > top {
		return Date{}, false, false
	}
	if k == 0 {
		return Date{}, true, true
	}
	if d := r.DateOf(s); !d.IsZero() {
		return d, false, true
	}
	for j := k + 1; j <= top; j++ {
		if d := r.DateOf(Statuses[j]); !d.IsZero() {
			return d, false, true
		}
	}
	for j := k - 1; j >= 1; j-- {
		if d := r.DateOf(Statuses[j]); !d.IsZero() {
			return d, false, true
		}
	}
	return Date{}, true, true
}

// StatusAt returns the status of r on the date d, from its dates (see
// Reached). Without dates it is r's status whatever the date.
func (r *Rectification) StatusAt(d Date) Status {
	for k := r.Status.Stage(); k >= 1; k-- {
		s := Statuses[k]
		if on, always, ok := r.Reached(s); ok && (always || !on.After(d)) {
			return s
		}
	}
	if r.Status == "" {
		return ""
	}
	return NotStarted
}

// Later reports whether r records something after the date d.
func (r *Rectification) Later(d Date) bool {
	for _, x := range []Date{r.Started, r.DoneOn, r.Closed} {
		if x.After(d) {
			return true
		}
	}
	return false
}

// At returns r as it stood on the date d: its status then, and only the
// dates up to d. It returns r itself when r records nothing after d.
func (r *Rectification) At(d Date) *Rectification {
	if !r.Later(d) {
		return r
	}
	x := *r
	x.Status = r.StatusAt(d)
	for _, p := range []*Date{&x.Started, &x.DoneOn, &x.Closed} {
		if p.After(d) {
			*p = Date{}
		}
	}
	return &x
}

// Step is one status a rectification reached, with when.
type Step struct {
	Status Status
	Date   Date // the date written for it; zero when none is
}

// Steps returns the statuses r has passed through after not-started, in
// order, each with the date written for it.
func (r *Rectification) Steps() []Step {
	var out []Step
	for k := 1; k <= r.Status.Stage(); k++ {
		out = append(out, Step{Status: Statuses[k], Date: r.DateOf(Statuses[k])})
	}
	return out
}

// At returns the campaign as it stood on the date d: every problem with
// the status its rectification had then (see Rectification.At). It
// returns c itself when no rectification records anything after d, and
// otherwise a copy that shares everything with c but the findings that
// changed (and the lists that hold them).
func (c *Campaign) At(d Date) *Campaign {
	changed := false
	for _, in := range c.OnSite {
		for _, f := range in.Findings {
			changed = changed || f.Rect != nil && f.Rect.Later(d)
		}
	}
	if !changed {
		return c
	}
	cc := *c
	cc.OnSite = make([]*Inspection, len(c.OnSite))
	for i, in := range c.OnSite {
		x := *in
		x.Findings = make([]*Finding, len(in.Findings))
		for j, f := range in.Findings {
			if f.Rect != nil && f.Rect.Later(d) {
				g := *f
				g.Rect = f.Rect.At(d)
				f = &g
			}
			x.Findings[j] = f
		}
		cc.OnSite[i] = &x
	}
	cc.Index()
	return &cc
}

// Previous returns the campaign before c in its project (by the start of
// their periods), or nil when c is the first.
func (c *Campaign) Previous() *Campaign {
	if earlier := c.Earlier(); len(earlier) > 0 {
		return earlier[len(earlier)-1]
	}
	return nil
}

// Earlier returns the campaigns of c's project before c, oldest first.
func (c *Campaign) Earlier() []*Campaign {
	if c.Project == nil {
		return nil
	}
	for i, x := range c.Project.Campaigns {
		if x.ID == c.ID {
			return c.Project.Campaigns[:i:i]
		}
	}
	return nil
}

// LatestAsOf returns the campaign of the project whose as_of date is the
// latest, which no date of any campaign may pass: no report knows what
// happened after it. It is nil when no campaign has an as_of date.
func (p *Project) LatestAsOf() *Campaign {
	var latest *Campaign
	for _, c := range p.Campaigns {
		if !c.AsOf.IsZero() && (latest == nil || c.AsOf.After(latest.AsOf)) {
			latest = c
		}
	}
	return latest
}
