package figures

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
)

// Lint warns where the narrative of the campaign of t states a count by
// hand, next to the label of a figure, that the data contradicts:
// "已销号5个" where 6 problems are closed. It is a safety net for pages
// that type numbers instead of citing figures; it reads only what is
// plainly a count of a known thing, and says which figure to cite.
func Lint(t *Table, c *model.Campaign, md *markdown.Renderer, diags *diag.List) {
	labels := lintLabels[t.r.Lang]
	for _, pg := range c.Pages {
		here := ScopeOf(pg)
		for _, run := range textRuns(md.Parse(pg.Body, nil), pg.Body) {
			for _, claim := range claims(run, labels) {
				full, err := ref{kind: here.Kind, own: here.Kind != Campaign, measure: measureNamed(claim.measure)}.bind(here)
				v := t.Get(full)
				if err != nil || v == nil || v.Number == claim.n {
					continue
				}
				diags.Warnf(model.OffsetPos(pg.Path, pg.Body, claim.off), "says %s, but the data has %s (%s); cite the figure instead: {{%s}}",
					claim.said, v.Text, v.Label, citeName(here, claim.measure))
			}
		}
	}
}

// citeName is how a page in the scope here cites a measure.
func citeName(here Scope, measure string) string {
	if here.Kind == Campaign {
		return measure
	}
	return here.Kind.String() + "." + measure
}

// lintLabels maps the words that name a figure in running text to the
// figure, per language. A longer label is preferred where two end at the
// same place (已完成待核验 over 已完成).
var lintLabels = map[model.Lang][]lintLabel{
	model.ZH: {
		{"问题", "problems"}, {"严重", "problems.high"}, {"较重", "problems.medium"}, {"一般", "problems.low"},
		{"未启动", "problems.not-started"}, {"整改中", "problems.in-progress"},
		{"已完成", "problems.done"}, {"已完成待核验", "problems.done"}, {"已销号", "problems.closed"},
		{"未销号", "problems.unclosed"}, {"逾期", "overdue"}, {"逾期未完成整改", "overdue"}, {"逾期未完成整改的", "overdue"},
		{"好经验好做法", "practices"}, {"经验做法", "practices"}, {"好做法", "practices"},
		{"点位", "visits"}, {"实地督查点", "visits"}, {"暗访", "visits.covert"}, {"明查", "visits.open"},
		{"随机抽查", "visits.random"}, {"重点督查", "visits.key"},
		{"座谈交流", "people-met"}, {"座谈走访", "people-met"},
		{"督查组", "groups"}, {"成员单位", "member-units"}, {"未报送", "self-exam.missing"},
	},
	model.EN: {
		{"problems", "problems"}, {"closed", "problems.closed"}, {"overdue", "overdue"},
		{"not started", "problems.not-started"}, {"in progress", "problems.in-progress"},
		{"good practices", "practices"}, {"sites", "visits"}, {"covert", "visits.covert"},
		{"people", "people-met"}, {"groups", "groups"},
	},
}

type lintLabel struct{ word, measure string }

// run is the text of one block of a page, with the source offset of each
// byte. Figures and other inline elements show as a separator, so that a
// number is never read across them.
type run struct {
	text []byte
	offs []int
}

const separator = 0

func textRuns(doc ast.Node, src []byte) []run {
	var runs []run
	var cur *run
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock && entering {
			runs = append(runs, run{})
			cur = &runs[len(runs)-1]
		}
		if !entering || cur == nil {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			seg := n.Segment
			for i := seg.Start; i < seg.Stop; i++ {
				cur.text = append(cur.text, src[i])
				cur.offs = append(cur.offs, i)
			}
		case *ast.CodeSpan, *markdown.Figure:
			cur.text = append(cur.text, separator)
			cur.offs = append(cur.offs, 0)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return runs
}

// claim is a count stated by hand: the number n, at the source offset
// off, said of the measure.
type claim struct {
	n       float64
	off     int
	said    string
	measure string
}

// measureWords follow a count in Chinese.
var measureWords = []string{"人次", "个", "项", "处", "份", "家", "次"}

func claims(r run, labels []lintLabel) []claim {
	var out []claim
	s := string(r.text)
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(c) || (i > 0 && isDigit(lastRune(s[:i]))) {
			i += size
			continue
		}
		end := i
		for end < len(s) && (isDigit(rune(s[end])) || s[end] == ',') {
			end++
		}
		num := strings.TrimRight(s[i:end], ",")
		end = i + len(num)
		if cl, ok := claimAt(s, i, end, labels); ok {
			cl.n, _ = strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
			cl.off = r.offs[i]
			out = append(out, cl)
		}
		i = end
	}
	return out
}

// claimAt reads the number s[i:end] as a count of a labelled thing: right
// before its label (44个问题, 44 problems, 3个逾期), or else right after
// it (已销号5个, 逾期未完成整改的11个).
func claimAt(s string, i, end int, labels []lintLabel) (claim, bool) {
	rest := strings.TrimLeft(s[end:], " ")
	word := ""
	for _, w := range measureWords {
		if strings.HasPrefix(rest, w) {
			word = w
			break
		}
	}
	english := word == "" && strings.HasPrefix(s[end:], " ")
	if word == "" && !english {
		return claim{}, false
	}
	after := strings.TrimPrefix(rest, word)
	for _, l := range longestFirst(labels) {
		if strings.HasPrefix(strings.ToLower(after), l.word) {
			return claim{said: s[i:len(s)-len(after)] + l.word, measure: l.measure}, true
		}
	}
	if !english {
		if l, start, ok := labelBefore(s[:i], labels); ok {
			return claim{said: s[start:end] + word, measure: l.measure}, true
		}
	}
	return claim{}, false
}

// labelBefore finds the label that ends right before the end of s, and
// returns it with its start.
func labelBefore(s string, labels []lintLabel) (lintLabel, int, bool) {
	for _, l := range longestFirst(labels) {
		if strings.HasSuffix(s, l.word) {
			return l, len(s) - len(l.word), true
		}
	}
	return lintLabel{}, 0, false
}

func longestFirst(labels []lintLabel) []lintLabel {
	out := make([]lintLabel, 0, len(labels))
	for n := 20; n > 0; n-- {
		for _, l := range labels {
			if utf8.RuneCountInString(l.word) == n {
				out = append(out, l)
			}
		}
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
