package pipeline

import (
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/fixture"
)

// buildTargets are the files FuzzBuild writes into the minimal project,
// one per run, chosen by the fuzzer.
var buildTargets = []string{
	"data/2015/provinces/zj.yaml",
	"data/2015/campaign.yaml",
	"data/2015/items.yaml",
	"data/2015/groups.yaml",
	"content/2015/overview.md",
	"content/2015/summary.md",
	"content/2015/provinces/zj.md",
	"ducha.yaml",
	"data/units.yaml",
	"data/2015/self-exam.yaml",
}

// markdownSeeds are Markdown a briefing and a site must set whatever it
// holds.
var markdownSeeds = []string{
	"---\ntitle: 概述\n---\n# 一、总体情况\n\n| 省份 | 问题 |\n|---|---:|\n| 浙江 | 3 |\n\n- 一\n  - 二\n    1. 三\n\n> 引用\n>> 嵌套\n\n```go\nfunc main() {}\n```\n",
	"---\ntitle: x\n---\n脚注[^1]。\n\n[^1]: 说明。\n\n![图](https://example.org/a.png) <b>raw</b> <script>alert(1)</script>\n",
	"---\ntitle: x\n---\nＡＢＣ　全角　" + "很长的没有标点的中文句子很长的没有标点的中文句子很长的没有标点的中文句子很长的没有标点的中文句子很长的没有标点的中文句子\n\nsupercalifragilisticexpialidocioussupercalifragilisticexpialidocioussupercalifragilisticexpialidocious\n",
	"---\ntitle: x\n---\n#\n##\n###### 六级标题\n\n---\n\n***\n\n* * *\n\n1) a\n2) b\n\n- [ ] 待办\n- [x] 已办\n",
	"---\ntitle: x\n---\n|a|\n|-|\n|长|\n\n<!-- 注释 -->\n\n&amp; &#x4e00; &nbsp;\n",
	"---\ntitle: x\n---\n\x00\xff\xfe 坏的 UTF-8 \u200b\u00ad\ufeff \U0001F600 \u0301\n",
}

// FuzzBuild feeds arbitrary bytes to one file of the minimal project, as
// FuzzLoad does, and builds the site and the briefing into memory whenever
// the check finds no error: a project ducha check accepts must build. The
// seeds are the files of the bad-input corpus (testdata/script/check) and
// Markdown of every kind the renderers handle.
func FuzzBuild(f *testing.F) {
	base := fixture.Minimal(f)
	fixture.CorpusFiles(f, buildTargets, func(i int, data []byte) { f.Add(uint8(i), data) })
	// Each target's own file starts the fuzzer there; as seeds they are
	// one build of the minimal project over again, so -short runs one.
	for i, target := range buildTargets {
		if file, ok := base[target]; ok && (i == 0 || !testing.Short()) {
			f.Add(uint8(i), file.Data)
		}
	}
	// Every Markdown seed in every page, or with -short in the overview.
	for _, md := range markdownSeeds {
		for i, target := range buildTargets {
			if filepath.Ext(target) == ".md" {
				f.Add(uint8(i), []byte(md))
				if testing.Short() {
					break
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		target := buildTargets[int(which)%len(buildTargets)]
		fsys[target] = &fstest.MapFile{Data: data}
		ch, err := Check(fsys, CheckOptions{Briefing: true})
		if err != nil {
			t.Fatalf("I/O error from an in-memory project: %v", err)
		}
		if ch.Diags.HasErrors(false) {
			return
		}
		var out output.Memory
		if _, err := render(context.Background(), fsys, ch, &out, Options{Site: true, Briefing: true}); err != nil {
			t.Fatalf("%s: the check passed but the build failed: %v", target, err)
		}
		if _, ok := out.File(BriefingName); !ok {
			t.Fatalf("%s: no briefing", target)
		}
	})
}
