package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/synth"
)

// BenchmarkSample builds the sample campaign at the repository's root: check
// and render the site and briefing into memory.
func BenchmarkSample(b *testing.B) {
	benchBuild(b, os.DirFS(filepath.Join("..", "..")), Options{Site: true, Briefing: true}, "")
}

// BenchmarkSampleCheck is the check stage alone on the sample: load,
// validate and the fonts' coverage of the text.
func BenchmarkSampleCheck(b *testing.B) {
	fsys := os.DirFS(filepath.Join("..", ".."))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(fsys, CheckOptions{Briefing: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is the check stage alone on synthetic projects of 100,
// 1,000 and 10,000 findings, in memory, for a briefing: load, validate,
// the figures and the fonts' coverage of the text.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		fsys, err := synth.FS(synth.Options{Findings: n, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ch, err := Check(fsys, CheckOptions{Briefing: true})
				if err != nil || ch.Diags.HasErrors(false) {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuild is the whole build of synthetic projects of 100, 1,000 and
// 10,000 findings, written to disk as ducha build does: check, site and
// briefing, and the swap of the output folder.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		dir := b.TempDir()
		if err := synth.Write(dir, synth.Options{Findings: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			benchBuild(b, os.DirFS(dir), Options{Site: true, Briefing: true}, filepath.Join(dir, "public"))
		})
	}
}

// benchBuild checks and renders fsys, into memory or, with out, into a
// folder swapped in as ducha build does.
func benchBuild(b *testing.B, fsys fs.FS, opts Options, out string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		ch, err := Check(fsys, CheckOptions{Briefing: true})
		if err != nil || ch.Diags.HasErrors(false) {
			b.Fatal(err, ch.Diags.Items())
		}
		var w output.Writer = &output.Memory{}
		var dir *output.Dir
		if out != "" {
			if dir, err = output.NewDir(context.Background(), out, output.DirOptions{}); err != nil {
				b.Fatal(err)
			}
			w = dir
		}
		if _, err := render(context.Background(), fsys, ch, w, opts); err != nil {
			b.Fatal(err)
		}
		if dir != nil {
			if err := dir.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
