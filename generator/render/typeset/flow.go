package typeset

// This file holds the flow, which fills boxes into pages. Boxes come in
// units: a group of boxes kept together (Keep), or a block of groups
// (Together). A unit is placed when its last box comes; the unit placed
// last is remembered, so that a box that keeps with the one before it
// (KeepPrev) and does not fit under it can take it along to the next
// page: what the unit drew is removed and it is placed again.

// Frame is the text area of a page, in points from the page's top left.
type Frame struct {
	Left, Top float64 // the top left corner of the text area
	Width     float64 // of the text area, for the boxes to take
	Bottom    float64 // the lowest y text may reach
}

// Flow fills boxes into pages of one frame.
type Flow struct {
	frame   Frame
	pages   []*Page
	y       float64 // where the next box goes
	pending []*Box  // boxes kept together, not yet placed

	// last is the unit placed last, with the space after it, and mark
	// where it started; nil after a page break.
	last []*Box
	mark mark

	// what the boxes being placed belong to, for the record Audit reads
	block  *block
	forced bool // the boxes are kept together but are taller than a page
	alone  bool // the box is kept with one before that fills a page
}

// mark is a place in the flow to go back to.
type mark struct {
	pages, ops, placed int
	y                  float64
	atTop              bool
}

// placement is the record of a box placed on a page, for Audit.
type placement struct {
	y, h     float64
	ops      [2]int // the operations it drew, from and to
	keep     bool   // kept with the next box
	keepPrev bool   // kept with the box before
	forced   bool   // kept together with boxes taller than a page
	header   bool   // a table's header was repeated above it
	repeat   bool   // it is that repeated header
	block    *block
	table    *tableMark
}

// block is a unit of boxes kept on one page (Box.Together).
type block struct {
	h        float64 // its height
	breakOK  bool    // it may break: it would have left a page under a third full
	tooLarge bool    // it is taller than a page
}

// tableMark is what a table's body rows know of their table.
type tableMark struct {
	header bool // the table has a header row (with its caption) to repeat
}

// NewFlow returns a flow that fills pages in frame f.
func NewFlow(f Frame) *Flow { return &Flow{frame: f} }

// Pages returns the pages filled so far; the last is marked as the end of
// the flow, for Audit. Call Flush first to have the boxes kept together
// with the last one added.
func (f *Flow) Pages() []*Page {
	if len(f.pages) > 0 {
		f.pages[len(f.pages)-1].last = true
	}
	return f.pages
}

// cur returns the page being filled, starting the first.
func (f *Flow) cur() *Page {
	if len(f.pages) == 0 {
		f.newPage()
	}
	return f.pages[len(f.pages)-1]
}

func (f *Flow) newPage() {
	f.pages = append(f.pages, &Page{top: f.frame.Top, bottom: f.frame.Bottom})
	f.y = f.frame.Top
}

// AtTop reports whether the next box starts a page.
func (f *Flow) AtTop() bool { return len(f.pages) == 0 || f.y <= f.frame.Top+1e-6 }

// Room returns the height left on the page being filled. Call Flush first
// to count the boxes kept together with the last one added.
func (f *Flow) Room() float64 {
	if len(f.pages) == 0 {
		return f.full()
	}
	return f.frame.Bottom - f.y
}

// full is the height of the frame.
func (f *Flow) full() float64 { return f.frame.Bottom - f.frame.Top }

// used is the height of the page being filled that boxes take.
func (f *Flow) used() float64 {
	if len(f.pages) == 0 {
		return 0
	}
	return f.y - f.frame.Top
}

// PageBreak ends the current page; the next box starts a new one. The
// page ended is the end of a section: Audit does not count it as under
// full.
func (f *Flow) PageBreak() {
	f.Flush()
	f.last = nil
	if !f.AtTop() {
		f.cur().end = true
		f.newPage()
	}
}

// Add appends b to the flow. Space between a box that is kept with the
// next and that next box is kept with both. A box kept with the one
// before (KeepPrev) that has no room under it moves to the next page
// with it, and with what that box is kept with.
func (f *Flow) Add(b *Box) {
	if b.KeepPrev && len(f.pending) == 0 && f.last != nil && b.H > f.Room()+1e-6 {
		if f.mark.atTop { // what it follows fills the page: it cannot come along
			f.alone = true
			f.pending = []*Box{b}
			f.Flush()
			f.alone = false
			return
		}
		f.undo(f.mark)
		f.pending = append(f.last, b)
		f.last = nil
		f.Flush()
		return
	}
	f.pending = append(f.pending, b)
	if !b.Keep && !b.Together && !(b.Space && len(f.pending) > 1) {
		f.Flush()
	}
}

// here returns the place the next box goes.
func (f *Flow) here() mark {
	m := mark{pages: len(f.pages), y: f.y, atTop: f.AtTop()}
	if len(f.pages) > 0 {
		p := f.cur()
		m.ops, m.placed = len(p.ops), len(p.placed)
	}
	return m
}

