package gongwen

import (
	"strconv"

	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/render/typeset"
)

// MM is a millimetre, in points.
const MM = typeset.MM

// The page and its type area (版心), in points.
const (
	PageWidth  = typeset.A4Width  // A4, 210 mm
	PageHeight = typeset.A4Height // A4, 297 mm
	MarginTop  = 37 * MM          // 天头
	MarginLeft = 28 * MM          // 订口, the binding side
	TypeWidth  = 156 * MM         // of the type area
	TypeHeight = 225 * MM         // of the type area
)

// Type sizes, in points, by their Chinese names (号).
const (
	Size2  = 22.0 // 二号: the title
	Size3  = 16.0 // 三号: body text and headings
	Size4  = 14.0 // 四号: page numbers, the distribution record
	Size4s = 12.0 // 小四
	Size5  = 10.5 // 五号

	TitleSize = Size2
	BodySize  = Size3
	FolioSize = Size4
	TableSize = Size4s
	NoteSize  = Size5
)

// The grid: 22 lines a page; 27 characters a full line of 16 pt in the
// 156 mm type area (the standard says 28: see the package doc).
const (
	LinesPerPage = 22
	LinePitch    = TypeHeight / LinesPerPage // 28.9 pt, 1.81 × BodySize
	CharsPerLine = 27
	// Indent is the indent of a paragraph's first line: two characters.
	Indent = 2 * BodySize
	// TableLead is the line height of table text, as a multiple of its size.
	TableLead = 1.35
)

// Colours.
var (
	Black = typeset.Color{0, 0, 0}
	// Red is the red of mastheads and their rule (红色分隔线).
	Red = typeset.Color{0xd7, 0x00, 0x0f}
	// Grey is for notes and rules of tables.
	Grey = typeset.Color{0x55, 0x55, 0x55}
)

// Frame returns the type area of every page.
func Frame() typeset.Frame {
	return typeset.Frame{Left: MarginLeft, Top: MarginTop, Width: TypeWidth, Bottom: MarginTop + TypeHeight}
}

// The roles of the fonts (Fonts): Style.Role of text set in each.
const (
	RoleBody     typeset.Role = iota // 仿宋: body text, levels three and four
	RoleBold                         // emphasis and the compact layout's headings
	RoleSans                         // the compact layout's tables, charts and small print
	RoleTitle                        // 小标宋: titles, the masthead
	RoleHeading1                     // 黑体: level-one headings
	RoleHeading2                     // 楷体: level-two headings
	RoleTable                        // tables of the official layout
)

// BodyStyle is the style of body text: 3号 仿宋, black.
func BodyStyle() typeset.Style { return typeset.Style{Role: RoleBody, Size: BodySize, Color: Black} }

// TitleStyle is the style of a document's title: 2号 小标宋.
func TitleStyle() typeset.Style { return typeset.Style{Role: RoleTitle, Size: TitleSize, Color: Black} }

// HeadingStyle is the style of a heading of level 1 to 4: 黑体, 楷体, then
// 仿宋, all 3号.
func HeadingStyle(level int) typeset.Style {
	role := RoleBody
	switch level {
	case 1:
		role = RoleHeading1
	case 2:
		role = RoleHeading2
	}
	return typeset.Style{Role: role, Size: BodySize, Color: Black}
}

// TableStyle is the style of table text: 小四 in the table role.
func TableStyle() typeset.Style { return typeset.Style{Role: RoleTable, Size: TableSize, Color: Black} }

// NoteStyle is the style of notes and sources below a table or chart:
// 五号 in the body role, grey.
func NoteStyle() typeset.Style { return typeset.Style{Role: RoleBody, Size: NoteSize, Color: Grey} }

// Number returns the number of the n-th heading (from 1) of a level: 一、
// at level 1, （一） at level 2, 1. at level 3 and （1） at level 4.
func Number(level, n int) string {
	switch level {
	case 1:
		return i18n.ChineseNumber(n) + "、"
	case 2:
		return "（" + i18n.ChineseNumber(n) + "）"
	case 3:
		return strconv.Itoa(n) + "."
	default:
		return "（" + strconv.Itoa(n) + "）"
	}
}

// Numbering counts the headings of a document, level by level, and
// numbers them: a heading restarts the count of the levels below it.
type Numbering struct {
	n [4]int
}

// Next returns the number of the next heading of level (1 to 4).
func (c *Numbering) Next(level int) string {
	level = min(max(level, 1), 4)
	c.n[level-1]++
	for i := level; i < 4; i++ {
		c.n[i] = 0
	}
	return Number(level, c.n[level-1])
}

// Reset restarts the numbering of level and the levels below it.
func (c *Numbering) Reset(level int) {
	for i := min(max(level, 1), 4) - 1; i < 4; i++ {
		c.n[i] = 0
	}
}
