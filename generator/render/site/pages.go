package site

import (
	"cmp"
	"path"
	"slices"
	"strconv"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/source"
)

// pages lists the HTML pages of the site. Pages that show the same rows
// (finding-row, tracker-row) share them through the partial cache. The
// pages that hold every row of a kind come first, and the group and item
// pages, which repeat rows, after the finding pages: so two workers seldom
// render the same row at the same time, and the long pages are not left
// for last.
func (s *site) pages() []job {
	jobs := []job{
		{name: "findings/index.html", tmpl: "findings.html", page: s.findingsList},
		{name: "rectification.html", tmpl: "rectification.html", page: s.rectification},
		{name: "summary.html", tmpl: "summary.html", page: s.summary},
		{name: "index.html", tmpl: "index.html", page: s.overview},
		{name: "groups/index.html", tmpl: "groups.html", page: s.groups},
		{name: "provinces/index.html", tmpl: "provinces.html", page: s.provinces},
		{name: "items/index.html", tmpl: "items.html", page: s.items},
		{name: "visits.html", tmpl: "visits.html", page: s.visits},
	}
	for _, p := range s.p.Provinces {
		jobs = append(jobs, job{name: provincePath(p), tmpl: "province.html", page: func() (*Page, error) { return s.province(p) }})
	}
	for _, f := range s.findings {
		jobs = append(jobs, job{name: findingPath(f.Finding), tmpl: "finding.html", page: func() (*Page, error) { return s.finding(f), nil }})
	}
	for _, gs := range s.r.Groups {
		jobs = append(jobs, job{name: groupPath(gs.Group), tmpl: "group.html", page: func() (*Page, error) { return s.group(gs) }})
	}
	for _, is := range s.r.Items {
		jobs = append(jobs, job{name: itemPath(is.Item), tmpl: "item.html", page: func() (*Page, error) { return s.item(is) }})
	}
	for _, pg := range s.extra {
		jobs = append(jobs, job{name: pagePath(pg), tmpl: "page.html", page: func() (*Page, error) { return s.extraPage(pg) }})
	}
	if s.opts.Changes != nil {
		jobs = append(jobs, job{name: "changes.html", tmpl: "changes.html", page: s.changesPage})
	}
	return jobs
}

// changesPage is what changed since an earlier state of the data.
func (s *site) changesPage() (*Page, error) {
	p := s.page("changes.html", "changes", i18n.Tr(s.lang, "changes.heading"),
		&ChangesData{Since: s.opts.ChangesSince, Sections: s.opts.Changes.Sections()})
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}

// files lists the other files of the site: assets, exports and the
// campaign's images.
func (s *site) files() []job {
	static := func(b []byte) func() ([]byte, error) { return func() ([]byte, error) { return b, nil } }
	jobs := []job{
		{name: "assets/echarts.min.js", data: static(assets.ECharts)},
		{name: "assets/site.css", data: static(s.static["site.css"])},
		{name: "assets/site.js", data: static(s.static["site.js"])},
		{name: "export/findings.csv", data: s.findingsCSV},
		{name: "export/findings.json", data: s.findingsJSON},
		{name: "export/rectification.csv", data: s.rectificationCSV},
		{name: "export/rectification.json", data: s.rectificationJSON},
		{name: "export/figures.json", data: s.figuresJSON},
		{name: "export/findings.xlsx", data: s.findingsXLSX},
	}
	if s.opts.Project != nil {
		// The pages are where their Markdown is in content/<campaign>/
		// (pages/method.md is pages/method.html), so an image is
		// published where it is there, and the page's relative path to it
		// stays right.
		dir := path.Join("content", s.c.ID)
		for _, m := range s.c.Media {
			jobs = append(jobs, job{name: m, data: func() ([]byte, error) { return source.ReadRegular(s.opts.Project, path.Join(dir, m)) }})
		}
	}
	return jobs
}

func (s *site) tr(key string) string { return i18n.Tr(s.lang, key) }

func (s *site) overview() (*Page, error) {
	narrative, err := s.narrative(model.PageOverview, "")
	if err != nil {
		return nil, err
	}
	title := s.title(model.PageOverview, "overview")
	data := &OverviewData{Narrative: narrative, Members: s.c.Members, Provinces: onSite(s.r)}
	s.needsAction(data)
	pg := s.page("index.html", "overview", title, data)
	pg.Charts, err = s.charts(chart.Main(s.r))
	return pg, err
}

