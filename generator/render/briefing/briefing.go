package briefing

import (
	"context"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/derive/changes"
	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/pdfchart"
	"github.com/ducha/ducha/generator/render/typeset"
)

// briefing assembles the pages of one briefing.
type briefing struct {
	ts     *typeset.Typesetter
	lk     look // the layout: official or compact
	charts *pdfchart.Drawer
	p      *model.Project
	r      *report.Report
	c      *model.Campaign
	lang   model.Lang
	md     *markdown.Renderer
	figs   *figures.Table // what the narrative cites
	body   *typeset.Flow
	toc    []tocEntry
	num    gongwen.Numbering // of headings, in the official layout
	// annexNo numbers the annexes of the official layout by what they
	// hold: findings, self-exam, ind; nil in the compact layout.
	annexNo map[string]int
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

func newBriefing(ts *typeset.Typesetter, p *model.Project, r *report.Report, md *markdown.Renderer) *briefing {
	b := &briefing{ts: ts, p: p, r: r, c: r.Campaign, lang: r.Lang, md: md, figs: figures.New(r), lk: compactLook()}
	if p.Config.Layout() == model.LayoutOfficial {
		b.lk = officialLook()
	}
	b.charts = pdfchart.New(ts, pdfchart.Style{Text: roleSans, Bold: roleBold, Color: colText, Muted: colMuted,
		NoData: b.word("no-data"), MeetsTarget: b.word("meets-target"), MissesTarget: b.word("misses-target")})
	return b
}

func (b *briefing) word(key string) string { return i18n.Tr(b.lang, key) }

func (b *briefing) wordf(key string, args ...any) string { return i18n.Trf(b.lang, key, args...) }

// build lays the briefing out: the body first, then the contents, which
// need the body's page numbers, and the cover; then the header and footer
// of every page but the cover.
func (b *briefing) build(ctx context.Context) ([]*typeset.Page, error) {
	b.body = typeset.NewFlow(b.lk.frame)
	if b.lk.official {
		b.numberAnnexes()
	}
	for _, section := range []func(){
		b.summary, b.scope, b.keyFigures, b.compared, b.indicators, b.groups, b.provinces, b.rectification, b.progress, b.annex, b.lateAnnexes, b.changesAnnex,
	} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		section()
	}
	if b.lk.official {
		b.record()
	}
	b.body.Flush()
	at := map[string]int{}
	for i, pg := range b.body.Pages() {
		for _, a := range pg.Anchors() {
			at[a] = i
		}
	}
	var cover []*typeset.Page
	if b.lk.official {
		cover = b.officialCover()
	} else {
		cover = b.cover()
	}
	var toc []*typeset.Page
	for n := 1; ; {
		toc = b.contents(len(cover)+n+1, at)
		if len(toc) == n {
			break
		}
		n = len(toc)
	}
	pages := append(append(cover, toc...), b.body.Pages()...)
	h := b.header()
	typeset.Furnish(pages, func(p *typeset.Page, no, total int) {
		switch {
		case no <= len(cover):
		case b.lk.official:
			b.officialFurniture(p, no, total)
		default:
			b.furniture(p, h, no, total)
		}
	})
	return pages, nil
}

// section starts a numbered section on a new page.
func (b *briefing) section(title string) {
	b.sections++
	label := i18n.ChineseNumber(b.sections) + "、"
	if b.lang == model.EN {
		label = strconv.Itoa(b.sections) + ". "
	}
	if b.lk.official {
		label = b.num.Next(1)
		title = unnumbered(title)
	}
	b.body.PageBreak()
	b.addAll(b.tocHeading(0, label+title))
}

