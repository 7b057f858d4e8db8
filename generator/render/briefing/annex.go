package briefing

import (
	"strings"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/pdfchart"
	"github.com/ducha/ducha/generator/render/typeset"
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
	b.body.Add(typeset.VSpace(4))
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(b.word("section-rect"))})
	overdueBg := typeset.Color{0xfb, 0xee, 0xec}
	tb.Fill = func(r int) *typeset.Color {
		if tracked[r].Overdue(b.r.AsOf) {
			return &overdueBg
		}
		if r%2 == 1 {
			return &colStripe
		}
		return nil
	}
	var header []typeset.Cell
	var heads []*typeset.Text
	for _, k := range []string{"no", "problem", "province", "severity", "responsible", "deadline", "status"} {
		heads = append(heads, typeset.NewText(b.word(k), b.lk.headStyle))
		header = append(header, tb.TextCell(heads[len(heads)-1], typeset.AlignLeft))
	}
	var rows [][]typeset.Cell
	var proxies [][]*typeset.Text
	for i, fd := range tracked {
		row, proxy := b.rectRow(tb, i+1, fd)
		rows = append(rows, row)
		proxies = append(proxies, proxy)
	}
	tb.AutoWidths(heads, proxies)
	b.addTable(tb.Boxes(header, rows))
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
func (b *briefing) addTable(bs []*typeset.Box) {
	b.addAll(bs)
	b.body.Add(typeset.VSpace(6))
}

// newTable returns a table t in the briefing's colours.
func (b *briefing) newTable(t typeset.Table) *typeset.Table {
	t.Colors = palette
	return b.ts.NewTable(t)
}

// rectRow returns a row of the rectification table, and its text for
// sizing the columns.
func (b *briefing) rectRow(tb *typeset.Table, no int, f *model.Finding) ([]typeset.Cell, []*typeset.Text) {
	province := ""
	if f.Province != nil {
		province = f.Province.Label(b.lang)
	}
	sev := typeset.NewText(i18n.Enum(b.lang, f.Severity), typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: severityText(f.Severity)})
	responsible, deadline := "", ""
	status := typeset.NewText("", b.lk.tableStyle)
	if rc := f.Rect; rc != nil {
		responsible, deadline = rc.Responsible.In(b.lang), i18n.Date(b.lang, rc.Deadline)
		status = typeset.NewText(i18n.Enum(b.lang, rc.Status), b.lk.tableStyle)
		if d := b.r.DaysOverdue(f); d > 0 {
			status.HardBreak()
			status.Add(b.wordf("days-overdue-n", d), typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: pdfchart.Color(chart.ColorOverdue)})
		}
	}
	title := typeset.NewText(f.Title.In(b.lang), b.lk.tableStyle)
	if f.Rect != nil {
		title.Add(" "+f.Rect.Notes.In(b.lang), b.lk.mutedSmall)
	}
	proxy := []*typeset.Text{typeset.NewText(itoa(no), b.lk.tableStyle), title, typeset.NewText(province, b.lk.tableStyle), sev,
		typeset.NewText(responsible, b.lk.tableStyle), typeset.NewText(deadline, b.lk.tableStyle), status}
	problem := func(w float64) []*typeset.Box {
		t := typeset.NewText(f.Title.In(b.lang), b.lk.tableStyle)
		t.Add("  "+f.ID, typeset.Style{Role: roleSans, Size: b.lk.pt(7.5), Color: colMuted})
		bs := b.ts.Lines(t, typeset.Para{Width: w, Lead: b.lk.leadTable * b.lk.sizeTable, Base: b.lk.sizeTable})
		if f.Rect != nil {
			bs = append(bs, b.mdText(f.Rect.Notes, w, b.lk.mutedSmall, 1.4)...)
		}
		return bs
	}
	return []typeset.Cell{
		tb.TextCell(typeset.NewText(itoa(no), b.lk.tableStyle), typeset.AlignLeft), problem,
		tb.TextCell(typeset.NewText(province, b.lk.tableStyle), typeset.AlignLeft), tb.TextCell(sev, typeset.AlignLeft),
		tb.TextCell(typeset.NewText(responsible, b.lk.tableStyle), typeset.AlignLeft), tb.TextCell(typeset.NewText(deadline, b.lk.tableStyle), typeset.AlignLeft),
		tb.TextCell(status, typeset.AlignLeft),
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
	if t := b.annexTitle("findings", b.word("annex-title")); t != "" {
		title = t
	}
	b.body.PageBreak()
	b.addAll(b.tocHeading(0, title))
	b.paragraph(note)
	if len(fs) == 0 {
		return
	}
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(b.word("annex-title"))})
	var header []typeset.Cell
	var heads []*typeset.Text
	for _, k := range []string{"id", "province", "item", "category", "content"} {
		heads = append(heads, typeset.NewText(b.word(k), b.lk.headStyle))
		header = append(header, tb.TextCell(heads[len(heads)-1], typeset.AlignLeft))
	}
	rows := make([][]typeset.Cell, len(fs))
	proxies := make([][]*typeset.Text, len(fs))
	for i, f := range fs {
		rows[i], proxies[i] = b.annexRow(tb, f)
	}
	tb.AutoWidths(heads, proxies)
	b.addTable(tb.Boxes(header, rows))
}

