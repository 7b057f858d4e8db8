package letter

// This file is the letters' page, on package gongwen (GB/T 9704-2012, the
// layout the briefing's official layout shares): the rest of the package
// asks it for styles, the frame, headings, the signature, the 版记 and the
// furniture only.

import (
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/typeset"
)

// Page geometry and sizes, in points (package gongwen): A4, the type
// area 156 × 225 mm, 3号 body text on a grid of 22 lines.
const (
	pageW     = gongwen.PageWidth
	pageH     = gongwen.PageHeight
	textW     = gongwen.TypeWidth
	sizeBody  = gongwen.BodySize
	sizeTitle = gongwen.TitleSize
	sizeSmall = gongwen.Size4 // page numbers and the 版记
	sizeMark  = 9             // the illustrative-data mark above the type area
	lead      = gongwen.LinePitch
)

// frame is the type area of every page.
var frame = gongwen.Frame()

// The styles of the letters' text.
var (
	bodyStyle = gongwen.BodyStyle()
	markStyle = typeset.Style{Role: gongwen.RoleSans, Size: sizeMark, Color: gongwen.Grey}
)

// para is how body paragraphs are set: gongwen's, without the indent in
// English.
func para(lang model.Lang) typeset.Para {
	pp := typeset.Para{Width: textW, Lead: lead, Indent: gongwen.Indent, Justify: true, Base: sizeBody}
	if lang == model.EN {
		pp.Indent = 0
	}
	return pp
}

// titleBoxes sets the letter's title, with the blank line after it.
func titleBoxes(ts *typeset.Typesetter, title string) []*typeset.Box { return gongwen.Title(ts, title) }

// headingBoxes sets a heading of level 1 to 4, its number before it, kept
// with what follows.
func headingBoxes(ts *typeset.Typesetter, lang model.Lang, level int, title string) []*typeset.Box {
	if lang == model.EN {
		pp := para(lang)
		pp.Justify = false
		bs := ts.Lines(typeset.NewText(title, gongwen.HeadingStyle(level)), pp)
		for _, b := range bs {
			b.Keep = true
		}
		return bs
	}
	return gongwen.Heading(ts, level, title)
}

// markdownStyle is how the Markdown of a finding's detail is set: as body
// text on the grid.
func markdownStyle(lang model.Lang) typeset.MarkdownStyle {
	return typeset.MarkdownStyle{
		Width: textW, Body: bodyStyle, Lead: lead / sizeBody, Indent: lang != model.EN, Justify: true,
		Regular: gongwen.RoleBody, Bold: gongwen.RoleBold, Sans: gongwen.RoleSans,
		TableSize: gongwen.TableSize, TableLead: gongwen.TableLead, NoteSize: gongwen.NoteSize,
		ImageHeight: gongwen.TypeHeight / 2,
		Colors: typeset.Colors{
			Muted: gongwen.Grey, Link: gongwen.Black, Code: gongwen.Black, Rule: gongwen.Black, Light: gongwen.Grey,
			Head: typeset.Color{0xee, 0xee, 0xee}, Stripe: typeset.Color{0xff, 0xff, 0xff}, Shade: typeset.Color{0xf2, 0xf2, 0xf2},
		},
	}
}

// signatureBoxes sets the issuer centred above the date (gongwen), or,
// for an issuer longer than a line, its lines right of the middle, none
// cut short.
func signatureBoxes(ts *typeset.Typesetter, issuer, date string) []*typeset.Box {
	if ts.Measure(issuer, bodyStyle) <= textW {
		return gongwen.Signature(ts, issuer, date)
	}
	out := []*typeset.Box{{H: lead, Keep: true}}
	for _, s := range ts.Wrap(issuer, bodyStyle, textW-4*sizeBody) {
		out = append(out, line(ts, s, 4*sizeBody, typeset.AlignLeft))
	}
	out = append(out, line(ts, date, textW-4*sizeBody, typeset.AlignRight))
	out[len(out)-1].Keep = false
	return out
}

// line is one line of the grid holding s, drawn from (or to) x.
func line(ts *typeset.Typesetter, s string, x float64, align typeset.Align) *typeset.Box {
	return &typeset.Box{H: lead, Keep: true, Draw: func(p *typeset.Page, left, y float64) {
		ts.DrawString(p, s, bodyStyle, left+x, y+(lead-sizeBody)/2+0.86*sizeBody, align)
	}}
}

// recordBox sets the 版记 (gongwen.RecordBox); an issuer too long for
// the line beside the date is wrapped above it instead, so that none of
// it is lost.
func recordBox(ts *typeset.Typesetter, lang model.Lang, copyTo, issuer, date string) *typeset.Box {
	st := typeset.Style{Role: gongwen.RoleBody, Size: sizeSmall, Color: gongwen.Black}
	printed := i18n.Tr(lang, "letter.printed")
	r := gongwen.Record{Issuer: issuer, Date: date, Printed: printed}
	if copyTo != "" {
		r.Lines = []gongwen.RecordLine{{Label: i18n.Tr(lang, "letter.copy-to"), Text: copyTo}}
	}
	if room := textW - 3*sizeSmall - ts.Measure(date+printed, st); ts.Measure(issuer, st) > room {
		r.Lines = append(r.Lines, gongwen.RecordLine{Label: i18n.Tr(lang, "letter.issuer-label"), Text: issuer})
		r.Issuer = ""
	}
	return gongwen.RecordBox(ts, r)
}

// furnish draws what every page has besides its text: the page number
// (gongwen.Folio), and, for illustrative data, a mark above the type
// area.
func furnish(ts *typeset.Typesetter, lang model.Lang, illustrative bool) func(p *typeset.Page, no, total int) {
	return func(p *typeset.Page, no, total int) {
		gongwen.Folio(ts, p, no)
		if illustrative {
			ts.DrawString(p, i18n.Tr(lang, "illustrative-mark"), markStyle, frame.Left+textW, frame.Top-8*gongwen.MM, typeset.AlignRight)
		}
	}
}
