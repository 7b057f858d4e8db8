package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// imageRenderer draws images that live beside the page as usual, and an
// image from another host as a link to it: loading it would fetch from the
// network, which a published report must never do.
type imageRenderer struct {
	unsafe bool
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *imageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, r.image)
}

// Remote reports whether a link destination points at another host.
func Remote(dest []byte) bool {
	d := bytes.ToLower(bytes.TrimSpace(dest))
	if bytes.HasPrefix(d, []byte("//")) {
		return true
	}
	colon := bytes.IndexByte(d, ':')
	slash := bytes.IndexAny(d, "/?#")
	return colon > 0 && (slash < 0 || colon < slash)
}

func (r *imageRenderer) image(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	safe := r.unsafe || !html.IsDangerousURL(n.Destination)
	if Remote(n.Destination) || !safe {
		w.WriteString(`<a class="remote-image" href="`)
		if safe {
			w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
		}
		w.WriteString(`">`)
		w.Write(util.EscapeHTML(nodeText(n, source)))
		w.WriteString(`</a>`)
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<img src="`)
	w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
	w.WriteString(`" alt="`)
	w.Write(util.EscapeHTML(nodeText(n, source)))
	w.WriteByte('"')
	if n.Title != nil {
		w.WriteString(` title="`)
		w.Write(util.EscapeHTML(n.Title))
		w.WriteByte('"')
	}
	w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

// nodeText returns the plain text inside n.
func nodeText(n ast.Node, source []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}
