package letter

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ducha/ducha/generator/derive/figures"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/typeset"
)

// letter is one letter being laid out.
type letter struct {
	ts   *typeset.Typesetter
	p    *model.Project
	r    *report.Report
	c    *model.Campaign
	ps   *report.ProvinceStats
	pr   *model.Province
	figs *figures.Table
	md   *markdown.Renderer
	lang model.Lang
	flow *typeset.Flow
}

func newLetter(ts *typeset.Typesetter, p *model.Project, r *report.Report, ps *report.ProvinceStats, opts Options) *letter {
	l := &letter{ts: ts, p: p, r: r, c: r.Campaign, ps: ps, pr: ps.Province, figs: opts.Figures, md: opts.Markdown, lang: r.Lang,
		flow: typeset.NewFlow(frame)}
	if l.figs == nil {
		l.figs = figures.New(r)
	}
	if l.md == nil {
		l.md = markdown.New(markdown.Options{UnsafeHTML: p.Config.Markdown.UnsafeHTML})
	}
	return l
}

func (l *letter) word(key string) string { return i18n.Tr(l.lang, key) }

func (l *letter) wordf(key string, args ...any) string { return i18n.Trf(l.lang, key, args...) }

// fig returns the text of the province's figure named by the measure.
func (l *letter) fig(measure string) string {
	return l.figs.Text("province." + l.pr.ID + "." + measure)
}

// title is the letter's title.
func (l *letter) title() string {
	return l.wordf("letter.title", l.pr.Name.In(l.lang), l.c.Title.In(l.lang))
}

// build lays the letter out and returns its pages, furnished.
func (l *letter) build() []*typeset.Page {
	l.heading()
	l.opening()
	l.overall()
	l.problems()
	l.demands()
	l.signature()
	l.record()
	pages := l.flow.Pages()
	typeset.Furnish(pages, furnish(l.ts, l.lang, l.c.Illustrative))
	return pages
}

// add adds boxes to the flow.
func (l *letter) add(bs ...*typeset.Box) {
	for _, b := range bs {
		l.flow.Add(b)
	}
}

// paragraph sets s as a paragraph of body text.
func (l *letter) paragraph(s string) []*typeset.Box {
	return l.ts.Lines(typeset.NewText(s, bodyStyle), para(l.lang))
}

// heading sets the title and the addressee.
func (l *letter) heading() {
	l.add(titleBoxes(l.ts, l.title())...)
	pp := para(l.lang)
	pp.Indent = 0
	l.add(l.ts.Lines(typeset.NewText(l.wordf("letter.addressee", l.pr.Name.In(l.lang)), bodyStyle), pp)...)
}

