package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/fixture"
)

// exportedFigure is a figure as export/figures.json has it.
type exportedFigure struct {
	Name         string `json:"name"`
	Label        string `json:"label"`
	Kind         string `json:"kind"`
	Value        any    `json:"value"`
	Text         string `json:"text"`
	Previous     any    `json:"previous"`
	PreviousText string `json:"previous_text"`
	Change       any    `json:"change"`
	ChangeText   string `json:"change_text"`
}

// exported is export/figures.json by name; a figure with the modifier
// previous. or change. is the base figure's previous or change.
type exported map[string]exportedFigure

func (e exported) get(name string) (exportedFigure, bool) {
	if base, ok := strings.CutPrefix(name, "previous."); ok {
		f, ok := e[base]
		return exportedFigure{Name: name, Value: f.Previous, Text: f.PreviousText}, ok && f.PreviousText != ""
	}
	if base, ok := strings.CutPrefix(name, "change."); ok {
		f, ok := e[base]
		return exportedFigure{Name: name, Value: f.Change, Text: f.ChangeText}, ok && f.ChangeText != ""
	}
	f, ok := e[name]
	return f, ok
}

// readExport reads a section's export/figures.json.
func readExport(t *testing.T, m *output.Memory, section string) exported {
	t.Helper()
	data, ok := m.File(section + "export/figures.json")
	if !ok {
		t.Fatalf("no %sexport/figures.json", section)
	}
	var export struct{ Figures []exportedFigure }
	if err := json.Unmarshal(data, &export); err != nil {
		t.Fatal(err)
	}
	figs := exported{}
	for _, f := range export.Figures {
		figs[f.Name] = f
	}
	return figs
}

// TestFiguresAgree builds the sample, and checks every figure the site's
// narrative and key figures show, and the figures the briefing prints,
// against export/figures.json. It then closes one problem in the data,
// builds again, and checks that every count that depends on it moved, in
// the export, on the site and in the briefing, with no other edit.
func TestFiguresAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	fsys := fixture.Sample(t)
	before := buildAndCompare(t, fsys)

	// Close zj-05, an overdue problem in progress.
	name := "data/2015/provinces/zj.yaml"
	src := string(fsys[name].Data)
	at := strings.Index(src, "id: zj-05")
	i := at + strings.Index(src[at:], "status: in-progress")
	if at < 0 || i < at {
		t.Fatal("zj-05 is no longer a problem in progress in the sample; choose another")
	}
	src = src[:i] + "status: closed\n      closed: 2016-03-20" + src[i+len("status: in-progress"):]
	fsys[name] = &fstest.MapFile{Data: []byte(src)}
	after := buildAndCompare(t, fsys)

	for fig, delta := range map[string]float64{
		"problems.closed": 1, "problems.in-progress": -1, "overdue": -1, "overdue.in-progress": -1,
		"province.zj.problems.closed": 1, "province.zj.overdue": -1, "problems": 0,
	} {
		if got := after[fig].Value.(float64) - before[fig].Value.(float64); got != delta {
			t.Errorf("%s moved by %v, want %v", fig, got, delta)
		}
	}
}

// buildAndCompare builds the project, checks what it shows against its
// export/figures.json, and returns the export by name.
func buildAndCompare(t *testing.T, fsys fstest.MapFS) exported {
	t.Helper()
	ch, err := Check(fsys, CheckOptions{Briefing: true})
	if err != nil {
		t.Fatal(err)
	}
	if ch.Diags.HasErrors(true) {
		t.Fatalf("the sample has problems:\n%v", ch.Diags.Items())
	}
	var m output.Memory
	if _, err := render(context.Background(), fsys, ch, &m, Options{Site: true, Briefing: true}); err != nil {
		t.Fatal(err)
	}
	figs := readExport(t, &m, "")
	compareSite(t, &m, figs)
	pdf, _ := m.File(BriefingName)
	compareBriefing(t, pdf, &m, fsys, figs)
	return figs
}

// shownFigure matches a figure the site shows: cited in narrative, or a
// key figure.
// A figure of another campaign (on the list of campaigns) names the
// section of the site it is of.
var shownFigure = regexp.MustCompile(`<span class="(fig|figure-value)" data-fig="([^"]+)"(?: data-format="([^"]+)")?(?: data-campaign="([^"]*)")?>([^<]*)</span>`)

