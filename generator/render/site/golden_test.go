package site_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/site"
	"github.com/ducha/ducha/internal/golden"
)

// update is -update: rewrite the golden files in testdata/golden.
var update = golden.Update

// TestGolden pins the HTML of representative pages of the sample campaign
// (in Chinese) and of the minimal project (in English), and the exports.
// Rewrite the files with go test ./generator/render/site -update, and read the
// diff before committing it.
func TestGolden(t *testing.T) {
	sampleProject := loadProject(t, sample)
	zh, _ := render(t, sampleProject, site.Options{Briefing: "briefing.pdf"})
	minimal := loadProject(t, "../../../testdata/projects/minimal")
	minimal.Config.Language = model.EN
	en, _ := render(t, minimal, site.Options{})
	for _, tc := range []struct {
		prefix string
		files  []string
		site   interface{ File(string) ([]byte, bool) }
	}{
		{"sample", []string{
			"index.html", "summary.html", "groups/index.html", "groups/1.html",
			"provinces/index.html", "provinces/zj.html", "provinces/tj.html",
			"items/index.html", "items/wages.html", "findings/index.html", "findings/zj-05.html",
			"rectification.html", "visits.html", "pages/method.html",
			"export/findings.csv", "export/rectification.json", "export/figures.json",
			// Over time: the campaigns, the comparisons, a repeat, a problem
			// of the earlier campaign followed after its as_of, the search.
			"campaigns/index.html", "compare/index.html", "compare/provinces.html", "compare/items.html",
			"compare/indicators.html", "compare/repeats.html", "findings/zj-04.html",
			"campaigns/2014/findings/gz-03.html", "campaigns/2014/rectification.html", "search.html",
			"assets/search-data.js",
		}, zh},
		{"minimal-en", []string{"index.html", "provinces/zj.html", "findings/zj-01.html", "export/rectification.csv"}, en},
	} {
		for _, name := range tc.files {
			t.Run(tc.prefix+"/"+name, func(t *testing.T) {
				got, ok := tc.site.File(name)
				if !ok {
					t.Fatalf("%s was not written", name)
				}
				golden := filepath.Join("testdata", "golden", tc.prefix, filepath.FromSlash(name))
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./generator/render/site -update to write it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s (go test ./generator/render/site -update rewrites it):\n%s", name, golden, diff(want, got))
				}
			})
		}
	}
}

// diff describes the first lines where got differs from want.
func diff(want, got []byte) string {
	w := strings.Split(string(want), "\n")
	g := strings.Split(string(got), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			var b strings.Builder
			for j := i; j < min(i+5, max(len(w), len(g))); j++ {
				if j < len(w) {
					fmt.Fprintf(&b, "line %d want: %s\n", j+1, w[j])
				}
				if j < len(g) {
					fmt.Fprintf(&b, "line %d got:  %s\n", j+1, g[j])
				}
			}
			return b.String()
		}
	}
	return "(the files differ only in length)"
}
