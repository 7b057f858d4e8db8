package letter

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/typeset"
	"github.com/ducha/ducha/internal/fixture"
	"github.com/ducha/ducha/internal/synth"
)

// The tests read the letters as a reader gets them: the text pdftotext
// (poppler-utils) extracts, page by page.

// embedded returns the embedded fonts in the roles of gongwen.NewFonts,
// parsed once for all tests.
var embedded = sync.OnceValue(func() typeset.Fonts {
	return gongwen.NewFonts(gongwen.Embedded(), gongwen.EmbeddedSource)
})

var created = time.Date(2016, 3, 31, 0, 0, 0, 0, time.UTC)

// loadProject loads and validates a project; it fails on any error.
func loadProject(t testing.TB, fsys fs.FS) (*model.Project, *report.Report) {
	t.Helper()
	p, diags, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if diags.HasErrors(false) {
		t.Fatalf("the project has errors:\n%v", diags.Err())
	}
	return p, report.New(p.Current(), p.Config.Lang())
}

// sample is the sample project at the repository's root.
func sample(t testing.TB) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := filepath.Join("..", "..", "..")
	for _, top := range []string{"ducha.yaml", "data", "content"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

func write(t testing.TB, p *model.Project, r *report.Report, ps *report.ProvinceStats) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := Write(context.Background(), &b, p, r, ps, Options{Fonts: embedded(), Created: created}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pdfPages returns the text of every page as pdftotext extracts it,
// without white space.
func pdfPages(t testing.TB, data []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install poppler-utils")
	}
	file := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pgs := strings.Split(string(out), "\f")
	if len(pgs) > 0 && strings.TrimSpace(pgs[len(pgs)-1]) == "" {
		pgs = pgs[:len(pgs)-1]
	}
	for i := range pgs {
		pgs[i] = squeeze(pgs[i])
	}
	return pgs
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var pageNo = regexp.MustCompile(`—\d+—`)

// body returns the text of the letter's pages run together, without the
// page furniture.
func body(pgs []string, lang model.Lang) string {
	s := strings.Join(pgs, "")
	s = pageNo.ReplaceAllString(s, "")
	return strings.ReplaceAll(s, squeeze(i18n.Tr(lang, "illustrative-mark")), "")
}

// checkAgainstData checks the letter of every province visited against
// the data: each of its problems is there with its responsible body and
// its deadline, on the page of its title (a problem's block is never
// split), with as many rectification lines as it has problems, and no
// problem of another province is.
func checkAgainstData(t *testing.T, p *model.Project, r *report.Report) {
	t.Helper()
	if len(Visited(r)) == 0 {
		t.Fatal("no province visited")
	}
	for _, ps := range Visited(r) {
		data := write(t, p, r, ps)
		pgs := pdfPages(t, data)
		text := body(pgs, r.Lang)
		l := newLetter(nil, p, r, ps, Options{})
		own := map[string]bool{}
		for _, f := range ps.Inspection.Findings {
			own[squeeze(f.Title.In(r.Lang))] = true
		}
		for _, f := range ps.Inspection.Findings {
			if !f.IsProblem() {
				continue
			}
			title, rect := squeeze(f.Title.In(r.Lang)), squeeze(l.rectText(f))
			if !strings.Contains(text, title) {
				t.Errorf("%s: problem %s (%s) is not in the letter", ps.Province.ID, f.ID, title)
				continue
			}
			for _, want := range []string{f.Rect.Responsible.In(r.Lang), i18n.Date(r.Lang, f.Rect.Deadline)} {
				if !strings.Contains(rect, squeeze(want)) || !strings.Contains(text, title) {
					t.Errorf("%s: problem %s: %q missing", ps.Province.ID, f.ID, want)
				}
			}
			if !strings.Contains(text, rect) {
				t.Errorf("%s: problem %s: its rectification %q is not in the letter", ps.Province.ID, f.ID, rect)
			}
			// A problem's block stays on one page, unless moving it
			// would leave the page before less than a third full (the
			// audit below checks that); its rectification line is then
			// still kept with the text before it.
			for i, pg := range pgs {
				top := strings.TrimPrefix(pg, squeeze(i18n.Tr(r.Lang, "illustrative-mark")))
				if strings.HasPrefix(top, rect) {
					t.Errorf("%s: problem %s: its rectification line is alone at the head of page %d", ps.Province.ID, f.ID, i+1)
				}
			}
		}
		for _, v := range audit(t, p, r, ps) {
			t.Errorf("%s: %v", ps.Province.ID, v)
		}
		marker := squeeze(strings.SplitN(i18n.Tr(r.Lang, "letter.rect"), "%s", 2)[0])
		if n := strings.Count(text, marker); n != ps.Problems {
			t.Errorf("%s: %d rectification lines, want %d (the province's problems)", ps.Province.ID, n, ps.Problems)
		}
		for _, f := range r.Problems {
			if title := squeeze(f.Title.In(r.Lang)); f.Province != ps.Province && !own[title] && strings.Contains(text, title) {
				t.Errorf("%s: the letter has %s's problem %s", ps.Province.ID, f.Province.ID, f.ID)
			}
		}
		for _, ms := range []string{"problems", "practices", "visits", "people-met"} {
			_ = l.fig(ms) // the figures exist
			if l.fig(ms) == "" {
				t.Errorf("%s: no figure %s", ps.Province.ID, ms)
			}
		}
		if want := squeeze(l.wordf("letter.overall", l.fig("problems"), l.fig("problems.high"), l.fig("problems.medium"), l.fig("problems.low"), l.fig("practices"))); ps.Problems > 0 && !strings.Contains(text, want) {
			t.Errorf("%s: the overall counts %q are not in the letter", ps.Province.ID, want)
		}
	}
}

// audit returns the layout rules the letter to ps breaks.
func audit(t *testing.T, p *model.Project, r *report.Report, ps *report.ProvinceStats) []typeset.Violation {
	t.Helper()
	_, pages, err := Pages(p, r, ps, Options{Fonts: embedded()})
	if err != nil {
		t.Fatal(err)
	}
	return typeset.Audit(pages)
}

func TestSampleAgainstData(t *testing.T) {
	p, r := loadProject(t, sample(t))
	checkAgainstData(t, p, r)
}

func TestSampleEnglish(t *testing.T) {
	fsys := sample(t).(fstest.MapFS)
	fsys["ducha.yaml"] = &fstest.MapFile{Data: []byte("language: en\n")}
	p, r := loadProject(t, fsys)
	checkAgainstData(t, p, r)
	text := body(pdfPages(t, write(t, p, r, r.Provinces[0])), model.EN)
	for _, want := range []string{"Feedbackto" + squeeze(r.Provinces[0].Province.Name.EN), "I.Overall", "II.Mainproblems", "III.Rectificationrequired", "—1—"} {
		if !strings.Contains(text+"—1—", want) {
			t.Errorf("the English letter lacks %q", want)
		}
	}
}

// TestSynth checks the letters of a synthetic campaign of 31 provinces,
// with long names and 30 problems or more in some provinces.
func TestSynth(t *testing.T) {
	if testing.Short() {
		t.Skip("31 letters")
	}
	fsys, err := synth.FS(synth.Options{Findings: 1500, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	p, r := loadProject(t, fsys)
	if n := len(Visited(r)); n != 31 {
		t.Fatalf("%d provinces visited, want 31", n)
	}
	most := 0
	for _, ps := range r.Provinces {
		most = max(most, ps.Problems)
	}
	if most < 30 {
		t.Fatalf("the most problems in a province is %d; the test needs 30 or more", most)
	}
	checkAgainstData(t, p, r)
}

// TestLayout checks the page: 3号 body text, the 2号 title, page numbers
// "— N —" on the outer side, the 版记 on the last page's foot.
func TestLayout(t *testing.T) {
	fsys, err := synth.FS(synth.Options{Findings: 600, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	p, r := loadProject(t, fsys)
	var ps *report.ProvinceStats
	for _, x := range r.Provinces {
		if ps == nil || x.Problems > ps.Problems {
			ps = x
		}
	}
	ts, pages, err := Pages(p, r, ps, Options{Fonts: embedded()})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 3 {
		t.Fatalf("%d pages; the test needs 3 or more", len(pages))
	}
	sizes := map[float64]int{}
	for i, pg := range pages {
		runs := ts.Runs(pg)
		no := fmt.Sprintf("— %d —", i+1)
		found := false
		for _, run := range runs {
			sizes[run.Size] += len([]rune(run.Text))
			if run.Text != no {
				continue
			}
			found = true
			if run.Size != sizeSmall || run.Baseline < frame.Bottom {
				t.Errorf("page %d: number %q in %v pt at %v", i+1, no, run.Size, run.Baseline)
			}
			odd := (i+1)%2 == 1
			if right := run.X+run.Width > frame.Left+textW/2; right != odd {
				t.Errorf("page %d: the number is on the inner side (x %.0f)", i+1, run.X)
			}
		}
		if !found {
			t.Errorf("page %d has no number %q", i+1, no)
		}
	}
	if sizes[sizeBody] < 10*sizes[sizeSmall] {
		t.Errorf("characters by size: %v; the body is not 16 pt", sizes)
	}
	if sizes[sizeTitle] == 0 {
		t.Errorf("no title in 22 pt: %v", sizes)
	}
	last := ts.Runs(pages[len(pages)-1])
	issued := i18n.Date(r.Lang, r.AsOf) + i18n.Tr(r.Lang, "letter.printed")
	for _, run := range last {
		if run.Text == issued && run.Baseline < frame.Bottom-2*sizeSmall {
			t.Errorf("the 版记 is not at the foot of the last page: baseline %.0f, text area ends at %.0f", run.Baseline, frame.Bottom)
		}
	}
}

// TestNoProblems: a province with good practices only is told so, and
// asked to report nothing.
func TestNoProblems(t *testing.T) {
	fsys := fixture.Minimal(t)
	f := fsys["data/2015/provinces/zj.yaml"]
	src := string(f.Data)
	i := strings.Index(src, "  - id: zj-01")
	j := strings.Index(src, "  - id: zj-02")
	fsys["data/2015/provinces/zj.yaml"] = &fstest.MapFile{Data: []byte(src[:i] + src[j:])}
	p, r := loadProject(t, fsys)
	text := body(pdfPages(t, write(t, p, r, r.Provinces[0])), r.Lang)
	for _, want := range []string{"letter.no-problems", "letter.demand-none"} {
		if !strings.Contains(text, squeeze(i18n.Tr(r.Lang, want))) {
			t.Errorf("no %s in %s", want, text)
		}
	}
	if strings.Contains(text, "报送") {
		t.Errorf("a province with no problem is asked to report: %s", text)
	}
}

// TestReportBack: the report-back date is the latest deadline of the
// problems not closed when it is ahead, else ReportDays days.
func TestReportBack(t *testing.T) {
	for _, c := range []struct {
		deadline, want string
	}{
		{"2016-06-30", "请于2016年6月30日前将整改落实情况书面报送国务院农民工工作领导小组。"},
		{"2016-01-31", "请于收到本反馈意见之日起30日内将整改落实情况书面报送国务院农民工工作领导小组。"},
	} {
		fsys := fixture.Minimal(t)
		f := fsys["data/2015/provinces/zj.yaml"]
		fsys["data/2015/provinces/zj.yaml"] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte("2016-01-31"), []byte(c.deadline), 1)}
		p, r := loadProject(t, fsys)
		text := body(pdfPages(t, write(t, p, r, r.Provinces[0])), r.Lang)
		if !strings.Contains(text, squeeze(c.want)) {
			t.Errorf("deadline %s: no %q in %s", c.deadline, c.want, text)
		}
	}
}

// TestOffice: the issuer of the campaign's record, when it names one,
// issues the letters and receives the reports.
func TestOffice(t *testing.T) {
	fsys := fixture.Minimal(t)
	f := fsys["data/2015/campaign.yaml"]
	fsys["data/2015/campaign.yaml"] = &fstest.MapFile{Data: append(bytes.Clone(f.Data), "record: {issuer: 督查办公室}\n"...)}
	p, r := loadProject(t, fsys)
	text := body(pdfPages(t, write(t, p, r, r.Provinces[0])), r.Lang)
	for _, want := range []string{"书面报送督查办公室。", "督查办公室2016年3月31日印发", "国务院农民工工作领导小组第一督查组"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in %s", want, text)
		}
	}
}

func TestDeterministic(t *testing.T) {
	p, r := loadProject(t, sample(t))
	a, b := write(t, p, r, r.Provinces[0]), write(t, p, r, r.Provinces[0])
	if !bytes.Equal(a, b) {
		t.Error("two letters from the same data differ")
	}
}

func TestNumber(t *testing.T) {
	got := []string{number(model.ZH, 1, 3), number(model.ZH, 2, 12), number(model.ZH, 3, 2), number(model.ZH, 4, 1), number(model.EN, 1, 4), number(model.EN, 2, 2)}
	want := []string{"三、", "（十二）", "2.", "（1）", "IV. ", "(2) "}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("number %d = %q, want %q", i, got[i], want[i])
		}
	}
}
