package pdf

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Page geometry and type sizes, in points. A4 portrait; the left margin is
// the wider one, for binding.
const (
	pageW        = 595.28
	pageH        = 841.89
	marginLeft   = 28 * mm
	marginRight  = 22 * mm
	marginTop    = 30 * mm
	marginBottom = 25 * mm
	headerY      = 16 * mm // baseline of the running header
	footerY      = pageH - 13*mm
	textWidth    = pageW - marginLeft - marginRight
	mm           = 72 / 25.4

	sizeBody  = 11
	leadBody  = 1.72 // line height / size
	sizeSmall = 9
	leadSmall = 1.5
	sizeTable = 9
	leadTable = 1.42
	sizeH1    = 17
	sizeH2    = 13.5
	sizeH3    = 12
	sizeNote  = 8
)

// Colours.
var (
	colText    = rgb{0x1a, 0x1a, 0x1a}
	colMuted   = rgb{0x5f, 0x63, 0x68}
	colRule    = rgb{0x9a, 0xa5, 0xb1}
	colLight   = rgb{0xd5, 0xdb, 0xe1}
	colHead    = rgb{0xe6, 0xec, 0xf2} // table header background
	colStripe  = rgb{0xf6, 0xf8, 0xfa}
	colAccent  = rgb{0xb0, 0x1c, 0x1c} // official red
	colLink    = rgb{0x1f, 0x4e, 0x9a}
	colWhite   = rgb{0xff, 0xff, 0xff}
	colWarn    = rgb{0xc6, 0x28, 0x28}
	colWarnBg  = rgb{0xfd, 0xec, 0xea}
	colQuoteBg = rgb{0xf4, 0xf5, 0xf7}
)

// typesetter measures text with the briefing's fonts and turns it into
// boxes. It belongs to one Write, and is safe for concurrent use: the rows
// of a long table are set in parallel (table.cells).
type typesetter struct {
	faces *faceSet
	// adv caches advance widths at size 1, per face.
	adv []widthCache

	mu      sync.Mutex
	missing rune // the lowest character no face has; 0: none
}

func newTypesetter(faces *faceSet) *typesetter {
	return &typesetter{faces: faces, adv: make([]widthCache, len(faces.faces))}
}

// widthCache holds the advance widths of a face's characters, filled as
// they are first measured, in blocks of 256 characters. Concurrent
// measurers may both fill an entry, with the same value.
type widthCache struct {
	blocks [(unicode.MaxRune + 1) / 256]atomic.Pointer[widthBlock]
}

// widthBlock holds widths in thousandths of an em, plus one: zero is
// not yet measured.
type widthBlock [256]atomic.Int32

func (c *widthCache) get(r rune) (int32, bool) {
	if b := c.blocks[r>>8].Load(); b != nil {
		if k := b[r&0xff].Load(); k != 0 {
			return k - 1, true
		}
	}
	return 0, false
}

func (c *widthCache) put(r rune, k int32) {
	slot := &c.blocks[r>>8]
	b := slot.Load()
	if b == nil {
		slot.CompareAndSwap(nil, new(widthBlock))
		b = slot.Load()
	}
	b[r&0xff].Store(k + 1)
}

// advance returns the width of r in style st: the width of the face that
// draws it.
func (ts *typesetter) advance(st *style, r rune) float64 {
	if r == lineSep || r == '\n' {
		return 0
	}
	f, ok := ts.faces.pick(st.role, r)
	if !ok {
		ts.noFace(r)
		return 0
	}
	return ts.width(f, r) * st.size
}

// noFace notes a character no face has. The lowest is kept, so that the
// error naming one names the same one whatever order rows are set in.
func (ts *typesetter) noFace(r rune) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.missing == 0 || r < ts.missing {
		ts.missing = r
	}
}

// width returns the advance of r in face f at size 1, as gopdf measures it.
func (ts *typesetter) width(f faceID, r rune) float64 {
	if r < 0 || r > unicode.MaxRune {
		return 0
	}
	c := &ts.adv[f]
	k, ok := c.get(r)
	if !ok {
		k = int32(ts.faces.faces[f].font.Advance(r))
		c.put(r, k)
	}
	return float64(k) / 1000
}

// measure returns the width of s in style st.
func (ts *typesetter) measure(s string, st style) float64 {
	w := 0.0
	for _, r := range s {
		if !ignorable(r) {
			w += ts.advance(&st, r)
		}
	}
	return w
}

// para says how to set a paragraph.
type para struct {
	width   float64 // of the text block
	dx      float64 // offset of the text block from the box's x
	indent  float64 // of the first line
	lead    float64 // line height, points
	justify bool    // CJK lines but the last are stretched to the width
	align   int     // alignLeft, alignCenter or alignRight
	// base is the size the baseline is placed for; 0: the first style's.
	base float64
}

const (
	alignLeft = iota
	alignCenter
	alignRight
)

// lines sets t as a paragraph and returns one box per line, kept together
// so that no page starts or ends with a single line of it.
func (ts *typesetter) lines(t *text, pp para) []*box {
	t.resolveSoftBreaks()
	ls := breakLines(t, ts, pp.width, pp.indent)
	boxes := make([]*box, len(ls))
	for i, l := range ls {
		l := l
		indent := 0.0
		if i == 0 {
			indent = pp.indent
		}
		boxes[i] = &box{h: pp.lead, draw: func(p *page, x, y float64) {
			ts.drawLine(p, t, l, x+pp.dx+indent, y, pp, pp.width-indent)
		}}
	}
	n := len(boxes)
	if n >= 2 {
		boxes[0].keep = true
		boxes[n-2].keep = true
	}
	return boxes
}

