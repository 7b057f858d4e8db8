package letter

// This file is the letters' page: geometry, type and page furniture after
// GB/T 9704-2012 (党政机关公文格式). It is the one file to change when the
// letters move to a shared official-document layout: the rest of the
// package asks it for styles, the frame and the furniture only.

import (
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/typeset"
)

// The roles of the fonts the letters are set in: the fonts the briefing
// is set in (briefing.NewFonts), whose roles are, in order, regular (a Song
// face: body text, standing in for 仿宋 and 楷体), bold (a heavy face,
// standing in for 小标宋) and sans (a Hei face, 黑体).
const (
	roleBody  typeset.Role = 0
	roleTitle typeset.Role = 1
	roleHei   typeset.Role = 2
)

// Page geometry, in points. A4 portrait; the text area starts 37 mm from
// the top and 28 mm from the left (天头, 订口) and is 225 mm high. It is 28
// characters of 3号 (16 pt) wide, about 158 mm (the standard's 156 mm
// holds 28 characters only with the characters drawn closer than their
// size); its 22 lines are set on a grid of 225 mm / 22.
const (
	mm         = typeset.MM
	pageW      = typeset.A4Width
	pageH      = typeset.A4Height
	marginTop  = 37 * mm
	marginLeft = 28 * mm
	gridChars  = 28
	gridLines  = 22
	sizeBody   = 16 // 3号
	sizeTitle  = 22 // 2号
	sizeSmall  = 14 // 4号: page numbers and the 版记
	sizeMark   = 9  // the illustrative-data mark above the text area
	textW      = float64(gridChars * sizeBody)
	textH      = 225 * mm
	lead       = textH / gridLines // one line of the grid
	// pageNoGap is the distance from the foot of the text area to the top
	// of the page number (一字线上距版心下边缘 7 mm).
	pageNoGap = 7 * mm
)

// frame is the text area of every page. The bottom has a hair to spare,
// so that 22 lines of the grid, summed in floating point, fit.
var frame = typeset.Frame{Left: marginLeft, Top: marginTop, Width: textW, Bottom: marginTop + textH + 0.01}

var black = typeset.Color{0, 0, 0}

// The styles of the letters' text.
var (
	bodyStyle  = typeset.Style{Role: roleBody, Size: sizeBody, Color: black}
	titleStyle = typeset.Style{Role: roleTitle, Size: sizeTitle, Color: black}
	smallStyle = typeset.Style{Role: roleBody, Size: sizeSmall, Color: black}
	markStyle  = typeset.Style{Role: roleHei, Size: sizeMark, Color: typeset.Color{0x5f, 0x63, 0x68}}
)

// headingStyle is the style of a heading of level 1 (一、, 黑体), 2 (（一）,
// 楷体: the body face stands in) or 3 (1., 仿宋).
func headingStyle(level int) typeset.Style {
	if level == 1 {
		return typeset.Style{Role: roleHei, Size: sizeBody, Color: black}
	}
	return bodyStyle
}

// palette draws the Markdown of findings' details in black and greys.
var palette = typeset.Colors{
	Muted: typeset.Color{0x40, 0x40, 0x40}, Link: black, Code: black,
	Rule: black, Light: typeset.Color{0x80, 0x80, 0x80},
	Head: typeset.Color{0xee, 0xee, 0xee}, Stripe: typeset.Color{0xff, 0xff, 0xff}, Shade: typeset.Color{0xf2, 0xf2, 0xf2},
}

// indent is the indent of the first line of a paragraph: two characters
// in Chinese, none in English.
func indent(lang model.Lang) float64 {
	if lang == model.EN {
		return 0
	}
	return 2 * sizeBody
}

// para is how body paragraphs are set.
func para(lang model.Lang) typeset.Para {
	return typeset.Para{Width: textW, Lead: lead, Indent: indent(lang), Justify: true, Base: sizeBody}
}

// markdownStyle is how the Markdown of a finding's detail is set: as body
// text on the grid.
func markdownStyle(lang model.Lang) typeset.MarkdownStyle {
	return typeset.MarkdownStyle{
		Width: textW, Body: bodyStyle, Lead: lead / sizeBody, Indent: lang != model.EN, Justify: true,
		Regular: roleBody, Bold: roleTitle, Sans: roleHei,
		TableSize: sizeSmall, TableLead: 1.4, NoteSize: sizeSmall,
		ImageHeight: textH / 2, Colors: palette,
	}
}

// furnish draws what every page has besides its text: the page number,
// "— N —" in 4号 below the text area, on the outer side (the right of odd
// pages, the left of even ones, one character in), and, for illustrative
// data, a mark above the text area.
func furnish(ts *typeset.Typesetter, lang model.Lang, illustrative bool) func(p *typeset.Page, no, total int) {
	return func(p *typeset.Page, no, total int) {
		baseline := marginTop + textH + pageNoGap + 0.86*sizeSmall
		s := i18n.Trf(lang, "letter.page-no", no)
		if no%2 == 1 {
			ts.DrawString(p, s, smallStyle, marginLeft+textW-sizeSmall, baseline, typeset.AlignRight)
		} else {
			ts.DrawString(p, s, smallStyle, marginLeft+sizeSmall, baseline, typeset.AlignLeft)
		}
		if illustrative {
			ts.DrawString(p, i18n.Tr(lang, "illustrative-mark"), markStyle, marginLeft+textW, marginTop-8*mm, typeset.AlignRight)
		}
	}
}

// recordRules draws the rules of the 版记 across the text area, at y: the
// first and last thick (0.35 mm), those between thin (0.25 mm).
func recordRule(p *typeset.Page, x, y float64, thick bool) {
	w := 0.25 * mm
	if thick {
		w = 0.35 * mm
	}
	p.Line(x, y, x+textW, y, w, black)
}
