package site_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/render/site"
	"github.com/ducha/ducha/internal/synth"
)

// BenchmarkRender renders the site into memory: the sample campaign, and
// synthetic campaigns (package synth, seed 1) of 100, 1,000 and 10,000
// findings. Loading and validating the project are not timed. Run it with
//
//	go test ./generator/render/site -run '^$' -bench Render -benchmem -count 5
func BenchmarkRender(b *testing.B) {
	b.Run("sample", func(b *testing.B) {
		benchmarkRender(b, loadProject(b, sample))
	})
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			fsys, err := synth.FS(synth.Options{Findings: n, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			benchmarkRender(b, loadFS(b, fsys))
		})
	}
}

func benchmarkRender(b *testing.B, p *model.Project) {
	r := report.New(p.Current(), p.Config.Lang())
	var st site.Stats
	b.ReportAllocs()
	runtime.GC() // not the garbage of loading the project
	for b.Loop() {
		var err error
		st, err = site.Render(context.Background(), &output.Memory{}, p, r, site.Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.Pages), "pages")
}
