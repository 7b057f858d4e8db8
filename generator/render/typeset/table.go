package typeset

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Table sets rows of cells. Each cell's content is a list of boxes laid out
// at the width of its column, so a cell holds wrapped text or several
// paragraphs; a row is as high as its highest cell. A row that does not fit
// at the foot of a page is cut between lines of its cells (never leaving a
// single line of a paragraph behind when it can be helped), and the header
// row is repeated on the next page. Make one with Typesetter.NewTable.
type Table struct {
	Width  float64   // of the whole table, points
	Widths []float64 // of the columns, points; see AutoWidths
	Align  []Align   // per column; default left
	Size   float64   // font size of text cells, points
	Lead   float64   // line height of text cells, times Size
	// Fill returns a row's background (rows from 0, without the header),
	// or nil; nil Fill: every other row in Colors.Stripe.
	Fill func(row int) *Color
	// Labels shades the first column: a table of particulars.
	Labels bool
	// Narrow lets AutoWidths make the table narrower than Width when its
	// text needs less (but not under half of it): Markdown tables.
	Narrow bool
	// Colors are those of the rules and backgrounds (Head, Stripe, Rule
	// and Light).
	Colors Colors
	// Caption, when set, returns the boxes of the table's caption, set
	// above it and kept with it. On every page the table runs onto, the
	// caption is repeated above the header row with continued true: the
	// document adds its mark of continuation ("（续）", "(continued)").
	// A table without a header row repeats no caption.
	Caption func(continued bool) []*Box
	// Whole is the number of body rows up to which the table is a block
	// (Box.Together), set whole on one page when it fits on one (and the
	// page it would leave is a third full); 0: WholeRows; negative: none.
	// A longer table breaks between rows, but keeps its first two rows
	// together, and its last two.
	Whole int

	ts *Typesetter
}

// NewTable returns a table set by ts, as t describes it.
func (ts *Typesetter) NewTable(t Table) *Table {
	t.ts = ts
	return &t
}

// Cell makes a cell's content at a width: the width of its column, less
// the cell's padding.
type Cell func(width float64) []*Box

const (
	cellPadX = 4.0
	cellPadY = 3.0
)

// TextCell returns a cell of one paragraph, t.
func (tb *Table) TextCell(t *Text, align Align) Cell {
	return func(w float64) []*Box {
		if t == nil || t.Empty() {
			return nil
		}
		return tb.ts.Lines(t, Para{Width: w, Lead: tb.Lead * tb.Size, Align: align, Base: tb.Size})
	}
}

// TextBoxes sets a table of text cells, aligned as Align says.
func (tb *Table) TextBoxes(header []*Text, rows [][]*Text) []*Box {
	hc := make([]Cell, len(header))
	for i, t := range header {
		hc[i] = tb.TextCell(t, tb.alignOf(i))
	}
	rc := make([][]Cell, len(rows))
	for r, row := range rows {
		rc[r] = make([]Cell, len(row))
		for i, t := range row {
			rc[r][i] = tb.TextCell(t, tb.alignOf(i))
		}
	}
	return tb.Boxes(hc, rc)
}

func (tb *Table) alignOf(col int) Align {
	if col < len(tb.Align) {
		return tb.Align[col]
	}
	return AlignLeft
}

// WholeRows is the default Table.Whole: a table of up to 8 body rows
// (the particulars of a group or a province, a short list) is set on one
// page; a longer one may break, as a reader expects a long table to.
const WholeRows = 8

