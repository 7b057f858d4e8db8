package typeset

import (
	"bytes"
	"image"
	_ "image/jpeg" // to read the size of JPEG images
	_ "image/png"  // and of PNG images
	"strconv"
	"strings"

	"github.com/signintech/gopdf"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/ducha/ducha/generator/markdown"
)

// MarkdownStyle says how Typesetter.Markdown sets a document.
type MarkdownStyle struct {
	Width float64 // of the column, points
	Body  Style   // of body text
	Lead  float64 // line height of body text, times its size
	// Indent indents the first line of paragraphs of running text by two
	// characters, as Chinese text is set.
	Indent bool
	// Justify stretches the CJK lines of paragraphs, but the last, to
	// the width.
	Justify bool
	// The roles of the text that is not set in the body's: Regular the
	// numbers of lists and the marks of footnotes; Bold headings, strong
	// emphasis and the headers of tables; Sans emphasis, code, tables and
	// the addresses shown after links.
	Regular, Bold, Sans Role
	// Heading, when set, is called for headings instead of setting them
	// plainly, with the heading's level below the document's highest
	// (0 for the highest) and its text: a document can number its
	// headings and list them in its contents.
	Heading func(level int, title string) []*Box
	// Image returns the image file a destination names, or nil: the image
	// then prints its description, as does every image when Image is nil.
	Image func(dest string) []byte
	// ImageHeight is the greatest height of an image, points; 0: no limit.
	ImageHeight float64
	// TableSize is the greatest size of the text of tables; 0: 9 points.
	TableSize float64
	// TableLead is the line height of tables, times their size; 0: 1.42.
	TableLead float64
	// NoteSize is the size of footnotes; 0: 9 points.
	NoteSize float64
	// Colors are those of links, code, quotes, rules and tables.
	Colors Colors
}

// Type sizes of Markdown, in points, where MarkdownStyle does not set them.
const (
	mdHeadingSize = 12   // of top-level headings set plainly
	mdBodySize    = 11   // below which headings are half a point larger than the body
	mdTableSize   = 9    // the default TableSize
	mdTableLead   = 1.42 // the default TableLead
	mdNoteSize    = 9    // the default NoteSize
)

// mdBlock sets one Markdown document as boxes.
type mdBlock struct {
	MarkdownStyle
	ts  *Typesetter
	src []byte
	// headingBase is the level of the document's highest heading.
	headingBase int
}

// Markdown sets doc, a Markdown document parsed from src (by package
// markdown, or goldmark with the GFM extensions), as boxes. It draws what
// goldmark's HTML renderer shows, in print: headings, paragraphs, lists,
// block quotes, code, tables, rules and footnotes; emphasis in the Sans
// role, strong emphasis in the Bold role, links in colour with their
// address after the text when it is not the text itself. Raw HTML is
// shown as written and a link to a script as its text, as package
// markdown shows them; HTML blocks are left out. An image standing alone
// in its paragraph is printed when st.Image finds it (see figure), and any
// other shows its description. PrintedRunes lists what it prints.
func (ts *Typesetter) Markdown(doc ast.Node, src []byte, st MarkdownStyle) []*Box {
	if st.TableSize == 0 {
		st.TableSize = mdTableSize
	}
	if st.TableLead == 0 {
		st.TableLead = mdTableLead
	}
	if st.NoteSize == 0 {
		st.NoteSize = mdNoteSize
	}
	m := &mdBlock{MarkdownStyle: st, ts: ts, src: src, headingBase: 6}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			m.headingBase = min(m.headingBase, h.Level)
		}
		return ast.WalkContinue, nil
	})
	return m.blocks(doc, m.Width)
}

// blocks sets the block children of n in a column width wide.
func (m *mdBlock) blocks(n ast.Node, width float64) []*Box {
	var out, last []*Box
	var prev ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		bs := m.block(c, width)
		if len(bs) == 0 {
			continue
		}
		if len(out) > 0 {
			gap := m.gap()
			if !isText(prev) || !isText(c) {
				gap = max(gap, 0.6*m.Body.Size) // around lists, tables, quotes and code
			}
			out = append(out, GapAfter(out, gap))
		}
		out = append(out, bs...)
		prev = c
		last = bs
	}
	if _, doc := n.(*ast.Document); doc && len(out) > len(last) {
		keepClosingNote(prev, last)
	}
	return out
}

