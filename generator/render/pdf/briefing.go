package pdf

import (
	"context"
	"io/fs"
	"path"
	"slices"
	"strconv"

	"github.com/ducha/ducha/generator/derive/changes"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/source"
)

// briefing assembles the pages of one briefing.
type briefing struct {
	ts   *typesetter
	p    *model.Project
	r    *report.Report
	c    *model.Campaign
	lang model.Lang
	md   *markdown.Renderer
	figs *figures.Table // what the narrative cites
	body *flow
	toc  []tocEntry
	// counters for section numbers, anchors and figures
	sections, anchors, figures int
	project                    fs.FS  // for the narrative's images; nil: none
	stamp                      string // at the foot of the last page; "" for none
	changes                    *changes.Changes
	changesSince               string
}

// tocEntry is an entry of the contents and of the bookmarks.
type tocEntry struct {
	level  int // 0: a section; 1: within a section
	title  string
	anchor string
}

// bodyGeometry is the text area of every page but the cover.
var bodyGeometry = geometry{left: marginLeft, top: marginTop, width: textWidth, bottom: pageH - marginBottom}

var bodyStyle = style{role: roleRegular, size: sizeBody, color: colText}

func newBriefing(ts *typesetter, p *model.Project, r *report.Report, md *markdown.Renderer) *briefing {
	return &briefing{ts: ts, p: p, r: r, c: r.Campaign, lang: r.Lang, md: md, figs: figures.New(r)}
}

func (b *briefing) word(key string) string { return i18n.Tr(b.lang, key) }

func (b *briefing) wordf(key string, args ...any) string { return i18n.Trf(b.lang, key, args...) }

// build lays the briefing out: the body first, then the contents, which
// need the body's page numbers, and the cover; then the header and footer
// of every page but the cover.
func (b *briefing) build(ctx context.Context) ([]*page, error) {
	b.body = newFlow(bodyGeometry)
	for _, section := range []func(){
		b.summary, b.scope, b.keyFigures, b.compared, b.indicators, b.groups, b.provinces, b.rectification, b.progress, b.annex, b.changesAnnex,
	} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		section()
	}
	b.body.flush()
	at := map[string]int{}
	for i, pg := range b.body.pages {
		for _, o := range pg.ops {
			if o.kind == opAnchor {
				at[o.s] = i
			}
		}
	}
	cover := b.cover()
	var toc []*page
	for n := 1; ; {
		toc = b.contents(len(cover)+n+1, at)
		if len(toc) == n {
			break
		}
		n = len(toc)
	}
	pages := append(append(cover, toc...), b.body.pages...)
	h := b.header()
	for i := len(cover); i < len(pages); i++ {
		b.furniture(pages[i], h, i+1, len(pages))
	}
	return pages, nil
}

// section starts a numbered section on a new page.
func (b *briefing) section(title string) {
	b.sections++
	label := i18n.ChineseNumber(b.sections) + "、"
	if b.lang == model.EN {
		label = strconv.Itoa(b.sections) + ". "
	}
	b.body.pageBreak()
	b.addAll(b.tocHeading(0, label+title))
}

// tocHeading returns a heading listed in the contents and the bookmarks.
func (b *briefing) tocHeading(level int, title string) []*box {
	b.anchors++
	anchor := "s" + strconv.Itoa(b.anchors)
	b.toc = append(b.toc, tocEntry{level: level, title: title, anchor: anchor})
	return b.headingBoxes(level, title, anchor)
}

// headingBoxes sets a heading of level 0 (a section), 1, 2 or 3 (in a
// narrative page). With an anchor, it is a target of the contents and a
// bookmark.
func (b *briefing) headingBoxes(level int, title, anchor string) []*box {
	level = min(level, 3)
	size := [4]float64{sizeH1, sizeH2, sizeH3, sizeBody + 0.5}[level]
	before := [4]float64{0, 16, 10, 6}[level]
	after := [4]float64{14, 6, 3, 2}[level]
	lead := 1.4 * size
	lines := b.ts.lines(textOf(title, style{role: roleBold, size: size, color: colText}), para{width: textWidth, lead: lead})
	h := height(lines)
	hb := &box{h: h + after, keep: true, draw: func(p *page, x, y float64) {
		if anchor != "" {
			p.anchor(anchor, y)
			p.outline(title, level, y)
		}
		for _, l := range lines {
			l.draw(p, x, y)
			y += l.h
		}
		if level == 0 {
			p.line(x, y+3, x+textWidth, y+3, 1.2, colAccent)
		}
	}}
	if before == 0 {
		return []*box{hb}
	}
	return []*box{vspace(before), hb}
}