// needsAction counts the overdue problems by province and by the body
// responsible, most first (then the longest overdue, then by name).
func (s *site) needsAction(d *OverviewData) {
	byProvince := map[*model.Province]*ActionRow{}
	byBody := map[string]*ActionRow{}
	for _, f := range s.views(s.r.Tracker) {
		if !f.Overdue {
			continue
		}
		d.Overdue++
		if f.Severity == model.High {
			d.OverdueHigh++
		}
		rows := []*ActionRow{}
		if f.Province != nil {
			row := byProvince[f.Province]
			if row == nil {
				row = &ActionRow{Label: f.Province.Label(s.lang), Province: f.Province}
				byProvince[f.Province] = row
				d.ByProvince = append(d.ByProvince, row)
			}
			rows = append(rows, row)
		}
		body := f.Rect.Responsible.In(s.lang)
		row := byBody[body]
		if row == nil {
			row = &ActionRow{Label: body}
			byBody[body] = row
			d.ByResponsible = append(d.ByResponsible, row)
		}
		if f.Province != nil && !slices.Contains(row.Provinces, f.Province) {
			row.Provinces = append(row.Provinces, f.Province)
		}
		rows = append(rows, row)
		for _, r := range rows {
			r.Overdue++
			if f.Severity == model.High {
				r.High++
			}
			r.MaxDays = max(r.MaxDays, f.DaysOverdue)
		}
	}
	most := func(a, b *ActionRow) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(b.MaxDays, a.MaxDays), cmp.Compare(a.Label, b.Label))
	}
	slices.SortStableFunc(d.ByProvince, most)
	slices.SortStableFunc(d.ByResponsible, most)
	if n := len(d.ByProvince); n > MaxActionRows {
		d.ByProvince, d.MoreProvinces = d.ByProvince[:MaxActionRows], n-MaxActionRows
	}
	if n := len(d.ByResponsible); n > MaxActionRows {
		d.ByResponsible, d.MoreBodies = d.ByResponsible[:MaxActionRows], n-MaxActionRows
	}
}

// title returns the title of the overview or the summary: the one its
// narrative page gives, unless that is in Chinese on an English site, or
// else the interface's word for key.
func (s *site) title(kind model.PageKind, key string) string {
	if pg := s.c.Page(kind, ""); pg != nil && !pg.Draft && pg.Title != "" && langOf(s.lang, pg.Title) == "" {
		return pg.Title
	}
	return s.tr(key)
}

func onSite(r *report.Report) []*model.Province {
	out := make([]*model.Province, len(r.Provinces))
	for i, ps := range r.Provinces {
		out[i] = ps.Province
	}
	return out
}

func (s *site) summary() (*Page, error) {
	narrative, err := s.narrative(model.PageSummary, "")
	if err != nil {
		return nil, err
	}
	data := &SummaryData{Narrative: narrative}
	for _, f := range s.views(s.r.Tracker) {
		if f.Overdue {
			data.Overdue = append(data.Overdue, f)
		}
	}
	title := s.title(model.PageSummary, "summary")
	p := s.page("summary.html", "summary", title, data)
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}

func (s *site) groups() (*Page, error) {
	p := s.page("groups/index.html", "groups", s.tr("groups"), &GroupsData{Groups: s.r.Groups})
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}

func (s *site) group(gs *report.GroupStats) (*Page, error) {
	narrative, err := s.narrative(model.PageGroup, strconv.Itoa(gs.Group.No))
	if err != nil {
		return nil, err
	}
	dates := gs.Group.Dates
	if dates.IsZero() {
		dates = s.c.Period
	}
	data := &GroupData{GroupStats: gs, Narrative: narrative, Dates: dates, Findings: s.views(gs.Findings)}
	p := s.page(groupPath(gs.Group), "groups", i18n.GroupName(s.lang, gs.Group.No), data)
	p.Crumbs = []Link{s.crumb("overview"), s.crumb("groups")}
	return p, nil
}