// keepClosingNote keeps the last block of a document, bs set from n, with
// what comes before it when it is a note of one line: a paragraph or a
// quote ("> 本页内容为示例。"), which should not start a page alone.
func keepClosingNote(n ast.Node, bs []*Box) {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Blockquote:
	default:
		return
	}
	var line *Box
	for _, b := range bs {
		if b.Space {
			continue
		}
		if line != nil {
			return
		}
		line = b
	}
	if line != nil {
		line.KeepPrev = true
	}
}

// isText reports whether n is a paragraph or a heading.
func isText(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		return true
	}
	return false
}

// gap is the space between blocks.
func (m *mdBlock) gap() float64 {
	if m.Indent {
		return 0.25 * m.Body.Size
	}
	return 0.55 * m.Body.Size
}

func (m *mdBlock) block(n ast.Node, width float64) []*Box {
	switch n := n.(type) {
	case *ast.Heading:
		return m.headingBoxes(n, width)
	case *ast.Paragraph, *ast.TextBlock:
		if img, ok := n.FirstChild().(*ast.Image); ok && m.Image != nil && markdown.Alone(img) {
			if bs := m.figure(img, width); bs != nil {
				return bs
			}
		}
		return m.paragraph(n, width, m.Indent && isBodyParagraph(n))
	case *ast.List:
		return m.list(n, width)
	case *ast.Blockquote:
		return m.quote(n, width)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return m.code(n, width)
	case *ast.ThematicBreak:
		return []*Box{{H: m.Body.Size, Draw: func(p *Page, x, y float64) {
			p.Line(x, y+m.Body.Size/2, x+width, y+m.Body.Size/2, 0.5, m.Colors.Rule)
		}}}
	case *east.Table:
		return m.table(n, width)
	case *east.FootnoteList:
		return m.footnotes(n, width)
	case *ast.HTMLBlock:
		return nil
	}
	if n.HasChildren() {
		return m.blocks(n, width)
	}
	return nil
}

// isBodyParagraph reports whether n is a paragraph of running text: not in
// a list, quote or table.
func isBodyParagraph(n ast.Node) bool {
	_, ok := n.Parent().(*ast.Document)
	return ok
}

func (m *mdBlock) headingBoxes(n *ast.Heading, width float64) []*Box {
	t := &Text{}
	level := n.Level - m.headingBase
	st := m.Body
	st.Role = m.Bold
	st.Size = [3]float64{mdHeadingSize, m.Body.Size + 0.5, m.Body.Size}[min(level, 2)]
	if m.Body.Size < mdBodySize {
		st.Size = m.Body.Size + 0.5
	}
	m.inline(t, n, st)
	if m.Heading != nil {
		return m.Heading(level, t.String())
	}
	bs := m.ts.Lines(t, Para{Width: width, Lead: 1.5 * st.Size})
	for _, b := range bs {
		b.Keep = true
	}
	return append([]*Box{VSpace(0.4 * st.Size)}, bs...)
}

func (m *mdBlock) paragraph(n ast.Node, width float64, indent bool) []*Box {
	t := &Text{}
	m.inline(t, n, m.Body)
	if t.Empty() {
		return nil
	}
	pp := Para{Width: width, Lead: m.Lead * m.Body.Size, Justify: m.Justify}
	if indent {
		pp.Indent = 2 * m.Body.Size
	}
	return m.ts.Lines(t, pp)
}

// inline adds the inline children of n to t in style st.
func (m *mdBlock) inline(t *Text, n ast.Node, st Style) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		m.inlineNode(t, c, st)
	}
}

