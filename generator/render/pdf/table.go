package pdf

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// table sets rows of cells. Each cell's content is a list of boxes laid out
// at the width of its column, so a cell holds wrapped text or several
// paragraphs; a row is as high as its highest cell. A row that does not fit
// at the foot of a page is cut between lines of its cells (never leaving a
// single line of a paragraph behind when it can be helped), and the header
// row is repeated on the next page.
type table struct {
	ts     *typesetter
	width  float64   // of the whole table
	widths []float64 // of the columns; see autoWidths
	align  []int     // per column; default left
	size   float64   // font size of text cells
	lead   float64   // line height factor of text cells
	// fill returns a row's background, or nil; default: every other row
	// lightly shaded.
	fill func(row int) *rgb
	// labels shades the first column: a table of particulars.
	labels bool
	// narrow lets autoWidths make the table narrower than width when its
	// text needs less (but not under half of it): Markdown tables.
	narrow bool
}

// cell makes a cell's content at a width.
type cell func(width float64) []*box

const (
	cellPadX = 4.0
	cellPadY = 3.0
)

// textCell is a cell of one paragraph.
func (tb *table) textCell(t *text, align int) cell {
	return func(w float64) []*box {
		if t == nil || t.empty() {
			return nil
		}
		return tb.ts.lines(t, para{width: w, lead: tb.lead * tb.size, align: align, base: tb.size})
	}
}

// boxes sets a table of text cells.
func (tb *table) boxes(header []*text, rows [][]*text) []*box {
	hc := make([]cell, len(header))
	for i, t := range header {
		hc[i] = tb.textCell(t, tb.alignOf(i))
	}
	rc := make([][]cell, len(rows))
	for r, row := range rows {
		rc[r] = make([]cell, len(row))
		for i, t := range row {
			rc[r][i] = tb.textCell(t, tb.alignOf(i))
		}
	}
	return tb.cells(hc, rc)
}

func (tb *table) alignOf(col int) int {
	if col < len(tb.align) {
		return tb.align[col]
	}
	return alignLeft
}

// cells sets a table; header may be nil.
func (tb *table) cells(header []cell, rows [][]cell) []*box {
	var out []*box
	var head *box
	if header != nil {
		head = tb.row(tb.layout(header), &colHead, true)
		head.keep = true
		out = append(out, head)
	}
	laid := make([][][]*box, len(rows))
	parallel(len(rows), func(r int) { laid[r] = tb.layout(rows[r]) })
	for r, cells := range laid {
		b := tb.row(cells, tb.rowFill(r), false)
		b.header = head
		out = append(out, b)
	}
	return out
}

// parallelMin is the number of jobs from which parallel uses more than
// one goroutine: setting a few rows costs less than starting goroutines.
const parallelMin = 16

// parallel calls do(i) for every i below n, on as many goroutines as
// there are processors, and returns when all have returned. The calls
// must not depend on each other's order; what they produce is the same
// whichever order they run in. A panic in a call is raised again in the
// caller, where Write turns it into an error.
func parallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/(parallelMin/2))
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		panicked atomic.Pointer[any]
	)
	for range workers {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					panicked.CompareAndSwap(nil, &p)
				}
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || panicked.Load() != nil {
					return
				}
				do(i)
			}
		})
	}
	wg.Wait()
	if p := panicked.Load(); p != nil {
		panic(*p)
	}
}

func (tb *table) rowFill(r int) *rgb {
	if tb.fill != nil {
		return tb.fill(r)
	}
	if r%2 == 1 {
		return &colStripe
	}
	return nil
}

// layout sets each cell of a row at its column's width.
func (tb *table) layout(row []cell) [][]*box {
	out := make([][]*box, len(tb.widths))
	for i := range tb.widths {
		if i < len(row) && row[i] != nil {
			out[i] = row[i](tb.widths[i] - 2*cellPadX)
		}
	}
	return out
}

// row makes the box of a row whose cells are laid out.
func (tb *table) row(cells [][]*box, fill *rgb, header bool) *box {
	h := 0.0
	for _, c := range cells {
		h = max(h, height(c))
	}
	h += 2 * cellPadY
	b := &box{h: h}
	b.draw = func(p *page, x, y float64) {
		if fill != nil {
			p.fillRect(x, y, tb.width, h, *fill)
		}
		if tb.labels {
			p.fillRect(x, y, tb.widths[0], h, colHead)
		}
		cx := x
		for i, c := range cells {
			cy := y + cellPadY
			for _, cb := range c {
				if cb.draw != nil {
					cb.draw(p, cx+cellPadX, cy)
				}
				cy += cb.h
			}
			cx += tb.widths[i]
		}
		tb.grid(p, x, y, h, header)
	}
	b.split = func(avail float64) (*box, *box) {
		first, rest, ok := splitCells(cells, avail-2*cellPadY, tb.lead*tb.size)
		if !ok {
			return nil, nil
		}
		return tb.row(first, fill, header), tb.row(rest, fill, header)
	}
	return b
}

