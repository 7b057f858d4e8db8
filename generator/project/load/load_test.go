package load

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/internal/fixture"
)

// TestDocumentedKeys keeps docs/data-format.md true to the loader: every
// key the loader accepts is in a table of the document, and every key in
// the document's tables is accepted.
func TestDocumentedKeys(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "data-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The figures the narrative cites are names, not keys: their own test
	// keeps their section true (package figures).
	text := string(doc)
	if i := strings.Index(text, "\n## Figures\n"); i >= 0 {
		end := strings.Index(text[i+1:], "\n## ")
		text = text[:i] + text[i+1+end:]
	}
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\|")
	documented := map[string]bool{}
	for _, m := range row.FindAllStringSubmatch(text, -1) {
		if strings.ContainsAny(m[1], "./<") {
			continue // a file, not a key
		}
		documented[m[1]] = true
	}
	accepted := map[string]bool{}
	for _, k := range Keys() {
		accepted[k.Name] = true
		if !documented[k.Name] {
			t.Errorf("key %q of %s is accepted but not documented in docs/data-format.md", k.Name, k.Type)
		}
	}
	for k := range documented {
		if !accepted[k] {
			t.Errorf("key %q is documented in docs/data-format.md but the loader does not accept it", k)
		}
	}
}

func TestLoadMinimal(t *testing.T) {
	p, diags, err := Load(fixture.Minimal(t))
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if items := diags.Items(); len(items) > 0 {
		t.Fatalf("unexpected problems: %v", items)
	}
	c := p.Current()
	if c == nil || c.ID != "2015" {
		t.Fatalf("current campaign = %v", c)
	}
	f := c.Finding("zj-01")
	if f == nil || f.Item == nil || f.Item.ID != "wages" || f.Province.ID != "zj" || f.Group.No != 1 {
		t.Fatalf("finding zj-01 not linked: %+v", f)
	}
	if f.Date != (model.Date{Year: 2015, Month: 11, Day: 23}) {
		t.Errorf("finding date defaults to its visit: got %v", f.Date)
	}
	if got := f.Src.At("severity"); got != (model.Pos{File: "data/2015/provinces/zj.yaml", Line: 11, Col: 15}) {
		t.Errorf("position of severity = %v", got)
	}
	g := c.Groups[0]
	if len(g.Members) != 2 || g.Members[0].UnitID != "mohrss" || g.Members[1].Name.ZH != "王某" {
		t.Errorf("members (scalar shorthand and mapping) = %+v", g.Members)
	}
	if g.Leader.Name.ZH != "张某某" {
		t.Errorf("leader (scalar shorthand) = %+v", g.Leader)
	}
	if v := c.Inspection("zj").Value("arrears-cases"); v == nil || v.Value != 312 || v.Note.ZH != "截至11月底" {
		t.Errorf("indicator value (mapping form) = %+v", v)
	}
	if v := c.Inspection("zj").Value("contract-rate"); v == nil || v.Value != 86.5 {
		t.Errorf("indicator value (scalar form) = %+v", v)
	}
	pg := c.Page(model.PageOverview, "")
	if pg == nil || pg.Title != "督查概况" || !strings.HasPrefix(string(pg.Body), "\n\n\n## 总体情况") {
		t.Errorf("overview page = %+v", pg)
	}
}

func TestFrontMatterKeepsLines(t *testing.T) {
	for _, tc := range []struct{ in, front, body string }{
		{"---\ntitle: x\n---\nbody\n", "title: x\n", "\n\n\nbody\n"},
		{"---\r\ntitle: x\r\n---\r\nbody", "title: x\r\n", "\n\n\nbody"},
		{"---\n---\nbody", "", "\n\nbody"},
		{"no front matter\n---\n", "", "no front matter\n---\n"},
	} {
		var d diag.List
		front, body, _ := splitFrontMatter("x.md", []byte(tc.in), &d)
		if string(front) != tc.front || string(body) != tc.body {
			t.Errorf("split(%q) = %q, %q; want %q, %q", tc.in, front, body, tc.front, tc.body)
		}
		if strings.Count(string(body), "\n") != strings.Count(tc.in, "\n") {
			t.Errorf("split(%q) changed the number of lines", tc.in)
		}
	}
}

