package typeset

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Typesetter measures text with a document's fonts and turns it into
// boxes. It belongs to one document, and is safe for concurrent use: the
// rows of a long table are set in parallel (Table.Boxes).
type Typesetter struct {
	faces *faceSet
	// adv caches advance widths at size 1, per face.
	adv []widthCache

	mu      sync.Mutex
	missing rune // the lowest character no face has; 0: none
}

// New returns a typesetter of the fonts. The error is a *FontError for a
// font that cannot be read.
func New(fonts Fonts) (*Typesetter, error) {
	faces, err := fonts.faces(false)
	if err != nil {
		return nil, err
	}
	return &Typesetter{faces: faces, adv: make([]widthCache, len(faces.faces))}, nil
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

// Has reports whether any of the fonts can draw r.
func (ts *Typesetter) Has(r rune) bool { return ts.faces.has(r) }

// Missing returns the lowest character that the typesetter was asked to
// measure or draw and that no font has, or 0 when there is none. Such a
// character takes no room, and Write refuses to write a document that has
// one: text is never silently dropped.
func (ts *Typesetter) Missing() rune {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.missing
}

// advance returns the width of r in style st: the width of the face that
// draws it.
func (ts *Typesetter) advance(st *Style, r rune) float64 {
	if r == lineSep || r == '\n' {
		return 0
	}
	f, ok := ts.faces.pick(st.Role, r)
	if !ok {
		ts.noFace(r)
		return 0
	}
	return ts.width(f, r) * st.Size
}

// noFace notes a character no face has. The lowest is kept, so that the
// error naming one names the same one whatever order rows are set in.
func (ts *Typesetter) noFace(r rune) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.missing == 0 || r < ts.missing {
		ts.missing = r
	}
}