// grid draws the rules of a row.
func (tb *table) grid(p *page, x, y, h float64, header bool) {
	p.line(x, y, x+tb.width, y, 0.5, colRule)
	col := colLight
	if header {
		col = colRule
	}
	p.line(x, y+h, x+tb.width, y+h, 0.5, col)
	cx := x
	for i, w := range tb.widths {
		if i > 0 {
			p.line(cx, y, cx, y+h, 0.4, colLight)
		}
		cx += w
	}
	p.line(x, y, x, y+h, 0.5, colRule)
	p.line(x+tb.width, y, x+tb.width, y+h, 0.5, colRule)
}

// splitCells cuts the cells of a row so that the first part is at most
// avail high. Each cell is cut after a box that may end a page; a cell that
// fits stays whole in the first part. ok is false when some cell cannot be
// cut usefully: the row then moves to the next page.
func splitCells(cells [][]*box, avail, minLine float64) (first, rest [][]*box, ok bool) {
	if avail < 2*minLine {
		return nil, nil, false
	}
	first = make([][]*box, len(cells))
	rest = make([][]*box, len(cells))
	progress := false
	for i, c := range cells {
		if height(c) <= avail {
			first[i] = c
			progress = progress || len(c) > 0
			continue
		}
		k, h := 0, 0.0
		for j, b := range c {
			if h+b.h > avail {
				break
			}
			h += b.h
			if !b.keep {
				k = j + 1
			}
		}
		if k == 0 {
			return nil, nil, false
		}
		first[i] = c[:k]
		r := c[k:]
		for len(r) > 0 && r[0].space {
			r = r[1:]
		}
		rest[i] = r
		progress = true
	}
	return first, rest, progress
}

// autoWidths sets the column widths of a table of text from its content:
// each column gets at least its longest word, its short phrases (up to six
// characters wide) and, if it can, its whole header on one line; the rest of the width goes in proportion to how much
// more each column's text asks for.
func (tb *table) autoWidths(header []*text, rows [][]*text) {
	cols := len(header)
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	natural := make([]float64, cols)
	least := make([]float64, cols)
	limit := tb.width / float64(cols)
	see := func(i int, t *text, whole bool) {
		if t == nil {
			return
		}
		nat, word := tb.ts.spans(t)
		if whole {
			word = nat
		}
		word = max(word, min(nat, 6*tb.size)) // short phrases stay on one line
		natural[i] = max(natural[i], nat+2*cellPadX)
		least[i] = max(least[i], min(word+2*cellPadX, limit))
	}
	for i, t := range header {
		see(i, t, true)
	}
	for _, r := range rows {
		for i, t := range r {
			see(i, t, false)
		}
	}
	if tb.narrow {
		sum := 0.0
		for i := range natural {
			sum += max(natural[i], least[i])
		}
		tb.width = min(tb.width, max(sum, tb.width/2))
	}
	tb.widths = distribute(tb.width, natural, least)
}

// distribute shares width among columns that ask for natural and need at
// least least.
func distribute(width float64, natural, least []float64) []float64 {
	n := len(natural)
	out := make([]float64, n)
	sumNat, sumLeast := 0.0, 0.0
	for i := range n {
		natural[i] = max(natural[i], least[i])
		sumNat += natural[i]
		sumLeast += least[i]
	}
	switch {
	case sumNat <= width:
		for i := range n {
			out[i] = natural[i] + (width-sumNat)*natural[i]/sumNat
		}
	case sumLeast >= width:
		for i := range n {
			out[i] = width * least[i] / sumLeast
		}
	default:
		extra := sumNat - sumLeast
		for i := range n {
			out[i] = least[i] + (width-sumLeast)*(natural[i]-least[i])/extra
		}
	}
	return out
}

// spans returns the width of t's longest line, unbroken, and the width of
// its widest unbreakable part.
func (ts *typesetter) spans(t *text) (natural, word float64) {
	run, line := 0.0, 0.0
	for i, r := range t.runes {
		w := ts.advance(&t.styles[t.sty[i]], r)
		if r == lineSep {
			run, line = 0, 0
			continue
		}
		line += w
		natural = max(natural, line)
		if isSpace(r) || r == '\n' {
			run = 0
			continue
		}
		if i > 0 && !isSpace(t.runes[i-1]) && canBreak(t.runes[i-1], r) {
			run = 0
		}
		run += w
		word = max(word, run)
	}
	return natural, word
}
