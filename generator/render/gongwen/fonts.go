package gongwen

import (
	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/render/typeset"
)

// FontFiles are the TrueType files of each role, each a list tried in
// order for each character. A role without files takes those of another
// (see NewFonts); Regular must have at least one.
type FontFiles struct {
	Regular  [][]byte // body text (仿宋); pdf.font.regular
	Bold     [][]byte // emphasis, compact headings; pdf.font.bold; empty: Regular
	Sans     [][]byte // compact tables and small print; empty: Regular
	Title    [][]byte // titles (小标宋); pdf.font.title; empty: Bold, else Regular
	Heading1 [][]byte // level-one headings (黑体); pdf.font.heading1; empty: Bold, else Regular
	Heading2 [][]byte // level-two headings (楷体); pdf.font.heading2; empty: Regular
	Table    [][]byte // official tables; pdf.font.table; empty: Regular
}

// Embedded returns the embedded stand-ins: Noto Serif SC Regular for 仿宋
// (body, tables), Noto Serif SC Bold for 小标宋 (titles) and for 楷体
// (level-two headings; no 楷体 is embedded), Noto Sans SC Bold for 黑体
// (level-one headings) and for bold, Noto Sans SC Regular for the compact
// layout's sans.
func Embedded() FontFiles {
	return FontFiles{
		Regular:  [][]byte{assets.SerifRegular},
		Bold:     [][]byte{assets.SansBold},
		Sans:     [][]byte{assets.SansRegular},
		Title:    [][]byte{assets.SerifBold},
		Heading1: [][]byte{assets.SansBold},
		Heading2: [][]byte{assets.SerifBold},
		Table:    [][]byte{assets.SerifRegular},
	}
}

// EmbeddedSource names the embedded fonts in messages.
const EmbeddedSource = "the embedded Noto Serif SC and Noto Sans SC"

// NewFonts returns the fonts of a document in the official or compact
// layout, with a role for each of the Role constants. A role without files
// takes another's, as FontFiles says; a character that a role's files lack
// is drawn by the first of the other roles' files that has it, in the
// order regular, sans, bold, title, heading1, heading2, table (bold tries
// sans first), so that any character one of the fonts has is drawn in
// every role. source names where the fonts came from, for messages.
func NewFonts(f FontFiles, source string) typeset.Fonts {
	or := func(fs ...[][]byte) [][]byte {
		for _, x := range fs {
			if len(x) > 0 {
				return x
			}
		}
		return nil
	}
	// Every role falls back on every other, so that a character any
	// font has (what a check asks, Typesetter.Has) is drawn in any role.
	order := []typeset.Role{RoleBody, RoleSans, RoleBold, RoleTitle, RoleHeading1, RoleHeading2, RoleTable}
	others := func(self typeset.Role) []typeset.Role {
		var out []typeset.Role
		for _, r := range order {
			if r != self {
				out = append(out, r)
			}
		}
		return out
	}
	return typeset.NewFonts(source,
		typeset.FontRole{Name: "regular", Family: "Body", Files: f.Regular, Fallback: others(RoleBody)},
		typeset.FontRole{Name: "bold", Family: "Bold", Files: or(f.Bold, f.Regular), Fallback: []typeset.Role{RoleSans, RoleBody, RoleTitle, RoleHeading1, RoleHeading2, RoleTable}},
		typeset.FontRole{Name: "sans", Family: "Sans", Files: or(f.Sans, f.Regular), Fallback: others(RoleSans)},
		typeset.FontRole{Name: "title", Family: "Title", Files: or(f.Title, f.Bold, f.Regular), Fallback: others(RoleTitle)},
		typeset.FontRole{Name: "heading1", Family: "Heading1", Files: or(f.Heading1, f.Bold, f.Regular), Fallback: others(RoleHeading1)},
		typeset.FontRole{Name: "heading2", Family: "Heading2", Files: or(f.Heading2, f.Regular), Fallback: others(RoleHeading2)},
		typeset.FontRole{Name: "table", Family: "Table", Files: or(f.Table, f.Regular), Fallback: others(RoleTable)},
	)
}