// width returns the advance of r in face f at size 1, as gopdf measures it.
func (ts *Typesetter) width(f faceID, r rune) float64 {
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

// Measure returns the width of s in style st, in points.
func (ts *Typesetter) Measure(s string, st Style) float64 {
	w := 0.0
	for _, r := range s {
		if !Ignorable(r) {
			w += ts.advance(&st, r)
		}
	}
	return w
}

// Para says how a paragraph is set.
type Para struct {
	Width  float64 // of the text block, points
	Left   float64 // where the text block starts, right of the box's left edge
	Indent float64 // of the first line, points
	Lead   float64 // line height, points
	// Justify stretches the lines of CJK text but the last to the width,
	// by spacing the characters (at most 12% of the size apart).
	Justify bool
	Align   Align // of the lines, within Width; zero: left
	// Base is the size the baseline is placed for; 0: the size of the
	// line's first character.
	Base float64
}

// Align is where the lines of a paragraph go between its edges.
type Align int

// The alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Lines sets t as a paragraph and returns one box per line, kept together
// so that no page starts or ends with a single line of it (the first and
// the second-to-last keep with the next).
func (ts *Typesetter) Lines(t *Text, pp Para) []*Box {
	t.resolveSoftBreaks()
	ls := breakLines(t, ts, pp.Width, pp.Indent)
	boxes := make([]*Box, len(ls))
	for i, l := range ls {
		l := l
		indent := 0.0
		if i == 0 {
			indent = pp.Indent
		}
		boxes[i] = &Box{H: pp.Lead, Draw: func(p *Page, x, y float64) {
			ts.drawLine(p, t, l, x+pp.Left+indent, y, pp, pp.Width-indent)
		}}
	}
	n := len(boxes)
	if n >= 2 {
		boxes[0].Keep = true
		boxes[n-2].Keep = true
	}
	return boxes
}

// LineWidths returns the width of each line Lines sets t in, without the
// spaces at either end: where a dot leader after the last line starts.
func (ts *Typesetter) LineWidths(t *Text, pp Para) []float64 {
	t.resolveSoftBreaks()
	ls := breakLines(t, ts, pp.Width, pp.Indent)
	out := make([]float64, len(ls))
	for i, l := range ls {
		out[i] = l.width
	}
	return out
}

// drawLine draws line l of t with its top left at x, y in a block avail
// wide.
func (ts *Typesetter) drawLine(p *Page, t *Text, l line, x, y float64, pp Para, avail float64) {
	end := l.trimEnd(t.runes)
	if end <= l.start {
		return
	}
	base := pp.Base
	if base == 0 {
		base = t.styles[t.sty[l.start]].Size
	}
	baseline := y + (pp.Lead-base)/2 + 0.86*base
	tc := 0.0
	glyphs := end - l.start
	switch {
	case pp.Align == AlignCenter:
		x += (avail - l.width) / 2
	case pp.Align == AlignRight:
		x += avail - l.width
	case pp.Justify && !l.last && glyphs > 1 && hasCJK(t.runes[l.start:end]):
		if s := (avail - l.width) / float64(glyphs-1); s > 0 && s < 0.12*base {
			tc = s
		}
	}
	for i := l.start; i < end; {
		st := &t.styles[t.sty[i]]
		face, _ := ts.faces.pick(st.Role, t.runes[i])
		j := i + 1
		w := ts.advance(st, t.runes[i])
		for j < end && t.sty[j] == t.sty[i] {
			f, _ := ts.faces.pick(st.Role, t.runes[j])
			if f != face {
				break
			}
			w += ts.advance(st, t.runes[j])
			j++
		}
		s := string(t.runes[i:j])
		if strings.TrimSpace(s) != "" {
			p.text(face, st.Size, st.Color, x, baseline, s, tc)
		}
		adv := w + float64(j-i)*tc
		if j == end {
			adv -= tc
		}
		ts.decorate(p, st, x, y, baseline, adv, pp.Lead)
		x += adv
		i = j
	}
}

// decorate draws the underline, strike-through and link area of a run.
func (ts *Typesetter) decorate(p *Page, st *Style, x, y, baseline, w, lead float64) {
	if st.Underline {
		p.Line(x, baseline+0.12*st.Size, x+w, baseline+0.12*st.Size, 0.4, st.Color)
	}
	if st.Strike {
		p.Line(x, baseline-0.3*st.Size, x+w, baseline-0.3*st.Size, 0.5, st.Color)
	}
	switch {
	case st.URL != "":
		p.link(x, y, w, lead, st.URL, false)
	case st.Anchor != "":
		p.link(x, y, w, lead, st.Anchor, true)
	}
}

// DrawString draws s on one line in style st, starting at x (AlignLeft),
// centred on x or ending at x, with its baseline at baseline, and returns
// its width. It does not break s: for text that has room.
func (ts *Typesetter) DrawString(p *Page, s string, st Style, x, baseline float64, align Align) float64 {
	t := NewText(s, st)
	w := 0.0
	for _, r := range t.runes {
		w += ts.advance(&st, r)
	}
	switch align {
	case AlignCenter:
		x -= w / 2
	case AlignRight:
		x -= w
	}
	for i := 0; i < len(t.runes); {
		face, _ := ts.faces.pick(st.Role, t.runes[i])
		j, rw := i, 0.0
		for j < len(t.runes) {
			f, _ := ts.faces.pick(st.Role, t.runes[j])
			if f != face {
				break
			}
			rw += ts.advance(&st, t.runes[j])
			j++
		}
		if s := string(t.runes[i:j]); strings.TrimSpace(s) != "" {
			p.text(face, st.Size, st.Color, x, baseline, s, 0)
		}
		ts.decorate(p, &st, x, baseline-0.86*st.Size, baseline, rw, 1.2*st.Size)
		x += rw
		i = j
	}
	return w
}

// WrapAtMost breaks s into at most n lines width wide; when it needs
// more, the last line is cut short with an ellipsis (see Fit).
func (ts *Typesetter) WrapAtMost(s string, st Style, width float64, n int) []string {
	t := NewText(s, st)
	ls := breakLines(t, ts, width, 0)
	var out []string
	for i, l := range ls {
		if i == n-1 && len(ls) > n {
			return append(out, ts.Fit(string(t.runes[l.start:]), st, width))
		}
		out = append(out, string(t.runes[l.start:l.trimEnd(t.runes)]))
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// Fit returns s when it is at most width wide in style st, and otherwise
// as much of its start as fits with an ellipsis after it, so that what is
// left out is seen to be.
func (ts *Typesetter) Fit(s string, st Style, width float64) string {
	if ts.Measure(s, st) <= width {
		return s
	}
	ell := "…"
	if !ts.faces.has('…') {
		ell = "..."
	}
	room := width - ts.Measure(ell, st)
	rs := []rune(s)
	w, i := 0.0, 0
	for ; i < len(rs); i++ {
		if !Ignorable(rs[i]) {
			w += ts.advance(&st, rs[i])
		}
		if w > room {
			break
		}
	}
	return strings.TrimRight(string(rs[:i]), " ") + ell
}

// Wrap breaks s into lines at most width wide in style st.
func (ts *Typesetter) Wrap(s string, st Style, width float64) []string {
	t := NewText(s, st)
	var out []string
	for _, l := range breakLines(t, ts, width, 0) {
		out = append(out, string(t.runes[l.start:l.trimEnd(t.runes)]))
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// Run is a piece of text drawn on a page, as Runs reports it.
type Run struct {
	Text   string  // its characters, without those never drawn
	Family string  // of the face that draws it, as the PDF names it
	Size   float64 // points
	// X and Baseline are where the run starts; Width is its advance,
	// with the spacing of justified lines.
	X, Baseline, Width float64
	Color              Color // of the text
}

// Runs returns the text drawn on p, in the order it is drawn: for tests
// and tools that check a layout.
func (ts *Typesetter) Runs(p *Page) []Run {
	var out []Run
	for _, o := range p.ops {
		if o.kind != opText {
			continue
		}
		w, n := 0.0, 0
		for _, r := range o.s {
			if !Ignorable(r) {
				w += ts.width(o.face, r) * o.size
				n++
			}
		}
		w += float64(max(n-1, 0)) * o.tc
		out = append(out, Run{Text: o.s, Family: ts.faces.faces[o.face].family, Size: o.size, X: o.x, Baseline: o.y, Width: w, Color: o.color})
	}
	return out
}
