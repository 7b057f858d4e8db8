package load

import (
	"fmt"
	"testing"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/internal/synth"
)

var sizes = []int{100, 1000, 10000}

// BenchmarkLoad reads synthetic projects of 100, 1,000 and 10,000 findings
// from memory.
func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes {
		fsys, err := synth.FS(synth.Options{Findings: n, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Load(fsys); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadOneFile reads a synthetic project of 10,000 findings all
// in one province file (12 MB): decoded in pieces (pieces.go), and, as
// /whole, as it would be without them.
func BenchmarkLoadOneFile(b *testing.B) {
	fsys, err := synth.FS(synth.Options{Findings: 10000, Provinces: 1, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	for _, whole := range []bool{false, true} {
		name := "pieces"
		if whole {
			name = "whole"
		}
		b.Run(name, func(b *testing.B) {
			saved := decodePieces
			defer func() { decodePieces = saved }()
			decodePieces = !whole
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Load(fsys); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValidate checks loaded synthetic projects.
func BenchmarkValidate(b *testing.B) {
	for _, n := range sizes {
		fsys, err := synth.FS(synth.Options{Findings: n, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		p, _, err := Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var d diag.List
				validate.Project(p, &d)
				if d.Len() > 0 {
					b.Fatal(d.Items())
				}
			}
		})
	}
}