func (b *briefing) addAll(bs []*box) {
	for _, bx := range bs {
		b.body.add(bx)
	}
}

// paragraph adds a paragraph of body text.
func (b *briefing) paragraph(s string) {
	pp := para{width: textWidth, lead: leadBody * sizeBody, justify: true}
	if b.lang == model.ZH {
		pp.indent = 2 * sizeBody
	}
	b.addAll(b.ts.lines(textOf(s, bodyStyle), pp))
	b.body.add(vspace(0.3 * sizeBody))
}

// narrative adds a narrative page of content/, if the campaign has it.
// Headings of the page are set plainly, below the briefing's.
func (b *briefing) narrative(kind model.PageKind, key string) bool {
	pg := b.c.Page(kind, key)
	if pg == nil || pg.Draft || len(pg.Body) == 0 {
		return false
	}
	m := b.narrativeMD(pg)
	m.heading = func(level int, title string) []*box { return b.headingBoxes(3, title, "") }
	b.addAll(m.render(b.md))
	b.body.add(vspace(0.5 * sizeBody))
	return true
}

// media returns how the page pg finds the images it shows: by their path
// from the page, among the campaign's images (Campaign.Media).
func (b *briefing) media(pg *model.Page) func(dest string) []byte {
	if b.project == nil {
		return nil
	}
	return func(dest string) []byte {
		p := markdown.ImagePath([]byte(dest))
		rel, inside := b.c.MediaPath(pg, p)
		if p == "" || !inside || !slices.Contains(b.c.Media, rel) {
			return nil
		}
		data, err := source.ReadRegular(b.project, path.Join("content", b.c.ID, rel))
		if err != nil {
			return nil
		}
		return data
	}
}

// narrativeMD returns the setter of a narrative page's Markdown.
func (b *briefing) narrativeMD(pg *model.Page) *mdBlock {
	m := newMD(b.ts, pg.Body, textWidth, bodyStyle, leadBody)
	m.media = b.media(pg)
	m.figs = b.figs.In(figures.ScopeOf(pg))
	m.firstIndent = b.lang == model.ZH
	m.justify = true
	return m
}

// runningHeader is what the header of every page but the cover says.
type runningHeader struct {
	marking string   // on one line, at most half the text width
	title   []string // at most two lines, wrapping upwards
}

var (
	headerStyle  = style{role: roleSans, size: 8.5, color: colMuted}
	markingStyle = style{role: roleBold, size: 8.5, color: colAccent}
)

// header sets the running header once for all pages: the marking on one
// line of at most half the text width, and the campaign's short title in
// the rest, on at most two lines; what is longer is cut short with an
// ellipsis.
func (b *briefing) header() runningHeader {
	var h runningHeader
	room := textWidth
	if m := b.p.Config.PDF.Marking.In(b.lang); m != "" {
		h.marking = b.ts.fit(m, markingStyle, textWidth/2)
		room -= b.ts.measure(h.marking, markingStyle) + 12
	}
	h.title = b.ts.wrapAtMost(b.c.Label(b.lang), headerStyle, room, 2)
	return h
}

// furniture draws the header h and the footer of page no of total.
func (b *briefing) furniture(p *page, h runningHeader, no, total int) {
	x, right := marginLeft, marginLeft+textWidth
	if h.marking != "" {
		b.ts.drawString(p, h.marking, markingStyle, right, headerY, alignRight)
	}
	for i, l := range h.title {
		b.ts.drawString(p, l, headerStyle, x, headerY-float64(len(h.title)-1-i)*1.3*headerStyle.size, alignLeft)
	}
	p.line(x, headerY+5, right, headerY+5, 0.5, colRule)
	b.ts.drawString(p, b.wordf("page-of", no, total), headerStyle, x+textWidth/2, footerY, alignCenter)
	if b.c.Illustrative {
		b.ts.drawString(p, b.word("illustrative-mark"), style{role: roleSans, size: 7.5, color: colWarn}, x, footerY, alignLeft)
	}
	if no == total && b.stamp != "" {
		b.ts.drawString(p, b.stamp, style{role: roleSans, size: 7.5, color: colMuted}, right, footerY, alignRight)
	}
}

