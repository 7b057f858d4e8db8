package site_test

import (
	"context"
	"io/fs"
	"os"
	"testing"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/generator/render/site"
)

// sample is the sample campaign: the repository itself.
const sample = "../../.."

// loadProject loads and validates the project in dir and fails the test
// on any error in its data.
func loadProject(t testing.TB, dir string) *model.Project {
	t.Helper()
	return loadFS(t, os.DirFS(dir))
}

func loadFS(t testing.TB, fsys fs.FS) *model.Project {
	t.Helper()
	p, diags, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	validate.Project(p, diags)
	if diags.HasErrors(false) {
		var b []byte
		for _, d := range diags.Items() {
			b = append(b, d.String()...)
			b = append(b, '\n')
		}
		t.Fatalf("the project has errors:\n%s", b)
	}
	return p
}

// render renders the site of p into memory.
func render(t testing.TB, p *model.Project, opts site.Options) (*output.Memory, site.Stats) {
	t.Helper()
	c := p.Current()
	r := report.New(c, p.Config.Lang())
	var m output.Memory
	st, err := site.Render(context.Background(), &m, p, r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return &m, st
}

// file returns a file of the rendered site, failing the test when it is
// missing.
func file(t testing.TB, m *output.Memory, name string) []byte {
	t.Helper()
	b, ok := m.File(name)
	if !ok {
		t.Fatalf("%s was not written", name)
	}
	return b
}

func readFile(root, name string) ([]byte, error) {
	return os.ReadFile(root + "/" + name)
}
