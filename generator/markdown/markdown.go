// Package markdown renders the narrative of a campaign, written in
// CommonMark with GitHub extensions, for the site and the briefing.
//
// It configures goldmark once: GitHub tables, strikethrough, task lists and
// autolinks, footnotes, the CJK extension (no stray space where a Chinese
// line is broken), heading anchors that keep Chinese characters, raw HTML
// shown as text and links to scripts shown as their text unless the
// project allows raw HTML (guard.go), and images from other hosts shown
// as links, so that a published page never fetches anything from the
// network.
package markdown

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer.
type Options struct {
	// UnsafeHTML lets raw HTML through. Off by default.
	UnsafeHTML bool
}

// Renderer converts Markdown to HTML, or parses it for other backends. It is
// safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	unsafe bool
}

// New returns a Renderer with the given options.
func New(opts Options) *Renderer {
	r := &Renderer{unsafe: opts.UnsafeHTML}
	var htmlOpts []renderer.Option
	parserOpts := []parser.Option{parser.WithAutoHeadingID(), parser.WithInlineParsers(util.Prioritized(figureParser{}, 500))}
	if opts.UnsafeHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	} else {
		parserOpts = append(parserOpts, parser.WithASTTransformers(util.Prioritized(&guard{}, 1000)))
	}
	r.md = goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.CJK),
		goldmark.WithParserOptions(parserOpts...),
		goldmark.WithRendererOptions(htmlOpts...),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(&imageRenderer{unsafe: opts.UnsafeHTML}, 100),
			util.Prioritized(figureRenderer{}, 100))),
	)
	return r
}

// Convert renders src as HTML to w. Figures cited in src ({{name}}) are
// resolved through figs; with none, they are shown as written.
func (r *Renderer) Convert(src []byte, w io.Writer, figs Figures) error {
	return r.md.Convert(src, w, parser.WithContext(newContext(figs)))
}

// HTML renders src and returns the HTML, as Convert does.
func (r *Renderer) HTML(src []byte, figs Figures) string {
	var b bytes.Buffer
	if err := r.Convert(src, &b, figs); err != nil {
		return ""
	}
	return b.String()
}

// Parse parses src into goldmark's syntax tree, with the same extensions,
// heading IDs and figures as Convert, for backends that draw Markdown
// themselves. Text segments of the tree point into src.
func (r *Renderer) Parse(src []byte, figs Figures) ast.Node {
	return r.md.Parser().Parse(text.NewReader(src), parser.WithContext(newContext(figs)))
}

func newContext(figs Figures) parser.Context {
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	if figs != nil {
		ctx.Set(figuresKey, figs)
	}
	return ctx
}

// ids generates heading anchors that keep Chinese characters: "## 督查概况"
// gets id="督查概况" (goldmark's own drop every non-ASCII character). IDs
// are unique within a document.
type ids struct {
	used map[string]bool
}

func newIDs() *ids { return &ids{used: map[string]bool{}} }

// Slug returns the anchor for a heading's text: letters (of any script)
// and digits kept, ASCII letters lower-cased, runs of anything else turned
// into one "-".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '_' || r == '-':
			if b.Len() > 0 {
				b.WriteRune(r)
			}
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// Generate implements parser.IDs.
func (g *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; g.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	g.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (g *ids) Put(value []byte) { g.used[string(value)] = true }
