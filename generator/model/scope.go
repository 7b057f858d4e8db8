package model

import (
	"path"
	"strings"
)

// Campaign is one annual supervision: the files under data/<id>/ and the
// narrative under content/<id>/.
type Campaign struct {
	ID string // the folder name, e.g. 2015

	// From data/<id>/campaign.yaml.
	Title      Text   `key:"title,required"`
	ShortTitle Text   `key:"short_title"` // for headers; default: Title
	Edition    int    `key:"edition,required"`
	Basis      Text   `key:"basis,required"`     // the policy document checked
	Organiser  Text   `key:"organiser,required"` // the leading group
	Period     Period `key:"period,required"`
	AsOf       Date   `key:"as_of,required"` // the date the report speaks for
	// AsOfFlag is set when AsOf was given on the command line (--as-of)
	// instead of by as_of in campaign.yaml; it is judged by the same rules.
	AsOfFlag     bool
	Illustrative bool     `key:"illustrative"` // the data is made up or partly made up
	Note         Text     `key:"note"`         // shown with the illustrative banner
	Methods      []Text   `key:"methods"`
	MemberIDs    []string `key:"members,required"` // member units of the leading group
	// Issue is the briefing's issue number (期号), printed under its
	// masthead: 第8期. Empty: none.
	Issue Text `key:"issue"`
	// Record is the briefing's distribution record (版记); nil: none.
	Record *Record `key:"record"`
	Src    Src

	Members   []*Unit       // resolved MemberIDs, in the same order
	Items     []*Item       // data/<id>/items.yaml
	Groups    []*Group      // data/<id>/groups.yaml
	SelfExams []*SelfExam   // data/<id>/self-exam.yaml, one per province
	OnSite    []*Inspection // data/<id>/provinces/*.yaml, in province order
	Pages     []*Page       // content/<id>/**.md
	Media     []string      // images under content/<id>/, relative to it, sorted; published as they are
	Project   *Project

	itemByID      map[string]*Item
	indicatorByID map[string]*Indicator
	findingByID   map[string]*Finding
}

// Record is the distribution record (版记) at the end of the briefing: to
// whom it goes, who issued it and when it was printed.
type Record struct {
	// Lines are the distribution lines, in order: {label: 抄送, to: …}.
	Lines []RecordLine `key:"lines"`
	// Issuer is the issuing office (印发机关). Empty: the campaign's
	// organiser.
	Issuer Text `key:"issuer"`
	// Date is the date of printing (印发日期). Zero: the campaign's as_of.
	Date Date `key:"date"`
	Src  Src
}

// RecordLine is one line of a Record: 抄送：国家发展改革委，财政部。
type RecordLine struct {
	Label Text `key:"label,required"` // 报, 送, 抄送, 发
	To    Text `key:"to,required"`    // the units, as they are to be printed
	Src   Src
}

// Index builds the campaign's lookup tables once its data is read.
func (c *Campaign) Index() {
	c.itemByID = map[string]*Item{}
	c.indicatorByID = map[string]*Indicator{}
	for _, it := range c.Items {
		if _, dup := c.itemByID[it.ID]; !dup {
			c.itemByID[it.ID] = it
		}
		for _, ind := range it.Indicators {
			if _, dup := c.indicatorByID[ind.ID]; !dup {
				c.indicatorByID[ind.ID] = ind
			}
		}
	}
	c.findingByID = map[string]*Finding{}
	for _, in := range c.OnSite {
		for _, f := range in.Findings {
			if _, dup := c.findingByID[f.ID]; !dup {
				c.findingByID[f.ID] = f
			}
		}
	}
}

// Item returns the key item with the given ID, or nil.
func (c *Campaign) Item(id string) *Item { return c.itemByID[id] }

// Indicator returns the indicator with the given ID, or nil.
func (c *Campaign) Indicator(id string) *Indicator { return c.indicatorByID[id] }

// Finding returns the finding with the given ID, or nil.
func (c *Campaign) Finding(id string) *Finding { return c.findingByID[id] }

// Group returns the group with number no, or nil.
func (c *Campaign) Group(no int) *Group {
	for _, g := range c.Groups {
		if g.No == no {
			return g
		}
	}
	return nil
}

// Inspection returns the on-site data of the province with the given ID, or
// nil when the province was not visited.
func (c *Campaign) Inspection(province string) *Inspection {
	for _, in := range c.OnSite {
		if in.Province != nil && in.Province.ID == province {
			return in
		}
	}
	return nil
}

