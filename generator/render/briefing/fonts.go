package briefing

import "github.com/ducha/ducha/generator/render/typeset"

// The roles of the briefing's fonts (see the package doc).
const (
	roleRegular typeset.Role = iota // body text: the regular fonts
	roleBold                        // headings and emphasis: the bold fonts
	roleSans                        // tables and small text: the sans fonts, or the regular
)

// NewFonts returns the fonts the briefing is set in, for each role a list
// of TrueType files tried in order for each character, the first that has
// a character drawing it (then the other roles' files, see the package
// doc): regular for body text (at least one file), bold for headings and
// emphasis, sans for tables and small text; bold and sans without files
// use the regular ones. The fonts read each file once, however often
// CheckText and Write are called with them; source names where they came
// from, for messages.
func NewFonts(regular, bold, sans [][]byte, source string) typeset.Fonts {
	return typeset.NewFonts(source,
		typeset.FontRole{Name: "regular", Family: "Body", Files: regular, Fallback: []typeset.Role{roleSans, roleBold}},
		typeset.FontRole{Name: "bold", Family: "Bold", Files: bold, Fallback: []typeset.Role{roleSans, roleRegular}},
		typeset.FontRole{Name: "sans", Family: "Sans", Files: sans, Fallback: []typeset.Role{roleRegular, roleBold}},
	)
}