func (m *mdBlock) inlineNode(t *Text, n ast.Node, st Style) {
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		if n.IsRaw() {
			t.Add(string(seg.Value(m.src)), st)
		} else {
			var b strings.Builder
			mdDecode(seg.Value(m.src), 0, func(r rune, _ int) { b.WriteRune(r) })
			t.Add(b.String(), st)
		}
		switch {
		case n.HardLineBreak():
			t.HardBreak()
		case n.SoftLineBreak():
			t.softBreak()
		}
	case *ast.String:
		t.Add(string(n.Value), st)
	case *markdown.Figure:
		if n.Resolved {
			t.Add(n.Value, st)
		} else {
			t.Add(n.Source(), st)
		}
	case *ast.CodeSpan:
		cs := st
		cs.Role = m.Sans
		cs.Color = m.Colors.Code
		m.inline(t, n, cs)
	case *ast.Emphasis:
		es := st
		if n.Level >= 2 {
			es.Role = m.Bold
		} else if es.Role != m.Bold {
			es.Role = m.Sans
		}
		m.inline(t, n, es)
	case *east.Strikethrough:
		ss := st
		ss.Strike = true
		m.inline(t, n, ss)
	case *ast.Link:
		m.link(t, n, st)
	case *ast.AutoLink:
		m.autoLink(t, n, st)
	case *ast.Image:
		is := st
		is.Color = m.Colors.Muted
		t.Add("[", is)
		m.inline(t, n, is)
		t.Add("]", is)
	case *ast.RawHTML:
	case *east.TaskCheckBox:
		t.Add(m.checkBox(n.IsChecked), st)
	case *east.FootnoteLink:
		fs := st
		fs.Size = st.Size * 0.75
		fs.Color = m.Colors.Link
		t.Add("["+strconv.Itoa(n.Index)+"]", fs)
	case *east.FootnoteBacklink:
	default:
		m.inline(t, n, st)
	}
}

// link adds a link: its text in colour, then its address when it is of
// another site and the text does not say it.
func (m *mdBlock) link(t *Text, n *ast.Link, st Style) {
	ls := st
	ls.Color = m.Colors.Link
	ls.URL = linkTarget(n.Destination)
	m.inline(t, n, ls)
	if shownURL(n.Destination, n, m.src) {
		us := st
		us.Role = m.Sans
		us.Size = st.Size * 0.85
		us.Color = m.Colors.Muted
		us.URL = ls.URL
		t.Add(" ("+string(n.Destination)+")", us)
	}
}

