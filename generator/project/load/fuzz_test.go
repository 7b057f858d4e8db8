package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/project/validate"
	"github.com/ducha/ducha/internal/fixture"
)

// fuzzTargets are the files the fuzzer writes into the minimal project, one
// per run, chosen by the fuzzer.
var fuzzTargets = []string{
	"data/2015/provinces/zj.yaml",
	"data/2015/groups.yaml",
	"data/2015/campaign.yaml",
	"data/2015/items.yaml",
	"data/2015/self-exam.yaml",
	"data/units.yaml",
	"data/provinces.yaml",
	"content/2015/overview.md",
	"ducha.yaml",
}

// FuzzLoad feeds arbitrary bytes to the loader and validator as one file
// of an otherwise valid project. Nothing may panic, and every problem must
// name a file of the project. The seeds are the files of the bad-input
// corpus (testdata/script/check).
func FuzzLoad(f *testing.F) {
	fixture.CorpusFiles(f, fuzzTargets, func(i int, data []byte) { f.Add(uint8(i), data) })
	base := fixture.Minimal(f)
	for i, target := range fuzzTargets {
		f.Add(uint8(i), base[target].Data)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		target := fuzzTargets[int(which)%len(fuzzTargets)]
		fsys[target] = &fstest.MapFile{Data: data}
		p, diags, err := Load(fsys)
		if err != nil {
			t.Fatalf("I/O error from an in-memory project: %v", err)
		}
		validate.Project(p, diags)
		for _, d := range diags.Items() {
			if d.Pos.File == "" || d.Pos.Line < 0 || d.Pos.Col < 0 || d.Message == "" {
				t.Fatalf("malformed diagnostic %+v", d)
			}
			if _, ok := fsys[d.Pos.File]; !ok && !strings.HasPrefix(d.Pos.File, "data") {
				t.Fatalf("diagnostic names an unknown file: %v", d)
			}
		}
	})
}
