package site_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	_ "time/tzdata" // the test sets time.Local to Asia/Shanghai on any machine

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/render/site"
	"github.com/ducha/ducha/internal/fixture"
)

// TestDeterministic renders the sample several times, in different time
// zones and with different numbers of workers, and requires the same
// files with the same bytes.
func TestDeterministic(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	var first *output.Memory
	for _, tc := range []struct {
		zone    string
		workers int
	}{{"UTC", 1}, {"Asia/Shanghai", 8}, {"America/Los_Angeles", 3}, {"Asia/Shanghai", 0}} {
		loc, err := time.LoadLocation(tc.zone)
		if err != nil {
			t.Fatal(err)
		}
		time.Local = loc
		t.Setenv("TZ", tc.zone)
		m, _ := render(t, loadProject(t, sample), site.Options{Briefing: "briefing.pdf", Workers: tc.workers})
		if first == nil {
			first = m
			continue
		}
		if !slices.Equal(first.Names(), m.Names()) {
			t.Fatalf("TZ=%s, %d workers: other files:\n%v\n%v", tc.zone, tc.workers, first.Names(), m.Names())
		}
		for _, name := range m.Names() {
			a, _ := first.File(name)
			b, _ := m.File(name)
			if !bytes.Equal(a, b) {
				t.Errorf("TZ=%s, %d workers: %s differs:\n%s", tc.zone, tc.workers, name, diff(a, b))
			}
		}
	}
}

// TestNoWallClock checks that no page carries today's date: every date
// comes from the data.
func TestNoWallClock(t *testing.T) {
	m, _ := render(t, loadProject(t, sample), site.Options{})
	now := time.Now()
	for _, stamp := range []string{now.Format("2006-01-02"), fmt.Sprintf("%d年%d月%d日", now.Year(), now.Month(), now.Day())} {
		for _, name := range m.Names() {
			if b, _ := m.File(name); bytes.Contains(b, []byte(stamp)) {
				t.Errorf("%s holds today's date %s", name, stamp)
			}
		}
	}
}

// TestPages checks that the site has every page the issue asks for: one
// per group, province (all of them), key item, finding and page of its
// own, and that drafts are not published; every other campaign of the
// project has the same pages under campaigns/<id>/, and the pages about
// all campaigns (the list, the comparisons, the search) are at the root.
func TestPages(t *testing.T) {
	p := loadProject(t, sample)
	m, st := render(t, p, site.Options{})
	want := []string{"campaigns/index.html", "compare/index.html", "compare/provinces.html", "compare/items.html",
		"compare/indicators.html", "compare/repeats.html", "search.html", "assets/search.js", "assets/search-data.js"}
	for _, c := range p.Campaigns {
		prefix := ""
		if c != p.Current() {
			prefix = "campaigns/" + c.ID + "/"
		}
		for _, name := range campaignFiles(p, c) {
			want = append(want, prefix+name)
		}
	}
	slices.Sort(want)
	if got := m.Names(); !slices.Equal(got, want) {
		t.Errorf("files:\n got %v\nwant %v", got, want)
	}
	html := 0
	for _, name := range want {
		if path.Ext(name) == ".html" {
			html++
		}
	}
	if st.Files != len(want) || st.Pages != html {
		t.Errorf("stats %+v, want %d files, %d pages", st, len(want), html)
	}
}

// campaignFiles lists the files of the section of campaign c.
func campaignFiles(p *model.Project, c *model.Campaign) []string {
	want := []string{"index.html", "summary.html", "groups/index.html", "provinces/index.html", "items/index.html",
		"findings/index.html", "rectification.html", "visits.html", "assets/echarts.min.js", "assets/site.css", "assets/site.js",
		"export/findings.csv", "export/findings.json", "export/rectification.csv", "export/rectification.json", "export/figures.json",
		"export/findings.xlsx"}
	for _, g := range c.Groups {
		want = append(want, fmt.Sprintf("groups/%d.html", g.No))
	}
	for _, pr := range p.Provinces {
		want = append(want, "provinces/"+pr.ID+".html")
	}
	for _, it := range c.Items {
		want = append(want, "items/"+it.ID+".html")
	}
	for _, f := range c.Findings() {
		want = append(want, "findings/"+f.ID+".html")
	}
	for _, pg := range c.Pages {
		if pg.Kind == model.PageExtra && !pg.Draft {
			want = append(want, "pages/"+pg.Key+".html")
		}
	}
	return want
}

