package typeset

// This file holds the page model. A document is laid out in full before
// anything is written: each page is a display list of drawing operations,
// so that a table of contents can be set after the body (it needs the
// body's page numbers) and every footer knows the number of pages.
//
// The body is a vertical list of boxes, filled into pages by a flow. A box
// has a height and draws itself at a position; it can ask to be kept on the
// same page as the next box (headings, the first and last lines of a
// paragraph), and a tall box (a table row) can split itself where a page
// ends.

// Page is the display list of one page: what is drawn on it, in order.
// Coordinates are in points from the page's top left corner, y downwards.
type Page struct {
	ops []op
	// What a Flow placed on the page, for Audit: top and bottom of its
	// frame, the boxes, and whether the page ends a section (PageBreak)
	// or its flow.
	top, bottom float64
	placed      []placement
	end, last   bool
}

type opKind uint8

const (
	opText    opKind = iota // s at x, baseline y, in face, size, color, char spacing tc
	opRect                  // rectangle x, y (top left), w, h; filled with fill and/or stroked
	opLine                  // line from x, y to x2, y2
	opLink                  // link area x, y, w, h to url s, or to anchor s when internal
	opAnchor                // anchor s at y
	opOutline               // outline entry s at level, at y
	opImage                 // image data at x, y (top left), w, h
)

// op is one drawing operation.
type op struct {
	kind     opKind
	face     faceID
	internal bool // opLink: s is an anchor
	fill     bool // opRect: fill with color
	stroke   bool // opRect: stroke with line color
	level    int  // opOutline: 0 for a top-level entry
	x, y     float64
	w, h     float64 // opLine: the end point
	size, tc float64
	lw       float64 // line width
	dotted   bool    // opLine: a dotted line
	color    Color   // text or fill colour
	line     Color   // stroke colour
	s        string
	data     []byte // opImage: an image file gopdf embeds
}

// Image draws an image file (PNG, JPEG or GIF, as gopdf embeds them) with
// its top left at x, y, w wide and h high.
func (p *Page) Image(x, y, w, h float64, data []byte) {
	p.ops = append(p.ops, op{kind: opImage, x: x, y: y, w: w, h: h, data: data})
}

// text draws s at x on baseline in face, size and color, with tc points
// between characters. Documents draw text through a Typesetter, which
// picks the face of each character.
func (p *Page) text(face faceID, size float64, color Color, x, baseline float64, s string, tc float64) {
	p.ops = append(p.ops, op{kind: opText, face: face, size: size, color: color, x: x, y: baseline, s: s, tc: tc})
}

// FillRect fills the rectangle with its top left at x, y, w wide and h
// high.
func (p *Page) FillRect(x, y, w, h float64, color Color) {
	p.ops = append(p.ops, op{kind: opRect, fill: true, x: x, y: y, w: w, h: h, color: color})
}

// StrokeRect draws the outline of a rectangle in lines lw wide.
func (p *Page) StrokeRect(x, y, w, h, lw float64, color Color) {
	p.ops = append(p.ops, op{kind: opRect, stroke: true, x: x, y: y, w: w, h: h, lw: lw, line: color})
}

// Line draws a line lw wide from x1, y1 to x2, y2.
func (p *Page) Line(x1, y1, x2, y2, lw float64, color Color) {
	p.ops = append(p.ops, op{kind: opLine, x: x1, y: y1, w: x2, h: y2, lw: lw, line: color})
}

// Dots draws a dotted line lw wide from x1, y1 to x2, y2: a leader.
func (p *Page) Dots(x1, y1, x2, y2, lw float64, color Color) {
	p.ops = append(p.ops, op{kind: opLine, x: x1, y: y1, w: x2, h: y2, lw: lw, line: color, dotted: true})
}

// Link makes the area with its top left at x, y, w wide and h high open
// url, a web or mail address.
func (p *Page) Link(x, y, w, h float64, url string) { p.link(x, y, w, h, url, false) }

// LinkTo makes the area go to the anchor of that name (Anchor), on
// whatever page it is.
func (p *Page) LinkTo(x, y, w, h float64, anchor string) { p.link(x, y, w, h, anchor, true) }

func (p *Page) link(x, y, w, h float64, target string, internal bool) {
	p.ops = append(p.ops, op{kind: opLink, x: x, y: y, w: w, h: h, s: target, internal: internal})
}

// Anchor names the place at height y of the page, for LinkTo and
// Style.Anchor.
func (p *Page) Anchor(name string, y float64) {
	p.ops = append(p.ops, op{kind: opAnchor, y: y, s: name})
}

// Outline adds an entry to the document's outline (its bookmarks) that
// goes to height y of the page. Entries are nested by level, from 0, in
// the order of the pages and of the calls: an entry is a child of the last
// entry before it of a lower level.
func (p *Page) Outline(title string, level int, y float64) {
	p.ops = append(p.ops, op{kind: opOutline, s: title, level: level, y: y})
}

