package typeset

import (
	"fmt"
	"strings"
)

// Rule is a rule of page layout that Audit checks.
type Rule int

// The rules of page layout. See the package doc, "Keeping together".
const (
	// BlockSplit: a block (Box.Together) runs over two pages although it
	// fits on one and the page it starts on was at least a third full.
	BlockSplit Rule = iota + 1
	// AloneAtFoot: a page ends with a box kept with the next (Box.Keep:
	// a heading, a paragraph's first line, a table's header row).
	AloneAtFoot
	// AloneAtHead: a page starts with a box kept with the one before
	// (Box.KeepPrev: a caption, a note).
	AloneAtHead
	// NoTableHeader: a page starts with a row of a table that has a
	// header row, without that header repeated above it.
	NoTableHeader
	// UnderFull: a page is less than a third full and is neither the end
	// of a section (Flow.PageBreak) nor the last page of its flow.
	UnderFull
)

var ruleNames = [...]string{
	BlockSplit:    "block split although it fits on a page",
	AloneAtFoot:   "alone at the foot of the page, apart from what follows it",
	AloneAtHead:   "alone at the head of the page, apart from what it follows",
	NoTableHeader: "continued table without its header and caption",
	UnderFull:     "page less than a third full",
}

// String says what the rule forbids.
func (r Rule) String() string {
	if r > 0 && int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return fmt.Sprintf("Rule(%d)", int(r))
}

// Violation is a place where a layout breaks a rule.
type Violation struct {
	Page int     // from 1, in the pages given to Audit
	Y    float64 // of the box, points from the top of the page
	Rule Rule
	// Text is the start of the text of the box, or how full the page
	// is (UnderFull).
	Text string
}

// String says where and what, as "page 12: heading alone …: “整改：…”".
func (v Violation) String() string {
	if v.Text == "" {
		return fmt.Sprintf("page %d: %s", v.Page, v.Rule)
	}
	return fmt.Sprintf("page %d: %s: %s", v.Page, v.Rule, v.Text)
}

// Audit checks the layout of pages filled by flows (Flow.Pages; pages
// of several flows may follow each other) against the rules of Rule, and
// returns where they are broken, in page order. A keep that is broken
// because what is kept together is taller than a page is not reported.
// Pages not filled by a flow are not checked.
func Audit(pages []*Page) []Violation {
	var out []Violation
	for i, p := range pages {
		if len(p.placed) == 0 {
			continue
		}
		out = append(out, auditPage(pages, i)...)
	}
	return out
}

// auditPage checks page i of pages.
func auditPage(pages []*Page, i int) []Violation {
	p := pages[i]
	var out []Violation
	add := func(r Rule, pl placement, text string) {
		if text == "" {
			text = p.quote(pl)
		}
		out = append(out, Violation{Page: i + 1, Y: pl.y, Rule: r, Text: text})
	}
	var next *Page
	if i+1 < len(pages) && !p.last {
		next = pages[i+1]
	}
	first := p.firstBox()
	if first.keepPrev && !first.forced && i > 0 && !pages[i-1].last {
		add(AloneAtHead, first, "")
	}
	if first.table != nil && first.table.header && !first.header {
		add(NoTableHeader, first, "")
	}
	lastBox := p.placed[len(p.placed)-1]
	if next != nil && lastBox.keep && !lastBox.forced {
		add(AloneAtFoot, lastBox, "")
	}
	if next != nil && len(next.placed) > 0 {
		nb := next.placed[0]
		for _, q := range next.placed {
			if !q.repeat {
				nb = q
				break
			}
		}
		if b := lastBox.block; b != nil && b == nb.block && !b.breakOK && !b.tooLarge {
			add(BlockSplit, lastBox, "")
		}
	}
	if !p.end && !p.last && i+1 < len(pages) {
		used := 0.0
		for _, q := range p.placed {
			used = max(used, q.y+q.h-p.top)
		}
		if full := p.bottom - p.top; used < full/3 {
			add(UnderFull, lastBox, fmt.Sprintf("%.0f%% full", 100*used/full))
		}
	}
	return out
}

// firstBox is the first box placed on p that is not a repeated header.
func (p *Page) firstBox() placement {
	for _, q := range p.placed {
		if !q.repeat {
			return q
		}
	}
	return p.placed[0]
}

// quote returns the start of the text pl drew, in quotation marks.
func (p *Page) quote(pl placement) string {
	var sb strings.Builder
	for _, o := range p.ops[pl.ops[0]:pl.ops[1]] {
		if o.kind == opText {
			sb.WriteString(o.s)
		}
	}
	s := []rune(strings.TrimSpace(sb.String()))
	if len(s) == 0 {
		return fmt.Sprintf("a box %.0f pt high", pl.h)
	}
	if len(s) > 24 {
		s = append(s[:24], '…')
	}
	return "“" + string(s) + "”"
}