// TestDraftAndMenu checks that a draft page is not published and that the
// menu orders pages by their order, then by name.
func TestDraftAndMenu(t *testing.T) {
	fsys := minimalFS(t)
	fsys["content/2015/pages/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 乙页\norder: 1\n---\n乙\n")}
	fsys["content/2015/pages/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 甲页\norder: 1\n---\n甲\n")}
	fsys["content/2015/pages/c.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 丙页\n---\n丙\n")}
	fsys["content/2015/pages/d.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 草稿页\ndraft: true\n---\n草稿\n")}
	m, _ := render(t, loadFS(t, fsys), site.Options{})
	if _, ok := m.File("pages/d.html"); ok {
		t.Error("the draft page was published")
	}
	index := string(file(t, m, "index.html"))
	if strings.Contains(index, "草稿页") {
		t.Error("the draft page is in the menu")
	}
	c, a, b := strings.Index(index, "丙页"), strings.Index(index, "甲页"), strings.Index(index, "乙页")
	if !(c >= 0 && c < a && a < b) {
		t.Errorf("menu order: 丙页 at %d, 甲页 at %d, 乙页 at %d; want 丙 (order 0), 甲, 乙 (order 1, by name)", c, a, b)
	}
}

var linkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestLinks follows every link of every page: each is relative, leads to a
// file of the site (or to the briefing), and each #fragment names an
// element of its page. So the site works from file:// and from any folder.
// It does so too for a project that shows an earlier campaign first
// (campaign: in ducha.yaml), whose later campaign then has its section
// under campaigns/<id>/.
func TestLinks(t *testing.T) {
	m, _ := render(t, loadProject(t, sample), site.Options{Briefing: "briefing.pdf"})
	checkLinks(t, m, 1000)
	fsys := fixture.Sample(t)
	fsys["ducha.yaml"] = &fstest.MapFile{Data: append(fsys["ducha.yaml"].Data, "campaign: \"2014\"\n"...)}
	p := loadFS(t, fsys)
	m, _ = render(t, p, site.Options{Briefing: "briefing.pdf"})
	if _, ok := m.File("campaigns/2015/findings/zj-05.html"); !ok || p.Current().ID != "2014" {
		t.Fatal("the later campaign has no section of its own when the earlier is shown first")
	}
	if _, ok := m.File("compare/index.html"); ok {
		t.Error("the first campaign, shown first, is compared with a campaign before it")
	}
	checkLinks(t, m, 1000)
}

// checkLinks checks every link of every page of the site m, and that there
// are at least least of them.
func checkLinks(t *testing.T, m *output.Memory, least int) {
	t.Helper()
	ids := map[string]map[string]bool{}
	idRE := regexp.MustCompile(`\sid="([^"]*)"`)
	for _, name := range m.Names() {
		if path.Ext(name) == ".html" {
			ids[name] = map[string]bool{}
			for _, sm := range idRE.FindAllSubmatch(file(t, m, name), -1) {
				ids[name][string(sm[1])] = true
			}
		}
	}
	checked := 0
	for name := range ids {
		for _, sm := range linkRE.FindAllSubmatch(file(t, m, name), -1) {
			link := strings.ReplaceAll(string(sm[1]), "&amp;", "&")
			target, frag, _ := strings.Cut(link, "#")
			if strings.HasPrefix(target, "/") || strings.Contains(target, ":") {
				t.Errorf("%s: link %q is not relative", name, link)
				continue
			}
			if target == "" {
				target = name
			} else {
				target = path.Join(path.Dir(name), target)
			}
			if path.Base(target) == "briefing.pdf" {
				continue
			}
			if _, ok := m.File(target); !ok {
				t.Errorf("%s: link %q leads to %s, which is not in the site", name, link, target)
				continue
			}
			if strings.Contains(frag, "=") {
				// A view of the findings list (filters, sort), which
				// site.js reads from the fragment: the current
				// campaign's, or one of a campaign's section.
				if target != "findings/index.html" && !strings.HasSuffix(target, "/findings/index.html") {
					t.Errorf("%s: link %q: a view of a page with no filters", name, link)
				}
			} else if frag != "" && !ids[target][frag] {
				t.Errorf("%s: link %q: %s has no element with id %q", name, link, target, frag)
			}
			checked++
		}
	}
	if checked < least {
		t.Errorf("only %d links checked; the pattern must have missed some", checked)
	}
}

// TestExports checks the CSV and JSON exports: a byte-order mark, one row
// per finding, and the same findings in the JSON.
func TestExports(t *testing.T) {
	p := loadProject(t, sample)
	m, _ := render(t, p, site.Options{})
	r := report.New(p.Current(), p.Config.Lang())
	for _, tc := range []struct {
		name string
		rows int
	}{{"export/findings", len(r.Findings)}, {"export/rectification", len(r.Tracker)}} {
		b := file(t, m, tc.name+".csv")
		if !bytes.HasPrefix(b, []byte("\uFEFF")) {
			t.Errorf("%s.csv does not start with a byte-order mark", tc.name)
		}
		records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv: %v", tc.name, err)
		}
		if len(records) != tc.rows+1 {
			t.Errorf("%s.csv has %d rows, want a header and %d", tc.name, len(records), tc.rows)
		}
		var doc struct {
			AsOf     string `json:"as_of"`
			Findings []struct {
				ID string `json:"id"`
			} `json:"findings"`
		}
		if err := json.Unmarshal(file(t, m, tc.name+".json"), &doc); err != nil {
			t.Fatalf("%s.json: %v", tc.name, err)
		}
		if len(doc.Findings) != tc.rows || doc.AsOf != r.AsOf.String() {
			t.Errorf("%s.json: %d findings as of %s, want %d as of %s", tc.name, len(doc.Findings), doc.AsOf, tc.rows, r.AsOf)
		}
	}
	// The tracker's order: overdue first.
	records, _ := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file(t, m, "export/rectification.csv"), []byte("\uFEFF")))).ReadAll()
	if r.Figures.Overdue == 0 || records[1][0] != r.Tracker[0].ID || !r.Tracker[0].Overdue(r.AsOf) {
		t.Errorf("rectification.csv starts with %v; want the most overdue problem %s", records[1], r.Tracker[0].ID)
	}
}

