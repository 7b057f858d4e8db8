package briefing

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ducha/ducha/generator/derive/chart"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/pdfchart"
	"github.com/ducha/ducha/generator/render/typeset"
)

// groups sets one section per group.
func (b *briefing) groups() {
	if len(b.r.Groups) == 0 {
		return
	}
	b.section(b.word("section-groups"))
	for _, gs := range b.r.Groups {
		b.group(gs)
	}
}

func (b *briefing) group(gs *report.GroupStats) {
	g := gs.Group
	title := i18n.GroupName(b.lang, g.No)
	lead := ""
	if g.Lead != nil {
		lead = g.Lead.Name.In(b.lang)
		title += b.paren(b.wordf("led-by", g.Lead.Label(b.lang)))
	}
	b.addAll(b.tocHeading(1, title))
	leader := g.Leader.Name.In(b.lang)
	if t := g.Leader.Title.In(b.lang); t != "" && leader != "" {
		leader = b.wordf("leader-line", leader, t)
	}
	var members []string
	for _, m := range g.Members {
		s := ""
		if m.Unit != nil {
			s = m.Unit.Label(b.lang)
		}
		if n := m.Name.In(b.lang); n != "" {
			s += " " + n
		}
		if r := m.Role.In(b.lang); r != "" {
			s += b.paren(r)
		}
		members = append(members, strings.TrimSpace(s))
	}
	var provs []string
	for _, pr := range g.Provinces {
		if pr != nil {
			provs = append(provs, pr.Name.In(b.lang))
		}
	}
	dates := g.Dates
	if dates.IsZero() {
		dates = b.c.Period
	}
	b.addAll(b.facts([]fact{
		{b.word("lead-unit"), b.textFact(lead)},
		{b.word("leader"), b.textFact(leader)},
		{b.word("members"), b.textFact(i18n.List(b.lang, members))},
		{b.word("provinces"), b.textFact(i18n.List(b.lang, provs))},
		{b.word("dates"), b.textFact(i18n.Period(b.lang, dates))},
		{b.word("visits"), b.textFact(b.wordf("group-visits", i18n.Int(gs.Visits), i18n.Int(gs.PeopleMet)))},
		{b.word("findings"), b.textFact(b.findingCounts(&gs.Counts))},
	}))
	b.body.Add(typeset.VSpace(8))
	b.narrative(model.PageGroup, strconv.Itoa(g.No))
}

// provinces sets one section per province visited.
func (b *briefing) provinces() {
	if len(b.r.Provinces) == 0 {
		return
	}
	b.section(b.word("section-provinces"))
	for _, ps := range b.r.Provinces {
		b.province(ps)
	}
}

func (b *briefing) province(ps *report.ProvinceStats) {
	pr, in := ps.Province, ps.Inspection
	b.softBreak()
	b.addAll(b.tocHeading(1, pr.Name.In(b.lang)))
	group, dates := "", b.c.Period
	if g := in.Group; g != nil {
		group = i18n.GroupName(b.lang, g.No)
		if g.Lead != nil {
			group += b.paren(b.wordf("led-by", g.Lead.Label(b.lang)))
		}
		if !g.Dates.IsZero() {
			dates = g.Dates
		}
	}
	self := ""
	if s := b.c.SelfExam(pr.ID); s != nil {
		if s.Submitted {
			self = b.word("submitted") + b.listSep() + b.word("date-unknown")
			if !s.Date.IsZero() {
				self = b.wordf("self-exam-sent", i18n.Date(b.lang, s.Date))
			}
			if sum := s.Summary.In(b.lang); sum != "" {
				self += b.sentenceEnd() + sum
			}
		} else {
			self = b.word("not-submitted")
		}
	}
	found := b.findingCounts(&ps.Counts)
	if ps.Overdue > 0 {
		found += b.listSep() + b.wordf("overdue-n", i18n.Int(ps.Overdue))
	}
	b.addAll(b.facts([]fact{
		{b.word("group"), b.textFact(group)},
		{b.word("dates"), b.textFact(i18n.Period(b.lang, dates))},
		{b.word("self-exam"), b.textFact(self)},
		{b.word("visits"), b.textFact(b.wordf("province-visits", i18n.Int(ps.Visits), i18n.Int(ps.ByMode[model.Covert]), i18n.Int(ps.BySelection[model.RandomSelection]), i18n.Int(ps.PeopleMet)))},
		{b.word("findings"), b.textFact(found)},
	}))
	b.body.Add(typeset.VSpace(8))
	b.narrative(model.PageProvince, pr.ID)
	b.visits(in)
	b.values(in)
	b.listed(ps)
}