func (m *mdBlock) autoLink(t *Text, n *ast.AutoLink, st Style) {
	ls := st
	ls.Color = m.Colors.Link
	url := string(n.URL(m.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	ls.URL = linkTarget([]byte(url))
	t.Add(string(n.Label(m.src)), ls)
}

// checkBox returns the mark of a task list item.
func (m *mdBlock) checkBox(checked bool) string {
	mark := map[bool]string{true: "☑ ", false: "☐ "}[checked]
	if !m.ts.Has([]rune(mark)[0]) {
		mark = map[bool]string{true: "[x] ", false: "[ ] "}[checked]
	}
	return mark
}

// linkTarget returns the address a link in the PDF opens: only web and
// mail addresses; others (pages of the site, scripts) open nothing.
func linkTarget(dest []byte) string {
	d := strings.TrimSpace(string(dest))
	lower := strings.ToLower(d)
	for _, scheme := range []string{"http://", "https://", "mailto:"} {
		if strings.HasPrefix(lower, scheme) {
			return d
		}
	}
	return ""
}

// shownURL reports whether a link's address is printed after its text: an
// address of another site, unless the text already says it.
func shownURL(dest []byte, n ast.Node, src []byte) bool {
	if !markdown.Remote(dest) {
		return false
	}
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	label := strings.TrimPrefix(strings.TrimPrefix(b.String(), "https://"), "http://")
	d := strings.TrimPrefix(strings.TrimPrefix(string(dest), "https://"), "http://")
	return strings.TrimSuffix(label, "/") != strings.TrimSuffix(d, "/")
}

// list sets a bullet or ordered list: markers hang in the left margin of
// the items.
func (m *mdBlock) list(n *ast.List, width float64) []*Box {
	indent := 2 * m.Body.Size
	var out []*Box
	no := n.Start
	if no == 0 {
		no = 1
	}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		marker := m.bullet()
		if isTask(item) {
			marker = ""
		}
		if n.IsOrdered() {
			marker = strconv.Itoa(no) + string(n.Marker)
			no++
		}
		bs := m.itemBlocks(item, width-indent)
		if len(bs) == 0 {
			bs = []*Box{{H: m.Lead * m.Body.Size}}
		}
		bs = Shift(bs, indent)
		first := *bs[0]
		draw := first.Draw
		ms := m.Body
		ms.Role = m.Regular
		if !n.IsOrdered() {
			ms.Size *= 0.42 // a round bullet, smaller than the text
			ms.Color = m.Colors.Muted
		}
		mw := m.ts.Measure(marker, ms)
		lead := m.Lead * m.Body.Size
		first.Draw = func(p *Page, x, y float64) {
			if draw != nil {
				draw(p, x, y)
			}
			if marker == "" {
				return
			}
			base := y + (lead-m.Body.Size)/2 + 0.86*m.Body.Size
			if !n.IsOrdered() {
				base -= 0.33 * m.Body.Size // centred on the line's characters
			}
			face, _ := m.ts.faces.pick(ms.Role, []rune(marker)[0])
			p.text(face, ms.Size, ms.Color, x+indent-mw-0.5*m.Body.Size, base, marker, 0)
		}
		bs[0] = &first
		if len(out) > 0 {
			gap := 0.15 * m.Body.Size
			if !n.IsTight {
				gap = m.gap()
			}
			out = append(out, VSpace(gap))
		}
		out = append(out, bs...)
	}
	return out
}

// isTask reports whether a list item starts with a task check box: it then
// has no bullet, as on the site.
func isTask(item ast.Node) bool {
	if tb := item.FirstChild(); tb != nil {
		_, ok := tb.FirstChild().(*east.TaskCheckBox)
		return ok
	}
	return false
}

// bullet returns the mark of an item of a bullet list.
func (m *mdBlock) bullet() string {
	for _, r := range []rune{'●', '•'} {
		if m.ts.Has(r) {
			return string(r)
		}
	}
	return "-"
}

// itemBlocks sets the blocks of a list item; paragraphs in items are not
// indented.
func (m *mdBlock) itemBlocks(item ast.Node, width float64) []*Box {
	saved := m.Indent
	m.Indent = false
	defer func() { m.Indent = saved }()
	return m.blocks(item, width)
}

// quote sets a block quote: indented, muted, with a rule on the left.
func (m *mdBlock) quote(n *ast.Blockquote, width float64) []*Box {
	pad := 1.2 * m.Body.Size
	saved, savedFirst := m.Body, m.Indent
	m.Body.Color = m.Colors.Muted
	m.Indent = false
	bs := m.blocks(n, width-pad)
	m.Body, m.Indent = saved, savedFirst
	out := Shift(bs, pad)
	for i, b := range out {
		c := *b
		d := b.Draw
		c.Draw = func(p *Page, x, y float64) {
			p.FillRect(x, y, 2.2, c.H, m.Colors.Light)
			if d != nil {
				d(p, x, y)
			}
		}
		out[i] = &c
	}
	return out
}

// code sets a code block in the Sans role, line by line, in a shaded box;
// long lines wrap.
func (m *mdBlock) code(n ast.Node, width float64) []*Box {
	st := m.Body
	st.Role = m.Sans
	st.Size = m.Body.Size * 0.85
	pad := 0.6 * st.Size
	lines := n.Lines()
	var out []*Box
	for i := range lines.Len() {
		seg := lines.At(i)
		s := strings.TrimRight(string(seg.Value(m.src)), "\r\n")
		s = keepIndent(s, m.ts)
		t := NewText(s, st)
		bs := m.ts.Lines(t, Para{Width: width - 2*pad, Lead: 1.45 * st.Size})
		if len(bs) == 0 {
			bs = []*Box{{H: 1.45 * st.Size}}
		}
		out = append(out, bs...)
	}
	out = append([]*Box{{H: pad / 2, Keep: true}}, Shift(out, pad)...)
	out = append(out, &Box{H: pad / 2})
	for i, b := range out {
		c := *b
		d := b.Draw
		c.Draw = func(p *Page, x, y float64) {
			p.FillRect(x, y, width, c.H, m.Colors.Shade)
			if d != nil {
				d(p, x, y)
			}
		}
		out[i] = &c
	}
	return out
}

// keepIndent turns leading spaces into no-break spaces, which the line
// breaker keeps, when the font has them.
func keepIndent(s string, ts *Typesetter) string {
	trimmed := strings.TrimLeft(s, " \t")
	n := len(s) - len(trimmed)
	if n == 0 || !ts.Has('\u00a0') {
		return s
	}
	return strings.Repeat("\u00a0", n) + trimmed
}

// table sets a GitHub table: columns as wide as their text asks, within
// width; the header repeats on every page the table runs onto.
func (m *mdBlock) table(n *east.Table, width float64) []*Box {
	st := m.Body
	st.Role = m.Sans
	st.Size = min(m.Body.Size, m.TableSize)
	var header []*Text
	var rows [][]*Text
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []*Text
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			t := &Text{}
			cs := st
			if _, ok := r.(*east.TableHeader); ok {
				cs.Role = m.Bold
			}
			m.inline(t, c, cs)
			cells = append(cells, t)
		}
		if _, ok := r.(*east.TableHeader); ok {
			header = cells
		} else {
			rows = append(rows, cells)
		}
	}
	cols := len(n.Alignments)
	align := make([]Align, cols)
	for i, a := range n.Alignments {
		switch a {
		case east.AlignCenter:
			align[i] = AlignCenter
		case east.AlignRight:
			align[i] = AlignRight
		}
	}
	tb := m.ts.NewTable(Table{Width: width, Align: align, Size: st.Size, Lead: m.TableLead, Narrow: true, Colors: m.Colors})
	tb.AutoWidths(header, rows)
	return tb.TextBoxes(header, rows)
}