func (s *site) provinceRow(p *model.Province) ProvinceRow {
	row := ProvinceRow{Province: p, SelfExam: s.c.SelfExam(p.ID)}
	for _, ps := range s.r.Provinces {
		if ps.Province == p {
			row.Stats = ps
			row.Group = ps.Inspection.Group
		}
	}
	return row
}

func (s *site) provinces() (*Page, error) {
	data := &ProvincesData{}
	for _, p := range s.p.Provinces {
		row := s.provinceRow(p)
		data.Rows = append(data.Rows, &row)
	}
	p := s.page("provinces/index.html", "provinces", s.tr("provinces"), data)
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}

func (s *site) province(pr *model.Province) (*Page, error) {
	narrative, err := s.narrative(model.PageProvince, pr.ID)
	if err != nil {
		return nil, err
	}
	data := &ProvinceData{ProvinceRow: s.provinceRow(pr), Narrative: narrative, Letter: s.opts.Letters[pr.ID]}
	if ps := data.Stats; ps != nil {
		in := ps.Inspection
		data.Visits = s.visitTable(in)
		for _, it := range s.c.Items {
			for _, ind := range it.Indicators {
				if v := in.Value(ind.ID); v != nil {
					data.Values = append(data.Values, &IndicatorValue{Indicator: ind, Value: v, Meets: ind.Meets(v.Value)})
				}
			}
			var fs []*Finding
			for _, f := range s.views(in.Findings) {
				if f.Item == it {
					fs = append(fs, f)
				}
			}
			if len(fs) > 0 {
				data.ByItem = append(data.ByItem, &ItemFindings{Item: it, Findings: fs})
			}
		}
		for _, f := range s.views(s.r.Tracker) {
			if f.Province == pr {
				data.Tracker = append(data.Tracker, f)
			}
		}
	}
	p := s.page(provincePath(pr), "provinces", pr.Name.In(s.lang), data)
	p.Crumbs = []Link{s.crumb("overview"), s.crumb("provinces")}
	return p, nil
}

// visitTable returns the visits of a province, each with the findings it
// is evidence for.
func (s *site) visitTable(in *model.Inspection) VisitTable {
	m := map[*model.Visit][]*Finding{}
	for _, f := range s.views(in.Findings) {
		for _, v := range f.Visits {
			m[v] = append(m[v], f)
		}
	}
	return VisitTable{Visits: in.Visits, Findings: m}
}

func (s *site) items() (*Page, error) {
	p := s.page("items/index.html", "items", s.tr("items"), &ItemsData{Items: s.r.Items})
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}

func (s *site) item(is *report.ItemStats) (*Page, error) {
	narrative, err := s.narrative(model.PageItem, is.Item.ID)
	if err != nil {
		return nil, err
	}
	data := &ItemData{ItemStats: is, Narrative: narrative}
	p := s.page(itemPath(is.Item), "items", is.Item.Name.In(s.lang), data)
	p.Crumbs = []Link{s.crumb("overview"), s.crumb("items")}
	for _, ind := range is.Item.Indicators {
		ch, err := s.chart(chart.Indicator(s.r, ind))
		if err != nil {
			return nil, err
		}
		data.Indicators = append(data.Indicators, &IndicatorData{Indicator: ind, Chart: ch})
		if !ch.Empty {
			p.Charts = append(p.Charts, ch)
		}
	}
	for _, ps := range s.r.Provinces {
		var fs []*Finding
		for _, f := range s.views(is.Findings) {
			if f.Province == ps.Province {
				fs = append(fs, f)
			}
		}
		if len(fs) > 0 {
			data.ByProvince = append(data.ByProvince, &ProvinceFindings{Province: ps.Province, Findings: fs})
		}
	}
	return p, nil
}

func (s *site) findingsList() (*Page, error) {
	data := &FindingsData{Findings: s.findings, Filters: s.filters()}
	p := s.page("findings/index.html", "findings", s.tr("findings"), data)
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}

