package pdf

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
	"github.com/ducha/ducha/generator/model"
)

// mdBlock sets Markdown as boxes. It draws what goldmark's HTML renderer
// shows, in print: headings, paragraphs, lists, block quotes, code, tables,
// rules and footnotes; emphasis in the sans face, strong emphasis in bold,
// links in colour with their address after the text when it is not the
// text itself. Raw HTML is shown as written and a link to a script as its
// text, as the site shows them (package markdown); when the project
// allows raw HTML, the HTML is left out. An image standing alone in its
// paragraph is printed when the page can find it (figure), and any other
// shows its description.
type mdBlock struct {
	ts    *typesetter
	src   []byte
	width float64
	body  style   // style of body text
	lead  float64 // line height factor
	// firstIndent indents the first line of paragraphs by two characters,
	// as Chinese text is set.
	firstIndent bool
	justify     bool
	// heading, when set, is called for headings instead of setting them
	// plainly: the briefing numbers them and lists them in the contents.
	heading func(level int, title string) []*box
	// headingBase is the level of the document's highest heading.
	headingBase int
	// media returns the image file a destination names, or nil: the
	// image then prints its description, as does every image when media
	// is nil.
	media func(dest string) []byte
	// figs resolves the figures the Markdown cites; nil: they print as
	// written.
	figs  markdown.Figures
	notes []ast.Node // footnotes, in order
}

// newMD returns a Markdown setter for body text width wide.
func newMD(ts *typesetter, src []byte, width float64, body style, lead float64) *mdBlock {
	return &mdBlock{ts: ts, src: src, width: width, body: body, lead: lead, headingBase: 1}
}

// render sets the document src, parsed by md.
func (m *mdBlock) render(md *markdown.Renderer) []*box {
	doc := md.Parse(m.src, m.figs)
	m.headingBase = 6
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			m.headingBase = min(m.headingBase, h.Level)
		}
		return ast.WalkContinue, nil
	})
	return m.blocks(doc, m.width)
}

// blocks sets the block children of n in a column width wide.
func (m *mdBlock) blocks(n ast.Node, width float64) []*box {
	var out []*box
	var prev ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		bs := m.block(c, width)
		if len(bs) == 0 {
			continue
		}
		if len(out) > 0 {
			gap := m.gap()
			if !isText(prev) || !isText(c) {
				gap = max(gap, 0.6*m.body.size) // around lists, tables, quotes and code
			}
			out = append(out, gapAfter(out, gap))
		}
		out = append(out, bs...)
		prev = c
	}
	return out
}

// isText reports whether n is a paragraph or a heading.
func isText(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		return true
	}
	return false
}

// gapAfter returns space of height h to follow bs, kept with what follows
// when the last of bs is (a heading).
func gapAfter(bs []*box, h float64) *box {
	g := vspace(h)
	g.keep = len(bs) > 0 && bs[len(bs)-1].keep
	return g
}

// gap is the space between blocks.
func (m *mdBlock) gap() float64 {
	if m.firstIndent {
		return 0.25 * m.body.size
	}
	return 0.55 * m.body.size
}

