package load

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
)

// Bidirectional controls are the characters of the Unicode property
// Bidi_Control: the embeddings, overrides and isolates (U+202A to U+202E,
// U+2066 to U+2069), which make a browser show the text around them in
// another order than it is written, and the marks U+200E, U+200F and
// U+061C. The marks are taken too: a right-to-left mark in Chinese or
// English text is enough to show "1 2" as "2 1", and the briefing drops
// every one of these characters, so the site would differ from it. Neither
// language of a campaign needs them. The loader warns at each one and
// leaves it out of the text it hands on, so that the site and the
// briefing show the same text.

// isBidi reports whether r is a bidirectional control.
func isBidi(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }

// bidiAt returns the length of the bidirectional control that starts at
// s[i], or 0. It looks at bytes only: the loader calls it on every file.
func bidiAt[T string | []byte](s T, i int) int {
	switch {
	case i+1 < len(s) && s[i] == 0xD8 && s[i+1] == 0x9C: // U+061C
		return 2
	case i+2 >= len(s) || s[i] != 0xE2:
		return 0
	case s[i+1] == 0x80 && (s[i+2] == 0x8E || s[i+2] == 0x8F || s[i+2] >= 0xAA && s[i+2] <= 0xAE), // U+200E, U+200F, U+202A–U+202E
		s[i+1] == 0x81 && s[i+2] >= 0xA6 && s[i+2] <= 0xA9: // U+2066–U+2069
		return 3
	}
	return 0
}

// hasBidi reports whether s holds a bidirectional control. It jumps from
// one byte that can start one (0xE2, 0xD8) to the next: in Chinese text
// they are rare, and most files hold none.
func hasBidi[T string | []byte](s T) bool {
	for _, lead := range [...]byte{0xE2, 0xD8} {
		for i := 0; i < len(s); i++ {
			j := indexByte(s[i:], lead)
			if j < 0 {
				break
			}
			i += j
			if bidiAt(s, i) > 0 {
				return true
			}
		}
	}
	return false
}

// indexByte is strings.IndexByte or bytes.IndexByte.
func indexByte[T string | []byte](s T, c byte) int {
	if b, ok := any(s).([]byte); ok {
		return bytes.IndexByte(b, c)
	}
	return strings.IndexByte(string(s), c)
}

// stripBidi returns s without its bidirectional controls.
func stripBidi(s string) string {
	if !hasBidi(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidi(r) {
			return -1
		}
		return r
	}, s)
}

// warnBidi warns at every bidirectional control written in data, the text
// of file.
func warnBidi(file string, data []byte, diags *diag.List) {
	if !hasBidi(data) {
		return
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case isBidi(r):
			diags.Warnf(model.Pos{File: file, Line: line, Col: col}, "%s", bidiMessage(r, false))
		case r == '\n':
			line, col = line+1, 0
		}
		i += size
		col++
	}
}

// bidiMessage is the warning about r, written as such or as an escape.
func bidiMessage(r rune, escaped bool) string {
	what := "invisible character"
	if escaped {
		what = "escape of the invisible character"
	}
	return fmt.Sprintf("%s %U (%s) here: a bidirectional control, which makes a browser show the text around it in another order than it is written; ducha leaves it out of the site and the briefing: delete it",
		what, r, bidiNames[r])
}

var bidiNames = map[rune]string{
	0x061C: "ARABIC LETTER MARK",
	0x200E: "LEFT-TO-RIGHT MARK",
	0x200F: "RIGHT-TO-LEFT MARK",
	0x202A: "LEFT-TO-RIGHT EMBEDDING",
	0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE",
	0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
}
