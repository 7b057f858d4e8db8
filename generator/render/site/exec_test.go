package site

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"testing"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/internal/synth"
)

// TestExecutor renders whole sites with the executor of package tmplexec
// and with html/template alone, and requires the same files with the same
// bytes. It also requires that the executor did the work: a template it
// leaves to html/template is correct but slow.
func TestExecutor(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	big, err := synth.FS(synth.Options{Findings: 300, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		fsys      fs.FS
		lang      model.Lang
		templates fs.FS // the project's own templates
	}{
		{"sample", os.DirFS("../../.."), "", nil},
		{"hostile", os.DirFS("testdata/hostile"), "", nil},
		{"minimal-en", os.DirFS("../../../testdata/projects/minimal"), model.EN, nil},
		{"synth-300", big, "", nil},
		{"overridden", os.DirFS("../../.."), "", os.DirFS("testdata/overrides")},
		{"hostile-overridden", os.DirFS("testdata/hostile"), "", os.DirFS("testdata/overrides")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFS(t, tc.fsys)
			if tc.lang != "" {
				p.Config.Language = tc.lang
			}
			r := report.New(p.Current(), p.Config.Lang())
			var fast, plain output.Memory
			opts := Options{Briefing: "briefing.pdf", Templates: tc.templates}
			prep, err := Prepare(context.Background(), p, r, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range prep.Names() {
				data, _, err := prep.File(name)
				if err != nil {
					t.Fatal(err)
				}
				output.WriteFile(&fast, name, data)
			}
			if n, first := prep.s.exec.Bugs(); n > 0 {
				t.Errorf("the executor failed %d times on its own bugs (html/template did the work again); the first: %s", n, first)
			}
			opts.PlainTemplates = true
			if _, err := Render(context.Background(), &plain, p, r, opts); err != nil {
				t.Fatal(err)
			}
			if tc.templates != nil {
				page, _ := fast.File(findingPath(p.Current().Findings()[0]))
				if !bytes.Contains(page, []byte("data-id=")) {
					t.Fatal("the override of finding.html was not used")
				}
			}
			names := plain.Names()
			if len(fast.Names()) != len(names) {
				t.Fatalf("%d files, html/template alone %d", len(fast.Names()), len(names))
			}
			for _, name := range names {
				a, _ := fast.File(name)
				b, _ := plain.File(name)
				if !bytes.Equal(a, b) {
					t.Errorf("%s differs from html/template's:\n%s", name, firstDiff(b, a))
				}
			}
		})
	}
}

// TestExecutorDoesTheWork checks that the executor runs every default
// template itself.
func TestExecutorDoesTheWork(t *testing.T) {
	p := loadFS(t, os.DirFS("../../.."))
	r := report.New(p.Current(), p.Config.Lang())
	s, err := newSite(p, r, Options{Markdown: markdown.New(markdown.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.prepare(context.Background()); err != nil {
		t.Fatal(err)
	}
	var st counter
	for _, j := range append(s.files(), s.pages()...) {
		if err := s.write(&output.Memory{}, j, &st); err != nil {
			t.Fatal(err)
		}
	}
	if fast, slow := s.exec.Stats(); slow != 0 || fast < st.pages.Load() {
		t.Errorf("the executor ran %d templates and left %d to html/template; want all %d pages and their partials", fast, slow, st.pages.Load())
	}
	if n, first := s.exec.Bugs(); n > 0 {
		t.Errorf("the executor failed %d times on its own bugs; the first: %s", n, first)
	}
}

func loadFS(t *testing.T, fsys fs.FS) *model.Project {
	t.Helper()
	p, diags, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if diags.HasErrors(false) {
		t.Fatalf("the project has errors: %v", diags.Items())
	}
	return p
}

// firstDiff shows where got first differs from want.
func firstDiff(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-80)
	return "want …" + string(want[from:min(len(want), i+80)]) + "\ngot  …" + string(got[from:min(len(got), i+80)])
}

// TestPlainTemplates: with PlainTemplates, html/template executes every
// template, and the executor none.
func TestPlainTemplates(t *testing.T) {
	p := loadFS(t, os.DirFS("../../../testdata/projects/minimal"))
	prep, err := Prepare(context.Background(), p, report.New(p.Current(), p.Config.Lang()), Options{PlainTemplates: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := prep.File("index.html"); err != nil {
		t.Fatal(err)
	}
	if fast, slow := prep.s.exec.Stats(); fast != 0 || slow != 0 {
		t.Errorf("the executor ran %d templates and was asked for %d; want none", fast, slow)
	}
}
