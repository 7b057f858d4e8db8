package briefing

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
)

// uiKeys lists the words of package i18n that the briefing prints, besides
// the names of enumerations and units. A test keeps it in step with the
// code.
var uiKeys = []string{
	"all-closed", "annex", "annex-all", "annex-open", "annex-problems", "annex-title", "as-of", "basis", "briefing",
	"built-from", "built-from-dirty", "changes.heading", "changes.since", "changes.none", "changes.added", "changes.removed", "changes.status", "changes.deadline", "changes.severity", "changes.values", "changes.figures", "category", "closed-share", "content", "contents", "date", "date-unknown", "dates", "days-overdue-n", "deadline", "edition",
	"evidence-line", "figure", "findings", "found-on", "good-practices", "group", "group-findings",
	"group-visits", "groups", "id", "illustrative", "illustrative-mark", "ind-intro", "indicator", "indicators-table",
	"item", "item-points", "items", "lead-unit", "leader", "leader-line", "led-by", "main-problems", "meets-target",
	"member-units", "members", "met", "methods", "misses-target", "mode", "more-in-annex", "more-not-listed",
	"no", "no-data", "no-problems", "no-target", "not-submitted", "on-site", "organiser", "overdue", "overdue-n",
	"page-of", "people-met", "period", "place", "practices", "problem", "problems", "province", "province-visits",
	"provinces", "rect-all", "rect-large", "rect-line", "rect-summary", "responsible", "scope-self-exam", "section-figures", "section-groups",
	"section-ind", "section-provinces", "section-rect", "section-scope", "self-exam", "self-exam-count",
	"self-exam-line", "self-exam-sent", "severity", "site", "sites-visited", "status", "submitted", "summary",
	"summary-auto", "target", "value", "value-note", "verdict", "visits", "visits-table",
	"chart.findings-by-province", "chart.findings-by-item", "chart.matrix", "chart.status", "chart.visits",
	"chart.indicator", "chart.as-of", "chart.not-overdue", "chart.status-note", "total",
	"fig.groups", "fig.provinces-visited", "fig.visits", "fig.people-met", "fig.problems", "fig.practices",
	"fig.closed-rate", "fig.overdue", "fig.tile.groups", "fig.tile.provinces", "fig.tile.visits", "fig.tile.people",
	"fig.tile.problems", "fig.tile.practices", "fig.tile.closed", "fig.tile.overdue",
	// Over time (history.go).
	"brief.section-progress", "brief.section-progress-only", "brief.progress-intro", "brief.carried-title", "brief.carried-intro", "brief.campaign",
	"brief.age", "brief.days-n", "brief.section-compare", "brief.compare-intro", "brief.compare-totals", "brief.figure",
	"brief.compare-provinces", "brief.compare-items", "brief.compare-indicators", "brief.compare-repeats",
	"brief.not-visited", "brief.change-since", "brief.good-direction", "brief.trend-problems", "brief.reported-n",
	"brief.met-of-target", "brief.no-repeats", "brief.repeats-intro", "brief.repeats-earlier", "brief.earlier-status",
	"chart.burndown", "chart.burndown.unclosed", "chart.burndown.open", "chart.burndown.not-due", "chart.burndown-note",
	"chart.month-day", "trend.same", "trend.up", "trend.down", "trend.up-level", "trend.down-level", "trend.better",
	"trend.worse", "trend.sep", "trend.higher-better", "trend.lower-better", "fig.points", "fig.repeats",
	"fig.carried-over", "fig.carried-over.overdue", "fig.problems-of", "fig.overdue-of", "fig.problems.unclosed",
	"fig.visits-of", "fig.self-exam.submitted",
	// The official layout (official.go, density.go).
	"see-annex", "annex-n", "not-submitted-are", "annex-self-exam", "annex-ind", "ind-matrix-no-annex",
	"ind-matrix-intro", "target-met", "target-missed", "continued", "more-in-annex-n",
}

// uiText returns every character the briefing's and the letters' own
// words may print in
// lang: their words, the names of enumerations and units, numbers, dates and
// the punctuation it adds.
func uiText(lang model.Lang) string {
	var b strings.Builder
	for _, k := range uiKeys {
		b.WriteString(i18n.Tr(lang, k))
	}
	// The feedback letters (package letter) are set in the same fonts.
	for _, w := range i18n.Words(lang, "letter.") {
		b.WriteString(w)
	}
	enum := func(choices []string, name func(string) string) {
		for _, c := range choices {
			b.WriteString(name(c))
		}
	}
	enum(model.Severity("").Choices(), func(s string) string { return i18n.Enum(lang, model.Severity(s)) })
	enum(model.Status("").Choices(), func(s string) string { return i18n.Enum(lang, model.Status(s)) })
	enum(model.FindingKind("").Choices(), func(s string) string { return i18n.Enum(lang, model.FindingKind(s)) })
	enum(model.SiteType("").Choices(), func(s string) string { return i18n.Enum(lang, model.SiteType(s)) })
	enum(model.Mode("").Choices(), func(s string) string { return i18n.Enum(lang, model.Mode(s)) })
	enum(model.Selection("").Choices(), func(s string) string { return i18n.Enum(lang, model.Selection(s)) })
	enum(model.Measure("").Choices(), func(s string) string { return i18n.Unit(lang, model.Measure(s)) })
	for m := time.January; m <= time.December; m++ {
		b.WriteString(i18n.Date(lang, model.Date{Year: 2016, Month: m, Day: 1}))
	}
	for n := range 100 {
		b.WriteString(i18n.GroupName(lang, n) + i18n.Edition(lang, n) + i18n.ItemNo(lang, n))
	}
	b.WriteString("0123456789,.%-+/:;()[] ·—▲▼")
	if lang == model.EN {
		b.WriteString("–")
	} else {
		b.WriteString("（）、，。；：")
	}
	return b.String()
}

// checkWords reports the characters of the briefing's own words that the
// project's fonts cannot draw, at pdf.font in ducha.yaml.
func (ck *checker) checkWords(p *model.Project, diags *diag.List) {
	var missing []string
	seen := map[rune]bool{}
	for _, r := range uiText(ck.lang) {
		if !seen[r] && !ck.drawable(r) {
			seen[r] = true
			missing = append(missing, describeRune(r))
		}
	}
	if len(missing) == 0 {
		return
	}
	more := ""
	if len(missing) > 5 {
		more = fmt.Sprintf(" and %d more", len(missing)-5)
		missing = missing[:5]
	}
	fc := p.Config.PDF.Font
	diags.Errorf(fc.Src.At("regular"), "%s cannot draw %s%s, which the briefing's or the letters' own words (language %s) use; configure a font that has them, or another language",
		describeFiles(fc.Regular), strings.Join(missing, ", "), more, ck.lang)
}

// describeFiles names font files for a message: the font "a.ttf", or the
// fonts "a.ttf" and "b.ttf".
func describeFiles(files []string) string {
	q := make([]string, len(files))
	for i, f := range files {
		q[i] = strconv.Quote(f)
	}
	if len(q) == 1 {
		return "the font " + q[0]
	}
	return "the fonts " + strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