// SelfExam returns the self-examination of the province with the given ID,
// or nil.
func (c *Campaign) SelfExam(province string) *SelfExam {
	for _, s := range c.SelfExams {
		if s.ProvinceID == province {
			return s
		}
	}
	return nil
}

// Findings returns every finding of the campaign, province by province in
// file order.
func (c *Campaign) Findings() []*Finding {
	n := 0
	for _, in := range c.OnSite {
		n += len(in.Findings)
	}
	all := make([]*Finding, 0, n)
	for _, in := range c.OnSite {
		all = append(all, in.Findings...)
	}
	return all
}

// Page returns the narrative page of the given kind and key, or nil.
func (c *Campaign) Page(kind PageKind, key string) *Page {
	for _, p := range c.Pages {
		if p.Kind == kind && p.Key == key {
			return p
		}
	}
	return nil
}

// Label returns the short title in lang.
func (c *Campaign) Label(lang Lang) string { return c.ShortTitle.Or(c.Title).In(lang) }

// Item is a key item of the campaign: what the groups check.
type Item struct {
	ID         string       `key:"id,required"` // easy to type and stable across years: wages
	Name       Text         `key:"name,required"`
	Short      Text         `key:"short"` // for charts and tables; default: Name
	Points     []Text       `key:"points"`
	Indicators []*Indicator `key:"indicators"`
	Src        Src

	No int // 1-based position in items.yaml
}

// Label returns the short name in lang.
func (it *Item) Label(lang Lang) string { return it.Short.Or(it.Name).In(lang) }

// Indicator is a measurable quantity under a key item.
type Indicator struct {
	ID      string    `key:"id,required"` // unique in the campaign: contract-rate
	Name    Text      `key:"name,required"`
	Measure Measure   `key:"unit,required"`
	Target  *float64  `key:"target"` // nil: no target
	Better  Direction `key:"better"` // default higher
	Src     Src

	Item *Item
}

// HigherIsBetter reports whether a higher value is better.
func (ind *Indicator) HigherIsBetter() bool { return ind.Better != LowerBetter }

// Meets reports whether v meets the target. It reports true when there is
// no target.
func (ind *Indicator) Meets(v float64) bool {
	if ind.Target == nil {
		return true
	}
	if ind.HigherIsBetter() {
		return v >= *ind.Target
	}
	return v <= *ind.Target
}

// Group is a supervision group.
type Group struct {
	No          int      `key:"no,required"`   // 1, 2, ...: 第一组
	LeadID      string   `key:"lead,required"` // the unit whose leader leads it
	Leader      Person   `key:"leader"`
	Members     []Member `key:"members"`
	ProvinceIDs []string `key:"provinces,required"`
	Dates       Period   `key:"dates"` // when it was on site; default: the campaign period
	Src         Src

	Lead      *Unit
	Provinces []*Province
}

// Person is a named person with a title.
type Person struct {
	Name  Text `key:"name,required,scalar"`
	Title Text `key:"title"`
	Src   Src
}

// Member is a member of a group: a person from a member unit, or the unit
// alone when written as a plain ID.
type Member struct {
	UnitID string `key:"unit,required,scalar"`
	Name   Text   `key:"name"`
	Role   Text   `key:"role"` // e.g. 联络员
	Src    Src

	Unit *Unit
}

// SelfExam is a province's self-examination report.
type SelfExam struct {
	ProvinceID string `key:"province,mapkey"`
	Submitted  bool   `key:"submitted,required"`
	Date       Date   `key:"date"` // when it was received; zero: not known, or not submitted
	Summary    Text   `key:"summary"`
	Src        Src

	Province *Province
}

// PageDir returns the folder of a page of c, from content/<campaign>/:
// "" for summary.md, "pages" for pages/method.md.
func (c *Campaign) PageDir(pg *Page) string {
	dir := strings.TrimPrefix(path.Dir(pg.Path), path.Join("content", c.ID))
	return strings.TrimPrefix(dir, "/")
}

// MediaPath returns the path from content/<campaign>/ (as in Media) of
// the file a page names by p, its path from the page; false when p leads
// outside content/<campaign>/.
func (c *Campaign) MediaPath(pg *Page, p string) (string, bool) {
	name := path.Join(c.PageDir(pg), p)
	if path.IsAbs(p) || name == "." || name == ".." || strings.HasPrefix(name, "../") {
		return "", false
	}
	return name, true
}