// softBreak starts a new page when less than half of this one is left,
// and otherwise leaves some space: a province starts on a page of its own
// unless that would leave much of a page empty.
func (b *briefing) softBreak() {
	b.body.Flush()
	if b.body.Room() < (b.lk.frame.Bottom-b.lk.frame.Top)/2 {
		b.body.PageBreak()
		return
	}
	b.body.Add(typeset.VSpace(12))
}

func (b *briefing) listSep() string {
	if b.lang == model.EN {
		return "; "
	}
	return "；"
}

// visits sets the table of a province's visits.
func (b *briefing) visits(in *model.Inspection) {
	if len(in.Visits) == 0 {
		return
	}
	b.addAll(b.headingBoxes(2, b.word("visits-table"), ""))
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(b.nameOf(in) + b.space() + b.word("visits-table")),
		Align: []typeset.Align{typeset.AlignLeft, typeset.AlignLeft, typeset.AlignLeft, typeset.AlignLeft, typeset.AlignRight}})
	header := []*typeset.Text{typeset.NewText(b.word("date"), b.lk.headStyle), typeset.NewText(b.word("place"), b.lk.headStyle), typeset.NewText(b.word("site"), b.lk.headStyle),
		typeset.NewText(b.word("mode"), b.lk.headStyle), typeset.NewText(b.word("met"), b.lk.headStyle)}
	var rows [][]*typeset.Text
	for _, v := range in.Visits {
		place := typeset.NewText(v.Place.In(b.lang), b.lk.tableStyle)
		if n := v.Note.In(b.lang); n != "" {
			place.Add(b.paren(n), b.lk.mutedSmall)
		}
		mode := i18n.Enum(b.lang, report.ModeOf(v)) + " · " + i18n.Enum(b.lang, report.SelectionOf(v))
		ms := b.lk.tableStyle
		if report.ModeOf(v) == model.Covert {
			ms.Color = pdfchart.Color(chart.ColorCovert)
		}
		rows = append(rows, []*typeset.Text{typeset.NewText(i18n.Date(b.lang, v.Date), b.lk.tableStyle), place,
			typeset.NewText(i18n.Enum(b.lang, v.Site), b.lk.tableStyle), typeset.NewText(mode, ms), typeset.NewText(i18n.Int(v.Met), b.lk.tableStyle)})
	}
	tb.AutoWidths(header, rows)
	b.addTable(tb.TextBoxes(header, rows))
}

