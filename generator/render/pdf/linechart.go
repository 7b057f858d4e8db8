package pdf

import "math"

// lines draws a line chart, h high: a value axis on the left, the
// categories (dates, campaigns) along the bottom, as many of their labels
// as fit, and one line per series with a gap where a value is missing.
// With few categories each point is labelled with its value.
func (cv *chartView) lines(h float64) *box {
	c, ts := cv.c, cv.b.ts
	sc := cv.scale()
	ticks := cv.ticks(sc)
	axisW := 0.0
	for _, v := range ticks {
		axisW = max(axisW, ts.measure(cv.format(v), axisStyle))
	}
	axisW += 6
	n := len(c.Categories)
	band := (cv.width - axisW) / float64(max(n, 1))
	// Label every k-th category, so that labels do not run into each other.
	widest := 0.0
	for _, cat := range c.Categories {
		widest = max(widest, ts.measure(cat, catStyle))
	}
	every := max(1, int(math.Ceil((widest+6)/band)))
	labelH := 1.3*catStyle.size + 4
	padH := sizeValue + 5.0
	plotH := h - labelH - padH
	labels := n <= 8
	return &box{h: h, draw: func(p *page, x, y float64) {
		x0, y0 := x+axisW, y+padH
		right := x0 + band*float64(n)
		yAt := func(v float64) float64 { return y0 + plotH*(1-v/sc.top) }
		xAt := func(i int) float64 { return x0 + band*(float64(i)+0.5) }
		for _, v := range ticks {
			p.line(x0, yAt(v), right, yAt(v), 0.4, gridColor)
			ts.drawString(p, cv.format(v), axisStyle, x0-4, yAt(v)+0.32*sizeAxis, alignRight)
		}
		last := (n - 1) / every * every // the last category labelled
		for i, cat := range c.Categories {
			// The last category (the report's date) is labelled too where
			// its label has room.
			if i%every == 0 || i == n-1 && float64(n-1-last)*band >= widest+6 {
				ts.drawString(p, cat, catStyle, xAt(i), y0+plotH+4+catStyle.size, alignCenter)
			}
		}
		p.line(x0, y0+plotH, right, y0+plotH, 0.6, axisColor)
		for _, s := range c.Series {
			col := hexColor(s.Color)
			for i := 1; i < len(s.Values); i++ {
				a, b := s.Values[i-1], s.Values[i]
				if math.IsNaN(a) || math.IsNaN(b) {
					continue
				}
				if s.Dashed {
					p.dots(xAt(i-1), yAt(a), xAt(i), yAt(b), 1.2, col)
				} else {
					p.line(xAt(i-1), yAt(a), xAt(i), yAt(b), 1.6, col)
				}
			}
			for i, v := range s.Values {
				if math.IsNaN(v) || s.Dashed && !labels {
					continue
				}
				if labels || len(s.Values) == 1 {
					p.fillRect(xAt(i)-2, yAt(v)-2, 4, 4, col)
				}
				if labels && !s.Dashed {
					ts.drawString(p, cv.format(v), valueStyle, xAt(i), yAt(v)-4, alignCenter)
				}
			}
		}
	}}
}
