package briefing

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/generator/render/typeset"
	synthpkg "github.com/ducha/ducha/internal/synth"
)

// loadOfficial loads a project and validates it, in the layout it
// chooses (official by default in Chinese).
func loadOfficial(t testing.TB, fsys fs.FS) (*model.Project, *report.Report) {
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

// officialLayout lays out the briefing of p and returns its pages and the
// typesetter that set them.
func officialLayout(t testing.TB, p *model.Project, r *report.Report) ([]*typeset.Page, *typeset.Typesetter) {
	t.Helper()
	ts, err := typeset.New(embedded())
	if err != nil {
		t.Fatal(err)
	}
	pages, err := newBriefing(ts, p, r, markdown.New(markdown.Options{})).build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pages, ts
}

// TestOfficialAudit checks the page breaks of the official layout, on the
// sample and on generated campaigns of 31 provinces: no block split that
// fitted on a page, no heading alone at a page's foot, no note alone at
// its head, no continued table without its header, no page under a third
// full but a section's last.
func TestOfficialAudit(t *testing.T) {
	cases := map[string]func(testing.TB) fs.FS{
		"sample": func(testing.TB) fs.FS { return os.DirFS("../../..") },
	}
	for _, n := range []int{120, 400} {
		cases["synth-"+itoa(n)] = func(t testing.TB) fs.FS {
			fsys, err := synthpkg.FS(synthpkg.Options{Findings: n, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			return fsys
		}
	}
	for name, fsys := range cases {
		t.Run(name, func(t *testing.T) {
			p, r := loadOfficial(t, fsys(t))
			if p.Config.Layout() != model.LayoutOfficial {
				t.Fatalf("layout %q, want official", p.Config.Layout())
			}
			var diags diag.List
			if err := CheckText(p, r.Campaign, embedded(), &diags); err != nil || diags.Len() > 0 {
				t.Fatalf("CheckText: %v %v", err, diags.Err())
			}
			pages, _ := officialLayout(t, p, r)
			for _, v := range typeset.Audit(pages) {
				t.Error(v)
			}
		})
	}
}

// TestEnglishCompact: in English the briefing is compact by default, and
// its summary chapter is titled in English although summary.md, written
// in Chinese, has a Chinese title.
func TestEnglishCompact(t *testing.T) {
	p, _ := loadOfficial(t, os.DirFS("../../.."))
	p.Config.Language = model.EN
	if got := p.Config.Layout(); got != model.LayoutCompact {
		t.Fatalf("English layout %q, want compact", got)
	}
	r := report.New(p.Current(), model.EN)
	data, n := write(t, p, r)
	all := strings.Join(pages(t, data, n), "")
	if want := squeeze(i18n.Tr(model.EN, "summary")); !strings.Contains(all, want) {
		t.Errorf("the English briefing lacks the summary's title %q", want)
	}
	if title := r.Campaign.Page(model.PageSummary, "").Title; strings.Contains(all, squeeze(title)) {
		t.Errorf("the English briefing titles its summary %q", title)
	}
	if strings.Contains(all, "第8期") || !strings.Contains(all, "Page2of") {
		t.Error("the English briefing is not in the compact layout")
	}
}
