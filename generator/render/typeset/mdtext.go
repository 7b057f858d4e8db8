package typeset

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// PrintedRunes calls fn with every character Typesetter.Markdown prints of
// doc, a document parsed from src, with its byte offset in src: text as
// goldmark's HTML renderer would show it (escapes and character references
// decoded), code, link addresses shown after the link text, and
// footnotes. A document checks with it that its fonts can draw what it
// will print, and where a character that they cannot is.
func PrintedRunes(doc ast.Node, src []byte, fn func(r rune, off int)) {
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