// cover lays out the cover: usually one page, more when its text is long.
// The space above the title shrinks when the cover has much to say.
func (b *briefing) cover() []*page {
	g := geometry{left: marginLeft, top: 25 * mm, width: textWidth, bottom: pageH - 22*mm}
	var top, middle []*box
	center := func(s string, st style, lead float64) {
		middle = append(middle, b.ts.lines(textOf(s, st), para{width: textWidth, lead: lead * st.size, align: alignCenter})...)
	}
	if m := b.p.Config.PDF.Marking.In(b.lang); m != "" {
		top = append(top, b.markingBox(m))
	}
	center(b.c.Title.In(b.lang), style{role: roleBold, size: 26, color: colAccent}, 1.45)
	middle = append(middle, &box{h: 16, draw: func(p *page, x, y float64) {
		p.line(x, y+6, x+textWidth, y+6, 2.2, colAccent)
		p.line(x, y+10, x+textWidth, y+10, 0.7, colAccent)
	}}, &box{h: 6})
	center(b.word("briefing"), style{role: roleBold, size: 21, color: colText}, 1.5)
	middle = append(middle, &box{h: 18 * mm})
	middle = append(middle, b.coverFacts()...)
	if b.c.Illustrative {
		middle = append(middle, &box{h: 8 * mm}, b.illustrativeBox())
	}
	bottom := b.coverBottom()
	free := g.bottom - g.top - height(top) - height(middle) - bottom.h
	gap := min(max(free-12*mm, 6*mm), 40*mm) // above the title
	f := newFlow(g)
	for _, bx := range top {
		f.add(bx)
	}
	f.add(&box{h: gap})
	for _, bx := range middle {
		f.add(bx)
	}
	if room := f.room() - bottom.h; room > 0 && !f.atTop() {
		f.add(&box{h: room})
	} else {
		f.add(vspace(8 * mm))
	}
	f.add(bottom)
	f.flush()
	return f.pages
}

// markingBox is the marking, framed, at the top left of the cover: at
// most three lines half the text width wide, the last cut short with an
// ellipsis when it is longer.
func (b *briefing) markingBox(m string) *box {
	st := style{role: roleBold, size: 13, color: colText}
	lead := 1.5 * st.size
	lines := b.ts.wrapAtMost(m, st, textWidth/2, 3)
	w := 0.0
	for _, l := range lines {
		w = max(w, b.ts.measure(l, st))
	}
	h := lead * float64(len(lines))
	return &box{h: h + 8, draw: func(p *page, x, y float64) {
		p.strokeRect(x, y, w+16, h+8, 0.8, colText)
		for i, l := range lines {
			b.ts.drawString(p, l, st, x+8, y+4+float64(i)*lead+(lead-st.size)/2+0.86*st.size, alignLeft)
		}
	}}
}

// coverFacts sets the campaign's particulars on the cover.
func (b *briefing) coverFacts() []*box {
	c := b.c
	rows := [][2]string{
		{b.word("edition"), i18n.Edition(b.lang, c.Edition)},
		{b.word("basis"), c.Basis.In(b.lang)},
		{b.word("organiser"), c.Organiser.In(b.lang)},
		{b.word("period"), i18n.Period(b.lang, c.Period)},
		{b.word("as-of"), i18n.Date(b.lang, b.r.AsOf)},
	}
	lst := style{role: roleBold, size: 11, color: colMuted}
	vst := style{role: roleRegular, size: 11.5, color: colText}
	labelW := 0.0
	for _, r := range rows {
		labelW = max(labelW, b.ts.measure(r[0], lst))
	}
	labelW += 14
	colW := min(textWidth, 118*mm)
	dx := (textWidth - colW) / 2
	var out []*box
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		label := r[0]
		vs := b.ts.lines(textOf(r[1], vst), para{width: colW - labelW, lead: 1.6 * vst.size, base: vst.size})
		vb := block(vs)
		out = append(out, &box{h: vb.h + 5, draw: func(p *page, x, y float64) {
			b.ts.drawString(p, label, lst, x+dx, y+(1.6*vst.size-vst.size)/2+0.86*vst.size, alignLeft)
			vb.draw(p, x+dx+labelW, y)
		}})
	}
	return out
}

