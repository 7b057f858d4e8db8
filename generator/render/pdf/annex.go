package pdf

import (
	"strings"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// large reports whether the campaign has more findings than a briefing
// can set out one by one (AnnexAutoLimit): the rectification section then
// lists the overdue problems only, and the annex is left out unless
// ducha.yaml asks for it. The site and its exports have every finding.
func (b *briefing) large() bool { return len(b.r.Findings) > AnnexAutoLimit }

// tracked returns the problems the rectification section lists: every
// problem not closed, or for a large campaign the overdue ones.
func (b *briefing) tracked() []*model.Finding {
	if !b.large() {
		return b.r.Unclosed
	}
	var out []*model.Finding
	for _, f := range b.r.Unclosed {
		if f.Overdue(b.r.AsOf) {
			out = append(out, f)
		}
	}
	return out
}

// rectification sets every problem not closed, overdue first; for a large
// campaign, the overdue problems.
func (b *briefing) rectification() {
	f := b.r.Figures
	b.section(b.word("section-rect"))
	asOf := i18n.Date(b.lang, b.r.AsOf)
	if len(b.r.Unclosed) == 0 {
		b.paragraph(b.wordf("all-closed", asOf, i18n.Int(f.Problems)))
		return
	}
	tracked := b.tracked()
	which := b.wordf("rect-all", i18n.Int(len(tracked)))
	if b.large() {
		which = b.wordf("rect-large", i18n.Int(len(tracked)), i18n.Int(len(b.r.Unclosed)-len(tracked)))
	}
	b.paragraph(b.wordf("rect-summary", asOf, i18n.Int(f.Problems), i18n.Int(f.ByStatus[model.Closed]), i18n.Int(f.ByStatus[model.Done]),
		i18n.Int(f.ByStatus[model.InProgress]), i18n.Int(f.ByStatus[model.NotStarted]), i18n.Int(f.Overdue)) + b.sentenceSep() + which)
	if len(tracked) == 0 {
		return
	}
	b.body.add(vspace(4))
	tb := &table{ts: b.ts, width: textWidth, size: sizeTable, lead: leadTable}
	overdueBg := rgb{0xfb, 0xee, 0xec}
	tb.fill = func(r int) *rgb {
		if tracked[r].Overdue(b.r.AsOf) {
			return &overdueBg
		}
		if r%2 == 1 {
			return &colStripe
		}
		return nil
	}
	var header []cell
	var heads []*text
	for _, k := range []string{"no", "problem", "province", "severity", "responsible", "deadline", "status"} {
		heads = append(heads, textOf(b.word(k), headStyle))
		header = append(header, tb.textCell(heads[len(heads)-1], alignLeft))
	}
	var rows [][]cell
	var proxies [][]*text
	for i, fd := range tracked {
		row, proxy := b.rectRow(tb, i+1, fd)
		rows = append(rows, row)
		proxies = append(proxies, proxy)
	}
	tb.autoWidths(heads, proxies)
	b.addTable(tb.cells(header, rows))
}

// sentenceSep separates two sentences: nothing in Chinese, a space in
// English.
func (b *briefing) sentenceSep() string {
	if b.lang == model.EN {
		return " "
	}
	return ""
}

// addTable adds a table and some space after it.
func (b *briefing) addTable(bs []*box) {
	b.addAll(bs)
	b.body.add(vspace(6))
}

// rectRow returns a row of the rectification table, and its text for
// sizing the columns.
func (b *briefing) rectRow(tb *table, no int, f *model.Finding) ([]cell, []*text) {
	province := ""
	if f.Province != nil {
		province = f.Province.Label(b.lang)
	}
	sev := textOf(i18n.Enum(b.lang, f.Severity), style{role: roleBold, size: sizeTable, color: severityText(f.Severity)})
	responsible, deadline := "", ""
	status := textOf("", tableStyle)
	if rc := f.Rect; rc != nil {
		responsible, deadline = rc.Responsible.In(b.lang), i18n.Date(b.lang, rc.Deadline)
		status = textOf(i18n.Enum(b.lang, rc.Status), tableStyle)
		if d := b.r.DaysOverdue(f); d > 0 {
			status.hardBreak()
			status.add(b.wordf("days-overdue-n", d), style{role: roleBold, size: sizeTable, color: hexColor(chart.ColorOverdue)})
		}
	}
	title := textOf(f.Title.In(b.lang), tableStyle)
	if f.Rect != nil {
		title.add(" "+f.Rect.Notes.In(b.lang), mutedSmall)
	}
	proxy := []*text{textOf(itoa(no), tableStyle), title, textOf(province, tableStyle), sev,
		textOf(responsible, tableStyle), textOf(deadline, tableStyle), status}
	problem := func(w float64) []*box {
		t := textOf(f.Title.In(b.lang), tableStyle)
		t.add("  "+f.ID, style{role: roleSans, size: 7.5, color: colMuted})
		bs := b.ts.lines(t, para{width: w, lead: leadTable * sizeTable, base: sizeTable})
		if f.Rect != nil {
			bs = append(bs, b.mdText(f.Rect.Notes, w, mutedSmall, 1.4)...)
		}
		return bs
	}
	return []cell{
		tb.textCell(textOf(itoa(no), tableStyle), alignLeft), problem,
		tb.textCell(textOf(province, tableStyle), alignLeft), tb.textCell(sev, alignLeft),
		tb.textCell(textOf(responsible, tableStyle), alignLeft), tb.textCell(textOf(deadline, tableStyle), alignLeft),
		tb.textCell(status, alignLeft),
	}, proxy
}

// annexChoice returns what the annex lists: the configured choice, or by
// default all findings, and none for a large campaign.
func (b *briefing) annexChoice() model.AnnexChoice {
	switch choice := b.p.Config.PDF.Annex; {
	case choice != model.AnnexAuto:
		return choice
	case b.large():
		return model.AnnexNone
	}
	return model.AnnexAll
}

// annexFindings returns the findings the annex lists and the sentence
// that says so.
func (b *briefing) annexFindings() ([]*model.Finding, string) {
	r := b.r
	switch b.annexChoice() {
	case model.AnnexNone:
		return nil, ""
	case model.AnnexProblems:
		return r.Problems, b.wordf("annex-problems", i18n.Int(len(r.Problems)), i18n.Int(len(r.Practices)))
	case model.AnnexOpen:
		return r.Unclosed, b.wordf("annex-open", i18n.Int(len(r.Unclosed)), i18n.Int(len(r.Findings)))
	}
	return r.Findings, b.wordf("annex-all", i18n.Int(len(r.Findings)), i18n.Int(len(r.Problems)), i18n.Int(len(r.Practices)))
}

// annexSet returns the findings the annex lists, as a set.
func (b *briefing) annexSet() map[*model.Finding]bool {
	fs, _ := b.annexFindings()
	set := make(map[*model.Finding]bool, len(fs))
	for _, f := range fs {
		set[f] = true
	}
	return set
}

// annex lists findings as a table, unless there is to be no annex.
func (b *briefing) annex() {
	if b.annexChoice() == model.AnnexNone {
		return
	}
	fs, note := b.annexFindings()
	title := b.word("annex") + "　" + b.word("annex-title")
	if b.lang == model.EN {
		title = b.word("annex") + ". " + b.word("annex-title")
	}
	b.body.pageBreak()
	b.addAll(b.tocHeading(0, title))
	b.paragraph(note)
	if len(fs) == 0 {
		return
	}
	tb := &table{ts: b.ts, width: textWidth, size: sizeTable, lead: leadTable}
	var header []cell
	var heads []*text
	for _, k := range []string{"id", "province", "item", "category", "content"} {
		heads = append(heads, textOf(b.word(k), headStyle))
		header = append(header, tb.textCell(heads[len(heads)-1], alignLeft))
	}
	rows := make([][]cell, len(fs))
	proxies := make([][]*text, len(fs))
	for i, f := range fs {
		rows[i], proxies[i] = b.annexRow(tb, f)
	}
	tb.autoWidths(heads, proxies)
	b.addTable(tb.cells(header, rows))
}

// annexRow returns a row of the annex, and its text for sizing the
// columns.
func (b *briefing) annexRow(tb *table, f *model.Finding) ([]cell, []*text) {
	province, item := "", ""
	if f.Province != nil {
		province = f.Province.Label(b.lang)
	}
	if f.Item != nil {
		item = f.Item.Label(b.lang)
	}
	kind := textOf(i18n.Enum(b.lang, f.Kind), style{role: roleBold, size: sizeTable, color: hexColor(chart.ColorPractice)})
	if f.IsProblem() {
		kind = textOf(i18n.Enum(b.lang, f.Kind), tableStyle)
		kind.hardBreak()
		kind.add(i18n.Enum(b.lang, f.Severity), style{role: roleBold, size: sizeTable, color: severityText(f.Severity)})
	}
	content := func(w float64) []*box {
		bs := b.ts.lines(textOf(f.Title.In(b.lang), headStyle), para{width: w, lead: leadTable * sizeTable, base: sizeTable})
		bs = append(bs, b.mdText(f.Detail, w, tableStyle, leadTable)...)
		if ev := b.evidence(f); ev != "" {
			bs = append(bs, b.ts.lines(textOf(ev, mutedSmall), para{width: w, lead: 1.4 * mutedSmall.size})...)
		}
		if line := b.rectLine(f); line != nil {
			for i := range line.styles {
				line.styles[i].size = mutedSmall.size
			}
			bs = append(bs, b.ts.lines(line, para{width: w, lead: 1.4 * mutedSmall.size})...)
			bs = append(bs, b.mdText(f.Rect.Notes, w, mutedSmall, 1.4)...)
		}
		return bs
	}
	proxy := []*text{textOf(f.ID, tableStyle), textOf(province, tableStyle), textOf(item, tableStyle), kind,
		textOf(f.Title.In(b.lang)+" "+f.Detail.In(b.lang), tableStyle)}
	return []cell{
		tb.textCell(textOf(f.ID, tableStyle), alignLeft), tb.textCell(textOf(province, tableStyle), alignLeft),
		tb.textCell(textOf(item, tableStyle), alignLeft), tb.textCell(kind, alignLeft), content,
	}, proxy
}

// evidence names the visits a finding rests on, or its date.
func (b *briefing) evidence(f *model.Finding) string {
	var vs []string
	for _, v := range f.Visits {
		if v == nil {
			continue
		}
		s := i18n.Date(b.lang, v.Date) + " " + v.Place.In(b.lang)
		if report.ModeOf(v) == model.Covert {
			s += b.paren(i18n.Enum(b.lang, model.Covert))
		}
		vs = append(vs, s)
	}
	if len(vs) > 0 {
		return b.wordf("evidence-line", strings.Join(vs, b.listSep()))
	}
	if !f.Date.IsZero() {
		return b.wordf("found-on", i18n.Date(b.lang, f.Date))
	}
	return ""
}
