package briefing

import (
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/typeset"
)

// NewFonts returns the fonts the briefing is set in (gongwen.NewFonts),
// for each role a list of TrueType files tried in order for each
// character: regular for body text (at least one file), bold for headings
// and emphasis, sans for tables and small text; bold and sans without
// files use the regular ones, and the official layout's roles (title,
// headings, tables) those gongwen.FontFiles says. The pipeline gives the
// briefing gongwen.NewFonts of every configured role.
func NewFonts(regular, bold, sans [][]byte, source string) typeset.Fonts {
	return gongwen.NewFonts(gongwen.FontFiles{Regular: regular, Bold: bold, Sans: sans}, source)
}
