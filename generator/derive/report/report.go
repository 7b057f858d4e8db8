// Package report derives what leadership asks of a campaign from the model:
// key figures, findings by province, item and severity, and rectification
// progress as of the report's date. The site, the briefing and the charts
// all read these figures, so they cannot disagree.
package report

import (
	"cmp"
	"slices"

	"github.com/ducha/ducha/generator/model"
)

// Report is the derived view of one campaign.
type Report struct {
	// Campaign is the campaign as it stood on AsOf: each problem with the
	// status its rectification had then (model.Campaign.At).
	Campaign *model.Campaign
	Lang     model.Lang
	AsOf     model.Date // the date overdue is judged against

	Findings  []*model.Finding // every finding, province by province in file order
	Problems  []*model.Finding // the problems among them
	Practices []*model.Finding // the good practices among them
	// Tracker lists every problem for the rectification tracker: overdue
	// first (most overdue first), then open by deadline, then done, then
	// closed, each by deadline and ID.
	Tracker []*model.Finding
	// Unclosed lists the problems whose rectification is not closed (not
	// started, in progress or done), in Tracker order.
	Unclosed []*model.Finding

	Figures   Figures
	Provinces []*ProvinceStats // one per on-site province, in province order
	Items     []*ItemStats     // one per key item, in order
	Groups    []*GroupStats    // one per group, in order
	Visits    []*model.Visit   // every visit, by province then date

	// Carried lists the problems of earlier campaigns that are not closed
	// on AsOf (carried over), in tracker order: overdue first.
	Carried []*Carried
}

// Figures are the key numbers of a campaign.
type Figures struct {
	Groups        int // supervision groups
	OnSite        int // provinces visited on site
	MemberUnits   int // member units taking part
	SelfExamDone  int // self-examination reports received
	SelfExamTotal int // provinces expected to report
	VisitCounts
	Findings int // problems and good practices
	Counts
}

// Counts is a count of findings broken down. The four statuses of
// ByStatus add up to Problems; Overdue is a measure over them (problems
// not started or in progress whose deadline has passed), never a status
// of its own.
type Counts struct {
	Problems   int
	Practices  int
	BySeverity map[model.Severity]int // problems by severity
	ByStatus   map[model.Status]int   // problems by rectification status
	Overdue    int                    // problems past their deadline on AsOf, not done
	// OverdueByStatus splits Overdue by status: not started or in
	// progress.
	OverdueByStatus map[model.Status]int
	// Repeats counts the problems that repeat a finding of an earlier
	// campaign (屡查屡犯).
	Repeats int
}

func newCounts() Counts {
	return Counts{BySeverity: map[model.Severity]int{}, ByStatus: map[model.Status]int{}, OverdueByStatus: map[model.Status]int{}}
}

// Unclosed returns the number of problems not yet closed: not started, in
// progress, or done and awaiting verification.
func (c *Counts) Unclosed() int { return c.Problems - c.ByStatus[model.Closed] }

// ClosedRate returns the share of problems closed, from 0 to 100; 0 when
// there are no problems.
func (c *Counts) ClosedRate() float64 {
	if c.Problems == 0 {
		return 0
	}
	return 100 * float64(c.ByStatus[model.Closed]) / float64(c.Problems)
}

// VisitCounts count on-site visits broken down.
type VisitCounts struct {
	Visits      int // visits (sites)
	PeopleMet   int // people met at them
	BySite      map[model.SiteType]int
	ByMode      map[model.Mode]int
	BySelection map[model.Selection]int
}

func newVisitCounts() VisitCounts {
	return VisitCounts{BySite: map[model.SiteType]int{}, ByMode: map[model.Mode]int{}, BySelection: map[model.Selection]int{}}
}

func (vc *VisitCounts) add(v *model.Visit) {
	vc.Visits++
	vc.PeopleMet += v.Met
	vc.BySite[v.Site]++
	vc.ByMode[ModeOf(v)]++
	vc.BySelection[SelectionOf(v)]++
}

func (c *Counts) add(f *model.Finding, asOf model.Date) {
	if !f.IsProblem() {
		c.Practices++
		return
	}
	c.Problems++
	c.BySeverity[f.Severity]++
	if f.Repeated != nil {
		c.Repeats++
	}
	if f.Rect != nil {
		c.ByStatus[f.Rect.Status]++
	}
	if f.Overdue(asOf) {
		c.Overdue++
		c.OverdueByStatus[f.Rect.Status]++
	}
}

// ProvinceStats are the figures of one province visited on site.
type ProvinceStats struct {
	Province   *model.Province
	Inspection *model.Inspection
	Counts
	VisitCounts
	ByItem map[string]int // problems by item ID
}

// ItemStats are the figures of one key item.
type ItemStats struct {
	Item *model.Item
	Counts
	ByProvince map[string]int // problems by province ID
	Findings   []*model.Finding
}

// GroupStats are the figures of one group.
type GroupStats struct {
	Group *model.Group
	Counts
	VisitCounts
	Findings []*model.Finding
}

// New derives the report of campaign c in language lang, as of the
// campaign's as_of date.
func New(c *model.Campaign, lang model.Lang) *Report { return NewAsOf(c, lang, c.AsOf) }

