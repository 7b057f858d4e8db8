package site

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"testing"

	"github.com/ducha/ducha/generator/load"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/report"
	"github.com/ducha/ducha/generator/synth"
	"github.com/ducha/ducha/generator/validate"
)

// TestExecutor renders whole sites with the executor of package tmplexec
// and with html/template alone, and requires the same files with the same
// bytes. It also requires that the executor did the work: a template it
// leaves to html/template is correct but slow.
func TestExecutor(t *testing.T) {
	big, err := synth.FS(synth.Options{Findings: 300, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		fsys fs.FS
		lang model.Lang
	}{
		{"sample", os.DirFS("../.."), ""},
		{"hostile", os.DirFS("testdata/hostile"), ""},
		{"minimal-en", os.DirFS("../../testdata/projects/minimal"), model.EN},
		{"synth-300", big, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := loadFS(t, tc.fsys)
			if tc.lang != "" {
				p.Config.Language = tc.lang
			}
			r := report.New(p.Current(), p.Config.Lang())
			var fast, plain output.Memory
			opts := Options{Briefing: "briefing.pdf"}
			if _, err := Render(context.Background(), &fast, p, r, opts); err != nil {
				t.Fatal(err)
			}
			opts.htmlTemplateOnly = true
			if _, err := Render(context.Background(), &plain, p, r, opts); err != nil {
				t.Fatal(err)
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
	p := loadFS(t, os.DirFS("../.."))
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
