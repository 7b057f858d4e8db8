package briefing

import (
	"fmt"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/typeset"
)

// checker reports characters the fonts cannot draw.
type checker struct {
	ts     *typeset.Typesetter
	diags  *diag.List
	source string
	lang   model.Lang
	md     *markdown.Renderer
}

// campaign checks every text of c the briefing prints.
func (ck *checker) campaign(p *model.Project, c *model.Campaign) {
	ck.text(p.Config.PDF.Marking, "the marking (pdf.marking)")
	ck.text(c.Title, "the title")
	ck.text(c.ShortTitle, "the short title")
	ck.text(c.Basis, "the policy basis")
	ck.text(c.Organiser, "the organiser")
	if c.Illustrative {
		ck.text(c.Note, "the note")
	}
	for _, m := range c.Methods {
		ck.text(m, "a method")
	}
	units := map[*model.Unit]bool{}
	for _, u := range c.Members {
		units[u] = true
	}
	for _, it := range c.Items {
		ck.text(it.Name, "the key item's name")
		ck.text(it.Short, "the key item's short name")
		for _, pt := range it.Points {
			ck.text(pt, "a point to check")
		}
		for _, ind := range it.Indicators {
			ck.text(ind.Name, "the indicator's name")
		}
	}
	for _, g := range c.Groups {
		ck.text(g.Leader.Name, "the leader's name")
		ck.text(g.Leader.Title, "the leader's title")
		units[g.Lead] = true
		for _, m := range g.Members {
			ck.text(m.Name, "the member's name")
			ck.text(m.Role, "the member's role")
			units[m.Unit] = true
		}
	}
	for _, u := range p.Units {
		if units[u] {
			ck.text(u.Name, "the unit's name")
			ck.text(u.Short, "the unit's short name")
		}
	}
	for _, pr := range p.Provinces {
		ck.text(pr.Name, "the province's name")
		ck.text(pr.Short, "the province's short name")
	}
	for _, s := range c.SelfExams {
		ck.text(s.Summary, "the self-examination summary")
	}
	for _, in := range c.OnSite {
		ck.inspection(in)
	}
	for _, pg := range c.Pages {
		if printedPage(pg) {
			ck.page(pg)
		}
	}
}

func (ck *checker) inspection(in *model.Inspection) {
	for _, v := range in.Visits {
		ck.text(v.Place, "the visit's place")
		ck.text(v.Note, "the visit's note")
	}
	for _, v := range in.Values {
		ck.text(v.Note, "the indicator value's note")
	}
	for _, f := range in.Findings {
		ck.text(f.Title, "the finding's title")
		ck.markdown(f.Detail, "the finding's detail")
		if f.Rect != nil {
			ck.text(f.Rect.Responsible, "the responsible body")
			ck.markdown(f.Rect.Notes, "the rectification notes")
		}
	}
}

// printedPage reports whether the briefing prints a narrative page.
func printedPage(pg *model.Page) bool {
	if pg.Draft {
		return false
	}
	switch pg.Kind {
	case model.PageSummary, model.PageGroup, model.PageProvince:
		return true
	}
	return false
}

// text checks the side of t the briefing prints.
func (ck *checker) text(t model.Text, what string) {
	s := t.In(ck.lang)
	if s == "" {
		return
	}
	n := 0
	seen := map[rune]int{}
	var order []rune
	for _, r := range s {
		n++
		if ck.drawable(r) {
			continue
		}
		if _, ok := seen[r]; !ok {
			order = append(order, r)
			seen[r] = n
		}
	}
	for _, r := range order {
		ck.report(t.Pos, r, fmt.Sprintf("%s (character %d of the text)", what, seen[r]))
	}
}

// markdown checks a Markdown field written in YAML: the positions are those
// of the field's value.
func (ck *checker) markdown(t model.Text, what string) {
	s := t.In(ck.lang)
	if s == "" {
		return
	}
	src := []byte(s)
	if ck.allDrawable(src) {
		return
	}
	seen := map[rune]bool{}
	var order []rune
	first := map[rune]int{}
	typeset.PrintedRunes(ck.md.Parse(src, nil), src, func(r rune, off int) {
		if ck.drawable(r) || seen[r] {
			return
		}
		seen[r] = true
		order = append(order, r)
		first[r] = utf8.RuneCount(src[:off]) + 1
	})
	for _, r := range order {
		ck.report(t.Pos, r, fmt.Sprintf("%s (character %d of the text)", what, first[r]))
	}
}

// page checks a narrative page: every character that cannot be drawn is
// reported where it is in the file, once per character and line.
func (ck *checker) page(pg *model.Page) {
	if pg.Title != "" {
		ck.text(model.Text{ZH: pg.Title, EN: pg.Title, Pos: pg.Src.At("title")}, "the page's title")
	}
	src := pg.Body
	if ck.allDrawable(src) {
		return
	}
	type at struct {
		r    rune
		line int
	}
	seen := map[at]bool{}
	typeset.PrintedRunes(ck.md.Parse(src, nil), src, func(r rune, off int) {
		if ck.drawable(r) {
			return
		}
		pos := model.OffsetPos(pg.Path, src, off)
		if seen[at{r, pos.Line}] {
			return
		}
		seen[at{r, pos.Line}] = true
		ck.report(pos, r, "the text")
	})
}

// allDrawable reports whether every character of a Markdown source can be
// drawn, and it has no character reference (&…;) that could print one
// that is not in the source: then what it prints can be drawn too, and
// there is no need to parse it. Most text is like this.
func (ck *checker) allDrawable(src []byte) bool {
	for _, r := range string(src) {
		if r == '&' || !ck.drawable(r) {
			return false
		}
	}
	return true
}

func (ck *checker) drawable(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || typeset.Ignorable(r) || ck.ts.Has(r)
}

func (ck *checker) report(pos model.Pos, r rune, what string) {
	if pos.IsZero() {
		return
	}
	ck.diags.Errorf(pos, "the briefing's fonts (%s) cannot draw %s in %s; use another character, or add a font that has it to pdf.font in ducha.yaml (each role takes a list of fonts, tried in order)",
		ck.source, describeRune(r), what)
}

// describeRune names a character for a message: "𐌀" (U+10300, Old_Italic).
func describeRune(r rune) string {
	s := fmt.Sprintf("U+%04X", r)
	if unicode.IsPrint(r) {
		s = strconv.Quote(string(r)) + " (" + s
	} else {
		s = "the character (" + s
	}
	if script := scriptOf(r); script != "" {
		s += ", " + script
	} else if unicode.Is(unicode.Co, r) {
		s += ", private use"
	}
	return s + ")"
}

// scriptOf returns the name of r's script, or "".
func scriptOf(r rune) string {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if name != "Common" && name != "Inherited" && unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return ""
}
