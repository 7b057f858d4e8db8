package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/fixture"
	"github.com/ducha/ducha/internal/synth"
)

// buildDir builds fsys into the folder out as ducha build does, and
// returns the output, committed.
func buildDir(t *testing.T, fsys fs.FS, out string, opts Options) *output.Dir {
	t.Helper()
	var dir *output.Dir
	opts.Site, opts.Briefing = true, true
	opts.Open = func(*Checked) (Output, error) {
		var err error
		dir, err = output.NewDir(context.Background(), out, output.DirOptions{})
		return dir, err
	}
	if _, err := new(Cache).Build(context.Background(), fsys, opts); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sameTree fails unless the folders a and b hold the same files, with the
// same bytes and permissions.
func sameTree(t *testing.T, a, b string) {
	t.Helper()
	files := func(root string) map[string]fs.FileInfo {
		out := map[string]fs.FileInfo{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || p == root {
				return err
			}
			fi, err := d.Info()
			rel, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(rel)] = fi
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	fa, fb := files(a), files(b)
	for name, ia := range fa {
		ib, ok := fb[name]
		switch {
		case !ok:
			t.Errorf("%s is only in the incremental build", name)
		case ia.Mode() != ib.Mode():
			t.Errorf("%s: mode %v, %v in the full build", name, ia.Mode(), ib.Mode())
		case ia.Mode().IsRegular():
			da, _ := os.ReadFile(filepath.Join(a, name))
			db, _ := os.ReadFile(filepath.Join(b, name))
			if !bytes.Equal(da, db) {
				t.Errorf("%s differs from the full build's", name)
			}
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			t.Errorf("%s is missing from the incremental build", name)
		}
	}
}

// TestIncrementalBuild builds a project, changes it, builds it again into
// the same folder, reusing the files that did not change, and compares
// the folder byte for byte with a build of the changed project into an
// empty folder; after each of a series of changes.
func TestIncrementalBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample 13 times; skipped with -short")
	}
	fsys := fixture.Sample(t)
	root := t.TempDir()
	out := filepath.Join(root, "public")
	buildDir(t, fsys, out, Options{})
	replace := func(name, old, new string) func() {
		return func() {
			src := string(fsys[name].Data)
			if !strings.Contains(src, old) {
				t.Fatalf("%s no longer holds %q; choose another change", name, old)
			}
			fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
		}
	}
	for _, step := range []struct {
		name   string
		change func()
		opts   Options
		reused bool // most files are reused
	}{
		{"nothing", func() {}, Options{}, true},
		{"a finding's title", replace("data/2015/provinces/zj.yaml", "部分在建项目未落实农民工工资专用账户和实名制管理", "一个改过的标题"), Options{}, true},
		{"a narrative page", replace("content/2015/summary.md", "。", "。改动。"), Options{}, true},
		{"a finding removed", removeFinding(fsys, "data/2015/provinces/zj.yaml", "zj-05"), Options{}, true},
		{"the as-of date", func() {}, Options{AsOf: mustDate(t, "2016-06-30")}, false},
		{"back", func() {}, Options{}, false},
	} {
		t.Run(step.name, func(t *testing.T) {
			step.change()
			d := buildDir(t, fsys, out, step.opts)
			clean := filepath.Join(root, "clean-"+strings.ReplaceAll(step.name, " ", "-"))
			buildDir(t, fsys, clean, step.opts)
			sameTree(t, out, clean)
			t.Logf("%d files reused", d.Reused())
			if step.reused && d.Reused() < 50 {
				t.Errorf("only %d files reused", d.Reused())
			}
		})
	}
}

// BenchmarkRebuild builds a synthetic project of 10,000 findings into a
// folder that holds its previous build, on disk, as a second ducha build
// does: nearly every file is reused.
func BenchmarkRebuild(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, synth.Options{Findings: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	fsys := os.DirFS(dir)
	opts := Options{Site: true, Briefing: true}
	opts.Open = func(*Checked) (Output, error) { return output.NewDir(context.Background(), out, output.DirOptions{}) }
	if _, err := new(Cache).Build(context.Background(), fsys, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := new(Cache).Build(context.Background(), fsys, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// removeFinding returns what removes the finding id from the province
// file name.
func removeFinding(fsys fstest.MapFS, name, id string) func() {
	return func() {
		src := string(fsys[name].Data)
		start := strings.Index(src, "  - id: "+id+"\n")
		end := start + 1 + strings.Index(src[start+1:], "\n  - id: ")
		if start < 0 || end <= start {
			panic(id + " is no longer followed by another finding in " + name)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(src[:start] + src[end+1:])}
	}
}

func mustDate(t *testing.T, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