// TestTemplateOverride replaces a page template and the style sheet with
// the project's own, and checks that a broken template is reported with
// its file name.
func TestTemplateOverride(t *testing.T) {
	p := loadProject(t, "../../../testdata/projects/minimal")
	own := fstest.MapFS{
		"finding.html":  {Data: []byte(`{{template "head" .}}<p class="own">{{.Data.ID}} {{text .Data.Title}}</p>{{template "own-partial"}}{{template "foot" .}}`)},
		"partials.html": {Data: []byte(`{{define "own-partial"}}<p>own partial</p>{{end}}`)},
		"site.css":      {Data: []byte("body { color: red }\n")},
	}
	m, _ := render(t, p, site.Options{Templates: own})
	if b := file(t, m, "findings/zj-01.html"); !bytes.Contains(b, []byte(`<p class="own">zj-01 部分在建项目未设立农民工工资专用账户</p><p>own partial</p>`)) {
		t.Errorf("the project's finding.html was not used:\n%s", b)
	}
	if b := file(t, m, "assets/site.css"); string(b) != "body { color: red }\n" {
		t.Errorf("the project's site.css was not used: %q", b)
	}
	if b := file(t, m, "index.html"); !bytes.Contains(b, []byte(`<h1>`)) {
		t.Error("the embedded index.html was not used where the project has none")
	}

	bad := fstest.MapFS{"province.html": {Data: []byte("{{template \"head\" .}}\n{{.Data.Nope")}}
	_, err := site.Render(context.Background(), &output.Memory{}, p, report.New(p.Current(), p.Config.Lang()), site.Options{Templates: bad})
	if err == nil || !strings.Contains(err.Error(), "templates/province.html") {
		t.Errorf("a broken template gave %v; want an error naming templates/province.html", err)
	}
	wrong := fstest.MapFS{"province.html": {Data: []byte("{{.Data.Nope}}")}}
	_, err = site.Render(context.Background(), &output.Memory{}, p, report.New(p.Current(), p.Config.Lang()), site.Options{Templates: wrong})
	if err == nil || !strings.Contains(err.Error(), "provinces/") {
		t.Errorf("a template that fails gave %v; want an error naming the page", err)
	}
}

// TestCancel checks that Render stops when its context is cancelled.
func TestCancel(t *testing.T) {
	p := loadProject(t, sample)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := site.Render(ctx, &output.Memory{}, p, report.New(p.Current(), p.Config.Lang()), site.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Render with a cancelled context returned %v", err)
	}
}

// TestWriteError checks that a failing writer fails the build.
func TestWriteError(t *testing.T) {
	p := loadProject(t, sample)
	_, err := site.Render(context.Background(), failing{}, p, report.New(p.Current(), p.Config.Lang()), site.Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Render to a failing writer returned %v", err)
	}
}

type failing struct{}

func (failing) Create(string) (io.WriteCloser, error) { return nil, errors.New("disk full") }

// minimalFS returns the minimal project as a map, to add files to.
func minimalFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := "../../../testdata/projects/minimal"
	for _, name := range []string{"ducha.yaml", "data/provinces.yaml", "data/units.yaml", "data/2015/campaign.yaml",
		"data/2015/items.yaml", "data/2015/groups.yaml", "data/2015/self-exam.yaml", "data/2015/provinces/zj.yaml",
		"content/2015/overview.md"} {
		b, err := readFile(root, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// TestPreparedFiles checks that the preview server's way of rendering,
// one file at a time on request, gives the same files as Render.
func TestPreparedFiles(t *testing.T) {
	p := loadProject(t, sample)
	m, st := render(t, p, site.Options{})
	prep, err := site.Prepare(context.Background(), p, report.New(p.Current(), p.Config.Lang()), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if prep.Len() != st.Files {
		t.Errorf("prepared site has %d files, Render wrote %d", prep.Len(), st.Files)
	}
	for _, name := range m.Names() {
		got, ok, err := prep.File(name)
		if err != nil || !ok {
			t.Fatalf("File(%s): %v, %v", name, ok, err)
		}
		if want, _ := m.File(name); !bytes.Equal(got, want) {
			t.Errorf("File(%s) differs from Render's", name)
		}
	}
	if _, ok, _ := prep.File("no/such.html"); ok {
		t.Error("File of a missing name reports ok")
	}
}