// Anchors returns the names of the anchors on p, in the order they were
// made: with the page's index, the page numbers a table of contents shows.
func (p *Page) Anchors() []string {
	var out []string
	for _, o := range p.ops {
		if o.kind == opAnchor {
			out = append(out, o.s)
		}
	}
	return out
}

// Rect is a rectangle drawn on a page, in points.
type Rect struct {
	X, Y float64 // its top left corner
	W, H float64 // its width and height
}

// Rects returns the rectangles filled or stroked on p: for tests and tools
// that check a layout.
func (p *Page) Rects() []Rect {
	var out []Rect
	for _, o := range p.ops {
		if o.kind == opRect {
			out = append(out, Rect{o.x, o.y, o.w, o.h})
		}
	}
	return out
}

// Fill is a rectangle filled on a page, and its colour.
type Fill struct {
	Rect
	Color Color
}

// Fills returns the rectangles filled on p, in the order they are drawn:
// for tests that check what text is drawn on.
func (p *Page) Fills() []Fill {
	var out []Fill
	for _, o := range p.ops {
		if o.kind == opRect && o.fill {
			out = append(out, Fill{Rect{o.x, o.y, o.w, o.h}, o.color})
		}
	}
	return out
}

// Segment is a line drawn on a page, from X1, Y1 to X2, Y2, in points.
type Segment struct {
	X1, Y1, X2, Y2 float64
	Color          Color
}

// Segments returns the lines drawn on p (rules, hatching, leaders): for
// tests and tools that check a layout.
func (p *Page) Segments() []Segment {
	var out []Segment
	for _, o := range p.ops {
		if o.kind == opLine {
			out = append(out, Segment{o.x, o.y, o.w, o.h, o.line})
		}
	}
	return out
}

// Furnish calls draw for each of pages, with its number from 1 and the
// number of pages: to draw running headers and footers ("page X of Y")
// once every page is laid out. What draw draws comes after the page's
// other contents.
func Furnish(pages []*Page, draw func(p *Page, no, total int)) {
	for i, p := range pages {
		draw(p, i+1, len(pages))
	}
}

// Box is an unbreakable piece of a vertical list.
type Box struct {
	H float64 // height, points
	// Draw draws the box with its top left at x, y; nil draws nothing.
	// It draws on p and does nothing else: a Flow may draw a box again
	// elsewhere when it moves it, having removed what it drew.
	Draw func(p *Page, x, y float64)
	// Keep keeps the box on the same page as the next box: a heading, the
	// first line of a paragraph. It holds unless the boxes kept together
	// are taller than a page.
	Keep bool
	// Together keeps the box on one page with the boxes after it, up to
	// the first box without Together: a block (see the function
	// Together). A block that does not fit on the rest of the page starts
	// the next, unless it is taller than a page, or this page would be
	// left less than a third full; then it breaks where Keep allows.
	Together bool
	// KeepPrev keeps the box on the same page as the box before it: a
	// caption or note under a table or figure, a closing line. When it
	// does not fit under that box, the box (with its block or the boxes
	// kept with it) moves to the next page with it.
	KeepPrev bool
	// Space marks vertical space, dropped at the top of a page.
	Space bool
	// Split, when set, cuts the box so that its first part is at most
	// avail high. It returns nil for first when no useful cut exists.
	Split func(avail float64) (first, rest *Box)
	// Header, when set, is drawn above the box whenever the box starts a
	// page: a table's header row, with its caption marked as continued.
	Header *Box

	table *tableMark // the table whose body row this is; nil: none
}

// Together makes bs one block (Box.Together) and returns it: every box
// but the last that is not space is kept on one page with the rest.
func Together(bs []*Box) []*Box {
	k := len(bs) - 1
	for k > 0 && bs[k].Space {
		k--
	}
	for _, b := range bs[:max(k, 0)] {
		b.Together = true
	}
	return bs
}

// VSpace returns vertical space of height h, which a page does not start
// with.
func VSpace(h float64) *Box { return &Box{H: h, Space: true} }

// GapAfter returns space of height h to follow bs, kept with what follows
// when the last of bs is (a heading).
func GapAfter(bs []*Box, h float64) *Box {
	g := VSpace(h)
	g.Keep = len(bs) > 0 && bs[len(bs)-1].Keep
	return g
}

// Height returns the total height of boxes.
func Height(bs []*Box) float64 {
	h := 0.0
	for _, b := range bs {
		h += b.H
	}
	return h
}

// Block joins boxes into one box, which a page never breaks.
func Block(bs []*Box) *Box {
	return &Box{H: Height(bs), Draw: func(p *Page, x, y float64) {
		for _, b := range bs {
			if b.Draw != nil {
				b.Draw(p, x, y)
			}
			y += b.H
		}
	}}
}

// Shift returns copies of boxes moved right by dx.
func Shift(bs []*Box, dx float64) []*Box {
	if dx == 0 {
		return bs
	}
	out := make([]*Box, len(bs))
	for i, b := range bs {
		c := *b
		if b.Draw != nil {
			d := b.Draw
			c.Draw = func(p *Page, x, y float64) { d(p, x+dx, y) }
		}
		out[i] = &c
	}
	return out
}
