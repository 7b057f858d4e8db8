package figures

import (
	"strings"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
)

// Check reports, at its path:line:col, every figure cited in campaign c's
// narrative that names none, and every figure cited where none can be: in
// a finding's detail or a rectification's notes, which belong to no page.
func Check(c *model.Campaign, md *markdown.Renderer, diags *diag.List) {
	names := NamesOf(c)
	for _, pg := range c.Pages {
		if !strings.Contains(string(pg.Body), "{{") {
			continue
		}
		here := ScopeOf(pg)
		for _, f := range markdown.FigureRefs(md.Parse(pg.Body, nil)) {
			if err := names.Check(f.Name, here); err != nil {
				diags.Errorf(model.OffsetPos(pg.Path, pg.Body, f.Offset), "{{%s}}: %v", f.Name, err)
			}
		}
	}
	for _, f := range c.Findings() {
		checkNone(md, f.Detail, f.Src.At("detail"), diags)
		if f.Rect != nil {
			checkNone(md, f.Rect.Notes, f.Rect.Src.At("notes"), diags)
		}
	}
}

// checkNone reports a figure cited in Markdown that belongs to no page.
func checkNone(md *markdown.Renderer, t model.Text, pos model.Pos, diags *diag.List) {
	for _, s := range []string{t.ZH, t.EN} {
		if !strings.Contains(s, "{{") {
			continue
		}
		for _, f := range markdown.FigureRefs(md.Parse([]byte(s), nil)) {
			diags.Errorf(pos, "{{%s}}: figures are cited on the pages of content/, not in a finding's text; write the fact here, or cite the figure on the province's page", f.Name)
			return
		}
	}
}
