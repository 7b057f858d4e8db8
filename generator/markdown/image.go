package markdown

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// imageRenderer draws images that live beside the page as usual, and an
// image from another host as a link to it: loading it would fetch from the
// network, which a published report must never do. An image whose address
// is a script shows its description.
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
	// The destination is tested as the page will give it to the browser,
	// entities resolved: &#104;ttp://host/ is a remote image too.
	dest := util.URLEscape(n.Destination, true)
	if !r.unsafe && html.IsDangerousURL(dest) {
		// A script or the like: its description, as the briefing
		// prints it, and no link to the page itself (guard.go).
		w.Write(util.EscapeHTML(nodeText(n, source)))
		return ast.WalkSkipChildren, nil
	}
	if Remote(dest) {
		w.WriteString(`<a class="remote-image" href="`)
		w.Write(util.EscapeHTML(dest))
		w.WriteString(`">`)
		w.Write(util.EscapeHTML(nodeText(n, source)))
		w.WriteString(`</a>`)
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<img src="`)
	w.Write(util.EscapeHTML(dest))
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
	Dest string // as written
	// Path is the file the site's page asks for: the destination as the
	// site writes it into the page (entities and backslash escapes
	// resolved), percent-decoded as a browser does, without a query or
	// fragment; "" when it names no file.
	Path   string
	Offset int // of the image's "![" in the source, or of its paragraph
}

// ImagePath returns the file an image destination names, as Image.Path.
// A destination whose last part is not a file name (a/, a/., a/..), or
// with an encoded / or \ (which a browser keeps inside one part of the
// path, and a file system cannot), names none.
func ImagePath(dest []byte) string {
	u := string(util.URLEscape(dest, true))
	u, _, _ = strings.Cut(u, "#")
	u, _, _ = strings.Cut(u, "?")
	if l := strings.ToLower(u); strings.Contains(l, "%2f") || strings.Contains(l, "%5c") {
		return ""
	}
	p, err := url.PathUnescape(u)
	if err != nil {
		return ""
	}
	if last := p[strings.LastIndexByte(p, '/')+1:]; last == "" || last == "." || last == ".." {
		return ""
	}
	return p
}

// LocalImages returns the images of the document src that are not on
// another host, in order.
func (r *Renderer) LocalImages(src []byte) []Image {
	if !bytes.Contains(src, []byte("![")) {
		return nil
	}
	var out []Image
	_ = ast.Walk(r.Parse(src, nil), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if dest := util.URLEscape(img.Destination, true); Remote(dest) || html.IsDangerousURL(dest) {
			return ast.WalkSkipChildren, nil
		}
		out = append(out, Image{Dest: string(img.Destination), Path: ImagePath(img.Destination), Offset: imageOffset(img, src)})
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

// imageOffset returns the offset of the image's "![": the k-th "![" in
// the lines of its block when it is the k-th image there (an earlier one
// when a "![" that is no image, in a code span say, comes before it), or
// the offset of the block's first line when there are fewer.
func imageOffset(img *ast.Image, src []byte) int {
	block := img.Parent()
	for block != nil && (block.Type() != ast.TypeBlock || block.Lines().Len() == 0) {
		block = block.Parent()
	}
	if block == nil {
		return 0
	}
	k := 0
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n == img {
			return ast.WalkStop, nil
		}
		if _, ok := n.(*ast.Image); ok && entering {
			k++
		}
		return ast.WalkContinue, nil
	})
	lines := block.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		for from := seg.Start; ; {
			at := bytes.Index(src[from:seg.Stop], []byte("!["))
			if at < 0 {
				break
			}
			if k == 0 {
				return from + at
			}
			k--
			from += at + 2
		}
	}
	return lines.At(0).Start
}