// illustrativeBox is the notice that the data is illustrative, with the
// campaign's note.
func (b *briefing) illustrativeBox() *box {
	st := style{role: roleBold, size: 10, color: colWarn}
	pad := 8.0
	w := textWidth - 2*pad
	parts := b.ts.lines(textOf(b.word("illustrative"), st), para{width: w, lead: 1.6 * st.size, justify: true})
	if n := b.c.Note.In(b.lang); n != "" {
		ns := style{role: roleSans, size: 9, color: colText}
		parts = append(parts, vspace(3))
		parts = append(parts, b.ts.lines(textOf(n, ns), para{width: w, lead: 1.6 * ns.size, justify: true})...)
	}
	in := block(parts)
	return &box{h: in.h + 2*pad, draw: func(p *page, x, y float64) {
		p.fillRect(x, y, textWidth, in.h+2*pad, colWarnBg)
		p.fillRect(x, y, 3, in.h+2*pad, colWarn)
		in.draw(p, x+pad, y+pad)
	}}
}

// coverBottom is the organiser and the as-of date, at the foot of the
// cover.
func (b *briefing) coverBottom() *box {
	org := style{role: roleBold, size: 13, color: colText}
	date := style{role: roleRegular, size: 12, color: colText}
	parts := b.ts.lines(textOf(b.c.Organiser.In(b.lang), org), para{width: textWidth, lead: 1.6 * org.size, align: alignCenter})
	parts = append(parts, b.ts.lines(textOf(i18n.Date(b.lang, b.r.AsOf), date), para{width: textWidth, lead: 1.7 * date.size, align: alignCenter})...)
	return block(parts)
}

// contents lays out the contents, for a body whose first page is number
// first (from 1); at maps anchors to pages of the body.
func (b *briefing) contents(first int, at map[string]int) []*page {
	f := newFlow(bodyGeometry)
	title := b.word("contents")
	ts := b.ts
	st := style{role: roleBold, size: sizeH1, color: colText}
	tl := ts.lines(textOf(title, st), para{width: textWidth, lead: 1.4 * sizeH1, align: alignCenter})
	f.add(&box{h: height(tl) + 12, draw: func(p *page, x, y float64) {
		p.anchor("contents", y)
		p.outline(title, 0, y)
		block(tl).draw(p, x, y)
	}})
	numW := 34.0
	for _, e := range b.toc {
		e := e
		est := style{role: roleBold, size: 11, color: colText}
		indent, before := 0.0, 7.0
		if e.level > 0 {
			est = style{role: roleRegular, size: 10.5, color: colText}
			indent, before = 2*sizeBody, 0
		}
		lead := 1.75 * est.size
		t := textOf(e.title, est)
		ls := breakLines(t, ts, textWidth-indent-numW-12, 0)
		lines := ts.lines(t, para{width: textWidth - indent - numW - 12, lead: lead})
		lastW := 0.0
		if len(ls) > 0 {
			lastW = ls[len(ls)-1].width
		}
		num := strconv.Itoa(at[e.anchor] + first)
		h := height(lines)
		if before > 0 {
			f.add(vspace(before))
		}
		f.add(&box{h: h, draw: func(p *page, x, y float64) {
			for _, l := range lines {
				l.draw(p, x+indent, y)
			}
			base := y + h - lead + (lead-est.size)/2 + 0.86*est.size
			nw := ts.measure(num, est)
			p.dots(x+indent+lastW+6, base-1, x+textWidth-nw-6, base-1, 0.7, colMuted)
			ts.drawString(p, num, est, x+textWidth, base, alignRight)
			p.link(x, y, textWidth, h, e.anchor, true)
		}})
	}
	f.flush()
	return f.pages
}

func itoa(n int) string { return strconv.Itoa(n) }

// paren puts s in brackets: full-width in Chinese.
func (b *briefing) paren(s string) string {
	if b.lang == model.EN {
		return " (" + s + ")"
	}
	return "（" + s + "）"
}

func (b *briefing) comma() string {
	if b.lang == model.EN {
		return ", "
	}
	return "，"
}

func (b *briefing) sentenceEnd() string {
	if b.lang == model.EN {
		return ". "
	}
	return "。"
}