// values sets a province's indicator values against their targets.
func (b *briefing) values(in *model.Inspection) {
	var rows [][]*typeset.Text
	for _, it := range b.c.Items {
		for _, ind := range it.Indicators {
			v := in.Value(ind.ID)
			if v == nil {
				continue
			}
			target := b.word("no-target")
			verdict := typeset.NewText("", b.lk.tableStyle)
			if ind.Target != nil {
				target = i18n.Value(b.lang, *ind.Target, ind.Measure)
				if ind.Meets(v.Value) {
					verdict = typeset.NewText(b.word("meets-target"), typeset.Style{Role: roleSans, Size: b.lk.sizeTable, Color: pdfchart.Color(chart.ColorValue)})
				} else {
					verdict = typeset.NewText(b.word("misses-target"), typeset.Style{Role: roleBold, Size: b.lk.sizeTable, Color: pdfchart.Color(chart.ColorMiss)})
				}
			}
			rows = append(rows, []*typeset.Text{typeset.NewText(ind.Name.In(b.lang), b.lk.tableStyle),
				typeset.NewText(b.nobreak(i18n.Value(b.lang, v.Value, ind.Measure)), b.lk.tableStyle), typeset.NewText(b.nobreak(target), b.lk.tableStyle),
				verdict, typeset.NewText(v.Note.In(b.lang), b.lk.mutedSmall)})
		}
	}
	if len(rows) == 0 {
		return
	}
	b.addAll(b.headingBoxes(2, b.word("indicators-table"), ""))
	tb := b.newTable(typeset.Table{Width: b.lk.textWidth, Size: b.lk.sizeTable, Lead: b.lk.leadTable, Caption: b.continued(b.nameOf(in) + b.space() + b.word("indicators-table")),
		Align: []typeset.Align{typeset.AlignLeft, typeset.AlignRight, typeset.AlignRight, typeset.AlignLeft, typeset.AlignLeft}})
	header := []*typeset.Text{typeset.NewText(b.word("indicator"), b.lk.headStyle), typeset.NewText(b.word("value"), b.lk.headStyle), typeset.NewText(b.word("target"), b.lk.headStyle),
		typeset.NewText(b.word("verdict"), b.lk.headStyle), typeset.NewText(b.word("value-note"), b.lk.headStyle)}
	tb.AutoWidths(header, rows)
	b.addTable(tb.TextBoxes(header, rows))
}

// nobreak joins the words of s with no-break spaces, when the fonts have
// them: a number and its unit stay on one line.
func (b *briefing) nobreak(s string) string {
	if !b.ts.Has('\u00a0') {
		return s
	}
	return strings.ReplaceAll(s, " ", "\u00a0")
}

// listed sets a province's most serious problems and its good practices.
func (b *briefing) listed(ps *report.ProvinceStats) {
	var problems, practices []*model.Finding
	for _, f := range ps.Inspection.Findings {
		if f.IsProblem() {
			problems = append(problems, f)
		} else {
			practices = append(practices, f)
		}
	}
	slices.SortStableFunc(problems, func(x, y *model.Finding) int {
		if d := x.Severity.Rank() - y.Severity.Rank(); d != 0 {
			return d
		}
		return boolRank(!x.Overdue(b.r.AsOf)) - boolRank(!y.Overdue(b.r.AsOf))
	})
	b.addAll(b.headingBoxes(2, b.word("main-problems"), ""))
	if len(problems) == 0 {
		b.paragraph(b.word("no-problems"))
	}
	b.entries(problems)
	if len(practices) > 0 {
		b.addAll(b.headingBoxes(2, b.word("good-practices"), ""))
		b.entries(practices)
	}
}

// entries sets out up to maxListed findings and says where the others are.
func (b *briefing) entries(fs []*model.Finding) {
	listed := fs[:min(len(fs), maxListed)]
	for _, f := range listed {
		b.addAll(b.findingEntry(f))
	}
	b.more(fs)
}

func boolRank(v bool) int {
	if v {
		return 1
	}
	return 0
}

// more says where the findings beyond those listed are.
func (b *briefing) more(fs []*model.Finding) {
	rest := fs[min(len(fs), maxListed):]
	if len(rest) == 0 {
		return
	}
	inAnnex := true
	listed := b.annexSet()
	for _, f := range rest {
		if !listed[f] {
			inAnnex = false
		}
	}
	key := "more-in-annex"
	if !inAnnex {
		key = "more-not-listed"
	}
	text := b.wordf(key, i18n.Int(len(rest)))
	if n := b.annexNo["findings"]; n > 0 && inAnnex {
		text = b.wordf("more-in-annex-n", i18n.Int(len(rest)), n)
	}
	note := b.ts.Lines(typeset.NewText(text, typeset.Style{Role: roleSans, Size: b.lk.pt(9), Color: colMuted}), typeset.Para{Width: b.lk.textWidth, Lead: 1.6 * b.lk.pt(9)})
	note[0].KeepPrev = true // with the last finding listed
	b.body.Add(typeset.VSpace(6))
	b.addAll(note)
}

