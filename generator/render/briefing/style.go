package briefing

import "github.com/ducha/ducha/generator/render/typeset"

// Page geometry and type sizes, in points. A4 portrait; the left margin is
// the wider one, for binding.
const (
	pageW        = typeset.A4Width
	pageH        = typeset.A4Height
	marginLeft   = 28 * mm
	marginRight  = 22 * mm
	marginTop    = 30 * mm
	marginBottom = 25 * mm
	headerY      = 16 * mm // baseline of the running header
	footerY      = pageH - 13*mm
	textWidth    = pageW - marginLeft - marginRight
	mm           = typeset.MM

	sizeBody  = 11
	leadBody  = 1.72 // line height / size
	sizeSmall = 9
	sizeTable = 9
	leadTable = 1.42
	sizeH1    = 17
	sizeH2    = 13.5
	sizeH3    = 12
	sizeNote  = 8
)

// Colours.
var (
	colText    = typeset.Color{0x1a, 0x1a, 0x1a}
	colMuted   = typeset.Color{0x5f, 0x63, 0x68}
	colRule    = typeset.Color{0x9a, 0xa5, 0xb1}
	colLight   = typeset.Color{0xd5, 0xdb, 0xe1}
	colHead    = typeset.Color{0xe6, 0xec, 0xf2} // table header background
	colStripe  = typeset.Color{0xf6, 0xf8, 0xfa}
	colAccent  = typeset.Color{0xb0, 0x1c, 0x1c} // official red
	colLink    = typeset.Color{0x1f, 0x4e, 0x9a}
	colWhite   = typeset.Color{0xff, 0xff, 0xff}
	colWarn    = typeset.Color{0xc6, 0x28, 0x28}
	colWarnBg  = typeset.Color{0xfd, 0xec, 0xea}
	colQuoteBg = typeset.Color{0xf4, 0xf5, 0xf7}
	colCode    = typeset.Color{0x8a, 0x1c, 0x3c}
)

// palette is how the briefing's tables and Markdown are drawn.
var palette = typeset.Colors{
	Muted: colMuted, Link: colLink, Code: colCode, Rule: colRule, Light: colLight,
	Head: colHead, Stripe: colStripe, Shade: colQuoteBg,
}

// bodyGeometry is the text area of every page but the cover.
var bodyGeometry = typeset.Frame{Left: marginLeft, Top: marginTop, Width: textWidth, Bottom: pageH - marginBottom}

var bodyStyle = typeset.Style{Role: roleRegular, Size: sizeBody, Color: colText}
