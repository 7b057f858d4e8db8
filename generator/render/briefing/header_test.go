package briefing

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/typeset"
)

// drawnText is a run of text as drawn: its box on the page, in points.
type drawnText struct {
	page                   int
	s                      string
	left, right, top, base float64
}

// layout lays the briefing out and returns every run of text drawn, with
// its measured box, and the pages.
func layout(t *testing.T, p *model.Project) ([]drawnText, []*typeset.Page) {
	t.Helper()
	c := p.Current()
	ts, err := typeset.New(embedded())
	if err != nil {
		t.Fatal(err)
	}
	r := report.New(c, p.Config.Lang())
	pages, err := newBriefing(ts, p, r, markdown.New(markdown.Options{})).build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []drawnText
	for i, pg := range pages {
		for _, run := range ts.Runs(pg) {
			out = append(out, drawnText{page: i, s: run.Text, left: run.X, right: run.X + run.Width, top: run.Baseline - 0.9*run.Size, base: run.Baseline})
		}
	}
	return out, pages
}

// TestLongMarkingAndTitle: a marking or a title of 10 kB, Chinese or one
// Latin word, is shortened in the page header and on the cover, or wraps,
// but never runs off the page nor over other text.
func TestLongMarkingAndTitle(t *testing.T) {
	for _, tc := range []struct {
		name, marking, title string
		lang                 model.Lang
	}{
		{"chinese", strings.Repeat("内部资料注意保存", 420), strings.Repeat("第八次全国农民工工作督查关于进一步做好服务工作", 150), model.ZH},
		{"latin", strings.Repeat("Internal", 1250), strings.Repeat("Supervision", 900), model.EN},
		{"short", "内部资料", "督查", model.ZH},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := loadProject(t, os.DirFS("../../../testdata/projects/minimal"))
			p.Config.Language = tc.lang
			p.Config.PDF.Marking = model.Text{ZH: tc.marking, EN: tc.marking}
			c := p.Current()
			c.Title = model.Text{ZH: tc.title, EN: tc.title}
			runs, pages := layout(t, p)
			for _, d := range runs {
				// On the page; in the header, within the text's width.
				left, right := 0.0, pageW
				if d.top < marginTop {
					left, right = marginLeft-0.5, pageW-marginRight+0.5
				}
				if d.left < left || d.right > right || d.top < 0 || d.base > pageH {
					t.Errorf("page %d: %.30q drawn at x %.1f to %.1f, y %.1f to %.1f: off the page", d.page+1, d.s, d.left, d.right, d.top, d.base)
				}
			}
			for i, a := range runs {
				for _, b := range runs[i+1:] {
					if a.page == b.page && a.top < marginTop && b.top < marginTop &&
						a.left < b.right && b.left < a.right && a.top < b.base && b.top < a.base {
						t.Errorf("page %d: in the header, %.30q and %.30q overlap", a.page+1, a.s, b.s)
					}
				}
			}
			checkRects(t, pages)
			header := headerText(runs, len(pages))
			if tc.name != "short" && (strings.Count(header, "…") != 2 || len(header) > 1000) {
				t.Errorf("the header is not shortened visibly: %.80q", header)
			}
			if tc.name == "short" && (len(header) != len("督查内部资料") || !strings.Contains(header, "督查") || !strings.Contains(header, "内部资料")) {
				t.Errorf("the header of short values is %q", header)
			}
		})
	}
}

// checkRects checks that every frame and fill lies on its page.
func checkRects(t *testing.T, pages []*typeset.Page) {
	t.Helper()
	for i, pg := range pages {
		for _, o := range pg.Rects() {
			if o.X < 0 || o.Y < 0 || o.X+o.W > pageW || o.Y+o.H > pageH {
				t.Errorf("page %d: a rectangle at %.1f,%.1f, %.1f by %.1f runs off the page", i+1, o.X, o.Y, o.W, o.H)
			}
		}
	}
}

// headerText returns the text of the header of page no (from 1).
func headerText(runs []drawnText, no int) string {
	var b strings.Builder
	for _, d := range runs {
		if d.page == no-1 && d.top < marginTop {
			b.WriteString(d.s)
		}
	}
	return b.String()
}
