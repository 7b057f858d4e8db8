package scaffold

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/internal/fixture"
)

// minimal writes testdata/projects/minimal into a new folder, with the
// files of edits written over it (an empty text removes the file), and
// returns the folder.
func minimal(t *testing.T, edits map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, fixture.Minimal(t)); err != nil {
		t.Fatal(err)
	}
	for name, text := range edits {
		file := filepath.Join(dir, filepath.FromSlash(name))
		var err error
		if text == "" {
			err = os.Remove(file)
		} else {
			err = os.WriteFile(file, []byte(text), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// linkOutside makes data/2015/provinces/zj.yaml a link to a copy of it
// beside the project, outside it.
func linkOutside(t *testing.T, dir string) {
	t.Helper()
	file := filepath.Join(dir, "data", "2015", "provinces", "zj.yaml")
	if err := os.Rename(file, filepath.Join(dir, "..", "outside.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../../../outside.yaml", file); err != nil {
		t.Fatal(err)
	}
}

// snapshot returns the files and links under root (a project and what
// lies beside it), by their paths, with their contents or targets.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var data []byte
		if d.Type()&fs.ModeSymlink != 0 {
			var target string
			target, err = os.Readlink(p)
			data = []byte("-> " + target)
		} else {
			data, err = os.ReadFile(p)
		}
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// describe returns the kind of err and its message, as the command line
// tells them apart: "value", "file", "refused", or "other".
func describe(err error) string {
	var ve *ValueError
	var fe *FileError
	var re *source.RefusedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ve):
		return "value: " + err.Error()
	case errors.As(err, &fe):
		return "file: " + err.Error()
	case errors.As(err, &re):
		return "refused: " + err.Error()
	}
	return "other: " + err.Error()
}

// adding is a case of an Add method: the project it starts from, and
// what it adds or the error it returns.
type adding struct {
	name  string
	edits map[string]string
	setup func(t *testing.T, dir string)
	want  Added
	err   string // describe's
}

// run opens the project of tc, calls add and checks its result. On an
// error, it checks that nothing was written, in the project or beside it;
// it returns the project's folder.
func (tc adding) run(t *testing.T, add func(p *Project) (Added, error)) string {
	t.Helper()
	dir := minimal(t, tc.edits)
	if tc.setup != nil {
		tc.setup(t, dir)
	}
	before := snapshot(t, filepath.Dir(dir))
	p, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := add(p)
	if d := describe(err); d != tc.err {
		t.Fatalf("error %q, want %q", d, tc.err)
	}
	if !reflect.DeepEqual(got, tc.want) {
		t.Errorf("added %+v, want %+v", got, tc.want)
	}
	if err != nil {
		if after := snapshot(t, filepath.Dir(dir)); !maps.Equal(after, before) {
			t.Errorf("files changed on an error")
		}
	}
	return dir
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestOpen(t *testing.T) {
	for _, tc := range []struct {
		name, campaign string
		edits          map[string]string
		want, err      string
	}{
		{name: "the current campaign", want: "2015"},
		{name: "a campaign named", campaign: "2015", want: "2015"},
		{name: "a campaign the project lacks", campaign: "2014", err: `value: campaign "2014" is not one of: 2015; did you mean "2015"?`},
		{name: "no campaign", edits: map[string]string{"data/2015/campaign.yaml": ""}, err: "other: the project has no campaign"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Open(minimal(t, tc.edits), tc.campaign)
			if d := describe(err); d != tc.err {
				t.Fatalf("error %q, want %q", d, tc.err)
			}
			if err == nil && p.Campaign() != tc.want {
				t.Errorf("campaign %s, want %s", p.Campaign(), tc.want)
			}
		})
	}
	if _, err := Open(t.TempDir(), ""); !errors.Is(err, ErrNoCampaign) {
		t.Errorf("an empty folder: %v, want ErrNoCampaign", err)
	}
}

func TestAddFinding(t *testing.T) {
	const zj = "data/2015/provinces/zj.yaml"
	for _, tc := range []struct {
		adding
		r       FindingRequest
		written string // a line of the file once written
	}{
		{
			adding:  adding{name: "a problem", want: Added{File: zj, Line: 27, ID: "zj-03"}},
			r:       FindingRequest{Province: "zj", Item: "wages", Kind: "problem", Severity: "high", Visits: []string{"v2", "v1", "v2"}},
			written: "    visits: [v2, v1]",
		},
		{
			adding:  adding{name: "a good practice", want: Added{File: zj, Line: 26, ID: "zj-03"}},
			r:       FindingRequest{Province: "zj", Kind: "practice"},
			written: "    kind: practice",
		},
		{
			adding: adding{name: "a province not visited", err: "file: data/2015/provinces/bj.yaml: no such file: the province was not visited on site"},
			r:      FindingRequest{Province: "bj", Kind: "problem"},
		},
		{
			adding: adding{name: "a province the project lacks", err: `value: province "sh" is not one of: zj`},
			r:      FindingRequest{Province: "sh", Kind: "problem"},
		},
		{
			adding: adding{name: "a file that is not YAML", edits: map[string]string{zj: "findings: [\n"}, err: "file: " + zj + ": the file is not valid YAML (line 1: did not find expected node content); run ducha check and fix it first"},
			r:      FindingRequest{Province: "zj", Kind: "problem"},
		},
		{
			adding: adding{name: "a flow list", edits: map[string]string{zj: "findings: [{id: zj-01}]\n"}, err: "file: " + zj + `: the findings at line 1 are written as a flow list ([...]); write them as a block list, one "- id: ..." entry per finding, to add to them`},
			r:      FindingRequest{Province: "zj", Kind: "problem"},
		},
		{
			adding: adding{name: "a link outside the project", setup: linkOutside, err: "refused: " + zj + `: this is a link to "../../../../outside.yaml", which leads outside the project; ducha reads only the project's own files: copy the file into the project`},
			r:      FindingRequest{Province: "zj", Kind: "problem"},
		},
		{
			adding: adding{name: "a practice with a severity", err: "value: a good practice has no severity"},
			r:      FindingRequest{Province: "zj", Kind: "practice", Severity: "low"},
		},
		{
			adding: adding{name: "no kind", err: `value: kind "" is not one of: problem, practice`},
			r:      FindingRequest{Province: "zj"},
		},
		{
			adding: adding{name: "an item the campaign lacks", err: `value: item "wags" is not one of: wages, training; did you mean "wages"?`},
			r:      FindingRequest{Province: "zj", Kind: "problem", Item: "wags"},
		},
		{
			adding: adding{name: "a severity that is none", err: `value: severity "hi" is not one of: high, medium, low`},
			r:      FindingRequest{Province: "zj", Kind: "problem", Severity: "hi"},
		},
		{
			adding: adding{name: "a visit the province lacks", err: `value: visits "v9" is not one of: v1, v2; did you mean "v1"?`},
			r:      FindingRequest{Province: "zj", Kind: "problem", Visits: []string{"v1", "v9"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.run(t, func(p *Project) (Added, error) { return p.AddFinding(tc.r) })
			if tc.written == "" {
				return
			}
			text := readFile(t, dir, zj)
			lines := strings.Split(text, "\n")
			if !strings.Contains(text, "\n"+tc.written+"\n") || strings.TrimSpace(lines[tc.want.Line-1]) != "title:" {
				t.Errorf("no %q, or no title at line %d:\n%s", tc.written, tc.want.Line, text)
			}
		})
	}
}

func TestAddProvince(t *testing.T) {
	const bj = "data/2015/provinces/bj.yaml"
	for _, tc := range []struct {
		adding
		id string
	}{
		{
			adding: adding{name: "a province no group visits", want: Added{File: bj, Line: 1, ID: "bj",
				Next: []string{"list bj in the provinces of the group that visited it, in data/2015/groups.yaml"}}},
			id: "bj",
		},
		{
			adding: adding{name: "a province a group visits", edits: map[string]string{"data/2015/provinces/zj.yaml": ""},
				want: Added{File: "data/2015/provinces/zj.yaml", Line: 1, ID: "zj"}},
			id: "zj",
		},
		{adding: adding{name: "a file that exists", err: "file: data/2015/provinces/zj.yaml: already exists"}, id: "zj"},
		{adding: adding{name: "a province the project lacks", err: `value: province "bk" is not one of: bj, zj, gz; did you mean "bj"?`}, id: "bk"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.run(t, func(p *Project) (Added, error) { return p.AddProvince(tc.id) })
			if tc.err == "" && !strings.HasSuffix(readFile(t, dir, tc.want.File), "adds one here.\n") {
				t.Errorf("%s is not a province's file", tc.want.File)
			}
		})
	}
}

func TestAddPage(t *testing.T) {
	for _, tc := range []struct {
		adding
		which, title string
	}{
		{adding: adding{name: "the summary", want: Added{File: "content/2015/summary.md", Line: 4}}, which: "summary"},
		{adding: adding{name: "a page with .md", want: Added{File: "content/2015/pages/methods.md", Line: 4}}, which: "pages/methods.md", title: "督查方法"},
		{adding: adding{name: "a group's page", want: Added{File: "content/2015/groups/1.md", Line: 4}}, which: "groups/1"},
		{adding: adding{name: "a province's page", want: Added{File: "content/2015/provinces/bj.md", Line: 4}}, which: "provinces/bj"},
		{adding: adding{name: "a title of two lines", want: Added{File: "content/2015/pages/a.md", Line: 6}}, which: "pages/a", title: "one\ntwo"},
		{adding: adding{name: "a page that exists", err: "file: content/2015/overview.md: already exists"}, which: "overview"},
		{adding: adding{name: "a group written 01", err: `value: groups "01" is not one of: 1; did you mean "1"?`}, which: "groups/01"},
		{adding: adding{name: "an item the campaign lacks", err: `value: items "wage" is not one of: wages, training; did you mean "wages"?`}, which: "items/wage"},
		{adding: adding{name: "an address with capitals", err: `value: "Methods" is not a page's address: use lower-case letters, digits and "-" (at most 40, not starting with "-"): pages/methods`}, which: "pages/Methods"},
		{adding: adding{name: "a folder ducha does not know", err: `value: "news/a" is not a page ducha knows: give overview, summary, groups/<no>, provinces/<id>, items/<id> or pages/<slug>`}, which: "news/a"},
		{adding: adding{name: "a summary with a key", err: `value: "summary/a" is not a page ducha knows: give overview, summary, groups/<no>, provinces/<id>, items/<id> or pages/<slug>`}, which: "summary/a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.run(t, func(p *Project) (Added, error) { return p.AddPage(tc.which, tc.title) })
			if tc.err == "" {
				if got, want := readFile(t, dir, tc.want.File), string(PageFile(tc.title, strings.HasPrefix(tc.which, "pages/"))); got != want {
					t.Errorf("%s is\n%s\nwant\n%s", tc.want.File, got, want)
				}
			}
		})
	}
}

func TestAddCampaign(t *testing.T) {
	files := []string{"campaign.yaml", "groups.yaml", "items.yaml", "provinces/zj.yaml", "self-exam.yaml"}
	illustrative := "illustrative: true and the note were kept; remove them once the data is real"
	for _, tc := range []struct {
		adding
		id string
	}{
		{adding: adding{name: "the next year", want: Added{File: "data/2016/", ID: "2016", Files: files, Notes: []string{illustrative}}}, id: "2016"},
		{
			adding: adding{name: "while ducha.yaml publishes one", edits: map[string]string{"ducha.yaml": "campaign: \"2015\"\n"},
				want: Added{File: "data/2017/", ID: "2017", Files: files, Notes: []string{illustrative, `ducha.yaml publishes campaign 2015; set campaign: "2017" there to publish this one`}}},
			id: "2017",
		},
		{adding: adding{name: "a campaign that exists", err: "file: data/2015: already exists"}, id: "2015"},
		{adding: adding{name: "an ID that is none", err: `value: "Y2016" is not a campaign's ID: use lower-case letters, digits and "-", such as the year: 2016`}, id: "Y2016"},
		{adding: adding{name: "groups that are not YAML", edits: map[string]string{"data/2015/groups.yaml": "- no: [\n"}, err: "file: data/2015/groups.yaml: the file is not valid YAML"}, id: "2016"},
		{
			adding: adding{name: "a scope ducha cannot edit", edits: map[string]string{"data/2015/campaign.yaml": "title: a\redition: 8\n"},
				err: "file: data/2015/campaign.yaml: the file breaks lines with CR alone; save it with the usual line ends (LF or CRLF) to edit it"},
			id: "2016",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.run(t, func(p *Project) (Added, error) { return p.AddCampaign(tc.id) })
			if tc.err != "" {
				return
			}
			entries, err := os.ReadDir(filepath.Join(dir, "data"))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("data/%s was left behind", e.Name())
				}
			}
			if scope := readFile(t, dir, tc.want.File+"campaign.yaml"); !strings.Contains(scope, "\nedition: 9\n") {
				t.Errorf("the new scope is not the next edition:\n%s", scope)
			}
		})
	}
}