// issuer is the organiser as the letter names it: without a closing
// note in parentheses (（领导小组办公室具体组织实施）).
func (l *letter) issuer() string {
	s := strings.TrimSpace(l.c.Organiser.In(l.lang))
	for _, pair := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasSuffix(s, pair[1]) {
			if i := strings.LastIndex(s, pair[0]); i > 0 {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	return s
}

// office is the office that issues the letter (印发机关) and that the
// province reports back to: the issuer of the campaign's record (版记)
// when it names one, else the organiser (issuer).
func (l *letter) office() string {
	if rec := l.c.Record; rec != nil && !rec.Issuer.IsZero() {
		return rec.Issuer.In(l.lang)
	}
	return l.issuer()
}

// group returns the province's group, or nil.
func (l *letter) group() *model.Group { return l.ps.Inspection.Group }

// visitDays returns the days of the province's visits, or else the
// group's dates, or else the campaign's period.
func (l *letter) visitDays() model.Period {
	var p model.Period
	for _, v := range l.ps.Inspection.Visits {
		if p.Start.IsZero() || v.Date.Before(p.Start) {
			p.Start = v.Date
		}
		if v.Date.After(p.End) {
			p.End = v.Date
		}
	}
	if !p.Start.IsZero() {
		return p
	}
	if g := l.group(); g != nil && !g.Dates.IsZero() {
		return g.Dates
	}
	return l.c.Period
}

// opening says who came, when, how and where.
func (l *letter) opening() {
	who := l.word("letter.the-group")
	if g := l.group(); g != nil {
		who = i18n.GroupName(l.lang, g.No)
		if g.Lead != nil {
			who = l.wordf("letter.group-led", who, g.Lead.Label(l.lang))
		}
	}
	days := l.visitDays()
	dates := i18n.Period(l.lang, days)
	if days.Start == days.End {
		dates = i18n.Date(l.lang, days.Start)
	}
	s := l.wordf("letter.opening", l.c.Basis.In(l.lang), l.issuer(), who, dates)
	var methods []string
	for _, m := range l.c.Methods {
		methods = append(methods, m.In(l.lang))
	}
	if len(methods) > 0 {
		s += l.wordf("letter.methods", i18n.List(l.lang, methods))
	}
	if l.ps.Visits > 0 {
		s += l.wordf("letter.visits", l.fig("visits"), l.fig("visits.covert"), l.fig("visits.random"), l.fig("people-met"))
		s += l.wordf("letter.places", i18n.List(l.lang, l.places()))
	}
	s += l.word("letter.as-follows")
	l.add(l.paragraph(s)...)
}

// places lists the places visited, each once, in the order of the visits.
func (l *letter) places() []string {
	var out []string
	for _, v := range l.ps.Inspection.Visits {
		if p := v.Place.In(l.lang); !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// headingBoxes sets a numbered heading of level 1 to 3, kept with what
// follows.
func (l *letter) headingBoxes(level, no int, title string) []*typeset.Box {
	return headingBoxes(l.ts, l.lang, level, number(l.lang, level, no)+title)
}

// number is the number of the no-th heading of a level, as official
// documents number them: 一、（一）1.（1） in Chinese; I. (1) 1. (a) in
// English.
func number(lang model.Lang, level, no int) string {
	if lang == model.EN {
		switch level {
		case 1:
			return roman(no) + ". "
		case 2:
			return "(" + itoa(no) + ") "
		case 3:
			return itoa(no) + ". "
		}
		return "(" + string(rune('a'+(no-1)%26)) + ") "
	}
	return gongwen.Number(level, no)
}

// overall sets 一、总体情况 with the good practices.
func (l *letter) overall() {
	l.add(l.headingBoxes(1, 1, l.word("letter.h-overall"))...)
	if l.ps.Problems > 0 {
		l.add(l.paragraph(l.wordf("letter.overall", l.fig("problems"), l.fig("problems.high"), l.fig("problems.medium"), l.fig("problems.low"), l.fig("practices")))...)
	} else {
		l.add(l.paragraph(l.wordf("letter.overall-none", l.fig("practices")))...)
	}
	var practices []*model.Finding
	for _, f := range l.ps.Inspection.Findings {
		if !f.IsProblem() {
			practices = append(practices, f)
		}
	}
	if len(practices) == 0 {
		return
	}
	l.add(l.headingBoxes(2, 1, l.word("letter.h-practices"))...)
	for i, f := range practices {
		l.block(append(l.headingBoxes(3, i+1, f.Title.In(l.lang)), l.detail(f.Detail)...))
	}
}

// detail sets a finding's Markdown detail as body text.
func (l *letter) detail(t model.Text) []*typeset.Box {
	s := t.In(l.lang)
	if strings.TrimSpace(s) == "" {
		return nil
	}
	src := []byte(s)
	return l.ts.Markdown(l.md.Parse(src, nil), src, markdownStyle(l.lang))
}

// block adds boxes kept on one page (typeset.Together), unless together
// they are taller than a page, or moving them would leave the page less
// than a third full.
func (l *letter) block(bs []*typeset.Box) { l.add(typeset.Together(bs)...) }

// problemsByItem returns the province's problems under each key item that
// has any, in the order of the items, most serious first, then in file
// order.
func (l *letter) problemsByItem() [][]*model.Finding {
	var out [][]*model.Finding
	for _, it := range l.c.Items {
		var fs []*model.Finding
		for _, f := range l.ps.Inspection.Findings {
			if f.IsProblem() && f.ItemID == it.ID {
				fs = append(fs, f)
			}
		}
		slices.SortStableFunc(fs, func(a, b *model.Finding) int { return cmp.Compare(a.Severity.Rank(), b.Severity.Rank()) })
		if len(fs) > 0 {
			out = append(out, fs)
		}
	}
	return out
}

// problems sets 二、存在的主要问题.
func (l *letter) problems() {
	l.add(l.headingBoxes(1, 2, l.word("letter.h-problems"))...)
	if l.ps.Problems == 0 {
		l.add(l.paragraph(l.word("letter.no-problems"))...)
		return
	}
	key := "letter.status"
	if l.ps.Overdue == 0 {
		key = "letter.status-none-overdue"
	}
	l.add(l.paragraph(l.wordf(key, i18n.Date(l.lang, l.r.AsOf), l.fig("problems"), l.fig("problems.closed"), l.fig("problems.done"),
		l.fig("problems.in-progress"), l.fig("problems.not-started"), l.fig("overdue")))...)
	for i, fs := range l.problemsByItem() {
		l.add(l.headingBoxes(2, i+1, fs[0].Item.Name.In(l.lang))...)
		for j, f := range fs {
			bs := l.headingBoxes(3, j+1, f.Title.In(l.lang))
			bs = append(bs, l.detail(f.Detail)...)
			rect := l.paragraph(l.rectText(f))
			if len(rect) > 0 {
				rect[0].KeepPrev = true // never alone at the head of a page
			}
			l.block(append(bs, rect...))
		}
	}
}

// rectText says who must fix a problem, by when, and where it stands.
func (l *letter) rectText(f *model.Finding) string {
	rc := f.Rect
	if rc == nil {
		return ""
	}
	status := i18n.Enum(l.lang, rc.Status)
	if rc.Status == model.Closed && !rc.Closed.IsZero() {
		status = l.wordf("letter.closed-on", status, i18n.Date(l.lang, rc.Closed))
	}
	s := l.wordf("letter.rect", rc.Responsible.In(l.lang), i18n.Date(l.lang, rc.Deadline), status)
	if d := l.r.DaysOverdue(f); d > 0 {
		s += l.wordf("letter.days-overdue", d)
	}
	if f.Repeated != nil && f.Repeated.Campaign != nil {
		s += l.wordf("letter.repeats", f.Repeated.Campaign.Label(l.lang))
	}
	return s
}

// letterDate is the date of the letter: the report's.
func (l *letter) letterDate() model.Date { return l.r.AsOf }

// reportBy returns the date by which the province reports back: the
// latest deadline of its problems not closed, when it is after the
// letter's date; zero otherwise.
func (l *letter) reportBy() model.Date {
	var last model.Date
	for _, f := range l.ps.Inspection.Findings {
		if f.IsProblem() && f.Rect != nil && f.Rect.Status != model.Closed && f.Rect.Deadline.After(last) {
			last = f.Rect.Deadline
		}
	}
	if last.After(l.letterDate()) {
		return last
	}
	return model.Date{}
}

// demands sets 三、整改要求.
func (l *letter) demands() {
	l.add(l.headingBoxes(1, 3, l.word("letter.h-demands"))...)
	unclosed := l.ps.Unclosed()
	if unclosed == 0 {
		l.last(l.paragraph(l.word("letter.demand-none")))
		return
	}
	s := l.wordf("letter.demand-plan", l.fig("problems.unclosed"))
	if l.ps.Overdue > 0 {
		s += l.wordf("letter.demand-overdue", l.fig("overdue"))
	}
	if l.ps.ByStatus[model.Done] > 0 {
		s += l.wordf("letter.demand-done", l.fig("problems.done"))
	}
	l.add(l.paragraph(s)...)
	if by := l.reportBy(); !by.IsZero() {
		l.last(l.paragraph(l.wordf("letter.report-by", i18n.Date(l.lang, by), l.office())))
	} else {
		l.last(l.paragraph(l.wordf("letter.report-within", ReportDays, l.office())))
	}
}

// last adds the last paragraph of the text, kept with the signature.
func (l *letter) last(bs []*typeset.Box) {
	if len(bs) > 0 {
		bs[len(bs)-1].Keep = true
	}
	l.add(bs...)
}

// signature sets the issuer (the organiser and the group) over the date
// of the letter, kept with the last lines of the text above: a signature
// never starts a page.
func (l *letter) signature() {
	name := l.issuer()
	if g := l.group(); g != nil {
		name = l.wordf("letter.signed", name, i18n.GroupName(l.lang, g.No))
	}
	l.add(signatureBoxes(l.ts, name, i18n.Date(l.lang, l.letterDate()))...)
}

// record sets the 版记 at the foot of the last page: 抄送 the group's
// units, then the issuer and the date of issue.
func (l *letter) record() {
	copyTo := ""
	if units := l.copyTo(); len(units) > 0 {
		copyTo = i18n.List(l.lang, units) + l.word("letter.full-stop")
	}
	gongwen.AtFoot(l.flow, recordBox(l.ts, l.lang, copyTo, l.office(), i18n.Date(l.lang, l.letterDate())))
}

// copyTo lists the units the letter is copied to: the group's lead unit
// and its members' units, each once, by their short names.
func (l *letter) copyTo() []string {
	g := l.group()
	if g == nil {
		return nil
	}
	var out []string
	addUnit := func(u *model.Unit) {
		if u != nil && !slices.Contains(out, u.Label(l.lang)) {
			out = append(out, u.Label(l.lang))
		}
	}
	addUnit(g.Lead)
	for _, m := range g.Members {
		addUnit(m.Unit)
	}
	return out
}

func itoa(n int) string { return i18n.Int(n) }

// roman writes n (1 to 39) in Roman numerals, as English documents number
// their parts.
func roman(n int) string {
	var b strings.Builder
	for _, x := range []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= x.v {
			b.WriteString(x.s)
			n -= x.v
		}
	}
	return b.String()
}