// footnotes sets the footnotes at the end of the document, in small type.
func (m *mdBlock) footnotes(n *east.FootnoteList, width float64) []*Box {
	saved := m.Body
	m.Body.Size = m.NoteSize
	m.Body.Color = m.Colors.Muted
	defer func() { m.Body = saved }()
	out := []*Box{{H: m.NoteSize, Draw: func(p *Page, x, y float64) {
		p.Line(x, y+m.NoteSize/2, x+width/3, y+m.NoteSize/2, 0.5, m.Colors.Rule)
	}}}
	for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
		f, ok := fn.(*east.Footnote)
		if !ok {
			continue
		}
		label := "[" + strconv.Itoa(f.Index) + "]"
		lw := m.ts.Measure(label+" ", m.Body)
		saved := m.Indent
		m.Indent = false
		bs := m.blocks(f, width-lw)
		m.Indent = saved
		if len(bs) == 0 {
			continue
		}
		bs = Shift(bs, lw)
		first := *bs[0]
		draw := first.Draw
		st := m.Body
		lead := m.Lead * st.Size
		first.Draw = func(p *Page, x, y float64) {
			if draw != nil {
				draw(p, x, y)
			}
			ls := st
			ls.Role = m.Regular
			m.ts.DrawString(p, label, ls, x, y+(lead-st.Size)/2+0.86*st.Size, AlignLeft)
		}
		bs[0] = &first
		out = append(out, bs...)
	}
	return out
}

// figure sets an image that stands alone in its paragraph: centred, no
// wider than the column nor than its own size at 96 pixels to the inch,
// no higher than ImageHeight, with its description below it. It returns
// nil for an image it cannot place, which then prints its description.
func (m *mdBlock) figure(img *ast.Image, width float64) []*Box {
	data := m.Image(string(img.Destination))
	if data == nil {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || !embeddable(data) {
		return nil
	}
	w := min(float64(cfg.Width)*0.75, width)
	h := w * float64(cfg.Height) / float64(cfg.Width)
	if maxH := m.ImageHeight; maxH > 0 && h > maxH {
		h, w = maxH, maxH*float64(cfg.Width)/float64(cfg.Height)
	}
	gap := 0.5 * m.Body.Size
	fig := &Box{H: h + gap, Keep: true, Draw: func(p *Page, x, y float64) {
		p.Image(x+(width-w)/2, y, w, h, data)
	}}
	out := []*Box{fig}
	t := &Text{}
	caption := m.Body
	caption.Size, caption.Color = 0.85*m.Body.Size, m.Colors.Muted
	m.inline(t, img, caption)
	if !t.Empty() {
		out = append(out, m.ts.Lines(t, Para{Width: width, Lead: 1.4 * caption.Size, Align: AlignCenter})...)
	} else {
		fig.Keep = false
	}
	return out
}

// embeddable reports whether gopdf can embed an image file: PNG, JPEG and
// GIF, but not every kind (not a 16-bit or interlaced PNG, for one).
func embeddable(data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	holder, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return false
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: A4Width, H: A4Height}, Unit: gopdf.UnitPT})
	gp.AddPage()
	return gp.ImageByHolder(holder, 0, 0, &gopdf.Rect{W: 1, H: 1}) == nil
}