// NewAsOf derives the report of campaign c in language lang, judging
// rectification as of the date asOf: each problem has the status its
// dates give it on that date.
func NewAsOf(c *model.Campaign, lang model.Lang, asOf model.Date) *Report {
	r := &Report{Campaign: c.At(asOf), Lang: lang, AsOf: asOf}
	c = r.Campaign
	r.Findings = c.Findings()
	for _, f := range r.Findings {
		if f.IsProblem() {
			r.Problems = append(r.Problems, f)
		} else {
			r.Practices = append(r.Practices, f)
		}
	}
	r.tracker()
	r.stats()
	r.figures()
	r.carried()
	return r
}

// tracker orders the problems for the rectification tracker.
func (r *Report) tracker() {
	r.Tracker = slices.Clone(r.Problems)
	rank := func(f *model.Finding) int {
		switch {
		case f.Overdue(r.AsOf):
			return 0
		case f.Rect == nil:
			return 1
		}
		return map[model.Status]int{model.NotStarted: 1, model.InProgress: 1, model.Done: 2, model.Closed: 3}[f.Rect.Status]
	}
	deadline := func(f *model.Finding) model.Date {
		if f.Rect == nil {
			return model.Date{}
		}
		return f.Rect.Deadline
	}
	slices.SortStableFunc(r.Tracker, func(a, b *model.Finding) int {
		return cmp.Or(
			cmp.Compare(rank(a), rank(b)),
			deadline(a).Compare(deadline(b)),
			cmp.Compare(a.Severity.Rank(), b.Severity.Rank()),
			cmp.Compare(a.ID, b.ID),
		)
	})
	for _, f := range r.Tracker {
		if f.Rect == nil || f.Rect.Status != model.Closed {
			r.Unclosed = append(r.Unclosed, f)
		}
	}
}

func (r *Report) stats() {
	c := r.Campaign
	byProvince := map[string]*ProvinceStats{}
	for _, in := range c.OnSite {
		if in.Province == nil {
			continue
		}
		ps := &ProvinceStats{Province: in.Province, Inspection: in, Counts: newCounts(), VisitCounts: newVisitCounts(), ByItem: map[string]int{}}
		for _, v := range in.Visits {
			ps.VisitCounts.add(v)
			r.Visits = append(r.Visits, v)
		}
		r.Provinces = append(r.Provinces, ps)
		byProvince[in.Province.ID] = ps
	}
	byItem := map[string]*ItemStats{}
	for _, it := range c.Items {
		is := &ItemStats{Item: it, Counts: newCounts(), ByProvince: map[string]int{}}
		r.Items = append(r.Items, is)
		byItem[it.ID] = is
	}
	byGroup := map[*model.Group]*GroupStats{}
	for _, g := range c.Groups {
		gs := &GroupStats{Group: g, Counts: newCounts(), VisitCounts: newVisitCounts()}
		for _, pr := range g.Provinces {
			if ps := byProvince[pr.ID]; ps != nil {
				for _, v := range ps.Inspection.Visits {
					gs.VisitCounts.add(v)
				}
			}
		}
		r.Groups = append(r.Groups, gs)
		byGroup[g] = gs
	}
	for _, f := range r.Findings {
		if f.Province != nil {
			if ps := byProvince[f.Province.ID]; ps != nil {
				ps.Counts.add(f, r.AsOf)
				if f.IsProblem() {
					ps.ByItem[f.ItemID]++
				}
			}
		}
		if is := byItem[f.ItemID]; is != nil {
			is.Counts.add(f, r.AsOf)
			is.Findings = append(is.Findings, f)
			if f.IsProblem() && f.Province != nil {
				is.ByProvince[f.Province.ID]++
			}
		}
		if gs := byGroup[f.Group]; gs != nil {
			gs.Counts.add(f, r.AsOf)
			gs.Findings = append(gs.Findings, f)
		}
	}
	slices.SortStableFunc(r.Visits, func(a, b *model.Visit) int {
		return a.Date.Compare(b.Date)
	})
}

func (r *Report) figures() {
	c := r.Campaign
	f := &r.Figures
	f.Groups = len(c.Groups)
	f.OnSite = len(r.Provinces)
	f.MemberUnits = len(c.Members)
	f.SelfExamTotal = len(c.SelfExams)
	for _, s := range c.SelfExams {
		if s.Submitted {
			f.SelfExamDone++
		}
	}
	f.VisitCounts = newVisitCounts()
	for _, v := range r.Visits {
		f.VisitCounts.add(v)
	}
	f.Counts = newCounts()
	for _, x := range r.Findings {
		f.Counts.add(x, r.AsOf)
	}
	f.Findings = len(r.Findings)
}

// ModeOf returns the mode of a visit, open when not given.
func ModeOf(v *model.Visit) model.Mode {
	if v.Mode == "" {
		return model.Open
	}
	return v.Mode
}

// SelectionOf returns how a visit's site was chosen, key when not given.
func SelectionOf(v *model.Visit) model.Selection {
	if v.Selection == "" {
		return model.KeySelection
	}
	return v.Selection
}

// DaysOverdue returns how many days past its deadline an overdue problem
// is on the report's date, or 0.
func (r *Report) DaysOverdue(f *model.Finding) int {
	if !f.Overdue(r.AsOf) {
		return 0
	}
	return f.Rect.Deadline.DaysUntil(r.AsOf)
}
