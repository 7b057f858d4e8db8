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

// Image is an image a Markdown document shows from beside it.
type Image struct {
	Dest   string // as written: a path relative to the document
	Offset int    // of the image's "![" in the source, or of its line
	Alone  bool   // the only thing in its paragraph
}

// LocalImages returns the images of the document src that are not on
// another host, in order.
func (r *Renderer) LocalImages(src []byte) []Image {
	if !bytes.Contains(src, []byte("![")) {
		return nil
	}
	var out []Image
	_ = ast.Walk(r.Parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok || Remote(img.Destination) || html.IsDangerousURL(img.Destination) {
			return ast.WalkContinue, nil
		}
		out = append(out, Image{Dest: string(img.Destination), Offset: imageOffset(img, src), Alone: Alone(img)})
		return ast.WalkSkipChildren, nil
	})
	return out
}

// Alone reports whether an image is the only thing in its paragraph, and
// so stands as a figure of its own.
func Alone(img *ast.Image) bool {
	p := img.Parent()
	return p != nil && p.Kind() == ast.KindParagraph && p.FirstChild() == img && p.LastChild() == img
}

// imageOffset returns the offset of the image's "![": found before its
// description, or, for an image without one, as "![](destination" in its
// paragraph; else the offset of the paragraph's first line.
func imageOffset(img *ast.Image, src []byte) int {
	if t, ok := img.FirstChild().(*ast.Text); ok {
		if at := bytes.LastIndex(src[:t.Segment.Start], []byte("![")); at >= 0 {
			return at
		}
	}
	for p := img.Parent(); p != nil; p = p.Parent() {
		if p.Type() != ast.TypeBlock || p.Lines().Len() == 0 {
			continue
		}
		lines := p.Lines()
		start, stop := lines.At(0).Start, lines.At(lines.Len()-1).Stop
		if at := bytes.Index(src[start:stop], append([]byte("![]("), img.Destination...)); at >= 0 {
			return start + at
		}
		return start
	}
	return 0
}