func compareSite(t *testing.T, m *output.Memory, current exported) {
	t.Helper()
	seen := map[string]int{}
	sections := map[string]exported{"": current}
	exportOf := func(section string) exported {
		if sections[section] == nil {
			sections[section] = readExport(t, m, section)
		}
		return sections[section]
	}
	for _, name := range m.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page, _ := m.File(name)
		section := ""
		if rest, ok := strings.CutPrefix(name, "campaigns/"); ok && strings.Contains(rest, "/") {
			id, _, _ := strings.Cut(rest, "/")
			section = "campaigns/" + id + "/"
		}
		for _, sm := range shownFigure.FindAllStringSubmatch(string(page), -1) {
			class, fig, format, campaign, text := sm[1], sm[2], sm[3], sm[4], sm[5]
			seen[class]++
			figs := exportOf(section)
			if campaign != "" {
				figs = exportOf(campaign)
			}
			want, ok := figs.get(fig)
			if !ok {
				t.Errorf("%s shows the figure %q, which export/figures.json does not have", name, fig)
				continue
			}
			wantText := want.Text
			if format == "cn" {
				wantText = i18n.ChineseNumber(int(want.Value.(float64)))
			}
			if text != wantText {
				t.Errorf("%s shows %s as %q; export/figures.json has %q", name, fig, text, wantText)
			}
		}
	}
	// The sample's narrative cites figures on the summary, the overview,
	// two group, two province and two item pages and the method page, and
	// eight key figures are on the overview, the summary and the tracker.
	if seen["fig"] < 60 || seen["figure-value"] < 8*2+5 {
		t.Errorf("the site shows %d figures in narrative and %d key figures; the sample has more", seen["fig"], seen["figure-value"])
	}
}

// cited matches a figure cited in Markdown with the characters around it.
var cited = regexp.MustCompile(`([\p{Han}]{0,3})\{\{([a-z0-9.:-]+)\}\}([\p{Han}]{0,3})`)

// compareBriefing checks each figure that the printed narrative (the
// summary, the groups' and the provinces' pages) cites where the briefing
// prints it: the words around it in the Markdown, with the figure's text
// between them, must be in the briefing's text. The site's page of the
// same narrative names each figure in full (group.dates on groups/1.md is
// group.1.dates), in the same order. Each key figure's value must stand
// under its label.
func compareBriefing(t *testing.T, pdf []byte, m *output.Memory, fsys fstest.MapFS, figs exported) {
	t.Helper()
	text := squeeze(pdftotext(t, pdf))
	n := 0
	for name, f := range fsys {
		md, ok := strings.CutPrefix(name, "content/2015/")
		if !ok || !(md == "summary.md" || strings.HasPrefix(md, "groups/") || strings.HasPrefix(md, "provinces/")) {
			continue
		}
		page, _ := m.File(strings.TrimSuffix(md, ".md") + ".html")
		var full []string
		for _, sm := range shownFigure.FindAllStringSubmatch(string(page), -1) {
			if sm[1] == "fig" {
				full = append(full, sm[2])
			}
		}
		refs := cited.FindAllStringSubmatch(string(f.Data), -1)
		if len(refs) != len(full) {
			t.Errorf("%s cites %d figures; the site shows %d", name, len(refs), len(full))
			continue
		}
		for i, sm := range refs {
			before, written, after := sm[1], sm[2], sm[3]
			_, format, _ := strings.Cut(written, ":")
			f, _ := figs.get(full[i])
			want := f.Text
			if format == "cn" {
				want = i18n.ChineseNumber(int(f.Value.(float64)))
			}
			if !strings.Contains(text, before+squeeze(want)+after) {
				t.Errorf("the briefing does not print %q for {{%s}} in %s", before+want+after, written, name)
			}
			n++
		}
	}
	if n < 30 {
		t.Errorf("only %d figures checked in the briefing", n)
	}
	words := pdfWords(t, pdf)
	for _, fig := range []string{"groups", "provinces-visited", "visits", "people-met", "problems", "practices", "closed-rate", "overdue"} {
		if f := figs[fig]; !tileShows(words, f.Label, f.Text) {
			t.Errorf("the briefing's key figures do not show %s %s", f.Label, f.Text)
		}
	}
}

// pdfWord is a word pdftotext -bbox finds, with its top left corner.
type pdfWord struct {
	x, y float64
	text string
}

var bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" [^>]*>([^<]*)</word>`)

func pdfWords(t *testing.T, pdf []byte) []pdfWord {
	var words []pdfWord
	for _, sm := range bboxWord.FindAllStringSubmatch(pdftotext(t, pdf, "-bbox"), -1) {
		x, _ := strconv.ParseFloat(sm[1], 64)
		y, _ := strconv.ParseFloat(sm[2], 64)
		words = append(words, pdfWord{x, y, html.UnescapeString(sm[3])})
	}
	return words
}

// tileShows reports whether a key figure's value stands right under its
// label, as in a tile.
func tileShows(words []pdfWord, label, value string) bool {
	for _, l := range words {
		if l.text != label {
			continue
		}
		for _, v := range words {
			if v.text == value && math.Abs(v.x-l.x) < 1 && v.y > l.y && v.y-l.y < 30 {
				return true
			}
		}
	}
	return false
}

func pdftotext(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install poppler-utils (apt-get install poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "briefing.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), file, "-")...)
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// squeeze removes white space: the briefing breaks lines anywhere in
// Chinese text.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}
