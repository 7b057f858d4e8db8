package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ducha/ducha/generator/output"
)

// BenchmarkSample builds the sample campaign at the repository's root: check
// and render the site and briefing into memory.
func BenchmarkSample(b *testing.B) {
	fsys := os.DirFS(filepath.Join("..", ".."))
	b.ReportAllocs()
	for b.Loop() {
		ch, err := Check(fsys)
		if err != nil || ch.Diags.HasErrors(false) {
			b.Fatal(err, ch.Diags.Items())
		}
		var mem output.Memory
		if _, err := Render(context.Background(), fsys, ch, &mem, Options{Site: true, Briefing: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSampleCheck is the check stage alone on the sample: load,
// validate and the fonts' coverage of the text.
func BenchmarkSampleCheck(b *testing.B) {
	fsys := os.DirFS(filepath.Join("..", ".."))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
