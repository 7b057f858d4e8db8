package load

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ducha/ducha/generator/model"
)

// link resolves the IDs that files use to refer to each other. An ID that
// names nothing is left unresolved (package validate reports it), so every
// resolved pointer and list holds only things that exist.
func link(p *model.Project) {
	p.Index()
	sortCampaigns(p.Campaigns)
	for _, c := range p.Campaigns {
		linkCampaign(p, c)
	}
	linkRepeats(p)
}

// linkRepeats resolves the findings that problems repeat (repeats:
// 2014/zj-03), when they name a finding of an earlier campaign.
func linkRepeats(p *model.Project) {
	for i, c := range p.Campaigns {
		for _, f := range c.Findings() {
			if f.Repeats == "" {
				continue
			}
			cid, fid, _ := strings.Cut(f.Repeats, "/")
			for _, e := range p.Campaigns[:i] {
				if g := e.Finding(fid); e.ID == cid && g != nil {
					f.Repeated = g
					g.RepeatedBy = append(g.RepeatedBy, f)
				}
			}
		}
	}
}

func linkCampaign(p *model.Project, c *model.Campaign) {
	c.Members = resolve(c.MemberIDs, p.Unit)
	for i, it := range c.Items {
		it.No = i + 1
		for _, ind := range it.Indicators {
			ind.Item = it
		}
	}
	for _, g := range c.Groups {
		g.Lead = p.Unit(g.LeadID)
		g.Provinces = resolve(g.ProvinceIDs, p.Province)
		for i := range g.Members {
			g.Members[i].Unit = p.Unit(g.Members[i].UnitID)
		}
	}
	for _, s := range c.SelfExams {
		s.Province = p.Province(s.ProvinceID)
	}
	order := map[string]int{}
	for i, pr := range p.Provinces {
		order[pr.ID] = i
	}
	slices.SortStableFunc(c.OnSite, func(a, b *model.Inspection) int {
		ia, oka := order[a.ProvinceID]
		ib, okb := order[b.ProvinceID]
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(a.ProvinceID, b.ProvinceID))
	})
	c.Index()
	for _, in := range c.OnSite {
		linkInspection(p, c, in)
	}
}

func linkInspection(p *model.Project, c *model.Campaign, in *model.Inspection) {
	in.Province = p.Province(in.ProvinceID)
	for _, g := range c.Groups {
		if slices.Contains(g.ProvinceIDs, in.ProvinceID) {
			in.Group = g
			break
		}
	}
	for _, v := range in.Visits {
		v.Province = in.Province
	}
	for _, v := range in.Values {
		v.Indicator = c.Indicator(v.IndicatorID)
	}
	for _, f := range in.Findings {
		f.Item = c.Item(f.ItemID)
		f.Campaign = c
		f.Province = in.Province
		f.Group = in.Group
		f.Visits = resolve(f.VisitIDs, in.Visit)
		if f.Date.IsZero() {
			for _, v := range f.Visits {
				if f.Date.IsZero() || v.Date.Before(f.Date) {
					f.Date = v.Date
				}
			}
		}
	}
}

// resolve looks up each ID and keeps the ones that exist.
func resolve[T any](ids []string, lookup func(string) *T) []*T {
	out := make([]*T, 0, len(ids))
	for _, id := range ids {
		if x := lookup(id); x != nil {
			out = append(out, x)
		}
	}
	return out
}
