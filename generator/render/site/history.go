package site

import (
	"strconv"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// This file is about time on a campaign's own pages: how each problem's
// rectification moved on, the problems it repeats or that repeat it, and
// the problems of earlier campaigns carried over into its tracker.

// CampaignsDir is the folder of the site that holds the sections of the
// campaigns other than the one the site shows first: campaigns/<id>/.
const CampaignsDir = "campaigns"

// sectionOf returns the path from the project's site root to the section
// of campaign c: "" for the current campaign, campaigns/<id>/ for others.
func (s *site) sectionOf(c *model.Campaign) string {
	if cur := s.p.Current(); cur == nil || c.ID == cur.ID {
		return ""
	}
	return CampaignsDir + "/" + c.ID + "/"
}

// pathTo returns the path from this campaign's site root to the page at
// path in the section of campaign c.
func (s *site) pathTo(c *model.Campaign, path string) string {
	if c == nil || c.ID == s.c.ID {
		return path
	}
	return s.home + s.sectionOf(c) + path
}

// Ref is a finding of any campaign of the project, as a page of this
// campaign's site links to it.
type Ref struct {
	Path     string // from this campaign's site root; href adds the page's Root
	ID       string
	Title    model.Text
	Campaign *model.Campaign
	// Here is true when the finding is of this campaign.
	Here bool
}

func (s *site) ref(f *model.Finding) *Ref {
	return &Ref{Path: s.pathTo(f.Campaign, findingPath(f)), ID: f.ID, Title: f.Title, Campaign: f.Campaign, Here: f.Campaign == nil || f.Campaign.ID == s.c.ID}
}

// Step is one status a problem's rectification reached, for its
// timeline: with the date written for it, or none.
type Step struct {
	Status model.Status
	Date   model.Date
}

// history fills in what a finding's page shows about time: the steps of
// its rectification on the report's date, those recorded since (for a
// finding of an earlier campaign, followed after its as_of), and the
// findings it repeats and that repeat it.
func (s *site) history(v *Finding) {
	f := v.Finding
	if f.Repeated != nil {
		v.Repeats = s.ref(f.Repeated)
	}
	for _, g := range f.RepeatedBy {
		v.RepeatedBy = append(v.RepeatedBy, s.ref(g))
	}
	if f.Rect == nil {
		return
	}
	for _, st := range f.Rect.Steps() {
		v.Steps = append(v.Steps, Step(st))
	}
	orig := f
	if f.Campaign != nil {
		if o := f.Campaign.Finding(f.ID); o != nil {
			orig = o
		}
	}
	if orig.Rect != nil && orig.Rect.Later(s.r.AsOf) {
		for _, st := range orig.Rect.Steps() {
			if st.Date.After(s.r.AsOf) {
				v.Since = append(v.Since, Step(st))
			}
		}
	}
}

// Dated reports whether the finding's rectification has any date
// written, so that its timeline says more than its status.
func (f *Finding) Dated() bool {
	for _, st := range f.Steps {
		if !st.Date.IsZero() {
			return true
		}
	}
	return len(f.Since) > 0
}

// CarriedRow is a problem of an earlier campaign carried over into the
// tracker.
type CarriedRow struct {
	*report.Carried
	Ref *Ref
}

// carried returns the problems carried over, as the tracker lists them.
func (s *site) carried() []*CarriedRow {
	var out []*CarriedRow
	for _, x := range s.r.Carried {
		out = append(out, &CarriedRow{Carried: x, Ref: s.ref(x.Finding)})
	}
	return out
}

// trackerCharts are the charts of the rectification tracker: problems by
// status, and problems still open over time.
func (s *site) trackerCharts() ([]*Chart, error) {
	cs := []*chart.Chart{chart.Status(s.r)}
	if b := chart.Burndown(s.r); len(b.Categories) > 1 {
		cs = append(cs, b)
	}
	return s.charts(cs)
}

// campaignName names a campaign for a link: 第七次（2014年）, or the 7th
// (2014).
func campaignName(lang model.Lang, c *model.Campaign) string {
	if c == nil {
		return ""
	}
	return i18n.Trf(lang, "site.campaign-name", i18n.Edition(lang, c.Edition), strconv.Itoa(c.Period.Start.Year))
}
