package briefing

import (
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/typeset"
)

// changesAnnex sets the last annex, when the briefing has one: what
// changed since an earlier state of the data (ducha build
// --changes-since), a list for each kind of change.
func (b *briefing) changesAnnex() {
	if b.changes == nil {
		return
	}
	title := b.word("annex") + "　" + b.word("changes.heading")
	if b.lang == model.EN {
		title = b.word("annex") + ". " + b.word("changes.heading")
	}
	b.body.PageBreak()
	b.addAll(b.tocHeading(0, title))
	b.paragraph(b.wordf("changes.since", b.changesSince))
	sections := b.changes.Sections()
	if len(sections) == 0 {
		b.paragraph(b.word("changes.none"))
		return
	}
	for _, s := range sections {
		b.addAll(b.tocHeading(1, s.Title))
		for _, l := range s.Lines {
			b.addAll(b.ts.Lines(typeset.NewText(l, b.lk.tableStyle), typeset.Para{Width: b.lk.textWidth, Lead: b.lk.leadTable * b.lk.sizeTable}))
		}
	}
}