// drawLine draws line l of t with its top left at x, y in a block avail
// wide.
func (ts *typesetter) drawLine(p *page, t *text, l line, x, y float64, pp para, avail float64) {
	end := l.trimEnd(t.runes)
	if end <= l.start {
		return
	}
	base := pp.base
	if base == 0 {
		base = t.styles[t.sty[l.start]].size
	}
	baseline := y + (pp.lead-base)/2 + 0.86*base
	tc := 0.0
	glyphs := end - l.start
	switch {
	case pp.align == alignCenter:
		x += (avail - l.width) / 2
	case pp.align == alignRight:
		x += avail - l.width
	case pp.justify && !l.last && glyphs > 1 && hasCJK(t.runes[l.start:end]):
		if s := (avail - l.width) / float64(glyphs-1); s > 0 && s < 0.12*base {
			tc = s
		}
	}
	for i := l.start; i < end; {
		st := &t.styles[t.sty[i]]
		face, _ := ts.faces.pick(st.role, t.runes[i])
		j := i + 1
		w := ts.advance(st, t.runes[i])
		for j < end && t.sty[j] == t.sty[i] {
			f, _ := ts.faces.pick(st.role, t.runes[j])
			if f != face {
				break
			}
			w += ts.advance(st, t.runes[j])
			j++
		}
		s := string(t.runes[i:j])
		if strings.TrimSpace(s) != "" {
			p.text(face, st.size, st.color, x, baseline, s, tc)
		}
		adv := w + float64(j-i)*tc
		if j == end {
			adv -= tc
		}
		ts.decorate(p, st, x, y, baseline, adv, pp.lead)
		x += adv
		i = j
	}
}

// decorate draws the underline, strike-through and link area of a run.
func (ts *typesetter) decorate(p *page, st *style, x, y, baseline, w, lead float64) {
	if st.under {
		p.line(x, baseline+0.12*st.size, x+w, baseline+0.12*st.size, 0.4, st.color)
	}
	if st.strike {
		p.line(x, baseline-0.3*st.size, x+w, baseline-0.3*st.size, 0.5, st.color)
	}
	switch {
	case st.url != "":
		p.link(x, y, w, lead, st.url, false)
	case st.anchor != "":
		p.link(x, y, w, lead, st.anchor, true)
	}
}

// textOf returns a text of s in style st.
func textOf(s string, st style) *text {
	t := &text{}
	t.add(s, st)
	return t
}

// height returns the total height of boxes.
func height(bs []*box) float64 {
	h := 0.0
	for _, b := range bs {
		h += b.h
	}
	return h
}

// block joins boxes into one box.
func block(bs []*box) *box {
	return &box{h: height(bs), draw: func(p *page, x, y float64) {
		for _, b := range bs {
			if b.draw != nil {
				b.draw(p, x, y)
			}
			y += b.h
		}
	}}
}

// shift moves boxes right by dx.
func shift(bs []*box, dx float64) []*box {
	if dx == 0 {
		return bs
	}
	out := make([]*box, len(bs))
	for i, b := range bs {
		c := *b
		if b.draw != nil {
			d := b.draw
			c.draw = func(p *page, x, y float64) { d(p, x+dx, y) }
		}
		out[i] = &c
	}
	return out
}

// drawString draws s on one line in style st, starting at x (alignLeft),
// centred on x or ending at x, and returns its width.
func (ts *typesetter) drawString(p *page, s string, st style, x, baseline float64, align int) float64 {
	t := textOf(s, st)
	w := 0.0
	for _, r := range t.runes {
		w += ts.advance(&st, r)
	}
	switch align {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	for i := 0; i < len(t.runes); {
		face, _ := ts.faces.pick(st.role, t.runes[i])
		j, rw := i, 0.0
		for j < len(t.runes) {
			f, _ := ts.faces.pick(st.role, t.runes[j])
			if f != face {
				break
			}
			rw += ts.advance(&st, t.runes[j])
			j++
		}
		if s := string(t.runes[i:j]); strings.TrimSpace(s) != "" {
			p.text(face, st.size, st.color, x, baseline, s, 0)
		}
		ts.decorate(p, &st, x, baseline-0.86*st.size, baseline, rw, 1.2*st.size)
		x += rw
		i = j
	}
	return w
}

// wrapAtMost breaks s into at most n lines width wide; when it needs more,
// the last line is cut short with an ellipsis (see fit).
func (ts *typesetter) wrapAtMost(s string, st style, width float64, n int) []string {
	t := textOf(s, st)
	ls := breakLines(t, ts, width, 0)
	var out []string
	for i, l := range ls {
		if i == n-1 && len(ls) > n {
			return append(out, ts.fit(string(t.runes[l.start:]), st, width))
		}
		out = append(out, string(t.runes[l.start:l.trimEnd(t.runes)]))
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// fit returns s when it is at most width wide in style st, and otherwise
// as much of its start as fits with an ellipsis after it, so that what is
// left out is seen to be.
func (ts *typesetter) fit(s string, st style, width float64) string {
	if ts.measure(s, st) <= width {
		return s
	}
	ell := "…"
	if !ts.faces.has('…') {
		ell = "..."
	}
	room := width - ts.measure(ell, st)
	rs := []rune(s)
	w, i := 0.0, 0
	for ; i < len(rs); i++ {
		if !ignorable(rs[i]) {
			w += ts.advance(&st, rs[i])
		}
		if w > room {
			break
		}
	}
	return strings.TrimRight(string(rs[:i]), " ") + ell
}

// wrap breaks s into lines at most width wide.
func (ts *typesetter) wrap(s string, st style, width float64) []string {
	t := textOf(s, st)
	var out []string
	for _, l := range breakLines(t, ts, width, 0) {
		out = append(out, string(t.runes[l.start:l.trimEnd(t.runes)]))
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}