func TestCampaignsSideBySide(t *testing.T) {
	fsys := fixture.Minimal(t)
	for name, f := range fsys {
		if rest, ok := strings.CutPrefix(name, "data/2015/"); ok {
			data := strings.ReplaceAll(string(f.Data), "2015-", "2016-")
			data = strings.ReplaceAll(data, "2016-03-31", "2017-03-31")
			data = strings.ReplaceAll(data, "2016-01-31", "2017-01-31")
			data = strings.ReplaceAll(data, "edition: 8", "edition: 9") // editions count up
			fsys["data/2016/"+rest] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	p, diags, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if items := diags.Items(); len(items) > 0 {
		t.Fatalf("unexpected problems: %v", items)
	}
	var ids []string
	for _, c := range p.Campaigns {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(ids, []string{"2015", "2016"}) || p.Current().ID != "2016" {
		t.Errorf("campaigns %v, current %s", ids, p.Current().ID)
	}
	if p.Campaign("2015").Finding("zj-01") == p.Campaign("2016").Finding("zj-01") {
		t.Error("campaigns share findings")
	}
}

func TestNumberShapes(t *testing.T) {
	for _, tc := range []struct {
		s             string
		whole, number bool
		zero          bool
	}{
		{"0", true, true, false}, {"12", true, true, false}, {"-3", true, true, false}, {"+4", true, true, false},
		{"88.5", false, true, false}, {"0.5", false, true, false}, {"-0.25", false, true, false},
		{"035", false, false, true}, {"-07", false, false, true}, {"00", false, false, true},
		{"", false, false, false}, {"-", false, false, false}, {"1.", false, false, false}, {".5", false, false, false},
		{"1e5", false, false, false}, {"0x1F", false, false, false}, {"1,000", false, false, false}, {"1.2.3", false, false, false},
		{"--1", false, false, false}, {"１２", false, false, false},
	} {
		if got := isNumber(tc.s, false); got != tc.whole {
			t.Errorf("isNumber(%q, false) = %v", tc.s, got)
		}
		if got := isNumber(tc.s, true); got != tc.number {
			t.Errorf("isNumber(%q, true) = %v", tc.s, got)
		}
		if got := leadingZero(tc.s); got != tc.zero {
			t.Errorf("leadingZero(%q) = %v", tc.s, got)
		}
	}
	for s, want := range map[string]bool{"2015-11-23": true, "2015-1-23": false, "2015/11/23": false, "20151123": false, "2015-11-2x": false, "": false} {
		if isDate(s) != want {
			t.Errorf("isDate(%q) != %v", s, want)
		}
	}
}

// TestCache loads a project twice with a cache, changing one province file
// in between: the unchanged file comes from the cache, and both loads give
// what a load without cache gives, problems included.
func TestCache(t *testing.T) {
	fsys := fixture.Minimal(t)
	fsys["data/2015/provinces/gz.yaml"] = &fstest.MapFile{Data: []byte("visits:\n  - {id: v1, date: 2015-11-25, place: 贵阳, site: village}\n")}
	var cache Cache
	check := func(label string) *model.Project {
		t.Helper()
		want, wantDiags, _ := Load(fsys)
		got, gotDiags, err := LoadCached(fsys, &cache)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Unparsed, want.Unparsed) || fmt.Sprint(gotDiags.Items()) != fmt.Sprint(wantDiags.Items()) {
			t.Errorf("%s: problems %v, want %v", label, gotDiags.Items(), wantDiags.Items())
		}
		for _, c := range want.Campaigns {
			gc := got.Campaign(c.ID)
			for _, in := range c.OnSite {
				gin := gc.Inspection(in.ProvinceID)
				if gin == nil || len(gin.Findings) != len(in.Findings) || len(gin.Visits) != len(in.Visits) {
					t.Fatalf("%s: %s differs", label, in.ProvinceID)
				}
				for i, f := range in.Findings {
					g := gin.Findings[i]
					if g.ID != f.ID || g.Title != f.Title || g.Date != f.Date || g.Item.ID != f.Item.ID || g.Province != gc.Project.Province(f.Province.ID) {
						t.Errorf("%s: finding %s differs or is linked to another project", label, f.ID)
					}
				}
			}
		}
		return got
	}
	first := check("first load")
	f1 := first.Current().Finding("zj-01")
	second := check("second load, from the cache")
	if second.Current().Finding("zj-01") == f1 {
		t.Error("two loads share a finding: linking one changes the other")
	}
	if f1.Province != first.Province("zj") {
		t.Error("the second load changed the first project")
	}
	fsys["data/2015/provinces/zj.yaml"].Data = []byte(strings.Replace(string(fsys["data/2015/provinces/zj.yaml"].Data), "部分在建项目", "已修改", 1))
	third := check("after a change")
	if !strings.HasPrefix(third.Current().Finding("zj-01").Title.ZH, "已修改") {
		t.Error("a changed file came from the cache")
	}
}

// TestMediaNameNotUTF8: an image whose name is not UTF-8 (from an archive
// made with another encoding) is not published, with a warning.
func TestMediaNameNotUTF8(t *testing.T) {
	dir := t.TempDir()
	for name, f := range fixture.Minimal(t) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	images := filepath.Join(dir, "content", "2015", "images")
	if err := os.MkdirAll(images, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"\xcf\xd6\xb3\xa1.png", "ok.png"} { // 现场 in GBK
		if err := os.WriteFile(filepath.Join(images, name), []byte("png"), 0o644); err != nil {
			t.Skipf("this file system takes no such name: %v", err)
		}
	}
	p, diags, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Campaigns[0].Media; !slices.Equal(got, []string{"images/ok.png"}) {
		t.Errorf("media %q, want only images/ok.png", got)
	}
	items := diags.Items()
	if len(items) != 1 || !strings.Contains(items[0].Message, "is not UTF-8") || diags.HasErrors(false) {
		t.Errorf("diagnostics %v, want one warning about the name", items)
	}
}

// writeProject writes the minimal project into a new folder, and returns
// the folder.
func writeProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fixture.Minimal(t) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBadNames: a file or folder whose name is not UTF-8 or holds a line
// break or an invisible control is one problem, at its name quoted as Go
// quotes a string; it is not read, and the other problems of the project
// are still reported. Such a name used to stop check (not UTF-8) or forge
// lines of its output (a line break).
func TestBadNames(t *testing.T) {
	dir := writeProject(t)
	files := map[string]string{
		"data/2015/provinces/zj\nfake.yaml:1:1: forged.yaml": "visits:\n",
		"data/2015/provinces/\xff.yaml":                      "visits:\n",
		"content/2015/pages/a\u202egpj.md":                   "---\ntitle: x\n---\n",
		"content/2015/pages/\xfe\n/x.md":                     "---\ntitle: x\n---\n",
		"data/2015/notes\r.txt":                              "",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Skipf("this file system takes no such name: %v", err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Skipf("this file system takes no such name: %v", err)
		}
	}
	campaign := filepath.Join(dir, "data", "2015", "campaign.yaml")
	data, _ := os.ReadFile(campaign)
	os.WriteFile(campaign, []byte(strings.Replace(string(data), "as_of: 2016-03-31", "as_of: 2016-02-30", 1)), 0o644)

	p, diags, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	var out strings.Builder
	diag.Write(&out, diag.Text, diags.Items())
	want := `"content/2015/pages/a\u202egpj.md": error-file
"content/2015/pages/\xfe\n": error-folder
data/2015/campaign.yaml:6:8: as_of: 2016-02-30 is not a real date; check the month and the day
"data/2015/notes\r.txt": warning: warning-file
"data/2015/provinces/zj\nfake.yaml:1:1: forged.yaml": error-file
"data/2015/provinces/\xff.yaml": error-file
`
	got := regexp.MustCompile(`this folder's name [^\n]*`).ReplaceAllString(out.String(), "error-folder")
	got = regexp.MustCompile(`this file's name [^\n]*so ducha does not read it; rename it`).ReplaceAllString(got, "error-file")
	got = regexp.MustCompile(`this file's name [^\n]*and nothing reads it[^\n]*`).ReplaceAllString(got, "warning-file")
	if got != want {
		t.Errorf("check printed\n%s\nwant\n%s", out.String(), want)
	}
	if c := p.Campaign("2015"); c == nil || len(c.OnSite) != 1 || len(c.Pages) != 1 {
		t.Errorf("files with bad names were read: %+v", c)
	}
}

// TestTooLarge: a file larger than source.MaxFileSize is one problem at
// its path, and is never read.
func TestTooLarge(t *testing.T) {
	dir := writeProject(t)
	if err := os.Truncate(filepath.Join(dir, "data", "2015", "groups.yaml"), source.MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	_, diags, err := Load(source.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	items := diags.Items()
	if len(items) != 1 || items[0].Pos.String() != "data/2015/groups.yaml" || !strings.Contains(items[0].Message, "larger than 64 MiB") {
		t.Errorf("problems %v, want one about the size of data/2015/groups.yaml", items)
	}
}

// TestDanglingPage: a Markdown file that is a link to nothing says so,
// whatever file system the project comes in. It used to say "missing
// file: create it with  (see docs/data-format.md)".
func TestDanglingPage(t *testing.T) {
	fsys := fixture.Minimal(t)
	fsys["content/2015/groups/1.md"] = &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("missing.md")}
	_, diags, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := `content/2015/groups/1.md: this is a link to "missing.md", which does not exist; correct the link, or put the file itself here`
	if items := diags.Items(); len(items) != 1 || items[0].String() != want {
		t.Errorf("problems %v, want\n%s", items, want)
	}
}

// panicFS panics when the file or folder named panic is read.
type panicFS struct {
	fstest.MapFS
	panic string
}

func (p panicFS) ReadFile(name string) ([]byte, error) {
	if name == p.panic {
		panic("boom")
	}
	return p.MapFS.ReadFile(name)
}

func (p panicFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == p.panic {
		panic("boom")
	}
	return p.MapFS.ReadDir(name)
}

// TestPanic: a panic while loading, in a file's decoding or in the walk
// over the project, comes back as an internal error: it must not take
// down the preview server, which loads again after every save.
func TestPanic(t *testing.T) {
	for _, name := range []string{"data/units.yaml", "data/2015/provinces"} {
		_, _, err := Load(panicFS{fixture.Minimal(t), name})
		if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), "boom") {
			t.Errorf("%s: error %v, want an internal error", name, err)
		}
	}
}