// numbered matches the number a heading's text starts with: 一、, （一）,
// (1), 1. or 1、 and the spaces after it.
var numbered = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、](?:\s|$))\s*`)

// unnumbered returns title without the number it starts with, which the
// official layout replaces with its own.
func unnumbered(title string) string {
	if t := numbered.ReplaceAllString(title, ""); strings.TrimSpace(t) != "" {
		return t
	}
	return title
}

// tocHeading returns a heading listed in the contents and the bookmarks.
// In the official layout, a heading within a section (level 1) is
// numbered （一）.
func (b *briefing) tocHeading(level int, title string) []*typeset.Box {
	if b.lk.official && level == 1 {
		title = b.num.Next(2) + unnumbered(title)
	}
	b.anchors++
	anchor := "s" + strconv.Itoa(b.anchors)
	b.toc = append(b.toc, tocEntry{level: level, title: title, anchor: anchor})
	return b.headingBoxes(level, title, anchor)
}

// headingBoxes sets a heading of level 0 (a section), 1, 2 or 3 (in a
// narrative page). With an anchor, it is a target of the contents and a
// bookmark. In the official layout, headings of levels 2 and 3 are
// numbered 1. and （1）, and each level is set in its face (package
// gongwen).
func (b *briefing) headingBoxes(level int, title, anchor string) []*typeset.Box {
	level = min(level, 3)
	if b.lk.official {
		return b.officialHeading(level, title, anchor)
	}
	size := [4]float64{b.lk.sizeH1, b.lk.sizeH2, b.lk.sizeH3, b.lk.sizeBody + 0.5}[level]
	before := [4]float64{0, 16, 10, 6}[level]
	after := [4]float64{14, 6, 3, 2}[level]
	lead := 1.4 * size
	lines := b.ts.Lines(typeset.NewText(title, typeset.Style{Role: roleBold, Size: size, Color: colText}), typeset.Para{Width: b.lk.textWidth, Lead: lead})
	h := typeset.Height(lines)
	hb := &typeset.Box{H: h + after, Keep: true, Draw: func(p *typeset.Page, x, y float64) {
		if anchor != "" {
			p.Anchor(anchor, y)
			p.Outline(title, level, y)
		}
		for _, l := range lines {
			l.Draw(p, x, y)
			y += l.H
		}
		if level == 0 {
			p.Line(x, y+3, x+b.lk.textWidth, y+3, 1.2, colAccent)
		}
	}}
	if before == 0 {
		return []*typeset.Box{hb}
	}
	return []*typeset.Box{typeset.VSpace(before), hb}
}

// officialHeading sets a heading of the official layout: level 0 is
// gongwen's level one (黑体), 1 level two (楷体), 2 and 3 levels three and
// four (仿宋), numbered here when they are not (levels 2 and 3).
func (b *briefing) officialHeading(level int, title, anchor string) []*typeset.Box {
	if level >= 2 {
		title = b.num.Next(level+1) + unnumbered(title)
	}
	lines := gongwen.Heading(b.ts, level+1, title)
	first := lines[0]
	draw := first.Draw
	first.Draw = func(p *typeset.Page, x, y float64) {
		if anchor != "" {
			p.Anchor(anchor, y)
			p.Outline(title, level, y)
		}
		draw(p, x, y)
	}
	if level == 0 {
		return lines
	}
	return append([]*typeset.Box{typeset.VSpace(0.3 * b.lk.sizeBody)}, lines...)
}

func (b *briefing) addAll(bs []*typeset.Box) {
	for _, bx := range bs {
		b.body.Add(bx)
	}
}

// paragraph adds a paragraph of body text.
func (b *briefing) paragraph(s string) {
	pp := typeset.Para{Width: b.lk.textWidth, Lead: b.lk.leadBody * b.lk.sizeBody, Justify: true}
	if b.lang == model.ZH {
		pp.Indent = 2 * b.lk.sizeBody
	}
	b.addAll(b.ts.Lines(typeset.NewText(s, b.lk.bodyStyle), pp))
	b.body.Add(typeset.VSpace(0.3 * b.lk.sizeBody))
}

// narrative adds a narrative page of content/, if the campaign has it.
// Headings of the page are set plainly, below the briefing's.
func (b *briefing) narrative(kind model.PageKind, key string) bool {
	pg := b.c.Page(kind, key)
	if pg == nil || pg.Draft || len(pg.Body) == 0 {
		return false
	}
	b.addAll(b.narrativeBoxes(pg, func(level int, title string) []*typeset.Box { return b.headingBoxes(3, title, "") }))
	b.body.Add(typeset.VSpace(0.5 * b.lk.sizeBody))
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

// narrativeBoxes sets the Markdown of a narrative page, as body text; the
// briefing sets its headings with heading.
func (b *briefing) narrativeBoxes(pg *model.Page, heading func(level int, title string) []*typeset.Box) []*typeset.Box {
	st := b.mdStyle(b.lk.textWidth, b.lk.bodyStyle, b.lk.leadBody)
	st.Image = b.media(pg)
	st.Indent = b.lang == model.ZH
	st.Justify = true
	st.Heading = heading
	return b.ts.Markdown(b.md.Parse(pg.Body, b.figs.In(figures.ScopeOf(pg))), pg.Body, st)
}

// mdText sets a Markdown field (a finding's detail) as boxes.
func (b *briefing) mdText(t model.Text, width float64, body typeset.Style, lead float64) []*typeset.Box {
	s := t.In(b.lang)
	if strings.TrimSpace(s) == "" {
		return nil
	}
	src := []byte(s)
	return b.ts.Markdown(b.md.Parse(src, nil), src, b.mdStyle(width, body, lead))
}

// mdStyle is how the briefing sets Markdown in a column width wide, its
// body text in style body with lines lead times its size apart.
func (b *briefing) mdStyle(width float64, body typeset.Style, lead float64) typeset.MarkdownStyle {
	return typeset.MarkdownStyle{
		Width: width, Body: body, Lead: lead,
		Regular: roleRegular, Bold: roleBold, Sans: roleSans,
		TableSize: b.lk.sizeTable, TableLead: b.lk.leadTable, NoteSize: b.lk.sizeSmall,
		ImageHeight: 0.6 * (b.lk.frame.Bottom - b.lk.frame.Top),
		Colors:      palette,
	}
}

// runningHeader is what the header of every page but the cover says.
type runningHeader struct {
	marking string   // on one line, at most half the text width
	title   []string // at most two lines, wrapping upwards
}

var (
	headerStyle  = typeset.Style{Role: roleSans, Size: 8.5, Color: colMuted}
	markingStyle = typeset.Style{Role: roleBold, Size: 8.5, Color: colAccent}
)

// header sets the running header once for all pages: the marking on one
// line of at most half the text width, and the campaign's short title in
// the rest, on at most two lines; what is longer is cut short with an
// ellipsis.
func (b *briefing) header() runningHeader {
	var h runningHeader
	room := b.lk.textWidth
	if m := b.p.Config.PDF.Marking.In(b.lang); m != "" {
		h.marking = b.ts.Fit(m, markingStyle, b.lk.textWidth/2)
		room -= b.ts.Measure(h.marking, markingStyle) + 12
	}
	h.title = b.ts.WrapAtMost(b.c.Label(b.lang), headerStyle, room, 2)
	return h
}

// furniture draws the header h and the footer of page no of total.
func (b *briefing) furniture(p *typeset.Page, h runningHeader, no, total int) {
	x, right := marginLeft, marginLeft+b.lk.textWidth
	if h.marking != "" {
		b.ts.DrawString(p, h.marking, markingStyle, right, headerY, typeset.AlignRight)
	}
	for i, l := range h.title {
		b.ts.DrawString(p, l, headerStyle, x, headerY-float64(len(h.title)-1-i)*1.3*headerStyle.Size, typeset.AlignLeft)
	}
	p.Line(x, headerY+5, right, headerY+5, 0.5, colRule)
	b.ts.DrawString(p, b.wordf("page-of", no, total), headerStyle, x+b.lk.textWidth/2, footerY, typeset.AlignCenter)
	if b.c.Illustrative {
		b.ts.DrawString(p, b.word("illustrative-mark"), typeset.Style{Role: roleSans, Size: 7.5, Color: colWarn}, x, footerY, typeset.AlignLeft)
	}
	if no == total && b.stamp != "" {
		b.ts.DrawString(p, b.stamp, typeset.Style{Role: roleSans, Size: 7.5, Color: colMuted}, right, footerY, typeset.AlignRight)
	}
}

// cover lays out the cover: usually one page, more when its text is long.
// The space above the title shrinks when the cover has much to say.
func (b *briefing) cover() []*typeset.Page {
	g := typeset.Frame{Left: marginLeft, Top: 25 * mm, Width: b.lk.textWidth, Bottom: pageH - 22*mm}
	var top, middle []*typeset.Box
	center := func(s string, st typeset.Style, lead float64) {
		middle = append(middle, b.ts.Lines(typeset.NewText(s, st), typeset.Para{Width: b.lk.textWidth, Lead: lead * st.Size, Align: typeset.AlignCenter})...)
	}
	if m := b.p.Config.PDF.Marking.In(b.lang); m != "" {
		top = append(top, b.markingBox(m))
	}
	center(b.c.Title.In(b.lang), typeset.Style{Role: roleBold, Size: 26, Color: colAccent}, 1.45)
	middle = append(middle, &typeset.Box{H: 16, Draw: func(p *typeset.Page, x, y float64) {
		p.Line(x, y+6, x+b.lk.textWidth, y+6, 2.2, colAccent)
		p.Line(x, y+10, x+b.lk.textWidth, y+10, 0.7, colAccent)
	}}, &typeset.Box{H: 6})
	center(b.word("briefing"), typeset.Style{Role: roleBold, Size: 21, Color: colText}, 1.5)
	if issue := b.c.Issue.In(b.lang); issue != "" {
		center(issue, typeset.Style{Role: roleRegular, Size: 13, Color: colText}, 1.6)
	}
	middle = append(middle, &typeset.Box{H: 18 * mm})
	middle = append(middle, b.coverFacts()...)
	if b.c.Illustrative {
		middle = append(middle, &typeset.Box{H: 8 * mm}, b.illustrativeBox())
	}
	bottom := b.coverBottom()
	free := g.Bottom - g.Top - typeset.Height(top) - typeset.Height(middle) - bottom.H
	gap := min(max(free-12*mm, 6*mm), 40*mm) // above the title
	f := typeset.NewFlow(g)
	for _, bx := range top {
		f.Add(bx)
	}
	f.Add(&typeset.Box{H: gap})
	for _, bx := range middle {
		f.Add(bx)
	}
	if room := f.Room() - bottom.H; room > 0 && !f.AtTop() {
		f.Add(&typeset.Box{H: room})
	} else {
		f.Add(typeset.VSpace(8 * mm))
	}
	f.Add(bottom)
	f.Flush()
	return f.Pages()
}

// markingBox is the marking, framed, at the top left of the cover: at
// most three lines half the text width wide, the last cut short with an
// ellipsis when it is longer.
func (b *briefing) markingBox(m string) *typeset.Box {
	st := typeset.Style{Role: roleBold, Size: 13, Color: colText}
	lead := 1.5 * st.Size
	lines := b.ts.WrapAtMost(m, st, b.lk.textWidth/2, 3)
	w := 0.0
	for _, l := range lines {
		w = max(w, b.ts.Measure(l, st))
	}
	h := lead * float64(len(lines))
	return &typeset.Box{H: h + 8, Draw: func(p *typeset.Page, x, y float64) {
		p.StrokeRect(x, y, w+16, h+8, 0.8, colText)
		for i, l := range lines {
			b.ts.DrawString(p, l, st, x+8, y+4+float64(i)*lead+(lead-st.Size)/2+0.86*st.Size, typeset.AlignLeft)
		}
	}}
}

// coverFacts sets the campaign's particulars on the cover.
func (b *briefing) coverFacts() []*typeset.Box {
	c := b.c
	rows := [][2]string{
		{b.word("edition"), i18n.Edition(b.lang, c.Edition)},
		{b.word("basis"), c.Basis.In(b.lang)},
		{b.word("organiser"), c.Organiser.In(b.lang)},
		{b.word("period"), i18n.Period(b.lang, c.Period)},
		{b.word("as-of"), i18n.Date(b.lang, b.r.AsOf)},
	}
	lst := typeset.Style{Role: roleBold, Size: b.lk.pt(11), Color: colMuted}
	vst := typeset.Style{Role: roleRegular, Size: b.lk.pt(11.5), Color: colText}
	labelW := 0.0
	for _, r := range rows {
		labelW = max(labelW, b.ts.Measure(r[0], lst))
	}
	labelW += 14
	colW := min(b.lk.textWidth, 118*mm)
	dx := (b.lk.textWidth - colW) / 2
	var out []*typeset.Box
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		label := r[0]
		vs := b.ts.Lines(typeset.NewText(r[1], vst), typeset.Para{Width: colW - labelW, Lead: 1.6 * vst.Size, Base: vst.Size})
		vb := typeset.Block(vs)
		out = append(out, &typeset.Box{H: vb.H + 5, Draw: func(p *typeset.Page, x, y float64) {
			b.ts.DrawString(p, label, lst, x+dx, y+(1.6*vst.Size-vst.Size)/2+0.86*vst.Size, typeset.AlignLeft)
			vb.Draw(p, x+dx+labelW, y)
		}})
	}
	return out
}

// illustrativeBox is the notice that the data is illustrative, with the
// campaign's note.
func (b *briefing) illustrativeBox() *typeset.Box {
	st := typeset.Style{Role: roleBold, Size: 10, Color: colWarn}
	pad := 8.0
	w := b.lk.textWidth - 2*pad
	parts := b.ts.Lines(typeset.NewText(b.word("illustrative"), st), typeset.Para{Width: w, Lead: 1.6 * st.Size, Justify: true})
	if n := b.c.Note.In(b.lang); n != "" {
		ns := typeset.Style{Role: roleSans, Size: 9, Color: colText}
		parts = append(parts, typeset.VSpace(3))
		parts = append(parts, b.ts.Lines(typeset.NewText(n, ns), typeset.Para{Width: w, Lead: 1.6 * ns.Size, Justify: true})...)
	}
	in := typeset.Block(parts)
	return &typeset.Box{H: in.H + 2*pad, Draw: func(p *typeset.Page, x, y float64) {
		p.FillRect(x, y, b.lk.textWidth, in.H+2*pad, colWarnBg)
		p.FillRect(x, y, 3, in.H+2*pad, colWarn)
		in.Draw(p, x+pad, y+pad)
	}}
}

// coverBottom is the organiser and the as-of date, at the foot of the
// cover.
func (b *briefing) coverBottom() *typeset.Box {
	org := typeset.Style{Role: roleBold, Size: 13, Color: colText}
	date := typeset.Style{Role: roleRegular, Size: 12, Color: colText}
	parts := b.ts.Lines(typeset.NewText(b.c.Organiser.In(b.lang), org), typeset.Para{Width: b.lk.textWidth, Lead: 1.6 * org.Size, Align: typeset.AlignCenter})
	parts = append(parts, b.ts.Lines(typeset.NewText(i18n.Date(b.lang, b.r.AsOf), date), typeset.Para{Width: b.lk.textWidth, Lead: 1.7 * date.Size, Align: typeset.AlignCenter})...)
	return typeset.Block(parts)
}

// contents lays out the contents, for a body whose first page is number
// first (from 1); at maps anchors to pages of the body.
func (b *briefing) contents(first int, at map[string]int) []*typeset.Page {
	f := typeset.NewFlow(b.lk.frame)
	title := b.word("contents")
	ts := b.ts
	st := typeset.Style{Role: roleBold, Size: b.lk.sizeH1, Color: colText}
	tl := ts.Lines(typeset.NewText(title, st), typeset.Para{Width: b.lk.textWidth, Lead: 1.4 * b.lk.sizeH1, Align: typeset.AlignCenter})
	f.Add(&typeset.Box{H: typeset.Height(tl) + 12, Draw: func(p *typeset.Page, x, y float64) {
		p.Anchor("contents", y)
		p.Outline(title, 0, y)
		typeset.Block(tl).Draw(p, x, y)
	}})
	numW := 34.0
	for _, e := range b.toc {
		e := e
		est := typeset.Style{Role: roleBold, Size: 11, Color: colText}
		indent, before := 0.0, 7.0
		if e.level > 0 {
			est = typeset.Style{Role: roleRegular, Size: 10.5, Color: colText}
			indent, before = 2*b.lk.sizeBody, 0
		}
		lead := 1.75 * est.Size
		t := typeset.NewText(e.title, est)
		pp := typeset.Para{Width: b.lk.textWidth - indent - numW - 12, Lead: lead}
		ws := ts.LineWidths(t, pp)
		lines := ts.Lines(t, pp)
		lastW := 0.0
		if len(ws) > 0 {
			lastW = ws[len(ws)-1]
		}
		num := strconv.Itoa(at[e.anchor] + first)
		h := typeset.Height(lines)
		if before > 0 {
			f.Add(typeset.VSpace(before))
		}
		f.Add(&typeset.Box{H: h, Draw: func(p *typeset.Page, x, y float64) {
			for _, l := range lines {
				l.Draw(p, x+indent, y)
			}
			base := y + h - lead + (lead-est.Size)/2 + 0.86*est.Size
			nw := ts.Measure(num, est)
			p.Dots(x+indent+lastW+6, base-1, x+b.lk.textWidth-nw-6, base-1, 0.7, colMuted)
			ts.DrawString(p, num, est, x+b.lk.textWidth, base, typeset.AlignRight)
			p.LinkTo(x, y, b.lk.textWidth, h, e.anchor)
		}})
	}
	f.Flush()
	return f.Pages()
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