// findingEntry sets a finding in full: title, facts, rectification.
func (b *briefing) findingEntry(f *model.Finding) []*typeset.Box {
	const bar = 10.0
	w := b.lk.textWidth - bar
	color := pdfchart.Color(chart.ColorPractice)
	t := &typeset.Text{}
	if f.IsProblem() {
		color = severityText(f.Severity)
		t.Add(i18n.Enum(b.lang, f.Severity)+"　", typeset.Style{Role: roleBold, Size: b.lk.pt(10.5), Color: color})
	}
	t.Add(f.Title.In(b.lang), typeset.Style{Role: roleBold, Size: b.lk.pt(10.5), Color: colText})
	t.Add("  "+f.ID, typeset.Style{Role: roleSans, Size: b.lk.pt(8), Color: colMuted})
	bs := b.ts.Lines(t, typeset.Para{Width: w, Lead: 1.55 * b.lk.pt(10.5)})
	for _, x := range bs {
		x.Keep = true
	}
	detail := b.mdText(f.Detail, w, typeset.Style{Role: roleRegular, Size: b.lk.pt(10), Color: colText}, 1.65)
	if len(detail) > 0 {
		bs = append(bs, typeset.GapAfter(bs, 2))
		bs = append(bs, detail...)
	}
	if line := b.rectLine(f, b.lk.pt(9)); line != nil {
		bs = append(bs, typeset.GapAfter(bs, 2))
		bs = append(bs, b.ts.Lines(line, typeset.Para{Width: w, Lead: 1.55 * b.lk.pt(9)})...)
		notes := b.mdText(f.Rect.Notes, w, typeset.Style{Role: roleSans, Size: b.lk.pt(9), Color: colMuted}, 1.55)
		bs = append(bs, notes...)
	}
	out := typeset.Shift(bs, bar)
	for i, x := range out {
		c := *x
		d := x.Draw
		c.Draw = func(p *typeset.Page, x, y float64) {
			p.FillRect(x-bar, y, 2.5, c.H, color)
			if d != nil {
				d(p, x, y)
			}
		}
		out[i] = &c
	}
	// A finding's title, facts and rectification stay on one page.
	return append([]*typeset.Box{typeset.VSpace(8)}, typeset.Together(out)...)
}

// severityText is the colour of a severity's name in text: the chart's
// colour, darkened where it is too light to read on white.
func severityText(s model.Severity) typeset.Color {
	if s == model.Low {
		return typeset.Color{0xa8, 0x7a, 0x00}
	}
	return pdfchart.Color(chart.SeverityColor(s))
}

// rectLine says where a problem's rectification stands, in text of the
// given size, or nil.
func (b *briefing) rectLine(f *model.Finding, size float64) *typeset.Text {
	rc := f.Rect
	if rc == nil {
		return nil
	}
	st := typeset.Style{Role: roleSans, Size: size, Color: colMuted}
	status := i18n.Enum(b.lang, rc.Status)
	if rc.Status == model.Closed && !rc.Closed.IsZero() {
		status += b.paren(i18n.Date(b.lang, rc.Closed))
	}
	t := typeset.NewText(b.wordf("rect-line", rc.Responsible.In(b.lang), i18n.Date(b.lang, rc.Deadline), status), st)
	if d := b.r.DaysOverdue(f); d > 0 {
		t.Add(b.comma()+b.wordf("days-overdue-n", d), typeset.Style{Role: roleBold, Size: size, Color: pdfchart.Color(chart.ColorOverdue)})
	}
	return t
}

// findingCounts says how many problems, by severity, and good practices
// the counts c hold.
func (b *briefing) findingCounts(c *report.Counts) string {
	return b.wordf("group-findings", i18n.Int(c.Problems), i18n.Int(c.BySeverity[model.High]), i18n.Int(c.BySeverity[model.Medium]),
		i18n.Int(c.BySeverity[model.Low]), i18n.Int(c.Practices))
}
