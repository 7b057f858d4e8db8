package typeset

import (
	"bufio"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/signintech/gopdf"
)

// Page sizes and lengths, in points.
const (
	A4Width  = 595.28 // of a portrait A4 page
	A4Height = 841.89
	MM       = 72 / 25.4 // a millimetre
)

// Document is a PDF to write: its pages, all of one size, and what is said
// about it.
type Document struct {
	Width, Height float64 // of every page, points
	Pages         []*Page // in order; Furnish has drawn their headers and footers
	Info          Info    // the PDF's metadata
}

// Info is what a PDF says about itself.
type Info struct {
	// Title is shown by PDF readers in place of the file's name; Subject
	// says what it is ("briefing"); Creator and Producer name the
	// program. Empty: not written.
	Title, Subject, Creator, Producer string
	// Created is the creation date written into the PDF: fixed, so that the
	// same input gives the same bytes. The zero time writes no date.
	Created time.Time
}

// GlyphError is the error of Write for a document with a character that no
// font has (Typesetter.Missing), which the PDF would show as a space.
type GlyphError struct {
	Rune rune // the lowest such character
}

// Error names the character.
func (e *GlyphError) Error() string {
	return fmt.Sprintf("the fonts cannot draw U+%04X", e.Rune)
}

// Write writes doc as a PDF to w, in one buffered pass. The fonts are
// embedded first, each subset to the characters the pages draw in it (a
// font that cannot be subset is embedded whole). It refuses, with a
// *GlyphError, a document with a character no font has. The same document
// gives the same bytes: nothing is written that depends on the time, the
// machine or the order of a map. A panic of the PDF writer's is returned
// as an error.
func (ts *Typesetter) Write(ctx context.Context, w io.Writer, doc *Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("typeset: internal error: %v", p)
		}
	}()
	if r := ts.Missing(); r != 0 {
		return &GlyphError{r}
	}
	info := gopdf.PdfInfo{
		Title:        outlineTitle(doc.Info.Title),
		Subject:      doc.Info.Subject,
		Creator:      doc.Info.Creator,
		Producer:     doc.Info.Producer,
		CreationDate: doc.Info.Created.UTC(),
	}
	if doc.Info.Created.IsZero() {
		info.CreationDate = time.Time{}
	}
	return ts.emit(ctx, w, doc, info)
}

// emitter writes display lists through gopdf, setting the graphics state
// only when it changes.
type emitter struct {
	gp       *gopdf.GoPdf
	faces    *faceSet
	face     faceID
	size, tc float64
	fontSet  bool
	textCol  Color
	textSet  bool
	fill     Color
	fillSet  bool
	stroke   Color
	lw       float64
	strokeOK bool
	outline  outlineTree
}

// emit writes the pages of doc to w. The fonts are added first, each
// subset to the characters the pages draw in it.
func (ts *Typesetter) emit(ctx context.Context, w io.Writer, doc *Document, info gopdf.PdfInfo) error {
	pages := doc.Pages
	e := &emitter{gp: &gopdf.GoPdf{}, faces: ts.faces}
	e.gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: doc.Width, H: doc.Height}, Unit: gopdf.UnitPT})
	if err := ts.faces.addTo(e.gp, drawn(pages, len(ts.faces.faces))); err != nil {
		return err
	}
	e.gp.SetInfo(info)
	// Page content is stored uncompressed. gopdf makes a new zlib writer
	// for every page, each allocating and clearing about 650 KB, which
	// was a third of the cost of a long briefing and most of its garbage;
	// the file grows (the sample briefing's from 0.7 to about 1 MB) but
	// prints the same. The fonts are always compressed, at zlib's default
	// level.
	e.gp.SetCompressLevel(zlib.NoCompression)
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		e.gp.AddPage()
		e.resetPage()
		for i := range p.ops {
			if err := e.op(&p.ops[i]); err != nil {
				return err
			}
		}
	}
	e.outline.finish()
	// gopdf writes a PDF in thousands of small pieces: buffered, they
	// are a few dozen system calls instead of 3,400 for the sample
	// briefing.
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := e.gp.WriteTo(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// resetPage forgets the graphics state: each page starts afresh.
func (e *emitter) resetPage() {
	e.fontSet, e.textSet, e.fillSet, e.strokeOK = false, false, false, false
}

func (e *emitter) op(o *op) error {
	gp := e.gp
	switch o.kind {
	case opText:
		if !e.fontSet || e.face != o.face || e.size != o.size {
			if err := gp.SetFont(e.faces.faces[o.face].family, "", o.size); err != nil {
				return err
			}
			e.face, e.size, e.fontSet = o.face, o.size, true
		}
		if !e.textSet || e.textCol != o.color {
			gp.SetTextColor(o.color[0], o.color[1], o.color[2])
			e.textCol, e.textSet = o.color, true
		}
		if e.tc != o.tc {
			gp.SetCharSpacing(o.tc)
			e.tc = o.tc
		}
		gp.SetXY(o.x, o.y)
		e.fillSet = false // text sets the fill colour to its own
		return gp.Text(o.s)
	case opRect:
		style := ""
		if o.fill {
			e.setFill(o.color)
			style += "F"
		}
		if o.stroke {
			e.setStroke(o.line, o.lw)
			style += "D"
		}
		if style == "FD" {
			style = "DF"
		}
		gp.RectFromUpperLeftWithStyle(o.x, o.y, o.w, o.h, style)
	case opLine:
		e.setStroke(o.line, o.lw)
		if o.dotted {
			gp.SetCustomLineType([]float64{o.lw, 2.2}, 0)
		}
		gp.Line(o.x, o.y, o.w, o.h)
		if o.dotted {
			gp.SetLineType("")
		}
	case opLink:
		if o.internal {
			gp.AddInternalLink(o.s, o.x, o.y, o.w, o.h)
		} else {
			gp.AddExternalLink(o.s, o.x, o.y, o.w, o.h)
		}
	case opAnchor:
		gp.SetY(o.y)
		gp.SetAnchor(o.s)
	case opImage:
		holder, err := gopdf.ImageHolderByBytes(o.data)
		if err != nil {
			return err
		}
		return gp.ImageByHolder(holder, o.x, o.y, &gopdf.Rect{W: o.w, H: o.h})
	case opOutline:
		gp.SetY(o.y)
		e.outline.add(gp.AddOutlineWithPosition(outlineTitle(o.s)), o.level)
	}
	return nil
}

func (e *emitter) setFill(c Color) {
	if !e.fillSet || e.fill != c {
		e.gp.SetFillColor(c[0], c[1], c[2])
		e.fill, e.fillSet = c, true
	}
}

func (e *emitter) setStroke(c Color, lw float64) {
	if !e.strokeOK || e.stroke != c {
		e.gp.SetStrokeColor(c[0], c[1], c[2])
	}
	if !e.strokeOK || e.lw != lw {
		e.gp.SetLineWidth(lw)
	}
	e.stroke, e.lw, e.strokeOK = c, lw, true
}

// outlineTitle makes a title gopdf can write: it encodes each character as
// four hexadecimal digits of UTF-16, which is wrong for characters beyond
// the Basic Multilingual Plane, so those become U+FFFD in the bookmark (the
// page itself shows them).
func outlineTitle(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xffff {
			return 0xfffd
		}
		return r
	}, s)
}

