package pdf

// This file holds the page model. The briefing is laid out in full before
// anything is written: each page is a display list of drawing operations, so
// that the contents can be set after the body (it needs the body's page
// numbers) and every footer knows the number of pages.
//
// The body is a vertical list of boxes, filled into pages by a flow. A box
// has a height and draws itself at a position; it can ask to be kept on the
// same page as the next box (headings, the first and last lines of a
// paragraph), and a tall box (a table row) can split itself where a page
// ends.

// page is the display list of one page.
type page struct {
	ops []op
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
	color    rgb     // text or fill colour
	line     rgb     // stroke colour
	s        string
	data     []byte // opImage: an image file gopdf embeds
}

func (p *page) image(x, y, w, h float64, data []byte) {
	p.ops = append(p.ops, op{kind: opImage, x: x, y: y, w: w, h: h, data: data})
}

func (p *page) text(face faceID, size float64, color rgb, x, baseline float64, s string, tc float64) {
	p.ops = append(p.ops, op{kind: opText, face: face, size: size, color: color, x: x, y: baseline, s: s, tc: tc})
}

func (p *page) fillRect(x, y, w, h float64, color rgb) {
	p.ops = append(p.ops, op{kind: opRect, fill: true, x: x, y: y, w: w, h: h, color: color})
}

func (p *page) strokeRect(x, y, w, h, lw float64, color rgb) {
	p.ops = append(p.ops, op{kind: opRect, stroke: true, x: x, y: y, w: w, h: h, lw: lw, line: color})
}

func (p *page) line(x1, y1, x2, y2, lw float64, color rgb) {
	p.ops = append(p.ops, op{kind: opLine, x: x1, y: y1, w: x2, h: y2, lw: lw, line: color})
}

func (p *page) dots(x1, y1, x2, y2, lw float64, color rgb) {
	p.ops = append(p.ops, op{kind: opLine, x: x1, y: y1, w: x2, h: y2, lw: lw, line: color, dotted: true})
}

func (p *page) link(x, y, w, h float64, target string, internal bool) {
	p.ops = append(p.ops, op{kind: opLink, x: x, y: y, w: w, h: h, s: target, internal: internal})
}

func (p *page) anchor(name string, y float64) {
	p.ops = append(p.ops, op{kind: opAnchor, y: y, s: name})
}

func (p *page) outline(title string, level int, y float64) {
	p.ops = append(p.ops, op{kind: opOutline, s: title, level: level, y: y})
}

// box is an unbreakable piece of the vertical list.
type box struct {
	h    float64                     // height, points
	draw func(p *page, x, y float64) // draws the box with its top left at x, y; may be nil
	// keep keeps the box on the same page as the next box.
	keep bool
	// space marks vertical space, dropped at the top of a page.
	space bool
	// split, when set, cuts the box so that its first part is at most
	// avail high. It returns nil for first when no useful cut exists.
	split func(avail float64) (first, rest *box)
	// header, when set, is drawn above the box whenever the box starts a
	// page: a table's header row.
	header *box
}

// vspace returns vertical space of height h.
func vspace(h float64) *box { return &box{h: h, space: true} }

// flow fills boxes into pages.
type flow struct {
	geo     geometry
	pages   []*page
	y       float64 // where the next box goes
	pending []*box  // boxes kept together, not yet placed
}

// geometry is the text area of a page.
type geometry struct {
	left, top, width, bottom float64 // bottom: the lowest y text may reach
}

func newFlow(g geometry) *flow { return &flow{geo: g} }

// cur returns the page being filled, starting the first.
func (f *flow) cur() *page {
	if len(f.pages) == 0 {
		f.newPage()
	}
	return f.pages[len(f.pages)-1]
}

func (f *flow) newPage() {
	f.pages = append(f.pages, &page{})
	f.y = f.geo.top
}

func (f *flow) atTop() bool { return len(f.pages) == 0 || f.y <= f.geo.top+1e-6 }

func (f *flow) room() float64 {
	if len(f.pages) == 0 {
		return f.geo.bottom - f.geo.top
	}
	return f.geo.bottom - f.y
}

// pageBreak ends the current page; the next box starts a new one.
func (f *flow) pageBreak() {
	f.flush()
	if !f.atTop() {
		f.newPage()
	}
}

// add appends b to the flow. Space between a box that is kept with the
// next and that next box is kept with both.
func (f *flow) add(b *box) {
	f.pending = append(f.pending, b)
	if !b.keep && !(b.space && len(f.pending) > 1) {
		f.flush()
	}
}

// flush places the pending boxes: together on this page if they fit, else
// together on the next, else one by one. A tall box that can be cut (a
// table row of a quarter page or more) is cut at the foot of this page
// rather than moved whole.
func (f *flow) flush() {
	group := f.pending
	f.pending = nil
	if len(group) == 0 {
		return
	}
	h := 0.0
	for _, b := range group {
		h += b.h
	}
	full := f.geo.bottom - f.geo.top
	tall := len(group) == 1 && group[0].split != nil && h > full/4
	if h > f.room()+1e-6 && !f.atTop() && h <= full && !tall {
		f.newPage()
	}
	for _, b := range group {
		f.place(b)
	}
}

// place puts one box on the page, breaking or splitting as needed.
func (f *flow) place(b *box) {
	f.cur()
	for {
		if b.space && f.atTop() {
			return
		}
		if f.atTop() && b.header != nil {
			f.put(b.header)
		}
		if b.h <= f.room()+1e-6 {
			f.put(b)
			return
		}
		if b.split != nil {
			if first, rest := b.split(f.room()); first != nil {
				f.put(first)
				f.newPage()
				rest.header = b.header
				b = rest
				continue
			}
		}
		if f.atTop() {
			f.put(b) // taller than a page and cannot be cut: let it run over
			return
		}
		f.newPage()
	}
}

func (f *flow) put(b *box) {
	p := f.cur()
	if b.draw != nil {
		b.draw(p, f.geo.left, f.y)
	}
	f.y += b.h
}
