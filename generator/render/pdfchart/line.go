package pdfchart

import (
	"math"

	"github.com/ducha/ducha/generator/render/typeset"
)

// lines draws a line chart, h high: a value axis on the left, the
// categories (dates, campaigns) along the bottom, as many of their labels
// as fit, and one line per series with a gap where a value is missing.
// With few categories each point is labelled with its value.
func (cv *chartView) lines(h float64) *typeset.Box {
	c, ts := cv.c, cv.d.ts
	sc := cv.scale()
	ticks := cv.ticks(sc)
	axisW := 0.0
	for _, v := range ticks {
		axisW = max(axisW, ts.Measure(cv.format(v), cv.d.axis))
	}
	axisW += 6
	n := len(c.Categories)
	band := (cv.width - axisW) / float64(max(n, 1))
	// Label every k-th category, so that labels do not run into each other.
	widest := 0.0
	for _, cat := range c.Categories {
		widest = max(widest, ts.Measure(cat, cv.d.cat))
	}
	every := max(1, int(math.Ceil((widest+6)/band)))
	labelH := 1.3*cv.d.cat.Size + 4
	padH := sizeValue + 5.0
	plotH := h - labelH - padH
	labels := n <= 8
	return &typeset.Box{H: h, Draw: func(p *typeset.Page, x, y float64) {
		x0, y0 := x+axisW, y+padH
		right := x0 + band*float64(n)
		yAt := func(v float64) float64 { return y0 + plotH*(1-v/sc.top) }
		xAt := func(i int) float64 { return x0 + band*(float64(i)+0.5) }
		for _, v := range ticks {
			p.Line(x0, yAt(v), right, yAt(v), 0.4, gridColor)
			ts.DrawString(p, cv.format(v), cv.d.axis, x0-4, yAt(v)+0.32*sizeAxis, typeset.AlignRight)
		}
		last := (n - 1) / every * every // the last category labelled
		for i, cat := range c.Categories {
			// The last category (the report's date) is labelled too where
			// its label has room.
			if i%every == 0 || i == n-1 && float64(n-1-last)*band >= widest+6 {
				ts.DrawString(p, cat, cv.d.cat, xAt(i), y0+plotH+4+cv.d.cat.Size, typeset.AlignCenter)
			}
		}
		p.Line(x0, y0+plotH, right, y0+plotH, 0.6, axisColor)
		for si, s := range c.Series {
			col := Color(s.Color)
			for i := 1; i < len(s.Values); i++ {
				a, b := s.Values[i-1], s.Values[i]
				if math.IsNaN(a) || math.IsNaN(b) {
					continue
				}
				if s.Dashed {
					p.Dots(xAt(i-1), yAt(a), xAt(i), yAt(b), 1.2, col)
				} else {
					p.Line(xAt(i-1), yAt(a), xAt(i), yAt(b), 1.6, col)
				}
			}
			for i, v := range s.Values {
				if math.IsNaN(v) || s.Dashed && !labels {
					continue
				}
				if labels || len(s.Values) == 1 || i%every == 0 && !s.Dashed {
					mark(p, Mark(si%int(marks)), xAt(i), yAt(v), col)
				}
				if labels && !s.Dashed {
					ts.DrawString(p, cv.format(v), cv.d.value, xAt(i), yAt(v)-4, typeset.AlignCenter)
				}
			}
		}
	}}
}
