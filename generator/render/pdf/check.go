package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
)

// checker reports characters the fonts cannot draw.
type checker struct {
	faces  *faceSet
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
	mdRunes(ck.md.Parse(src, nil), src, func(r rune, off int) {
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
	mdRunes(ck.md.Parse(src, nil), src, func(r rune, off int) {
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
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || ignorable(r) || ck.faces.has(r)
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

// mdRunes calls fn with every character the briefing prints of a Markdown
// document, with its byte offset in src: text as goldmark's HTML renderer
// would show it (escapes and character references decoded), code, link
// targets shown after the link text, and footnotes.
func mdRunes(doc ast.Node, src []byte, fn func(r rune, off int)) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			seg := n.Segment
			if n.IsRaw() {
				rawRunes(src[seg.Start:seg.Stop], seg.Start, fn)
			} else {
				mdDecode(src[seg.Start:seg.Stop], seg.Start, fn)
			}
		case *ast.String:
			off := 0
			if p := firstOffset(n); p >= 0 {
				off = p
			}
			for _, r := range string(n.Value) {
				fn(r, off)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				rawRunes(src[seg.Start:seg.Stop], seg.Start, fn)
			}
		case *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			off := firstOffset(n.Parent())
			for _, r := range string(n.Label(src)) {
				fn(r, max(off, 0))
			}
		case *ast.Link:
			if shownURL(n.Destination, n, src) {
				off := firstOffset(n)
				for _, r := range string(n.Destination) {
					fn(r, max(off, 0))
				}
			}
		case *east.TaskCheckBox:
		}
		return ast.WalkContinue, nil
	})
}

// firstOffset returns the byte offset of the first text inside n, or of
// n's first line, or -1.
func firstOffset(n ast.Node) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 && n != nil && n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	}
	return off
}

func rawRunes(b []byte, base int, fn func(r rune, off int)) {
	for i, r := range string(b) {
		fn(r, base+i)
	}
}

// mdDecode decodes Markdown text as goldmark's HTML writer does: a
// backslash before ASCII punctuation escapes it, a backslash before a space
// (the CJK extension's escaped space) is dropped with the space, and
// character references (&amp; &#x4E2D; &#20013;) become their characters.
// fn gets each character with the offset of what it was written as.
func mdDecode(b []byte, base int, fn func(r rune, off int)) {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			fn(rune(b[i+1]), base+i)
			i += 2
			continue
		case c == '\\' && i+1 < len(b) && b[i+1] == ' ':
			i += 2
			continue
		case c == '&':
			if rs, n := charRef(b[i:]); n > 0 {
				for _, r := range rs {
					fn(r, base+i)
				}
				i += n
				continue
			}
		case c == 0:
			fn(0xfffd, base+i)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		fn(r, base+i)
		i += size
	}
}

// charRef decodes the character reference at the start of b, returning its
// characters and length, or n = 0.
func charRef(b []byte) (rs []rune, n int) {
	end := -1
	for i := 1; i < len(b) && i < 40; i++ {
		if b[i] == ';' {
			end = i
			break
		}
	}
	if end < 2 {
		return nil, 0
	}
	name := string(b[1:end])
	if name[0] == '#' {
		var v uint64
		var err error
		if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
			if len(name) < 3 || len(name) > 8 {
				return nil, 0
			}
			v, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			if len(name) < 2 || len(name) > 8 {
				return nil, 0
			}
			v, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err != nil {
			return nil, 0
		}
		r := rune(v)
		if r == 0 || r > unicode.MaxRune || (r >= 0xd800 && r <= 0xdfff) {
			r = 0xfffd
		}
		return []rune{r}, end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return []rune(string(e.Characters)), end + 1
	}
	return nil, 0
}
