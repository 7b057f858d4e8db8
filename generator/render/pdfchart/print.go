package pdfchart

import (
	"math"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/render/typeset"
)

// This file makes charts read in print, in black and white too: text on
// a fill is in the colour of the most contrast with it, and where colour
// alone tells things apart (the segments of a stacked bar, bars that miss
// their target, the series of a line chart) patterns and marks do too.

// MinContrast is the least contrast between a label and the fill it is
// drawn on (WCAG's for small text).
const MinContrast = 4.5

// luminance is the relative luminance of c, from 0 (black) to 1 (white).
func luminance(c typeset.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// Contrast returns the contrast ratio of two colours, from 1 to 21.
func Contrast(a, b typeset.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

var black = typeset.Color{}

// textOn returns the colour of text drawn on fill: the style's colour,
// white or black, whichever contrasts with it most.
func (cv *chartView) textOn(fill typeset.Color) typeset.Color {
	best := cv.d.st.Color
	for _, c := range []typeset.Color{white, black} {
		if Contrast(c, fill) > Contrast(best, fill)+0.01 {
			best = c
		}
	}
	return best
}

// Pattern is what is drawn over a fill so that it reads without colour.
type Pattern int

// The patterns, in the order series take them.
const (
	Solid Pattern = iota
	Hatch         // lines rising to the right
	Dots
	BackHatch // lines falling to the right
	Cross
	Stripes // horizontal lines
	patterns
)

// patternOf returns the pattern of the bar of series si at category i:
// the series' own when several series are told apart by colour; for an
// indicator, hatching on the bars that miss the target.
func (cv *chartView) patternOf(si, i int) Pattern {
	c := cv.c
	switch {
	case len(c.Series) > 1:
		return Pattern(si % int(patterns))
	case c.Target != nil && c.Series[si].ColorAt(i) == chart.ColorMiss:
		return Hatch
	}
	return Solid
}

// ink returns the colour of a pattern's lines on fill: lighter on a dark
// fill, darker on a light one.
func ink(fill typeset.Color) typeset.Color {
	to, t := 255.0, 0.55
	if luminance(fill) > 0.3 {
		to, t = 0, 0.6
	}
	var c typeset.Color
	for i := range c {
		c[i] = uint8(math.Round(float64(fill[i]) + t*(to-float64(fill[i]))))
	}
	return c
}

// fillPattern fills the rectangle with colour and draws pattern pat over
// it.
func fillPattern(p *typeset.Page, x, y, w, h float64, fill typeset.Color, pat Pattern) {
	if w <= 0 || h <= 0 {
		return
	}
	p.FillRect(x, y, w, h, fill)
	const gap, lw = 3.2, 0.7
	col := ink(fill)
	backslash := func() {
		for c := gap / 2; c < w+h; c += gap { // u + v = c, from the bottom left
			u1, u2 := max(0, c-h), min(w, c)
			p.Line(x+u1, y+h-(c-u1), x+u2, y+h-(c-u2), lw, col)
		}
	}
	slash := func() {
		for c := gap / 2; c < w+h; c += gap { // u + v = c, from the top left
			u1, u2 := max(0, c-h), min(w, c)
			p.Line(x+u1, y+(c-u1), x+u2, y+(c-u2), lw, col)
		}
	}
	switch pat {
	case Hatch:
		slash()
	case BackHatch:
		backslash()
	case Cross:
		slash()
		backslash()
	case Stripes:
		for v := gap / 2; v < h; v += gap {
			p.Line(x, y+v, x+w, y+v, lw, col)
		}
	case Dots:
		for v := gap / 2; v < h-0.5; v += gap {
			off := 0.0
			if int(v/gap)%2 == 1 {
				off = gap / 2
			}
			for u := gap/2 + off; u < w-0.5; u += gap {
				p.FillRect(x+u-0.55, y+v-0.55, 1.1, 1.1, col)
			}
		}
	}
}

// label draws s in style st (its colour chosen for fill) at x, baseline,
// on a patch of plain fill so that a pattern does not run through it.
func (cv *chartView) label(p *typeset.Page, s string, st typeset.Style, x, baseline float64, align typeset.Align, fill typeset.Color, pat Pattern) {
	st.Color = cv.textOn(fill)
	if pat != Solid {
		w := cv.d.ts.Measure(s, st)
		left := x
		switch align {
		case typeset.AlignCenter:
			left -= w / 2
		case typeset.AlignRight:
			left -= w
		}
		p.FillRect(left-1, baseline-0.9*st.Size, w+2, 1.15*st.Size, fill)
	}
	cv.d.ts.DrawString(p, s, st, x, baseline, align)
}

// Mark is the shape that marks the points of a series of a line chart.
type Mark int

// The marks, in the order series take them.
const (
	Square Mark = iota
	OpenSquare
	Diamond
	Plus
	Times
	marks
)

// mark draws mark m of colour col centred on x, y.
func mark(p *typeset.Page, m Mark, x, y float64, col typeset.Color) {
	const r = 2.4
	switch m {
	case Square:
		p.FillRect(x-r, y-r, 2*r, 2*r, col)
	case OpenSquare:
		p.FillRect(x-r, y-r, 2*r, 2*r, white)
		p.StrokeRect(x-r, y-r, 2*r, 2*r, 1, col)
	case Diamond:
		d := r * 1.35
		p.Line(x-d, y, x, y-d, 1.1, col)
		p.Line(x, y-d, x+d, y, 1.1, col)
		p.Line(x+d, y, x, y+d, 1.1, col)
		p.Line(x, y+d, x-d, y, 1.1, col)
	case Plus:
		p.Line(x-r-0.6, y, x+r+0.6, y, 1.4, col)
		p.Line(x, y-r-0.6, x, y+r+0.6, 1.4, col)
	case Times:
		p.Line(x-r, y-r, x+r, y+r, 1.3, col)
		p.Line(x-r, y+r, x+r, y-r, 1.3, col)
	}
}
