package site

import (
	"context"
	"slices"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/model"
)

// This file makes the site of a project of several campaigns. The
// current campaign's pages keep their addresses at the site's root; every
// other campaign has the same pages under campaigns/<id>/, each section a
// site of its own that works when copied alone (it has its own assets/);
// and the pages about all campaigns are at the root: the list of
// campaigns (campaigns/index.html), the comparisons across years
// (compare/) and the search (search.html).

// others makes the section of every campaign of the project but the one
// s shows, and returns their jobs, each with its name under
// campaigns/<id>/ and rendered by its own site. s.all is set to every
// campaign's site, oldest first.
func (s *site) others(ctx context.Context) ([]job, error) {
	var jobs []job
	for _, c := range s.p.Campaigns {
		if c.ID == s.c.ID {
			s.all = append(s.all, s)
			continue
		}
		sub, err := s.sub(ctx, c)
		if err != nil {
			return nil, err
		}
		s.all = append(s.all, sub)
		prefix := s.sectionOf(c)
		for _, j := range append(sub.files(), sub.pages()...) {
			j.name = prefix + j.name
			j.site = sub
			jobs = append(jobs, j)
		}
	}
	return jobs, nil
}

// sub makes the site of campaign c, judged on its own as_of date, for its
// section under campaigns/<id>/.
func (s *site) sub(ctx context.Context, c *model.Campaign) (*site, error) {
	opts := s.opts
	opts.Figures = nil
	opts.Letters = nil // letters go to the current campaign's provinces only
	if !opts.Briefings {
		opts.Briefing = ""
	}
	sub, err := newSite(s.p, report.New(c, s.lang), opts)
	if err != nil {
		return nil, err
	}
	sub.home = "../../"
	sub.shared = sub.newShared()
	return sub, sub.prepare(ctx)
}

// projectMenu returns the menu entries of the pages about every campaign,
// from the campaign's site root: the comparisons when the campaign shown
// first has one before it, the list of campaigns when there are several,
// and the search.
func (s *site) projectMenu() []Link {
	var out []Link
	if cur := s.p.Current(); cur != nil && cur.Previous() != nil {
		out = append(out, Link{Key: "compare", Label: s.tr("site.compare"), Path: s.home + "compare/index.html"})
	}
	if len(s.p.Campaigns) > 1 {
		out = append(out, Link{Key: "campaigns", Label: s.tr("site.campaigns"), Path: s.home + CampaignsDir + "/index.html"})
	}
	return append(out, Link{Key: "search", Label: s.tr("site.search"), Path: s.home + "search.html"})
}

// projectPages lists the pages about every campaign, at the site's root.
func (s *site) projectPages() []job {
	var jobs []job
	if len(s.p.Campaigns) > 1 {
		jobs = append(jobs, job{name: CampaignsDir + "/index.html", tmpl: "campaigns.html", page: s.campaignsPage})
	}
	jobs = append(jobs, s.comparePages()...)
	return append(jobs, s.searchPages()...)
}

// CampaignsData is the data of campaigns/index.html.
type CampaignsData struct {
	Campaigns []*CampaignEntry // newest first
}

// CampaignEntry is one campaign on the list of campaigns.
type CampaignEntry struct {
	Campaign *model.Campaign
	Report   *report.Report // on the campaign's own as_of date
	// Current is set for the campaign whose pages are at the site's root.
	Current bool
	// Section is the path of the campaign's pages from the site's root:
	// "" or campaigns/<id>/.
	Section string
	// Briefing is the path of its briefing from the site's root, or "".
	Briefing string
	Figures  []Figure
}

func (s *site) campaignsPage() (*Page, error) {
	data := &CampaignsData{}
	for _, x := range slices.Backward(s.all) {
		section := s.sectionOf(x.c)
		e := &CampaignEntry{Campaign: x.c, Report: x.r, Current: x == s, Section: section}
		if x.opts.Briefing != "" {
			e.Briefing = section + x.opts.Briefing
		}
		for _, name := range []string{"problems", "problems.high", "closed-rate", "overdue", "repeats", "carried-over"} {
			if (name == "repeats" || name == "carried-over") && x.c.Previous() == nil {
				continue // nothing before the first campaign to repeat or carry over
			}
			if v := x.figs.Get(name); v != nil {
				e.Figures = append(e.Figures, Figure{Name: name, Label: v.Label, Value: v.Text, Alert: name == "overdue" && v.Number > 0})
			}
		}
		data.Campaigns = append(data.Campaigns, e)
	}
	p := s.page(CampaignsDir+"/index.html", "campaigns", s.tr("site.campaigns"), data)
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}