// undo removes what was placed since m.
func (f *Flow) undo(m mark) {
	f.pages = f.pages[:m.pages]
	f.y = m.y
	if m.pages > 0 {
		p := f.cur()
		p.ops, p.placed = p.ops[:m.ops], p.placed[:m.placed]
		p.end = false
	} else {
		f.y = f.frame.Top
	}
}

// remember notes the unit about to be placed, for a box kept with it.
func (f *Flow) remember(unit []*Box) {
	spaces := true
	for _, b := range unit {
		spaces = spaces && b.Space
	}
	if spaces {
		if f.last != nil {
			f.last = append(f.last, unit...)
		}
		return
	}
	f.last = append([]*Box(nil), unit...)
	f.mark = f.here()
}

// Flush places the pending boxes. A group kept together (Keep) goes
// together on this page if it fits, else together on the next, else one
// by one; a tall box that can be cut (a table row of a quarter page or
// more) is cut at the foot of this page rather than moved whole. A block
// (Together) of groups goes on this page if it fits; else on the next,
// unless it is taller than a page or this page is less than a third
// full: then it breaks between its groups.
func (f *Flow) Flush() {
	unit := f.pending
	f.pending = nil
	if len(unit) == 0 {
		return
	}
	f.remember(unit)
	gs := groups(unit)
	if len(gs) == 1 {
		f.flushGroup(unit)
		return
	}
	blk := &block{h: solidHeight(unit, f.AtTop())}
	switch {
	case blk.h <= f.Room()+1e-6:
	case blk.h > f.full()+1e-6:
		blk.tooLarge = true
	case f.AtTop():
	case f.used() < f.full()/3:
		blk.breakOK = true
	default:
		f.newPage()
	}
	f.block = blk
	for _, g := range gs {
		f.flushGroup(g)
	}
	f.block = nil
}

// groups cuts a unit into the groups kept together (Keep, KeepPrev).
// Space never ends a group: it goes with what follows it.
func groups(unit []*Box) [][]*Box {
	var out [][]*Box
	start := 0
	for i, b := range unit {
		if b.Keep || b.Space || nextKeepsPrev(unit[i+1:]) {
			continue
		}
		out = append(out, unit[start:i+1])
		start = i + 1
	}
	if start < len(unit) {
		out = append(out, unit[start:])
	}
	return out
}

// nextKeepsPrev reports whether the first box of bs that is not space is
// kept with the one before.
func nextKeepsPrev(bs []*Box) bool {
	for _, b := range bs {
		if !b.Space {
			return b.KeepPrev
		}
	}
	return false
}

// solidHeight is the height of bs without the space a page starts with.
func solidHeight(bs []*Box, atTop bool) float64 {
	for atTop && len(bs) > 0 && bs[0].Space {
		bs = bs[1:]
	}
	return Height(bs)
}

// flushGroup places a group of boxes kept together.
func (f *Flow) flushGroup(group []*Box) {
	h := Height(group)
	full := f.full()
	tall := len(group) == 1 && group[0].Split != nil && h > full/4
	if h > f.Room()+1e-6 && !f.AtTop() && h <= full && !tall {
		f.newPage()
	}
	f.forced = len(group) > 1 && solidHeight(group, true) > full+1e-6
	for _, b := range group {
		f.place(b)
	}
	f.forced = false
}

// place puts one box on the page, breaking or splitting as needed.
func (f *Flow) place(b *Box) {
	f.cur()
	for {
		if b.Space && f.AtTop() {
			return
		}
		header := f.AtTop() && b.Header != nil
		if header {
			f.put(b.Header, placement{repeat: true})
		}
		if b.H <= f.Room()+1e-6 {
			f.put(b, placement{header: header})
			return
		}
		if b.Split != nil {
			if first, rest := b.Split(f.Room()); first != nil {
				f.put(first, placement{header: header, table: b.table})
				f.newPage()
				rest.Header, rest.table = b.Header, b.table
				rest.Keep, rest.KeepPrev = b.Keep, b.KeepPrev
				b = rest
				continue
			}
		}
		if f.AtTop() {
			f.put(b, placement{header: header}) // taller than a page and cannot be cut: let it run over
			return
		}
		f.newPage()
	}
}

// put draws b where the next box goes and records it as pl says.
func (f *Flow) put(b *Box, pl placement) {
	p := f.cur()
	from := len(p.ops)
	if b.Draw != nil {
		b.Draw(p, f.frame.Left, f.y)
	}
	if !b.Space {
		pl.y, pl.h, pl.ops = f.y, b.H, [2]int{from, len(p.ops)}
		pl.keep, pl.keepPrev = b.Keep && !pl.repeat, b.KeepPrev
		pl.forced, pl.block = f.forced || f.alone, f.block
		if pl.table == nil && !pl.repeat {
			pl.table = b.table
		}
		p.placed = append(p.placed, pl)
	}
	f.y += b.H
}
