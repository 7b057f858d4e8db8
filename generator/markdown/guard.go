package markdown

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file decides what a document shows of what the renderer will not
// pass through as written, unless the project allows raw HTML: for the
// site, the briefing and ducha check alike, since all three read the same
// parsed tree.
//
// Raw HTML is shown as text, exactly as written: an inline tag among the
// words around it, an HTML block as a block of code. goldmark's own
// choice, to drop each tag, kept the text between tags (a script's code
// among it) and whatever goldmark did not take for HTML (the "> of a
// broken attribute); dropping whole elements instead would silently drop
// the words of a <span> or a pasted table. Shown as written, nothing an
// author typed is lost or half-shown, the page itself says where the HTML
// is, and check says what to write instead. An HTML comment is a note to
// other authors, and is not published at all.
//
// A link to a script (javascript:, vbscript:), a data: or a file: address,
// which goldmark would write as <a href="">, a live link to the page
// itself, is shown as its text alone.

// IssueKind says what an Issue is about.
type IssueKind int

// The kinds of Issue.
const (
	// RawHTML is raw HTML, shown as text.
	RawHTML IssueKind = iota + 1
	// UnsafeLink is a link to a script, a data: or a file: address,
	// shown as its text.
	UnsafeLink
	// UnsafeImage is an image with such an address, shown as its
	// description.
	UnsafeImage
)

// Issue is something a document shows other than as its author meant,
// for ducha check to report.
type Issue struct {
	Kind IssueKind
	// Offset is the byte offset in the document of the HTML, or of the
	// link's "[" (the image's "![", the autolink's "<").
	Offset int
	// Source is the HTML's first tag (or line) as written, at most about
	// 60 characters, or the link's address.
	Source string
}

// Issues returns what the document src shows other than as written, in
// order: raw HTML and links to unsafe addresses. It is empty when the
// renderer lets raw HTML through, which lets such links through too.
//
// A document without "<" or "[" has neither: raw HTML starts with "<", a
// link or an image with "[" (or is an autolink in "<" and ">"), and the
// addresses that GFM links without them (http:, https:, ftp:, www.,
// e-mail) are safe. Issues returns at once for such a document, as for
// nearly every finding's detail, without parsing it.
func (r *Renderer) Issues(src []byte) []Issue {
	if r.unsafe || !bytes.ContainsAny(src, "<[") {
		return nil
	}
	return r.issues(src)
}

// issues parses src for its Issues.
func (r *Renderer) issues(src []byte) []Issue {
	doc, ok := r.Parse(src, nil).(*ast.Document)
	if !ok {
		return nil
	}
	out, _ := doc.Meta()[issuesMeta].([]Issue)
	slices.SortStableFunc(out, func(a, b Issue) int { return a.Offset - b.Offset })
	return out
}

// issuesMeta is the key of the document's metadata under which guard
// records what it changed.
const issuesMeta = "ducha.issues"

// guard is the AST transformer that shows raw HTML as text and unsafe
// links as their text (see the top of this file). It records what it
// changes in the document's metadata, for Issues.
type guard struct{}

// Transform implements parser.ASTTransformer.
func (g *guard) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var found []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			found = append(found, n)
		case *ast.Link:
			if unsafeURL(n.Destination) {
				found = append(found, n)
			}
		case *ast.AutoLink:
			if unsafeURL(n.URL(src)) {
				found = append(found, n)
			}
		case *ast.Image:
			if unsafeURL(n.Destination) {
				found = append(found, n)
			}
		}
		return ast.WalkContinue, nil
	})
	if len(found) == 0 {
		return
	}
	var issues []Issue
	note := func(is Issue) { issues = append(issues, is) }
	defer func() { doc.AddMeta(issuesMeta, issues) }()
	for _, n := range found {
		switch n := n.(type) {
		case *ast.RawHTML:
			if is, ok := inlineHTML(n, src); ok {
				note(is)
			}
		case *ast.HTMLBlock:
			if is, ok := blockHTML(n, src); ok {
				note(is)
			}
		case *ast.Link:
			note(Issue{Kind: UnsafeLink, Offset: n.Pos(), Source: string(n.Destination)})
			unwrap(n)
		case *ast.AutoLink:
			note(Issue{Kind: UnsafeLink, Offset: n.Pos(), Source: string(n.URL(src))})
			n.Parent().ReplaceChild(n.Parent(), n, autoLinkText(n, src))
		case *ast.Image:
			// The renderers show its description: the site in
			// imageRenderer, the briefing as for any image it does
			// not print.
			note(Issue{Kind: UnsafeImage, Offset: n.Pos(), Source: string(n.Destination)})
		}
	}
}

// unsafeURL reports whether goldmark would empty a link to dest.
func unsafeURL(dest []byte) bool {
	return html.IsDangerousURL(util.URLEscape(dest, true))
}

// inlineHTML replaces raw HTML inside a paragraph with its text as
// written, or drops it when it is a comment; ok is false for a comment.
func inlineHTML(n *ast.RawHTML, src []byte) (Issue, bool) {
	parent := n.Parent()
	if n.Segments.Len() == 0 {
		parent.RemoveChild(parent, n)
		return Issue{}, false
	}
	first := n.Segments.At(0)
	comment := bytes.HasPrefix(first.Value(src), []byte("<!--"))
	if !comment {
		for i := range n.Segments.Len() {
			t := ast.NewTextSegment(n.Segments.At(i))
			t.SetRaw(true)
			parent.InsertBefore(parent, n, t)
		}
	}
	parent.RemoveChild(parent, n)
	return Issue{Kind: RawHTML, Offset: first.Start, Source: firstTag(first.Value(src))}, !comment
}

// blockHTML replaces an HTML block with a code block of its lines as
// written, or drops it when it is a comment; ok is false for a comment.
func blockHTML(n *ast.HTMLBlock, src []byte) (Issue, bool) {
	parent := n.Parent()
	lines := n.Lines()
	if n.HTMLBlockType == ast.HTMLBlockType2 || lines.Len() == 0 {
		parent.RemoveChild(parent, n)
		return Issue{}, false
	}
	cb := ast.NewCodeBlock()
	all := text.NewSegments()
	for i := range lines.Len() {
		all.Append(lines.At(i))
	}
	if n.HasClosure() {
		all.Append(n.ClosureLine)
	}
	cb.SetLines(all)
	cb.SetBlankPreviousLines(n.HasBlankPreviousLines())
	parent.ReplaceChild(parent, n, cb)
	first := lines.At(0)
	return Issue{Kind: RawHTML, Offset: first.Start, Source: firstTag(first.Value(src))}, true
}

// autoLinkText returns the text of an autolink as written between its <
// and >.
func autoLinkText(n *ast.AutoLink, src []byte) ast.Node {
	label := n.Label(src)
	start := n.Pos() + 1
	if start > 0 && start+len(label) <= len(src) && bytes.Equal(src[start:start+len(label)], label) {
		t := ast.NewTextSegment(text.NewSegment(start, start+len(label)))
		t.SetRaw(true)
		return t
	}
	s := ast.NewString(label)
	s.SetRaw(true)
	return s
}

// unwrap replaces n by its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// firstTag returns the HTML's first tag, or its first line when the tag
// runs on, shortened to about 60 characters.
func firstTag(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	if i := strings.IndexByte(s, '>'); i >= 0 {
		s = s[:i+1]
	}
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:59]) + "…"
	}
	return s
}