// Boxes sets a table: its caption, then a box per row, each of which
// repeats the header row (and the caption, marked as continued) when it
// starts a page; header may be nil. The caption and the header row keep
// with the first row, the first row with the second, and the
// second-to-last with the last; the table is a block as Whole says, kept
// on one page when it fits on one. The rows are set in parallel.
func (tb *Table) Boxes(header []Cell, rows [][]Cell) []*Box {
	var out []*Box
	if tb.Caption != nil {
		c := tb.Caption(false)
		if n := len(c); n > 0 {
			c[n-1].Keep = true
		}
		out = append(out, c...)
	}
	var head, repeat *Box
	if header != nil {
		head = tb.row(tb.layout(header), &tb.Colors.Head, true)
		head.Keep = true
		out = append(out, head)
		repeat = head
		if tb.Caption != nil {
			repeat = Block(append(tb.Caption(true), head))
		}
	}
	mark := &tableMark{header: head != nil}
	laid := make([][][]*Box, len(rows))
	parallel(len(rows), func(r int) { laid[r] = tb.layout(rows[r]) })
	for r, cells := range laid {
		b := tb.row(cells, tb.rowFill(r), false)
		b.Header, b.table = repeat, mark
		out = append(out, b)
	}
	n := len(rows)
	if n >= 4 { // no page starts or ends with a single row of the table
		body := out[len(out)-n:]
		body[0].Keep, body[n-2].Keep = true, true
	}
	whole := tb.Whole
	if whole == 0 {
		whole = WholeRows
	}
	if n > 0 && n <= whole {
		Together(out)
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
// caller.
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

func (tb *Table) rowFill(r int) *Color {
	if tb.Fill != nil {
		return tb.Fill(r)
	}
	if r%2 == 1 {
		return &tb.Colors.Stripe
	}
	return nil
}

// layout sets each cell of a row at its column's width.
func (tb *Table) layout(row []Cell) [][]*Box {
	out := make([][]*Box, len(tb.Widths))
	for i := range tb.Widths {
		if i < len(row) && row[i] != nil {
			out[i] = row[i](tb.Widths[i] - 2*cellPadX)
		}
	}
	return out
}

// row makes the box of a row whose cells are laid out.
func (tb *Table) row(cells [][]*Box, fill *Color, header bool) *Box {
	h := 0.0
	for _, c := range cells {
		h = max(h, Height(c))
	}
	h += 2 * cellPadY
	b := &Box{H: h}
	b.Draw = func(p *Page, x, y float64) {
		if fill != nil {
			p.FillRect(x, y, tb.Width, h, *fill)
		}
		if tb.Labels {
			p.FillRect(x, y, tb.Widths[0], h, tb.Colors.Head)
		}
		cx := x
		for i, c := range cells {
			cy := y + cellPadY
			for _, cb := range c {
				if cb.Draw != nil {
					cb.Draw(p, cx+cellPadX, cy)
				}
				cy += cb.H
			}
			cx += tb.Widths[i]
		}
		tb.grid(p, x, y, h, header)
	}
	b.Split = func(avail float64) (*Box, *Box) {
		first, rest, ok := splitCells(cells, avail-2*cellPadY, tb.Lead*tb.Size)
		if !ok {
			return nil, nil
		}
		return tb.row(first, fill, header), tb.row(rest, fill, header)
	}
	return b
}

// grid draws the rules of a row.
func (tb *Table) grid(p *Page, x, y, h float64, header bool) {
	p.Line(x, y, x+tb.Width, y, 0.5, tb.Colors.Rule)
	col := tb.Colors.Light
	if header {
		col = tb.Colors.Rule
	}
	p.Line(x, y+h, x+tb.Width, y+h, 0.5, col)
	cx := x
	for i, w := range tb.Widths {
		if i > 0 {
			p.Line(cx, y, cx, y+h, 0.4, tb.Colors.Light)
		}
		cx += w
	}
	p.Line(x, y, x, y+h, 0.5, tb.Colors.Rule)
	p.Line(x+tb.Width, y, x+tb.Width, y+h, 0.5, tb.Colors.Rule)
}

// splitCells cuts the cells of a row so that the first part is at most
// avail high. Each cell is cut after a box that may end a page; a cell that
// fits stays whole in the first part. ok is false when some cell cannot be
// cut usefully: the row then moves to the next page.
func splitCells(cells [][]*Box, avail, minLine float64) (first, rest [][]*Box, ok bool) {
	if avail < 2*minLine {
		return nil, nil, false
	}
	first = make([][]*Box, len(cells))
	rest = make([][]*Box, len(cells))
	progress := false
	for i, c := range cells {
		if Height(c) <= avail {
			first[i] = c
			progress = progress || len(c) > 0
			continue
		}
		k, h := 0, 0.0
		for j, b := range c {
			if h+b.H > avail {
				break
			}
			h += b.H
			if !b.Keep {
				k = j + 1
			}
		}
		if k == 0 {
			return nil, nil, false
		}
		first[i] = c[:k]
		r := c[k:]
		for len(r) > 0 && r[0].Space {
			r = r[1:]
		}
		rest[i] = r
		progress = true
	}
	return first, rest, progress
}

// AutoWidths sets the column widths of a table of text from its content:
// each column gets at least its longest word, its short phrases (up to six
// characters wide) and, if it can, its whole header on one line; the rest
// of the width goes in proportion to how much more each column's text asks
// for. The cells need not be those the table sets (TextCell): text that
// stands for them will do.
func (tb *Table) AutoWidths(header []*Text, rows [][]*Text) {
	cols := len(header)
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	natural := make([]float64, cols)
	least := make([]float64, cols)
	limit := tb.Width / float64(cols)
	see := func(i int, t *Text, whole bool) {
		if t == nil {
			return
		}
		nat, word := tb.ts.spans(t)
		if whole {
			word = nat
		}
		word = max(word, min(nat, 6*tb.Size)) // short phrases stay on one line
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
	if tb.Narrow {
		sum := 0.0
		for i := range natural {
			sum += max(natural[i], least[i])
		}
		tb.Width = min(tb.Width, max(sum, tb.Width/2))
	}
	tb.Widths = distribute(tb.Width, natural, least)
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
func (ts *Typesetter) spans(t *Text) (natural, word float64) {
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