// outlineTree builds the hierarchy of bookmarks from entries added in
// document order with their levels.
type outlineTree struct {
	roots gopdf.OutlineNodes
	stack []*gopdf.OutlineNode
}

func (t *outlineTree) add(obj *gopdf.OutlineObj, level int) {
	n := &gopdf.OutlineNode{Obj: obj}
	if level > len(t.stack) {
		level = len(t.stack)
	}
	t.stack = t.stack[:level]
	if level == 0 {
		t.roots = append(t.roots, n)
	} else {
		parent := t.stack[level-1]
		parent.Children = append(parent.Children, n)
	}
	t.stack = append(t.stack, n)
}

// outlinesObj is the object number of the outline dictionary: gopdf's
// Start adds the catalog, the pages and the outlines, in that order, as its
// first objects.
const outlinesObj = 3

// finish links the entries. gopdf's Parse links children but leaves each
// top-level entry's Prev pointing at whatever entry was added before it,
// and its Parent one below the outline dictionary's object number.
func (t *outlineTree) finish() {
	if len(t.roots) == 0 {
		return
	}
	t.roots.Parse()
	for i, n := range t.roots {
		n.Obj.SetParent(outlinesObj)
		if i > 0 {
			n.Obj.SetPrev(t.roots[i-1].Obj.GetIndex())
		}
	}
}

// addTo adds the faces to gp, each subset to the characters in used (sorted
// and distinct, per face), or in full when it cannot be subset.
func (fs *faceSet) addTo(gp *gopdf.GoPdf, used [][]rune) error {
	for id, f := range fs.faces {
		if data, err := f.font.Subset(used[id]); err == nil {
			if err := addSubset(gp, f.family, data); err == nil {
				continue
			}
		}
		c, err := fs.parsed()
		if err != nil {
			return err
		}
		if err := gp.AddTTFFontFromFontContainer(f.family, c); err != nil {
			return fmt.Errorf("font %s: %w", f.family, err)
		}
	}
	return nil
}

// addSubset adds a subset font to gp; it turns a panic of gopdf's into an
// error, so that the full font is used instead.
func addSubset(gp *gopdf.GoPdf, family string, data []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	return gp.AddTTFFontData(family, data)
}

// drawn returns the characters each of n faces draws on pages, sorted and
// distinct. The space is always among them: gopdf draws a space for a
// character its font lacks.
func drawn(pages []*Page, n int) [][]rune {
	bmp := make([][0x10000 / 64]uint64, n)
	astral := make([][]rune, n)
	for _, p := range pages {
		for i := range p.ops {
			o := &p.ops[i]
			if o.kind != opText {
				continue
			}
			for _, r := range o.s {
				if r < 0x10000 {
					bmp[o.face][r/64] |= 1 << (r % 64)
				} else if !slices.Contains(astral[o.face], r) {
					astral[o.face] = append(astral[o.face], r)
				}
			}
		}
	}
	out := make([][]rune, n)
	for f := range n {
		bmp[f][' '/64] |= 1 << (' ' % 64)
		for i, w := range bmp[f] {
			for b := 0; w != 0; b, w = b+1, w>>1 {
				if w&1 != 0 {
					out[f] = append(out[f], rune(64*i+b))
				}
			}
		}
		slices.Sort(astral[f])
		out[f] = append(out[f], astral[f]...)
	}
	return out
}