// filters returns the filters of the findings list.
func (s *site) filters() []Filter {
	lang := s.lang
	province := Filter{Key: "province", Label: s.tr("province")}
	for _, ps := range s.r.Provinces {
		province.Options = append(province.Options, Link{Key: ps.Province.ID, Label: ps.Province.Label(lang)})
	}
	item := Filter{Key: "item", Label: s.tr("item")}
	for _, it := range s.c.Items {
		item.Options = append(item.Options, Link{Key: it.ID, Label: numbered(lang, it.No, it.Label(lang))})
	}
	kind := Filter{Key: "kind", Label: s.tr("kind")}
	for _, k := range model.FindingKind("").Choices() {
		kind.Options = append(kind.Options, Link{Key: k, Label: i18n.Enum(lang, model.FindingKind(k))})
	}
	severity := Filter{Key: "severity", Label: s.tr("severity")}
	for _, v := range model.Severities {
		severity.Options = append(severity.Options, Link{Key: string(v), Label: i18n.Enum(lang, v)})
	}
	status := Filter{Key: "status", Label: s.tr("status"), Options: []Link{{Key: "overdue", Label: s.tr("overdue")}}}
	for _, v := range model.Statuses {
		status.Options = append(status.Options, Link{Key: string(v), Label: i18n.Enum(lang, v)})
	}
	return []Filter{province, item, kind, severity, status}
}

func (s *site) finding(f *Finding) *Page {
	p := s.page(findingPath(f.Finding), "findings", f.Title.In(s.lang), &FindingData{Finding: f})
	p.Crumbs = []Link{s.crumb("overview"), s.crumb("findings")}
	if f.Province != nil {
		p.Crumbs = append(p.Crumbs, Link{Key: "province", Label: f.Province.Label(s.lang), Path: provincePath(f.Province)})
	}
	return p
}

func (s *site) rectification() (*Page, error) {
	sections := []*TrackerSection{
		{Key: "overdue", Title: s.tr("site.rect.overdue")},
		{Key: "open", Title: s.tr("site.rect.open")},
		{Key: "done", Title: s.tr("site.rect.done")},
		{Key: "closed", Title: s.tr("site.rect.closed")},
	}
	for _, f := range s.views(s.r.Tracker) {
		i := 1
		switch {
		case f.Overdue:
			i = 0
		case f.Status() == model.Done:
			i = 2
		case f.Status() == model.Closed:
			i = 3
		}
		sections[i].Findings = append(sections[i].Findings, f)
	}
	p := s.page("rectification.html", "rectification", s.tr("rectification"), &RectificationData{Statuses: s.statusFigures(), Sections: sections, Carried: s.carried()})
	p.Crumbs = []Link{s.crumb("overview")}
	var err error
	p.Charts, err = s.trackerCharts()
	return p, err
}

// statusFigures are the counts of problems by status, which add up to the
// problems, and then the overdue ones among them, each linked to the part
// of the tracker that lists them where there is one.
func (s *site) statusFigures() []Figure {
	var out []Figure
	anchors := map[model.Status]string{model.Done: "#done", model.Closed: "#closed"}
	for _, st := range model.Statuses {
		name := "problems." + string(st)
		out = append(out, Figure{Name: name, Label: i18n.Enum(s.lang, st), Value: s.figs.Text(name), Path: anchors[st]})
	}
	overdue := s.figs.Get("overdue")
	return append(out, Figure{Name: overdue.Name, Label: s.tr("overdue"), Value: overdue.Text, Path: "#overdue", Alert: overdue.Number > 0})
}

func (s *site) visits() (*Page, error) {
	f := s.r.Figures
	data := &VisitsData{Covert: f.ByMode[model.Covert], Random: f.BySelection[model.RandomSelection]}
	for _, ps := range s.r.Provinces {
		data.Provinces = append(data.Provinces, &ProvinceVisits{Stats: ps, Group: ps.Inspection.Group, Visits: s.visitTable(ps.Inspection)})
	}
	p := s.page("visits.html", "visits", s.tr("visits"), data)
	p.Crumbs = []Link{s.crumb("overview")}
	ch, err := s.chart(chart.Visits(s.r))
	p.Charts = []*Chart{ch}
	return p, err
}

func (s *site) extraPage(pg *model.Page) (*Page, error) {
	narrative, err := s.narrative(pg.Kind, pg.Key)
	if err != nil {
		return nil, err
	}
	p := s.page(pagePath(pg), "page-"+pg.Key, pg.Title, &PageData{Narrative: narrative})
	p.Crumbs = []Link{s.crumb("overview")}
	return p, nil
}
