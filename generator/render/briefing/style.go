package briefing

import (
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/typeset"
)

// The compact layout's page geometry, in points. A4 portrait; the left
// margin is the wider one, for binding.
const (
	pageW        = typeset.A4Width
	pageH        = typeset.A4Height
	marginLeft   = 28 * mm
	marginRight  = 22 * mm
	marginTop    = 30 * mm
	marginBottom = 25 * mm
	headerY      = 16 * mm // baseline of the running header
	footerY      = pageH - 13*mm
	compactWidth = pageW - marginLeft - marginRight
	mm           = typeset.MM
)

// The roles of the briefing's fonts: those of package gongwen.
const (
	roleRegular = gongwen.RoleBody
	roleBold    = gongwen.RoleBold
	roleSans    = gongwen.RoleSans
)

// look is the layout of the briefing: the official one (GB/T 9704,
// package gongwen) or the compact one. The briefing's code reads its
// sizes from here.
type look struct {
	official  bool
	frame     typeset.Frame // the text area of every page but the cover
	textWidth float64

	sizeBody  float64
	leadBody  float64 // line height / size
	sizeSmall float64
	sizeTable float64
	leadTable float64
	sizeH1    float64
	sizeH2    float64
	sizeH3    float64
	sizeNote  float64
	// scale multiplies the compact layout's sizes of small print written
	// as numbers in the code: 1 in the compact layout.
	scale float64

	bodyStyle  typeset.Style
	tableStyle typeset.Style
	headStyle  typeset.Style // table headers
	mutedSmall typeset.Style
	tableRole  typeset.Role
}

// compactLook is the compact layout: 11 pt body text, 42 characters a line.
func compactLook() look {
	lk := look{
		frame:     typeset.Frame{Left: marginLeft, Top: marginTop, Width: compactWidth, Bottom: pageH - marginBottom},
		textWidth: compactWidth,
		sizeBody:  11, leadBody: 1.72, sizeSmall: 9, sizeTable: 9, leadTable: 1.42,
		sizeH1: 17, sizeH2: 13.5, sizeH3: 12, sizeNote: 8, scale: 1,
		tableRole: roleSans,
	}
	return lk.styled()
}

// officialLook is the layout of GB/T 9704: 16 pt body text on 22 lines
// a page, tables and small print 4/3 of the compact sizes (12 pt tables).
func officialLook() look {
	lk := look{
		official:  true,
		frame:     gongwen.Frame(),
		textWidth: gongwen.TypeWidth,
		sizeBody:  gongwen.BodySize, leadBody: gongwen.LinePitch / gongwen.BodySize,
		sizeSmall: 12, sizeTable: 12, leadTable: 1.4,
		sizeH1: gongwen.BodySize, sizeH2: gongwen.BodySize, sizeH3: gongwen.BodySize, sizeNote: 10.5, scale: 4.0 / 3,
		tableRole: gongwen.RoleTable,
	}
	return lk.styled()
}

func (lk look) styled() look {
	lk.bodyStyle = typeset.Style{Role: roleRegular, Size: lk.sizeBody, Color: colText}
	lk.tableStyle = typeset.Style{Role: lk.tableRole, Size: lk.sizeTable, Color: colText}
	lk.headStyle = typeset.Style{Role: roleBold, Size: lk.sizeTable, Color: colText}
	lk.mutedSmall = typeset.Style{Role: lk.tableRole, Size: lk.sizeTable - 0.5, Color: colMuted}
	return lk
}

// pt scales a size of the compact layout to the briefing's layout.
func (lk look) pt(size float64) float64 { return size * lk.scale }

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
