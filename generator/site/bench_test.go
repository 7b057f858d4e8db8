package site_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/report"
	"github.com/ducha/ducha/generator/site"
)

// BenchmarkRender renders the sample campaign's site into memory.
func BenchmarkRender(b *testing.B) {
	benchmarkRender(b, loadProject(b, sample))
}

// BenchmarkRender10k renders the sample campaign with its findings copied
// over and over to 10,000 findings: 10,000 finding pages and a findings
// list of 10,000 rows.
func BenchmarkRender10k(b *testing.B) {
	p := loadProject(b, sample)
	grow(p.Current(), 10000)
	benchmarkRender(b, p)
}

func benchmarkRender(b *testing.B, p *model.Project) {
	r := report.New(p.Current(), p.Config.Lang())
	var st site.Stats
	for b.Loop() {
		var err error
		st, err = site.Render(context.Background(), &output.Memory{}, p, r, site.Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.Pages), "pages")
}

// grow copies the findings of campaign c, with new IDs, until it has n.
func grow(c *model.Campaign, n int) {
	total := len(c.Findings())
	for copyNo := 1; total < n; copyNo++ {
		for _, in := range c.OnSite {
			orig := len(in.Findings)
			for _, f := range in.Findings[:orig] {
				if total >= n {
					break
				}
				g := *f
				g.ID = fmt.Sprintf("%s-c%d", f.ID, copyNo)
				in.Findings = append(in.Findings, &g)
				total++
			}
		}
	}
	c.Index()
}