func (m *mdBlock) block(n ast.Node, width float64) []*box {
	switch n := n.(type) {
	case *ast.Heading:
		return m.headingBoxes(n, width)
	case *ast.Paragraph, *ast.TextBlock:
		if img, ok := n.FirstChild().(*ast.Image); ok && m.media != nil && markdown.Alone(img) {
			if bs := m.figure(img, width); bs != nil {
				return bs
			}
		}
		return m.paragraph(n, width, m.firstIndent && isBodyParagraph(n))
	case *ast.List:
		return m.list(n, width)
	case *ast.Blockquote:
		return m.quote(n, width)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return m.code(n, width)
	case *ast.ThematicBreak:
		return []*box{{h: m.body.size, draw: func(p *page, x, y float64) {
			p.line(x, y+m.body.size/2, x+width, y+m.body.size/2, 0.5, colRule)
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

func (m *mdBlock) headingBoxes(n *ast.Heading, width float64) []*box {
	t := &text{}
	level := n.Level - m.headingBase
	st := m.body
	st.role = roleBold
	st.size = [3]float64{sizeH3, m.body.size + 0.5, m.body.size}[min(level, 2)]
	if m.body.size < sizeBody {
		st.size = m.body.size + 0.5
	}
	m.inline(t, n, st)
	if m.heading != nil {
		return m.heading(level, t.plain())
	}
	bs := m.ts.lines(t, para{width: width, lead: 1.5 * st.size})
	for _, b := range bs {
		b.keep = true
	}
	return append([]*box{vspace(0.4 * st.size)}, bs...)
}

func (m *mdBlock) paragraph(n ast.Node, width float64, indent bool) []*box {
	t := &text{}
	m.inline(t, n, m.body)
	if t.empty() {
		return nil
	}
	pp := para{width: width, lead: m.lead * m.body.size, justify: m.justify}
	if indent {
		pp.indent = 2 * m.body.size
	}
	return m.ts.lines(t, pp)
}

// inline adds the inline children of n to t in style st.
func (m *mdBlock) inline(t *text, n ast.Node, st style) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		m.inlineNode(t, c, st)
	}
}

func (m *mdBlock) inlineNode(t *text, n ast.Node, st style) {
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		if n.IsRaw() {
			t.add(string(seg.Value(m.src)), st)
		} else {
			var b strings.Builder
			mdDecode(seg.Value(m.src), 0, func(r rune, _ int) { b.WriteRune(r) })
			t.add(b.String(), st)
		}
		switch {
		case n.HardLineBreak():
			t.hardBreak()
		case n.SoftLineBreak():
			t.softBreak()
		}
	case *ast.String:
		t.add(string(n.Value), st)
	case *markdown.Figure:
		if n.Resolved {
			t.add(n.Value, st)
		} else {
			t.add(n.Source(), st)
		}
	case *ast.CodeSpan:
		cs := st
		cs.role = roleSans
		cs.color = rgb{0x8a, 0x1c, 0x3c}
		m.inline(t, n, cs)
	case *ast.Emphasis:
		es := st
		if n.Level >= 2 {
			es.role = roleBold
		} else if es.role != roleBold {
			es.role = roleSans
		}
		m.inline(t, n, es)
	case *east.Strikethrough:
		ss := st
		ss.strike = true
		m.inline(t, n, ss)
	case *ast.Link:
		m.link(t, n, st)
	case *ast.AutoLink:
		m.autoLink(t, n, st)
	case *ast.Image:
		is := st
		is.color = colMuted
		t.add("[", is)
		m.inline(t, n, is)
		t.add("]", is)
	case *ast.RawHTML:
	case *east.TaskCheckBox:
		t.add(m.checkBox(n.IsChecked), st)
	case *east.FootnoteLink:
		fs := st
		fs.size = st.size * 0.75
		fs.color = colLink
		t.add("["+strconv.Itoa(n.Index)+"]", fs)
	case *east.FootnoteBacklink:
	default:
		m.inline(t, n, st)
	}
}

// link adds a link: its text in colour, then its address when it is of
// another site and the text does not say it.
func (m *mdBlock) link(t *text, n *ast.Link, st style) {
	ls := st
	ls.color = colLink
	ls.url = linkTarget(n.Destination)
	m.inline(t, n, ls)
	if shownURL(n.Destination, n, m.src) {
		us := st
		us.role = roleSans
		us.size = st.size * 0.85
		us.color = colMuted
		us.url = ls.url
		t.add(" ("+string(n.Destination)+")", us)
	}
}

func (m *mdBlock) autoLink(t *text, n *ast.AutoLink, st style) {
	ls := st
	ls.color = colLink
	url := string(n.URL(m.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	ls.url = linkTarget([]byte(url))
	t.add(string(n.Label(m.src)), ls)
}

// checkBox returns the mark of a task list item.
func (m *mdBlock) checkBox(checked bool) string {
	mark := map[bool]string{true: "☑ ", false: "☐ "}[checked]
	if !m.ts.faces.has([]rune(mark)[0]) {
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
func (m *mdBlock) list(n *ast.List, width float64) []*box {
	indent := 2 * m.body.size
	var out []*box
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
			bs = []*box{{h: m.lead * m.body.size}}
		}
		bs = shift(bs, indent)
		first := *bs[0]
		draw := first.draw
		ms := m.body
		ms.role = roleRegular
		if !n.IsOrdered() {
			ms.size *= 0.42 // a round bullet, smaller than the text
			ms.color = colMuted
		}
		mw := m.ts.measure(marker, ms)
		lead := m.lead * m.body.size
		first.draw = func(p *page, x, y float64) {
			if draw != nil {
				draw(p, x, y)
			}
			if marker == "" {
				return
			}
			base := y + (lead-m.body.size)/2 + 0.86*m.body.size
			if !n.IsOrdered() {
				base -= 0.33 * m.body.size // centred on the line's characters
			}
			face, _ := m.ts.faces.pick(ms.role, []rune(marker)[0])
			p.text(face, ms.size, ms.color, x+indent-mw-0.5*m.body.size, base, marker, 0)
		}
		bs[0] = &first
		if len(out) > 0 {
			gap := 0.15 * m.body.size
			if !n.IsTight {
				gap = m.gap()
			}
			out = append(out, vspace(gap))
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
		if m.ts.faces.has(r) {
			return string(r)
		}
	}
	return "-"
}

// itemBlocks sets the blocks of a list item; paragraphs in items are not
// indented.
func (m *mdBlock) itemBlocks(item ast.Node, width float64) []*box {
	saved := m.firstIndent
	m.firstIndent = false
	defer func() { m.firstIndent = saved }()
	return m.blocks(item, width)
}

// quote sets a block quote: indented, muted, with a rule on the left.
func (m *mdBlock) quote(n *ast.Blockquote, width float64) []*box {
	pad := 1.2 * m.body.size
	saved, savedFirst := m.body, m.firstIndent
	m.body.color = colMuted
	m.firstIndent = false
	bs := m.blocks(n, width-pad)
	m.body, m.firstIndent = saved, savedFirst
	out := shift(bs, pad)
	for i, b := range out {
		c := *b
		d := b.draw
		c.draw = func(p *page, x, y float64) {
			p.fillRect(x, y, 2.2, c.h, colLight)
			if d != nil {
				d(p, x, y)
			}
		}
		out[i] = &c
	}
	return out
}

// code sets a code block in the sans face, line by line, in a shaded box;
// long lines wrap.
func (m *mdBlock) code(n ast.Node, width float64) []*box {
	st := m.body
	st.role = roleSans
	st.size = m.body.size * 0.85
	pad := 0.6 * st.size
	lines := n.Lines()
	var out []*box
	for i := range lines.Len() {
		seg := lines.At(i)
		s := strings.TrimRight(string(seg.Value(m.src)), "\r\n")
		s = keepIndent(s, m.ts)
		t := textOf(s, st)
		bs := m.ts.lines(t, para{width: width - 2*pad, lead: 1.45 * st.size})
		if len(bs) == 0 {
			bs = []*box{{h: 1.45 * st.size}}
		}
		out = append(out, bs...)
	}
	out = append([]*box{{h: pad / 2, keep: true}}, shift(out, pad)...)
	out = append(out, &box{h: pad / 2})
	for i, b := range out {
		c := *b
		d := b.draw
		c.draw = func(p *page, x, y float64) {
			p.fillRect(x, y, width, c.h, colQuoteBg)
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
func keepIndent(s string, ts *typesetter) string {
	trimmed := strings.TrimLeft(s, " \t")
	n := len(s) - len(trimmed)
	if n == 0 || !ts.faces.has('\u00a0') {
		return s
	}
	return strings.Repeat("\u00a0", n) + trimmed
}

// table sets a GitHub table: columns as wide as their text asks, within
// width; the header repeats on every page the table runs onto.
func (m *mdBlock) table(n *east.Table, width float64) []*box {
	st := m.body
	st.role = roleSans
	st.size = min(m.body.size, sizeTable)
	var header []*text
	var rows [][]*text
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []*text
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			t := &text{}
			cs := st
			if _, ok := r.(*east.TableHeader); ok {
				cs.role = roleBold
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
	align := make([]int, cols)
	for i, a := range n.Alignments {
		switch a {
		case east.AlignCenter:
			align[i] = alignCenter
		case east.AlignRight:
			align[i] = alignRight
		}
	}
	tb := &table{ts: m.ts, width: width, align: align, size: st.size, lead: leadTable, narrow: true}
	tb.autoWidths(header, rows)
	return tb.boxes(header, rows)
}

// footnotes sets the footnotes at the end of the document, in small type.
func (m *mdBlock) footnotes(n *east.FootnoteList, width float64) []*box {
	saved := m.body
	m.body.size = sizeSmall
	m.body.color = colMuted
	defer func() { m.body = saved }()
	out := []*box{{h: sizeSmall, draw: func(p *page, x, y float64) {
		p.line(x, y+sizeSmall/2, x+width/3, y+sizeSmall/2, 0.5, colRule)
	}}}
	for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
		f, ok := fn.(*east.Footnote)
		if !ok {
			continue
		}
		label := "[" + strconv.Itoa(f.Index) + "]"
		lw := m.ts.measure(label+" ", m.body)
		saved := m.firstIndent
		m.firstIndent = false
		bs := m.blocks(f, width-lw)
		m.firstIndent = saved
		if len(bs) == 0 {
			continue
		}
		bs = shift(bs, lw)
		first := *bs[0]
		draw := first.draw
		st := m.body
		lead := m.lead * st.size
		first.draw = func(p *page, x, y float64) {
			if draw != nil {
				draw(p, x, y)
			}
			ls := st
			ls.role = roleRegular
			m.ts.drawString(p, label, ls, x, y+(lead-st.size)/2+0.86*st.size, alignLeft)
		}
		bs[0] = &first
		out = append(out, bs...)
	}
	return out
}

// mdText renders a Markdown field (a finding's detail) as boxes.
func (b *briefing) mdText(t model.Text, width float64, body style, lead float64) []*box {
	s := t.In(b.lang)
	if strings.TrimSpace(s) == "" {
		return nil
	}
	m := newMD(b.ts, []byte(s), width, body, lead)
	return m.render(b.md)
}

// figure sets an image that stands alone in its paragraph: centred, no
// wider than the column nor than its own size at 96 pixels to the inch,
// no taller than 60% of the text area, with its description below it.
// It returns nil for an image it cannot place, which then prints its
// description.
func (m *mdBlock) figure(img *ast.Image, width float64) []*box {
	data := m.media(string(img.Destination))
	if data == nil {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || !embeddable(data) {
		return nil
	}
	w := min(float64(cfg.Width)*0.75, width)
	h := w * float64(cfg.Height) / float64(cfg.Width)
	if maxH := 0.6 * (bodyGeometry.bottom - bodyGeometry.top); h > maxH {
		h, w = maxH, maxH*float64(cfg.Width)/float64(cfg.Height)
	}
	gap := 0.5 * m.body.size
	fig := &box{h: h + gap, keep: true, draw: func(p *page, x, y float64) {
		p.image(x+(width-w)/2, y, w, h, data)
	}}
	out := []*box{fig}
	t := &text{}
	caption := m.body
	caption.size, caption.color = 0.85*m.body.size, colMuted
	m.inline(t, img, caption)
	if !t.empty() {
		out = append(out, m.ts.lines(t, para{width: width, lead: 1.4 * caption.size, align: alignCenter})...)
	} else {
		fig.keep = false
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
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: pageW, H: pageH}, Unit: gopdf.UnitPT})
	gp.AddPage()
	return gp.ImageByHolder(holder, 0, 0, &gopdf.Rect{W: 1, H: 1}) == nil
}