// annexRow returns a row of the annex, and its text for sizing the
// columns.
func (b *briefing) annexRow(tb *typeset.Table, f *model.Finding) ([]typeset.Cell, []*typeset.Text) {
	province, item := "", ""
	if f.Province != nil {
		province = f.Province.Label(b.lang)
	}
	if f.Item != nil {
		item = f.Item.Label(b.lang)
	}
	kind := typeset.NewText(i18n.Enum(b.lang, f.Kind), typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: pdfchart.Color(chart.ColorPractice)})
	if f.IsProblem() {
		kind = typeset.NewText(i18n.Enum(b.lang, f.Kind), b.lk.tableStyle)
		kind.HardBreak()
		kind.Add(i18n.Enum(b.lang, f.Severity), typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: severityText(f.Severity)})
	}
	content := func(w float64) []*typeset.Box {
		bs := b.ts.Lines(typeset.NewText(f.Title.In(b.lang), b.lk.headStyle), typeset.Para{Width: w, Lead: b.lk.leadTable * b.lk.sizeTable, Base: b.lk.sizeTable})
		bs = append(bs, b.mdText(f.Detail, w, b.lk.tableStyle, b.lk.leadTable)...)
		if ev := b.evidence(f); ev != "" {
			bs = append(bs, b.ts.Lines(typeset.NewText(ev, b.lk.mutedSmall), typeset.Para{Width: w, Lead: 1.4 * b.lk.mutedSmall.Size})...)
		}
		if line := b.rectLine(f, b.lk.mutedSmall.Size); line != nil {
			bs = append(bs, b.ts.Lines(line, typeset.Para{Width: w, Lead: 1.4 * b.lk.mutedSmall.Size})...)
			bs = append(bs, b.mdText(f.Rect.Notes, w, b.lk.mutedSmall, 1.4)...)
		}
		return bs
	}
	proxy := []*typeset.Text{typeset.NewText(f.ID, b.lk.tableStyle), typeset.NewText(province, b.lk.tableStyle), typeset.NewText(item, b.lk.tableStyle), kind,
		typeset.NewText(f.Title.In(b.lang)+" "+f.Detail.In(b.lang), b.lk.tableStyle)}
	return []typeset.Cell{
		tb.TextCell(typeset.NewText(f.ID, b.lk.tableStyle), typeset.AlignLeft), tb.TextCell(typeset.NewText(province, b.lk.tableStyle), typeset.AlignLeft),
		tb.TextCell(typeset.NewText(item, b.lk.tableStyle), typeset.AlignLeft), tb.TextCell(kind, typeset.AlignLeft), content,
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
