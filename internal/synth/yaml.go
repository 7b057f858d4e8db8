package synth

import (
	"bufio"
	"strconv"
	"strings"
	"unicode/utf8"
)

// yamlWriter writes YAML to a buffered writer. Its methods do not return
// errors: bufio.Writer keeps the first one, and the caller sees it on Flush.
type yamlWriter struct {
	*bufio.Writer
	num []byte // scratch space for numbers
}

// line writes indent spaces, s and a newline.
func (w *yamlWriter) line(indent int, s string) {
	w.spaces(indent)
	w.WriteString(s)
	w.WriteByte('\n')
}

func (w *yamlWriter) spaces(n int) {
	for range n {
		w.WriteByte(' ')
	}
}

// int writes a decimal integer.
func (w *yamlWriter) int(i int) {
	w.num = strconv.AppendInt(w.num[:0], int64(i), 10)
	w.Write(w.num)
}

// tenths writes x/10 with at most one decimal: 865 is 86.5, 870 is 87.
func (w *yamlWriter) tenths(x int) {
	w.int(x / 10)
	if f := x % 10; f != 0 {
		w.WriteByte('.')
		w.WriteByte(byte('0' + f))
	}
}

// text writes t as one scalar when both languages agree, else as the flow
// mapping {zh: "…", en: "…"}. Neither may hold a line break worth keeping
// as a block: use block for Markdown.
func (w *yamlWriter) text(t text) {
	if t.zh == t.en {
		w.quoted(t.zh)
		return
	}
	w.WriteString(`{zh: `)
	w.quoted(t.zh)
	w.WriteString(`, en: `)
	w.quoted(t.en)
	w.WriteByte('}')
}

// keyText writes "key: text" at indent, and a newline.
func (w *yamlWriter) keyText(indent int, key string, t text) {
	w.spaces(indent)
	w.WriteString(key)
	w.WriteString(": ")
	w.text(t)
	w.WriteByte('\n')
}

// markdown writes "key: text" for a Markdown text: on one line when
// neither language spans lines, else as a block.
func (w *yamlWriter) markdown(indent int, key string, t text) {
	if !strings.Contains(t.zh, "\n") && !strings.Contains(t.en, "\n") {
		w.keyText(indent, key, t)
		return
	}
	w.block(indent, key, t)
}

// block writes "key:" at indent and then t, a Markdown text, as a mapping
// of zh and en whose values are literal blocks where they can be.
func (w *yamlWriter) block(indent int, key string, t text) {
	w.spaces(indent)
	w.WriteString(key)
	w.WriteString(":\n")
	w.scalarKey(indent+2, "zh", t.zh)
	w.scalarKey(indent+2, "en", t.en)
}

// scalarKey writes "key: s" with s as a literal block when it spans lines
// and a block can hold it exactly, else double-quoted.
func (w *yamlWriter) scalarKey(indent int, key, s string) {
	w.spaces(indent)
	w.WriteString(key)
	w.WriteString(":")
	if !blockable(s) {
		w.WriteByte(' ')
		w.quoted(s)
		w.WriteByte('\n')
		return
	}
	w.WriteString(" |")
	switch trailing := len(s) - len(strings.TrimRight(s, "\n")); trailing {
	case 0:
		w.WriteByte('-')
	case 1:
	default:
		w.WriteByte('+')
	}
	w.WriteByte('\n')
	for l := range strings.Lines(s) {
		if l != "\n" {
			w.spaces(indent + 2)
		}
		w.WriteString(l)
	}
	if !strings.HasSuffix(s, "\n") {
		w.WriteByte('\n')
	}
}

// blockable reports whether s can be written as a literal block scalar
// (|) and read back unchanged: it spans lines, is valid UTF-8, holds only
// printable characters besides the line feeds, no tab, no carriage return,
// no line of spaces only, and its first line with text does not start
// with a space (which would need an indentation indicator).
func blockable(s string) bool {
	if !strings.Contains(strings.TrimRight(s, "\n"), "\n") || !utf8.ValidString(s) {
		return false
	}
	first := true
	for l := range strings.Lines(s) {
		body := strings.TrimSuffix(l, "\n")
		if body == "" {
			continue
		}
		if strings.TrimLeft(body, " ") == "" || first && body[0] == ' ' {
			return false
		}
		first = false
		for _, r := range body {
			if !plain(r) && (r == '\t' || escape(r) != "") {
				return false
			}
		}
	}
	return true
}

// quoted writes s as a YAML double-quoted scalar. Every string survives:
// quotes, backslashes, line breaks and characters YAML does not allow in a
// file are escaped. Invalid UTF-8 is written as U+FFFD.
func (w *yamlWriter) quoted(s string) {
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if plain(r) {
			i += size
			continue
		}
		esc := escape(r)
		if r == utf8.RuneError && size == 1 {
			esc = `\uFFFD`
		}
		if esc != "" {
			w.WriteString(s[start:i])
			w.WriteString(esc)
			start = i + size
		}
		i += size
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// plain reports whether r is written as it is in a double-quoted scalar:
// a quick test for the common characters, which escape then need not see.
func plain(r rune) bool {
	return r >= 0x20 && r < 0x7F && r != '"' && r != '\\' || r >= 0xA0 && r < 0x2028
}

// escape returns the escape of r inside a double-quoted scalar, or "" when
// r is written as it is. YAML allows tab, line feed, carriage return, the
// printable ASCII range and most of Unicode in a file; line breaks, quotes
// and the rest are escaped. NEL, the line and paragraph separators and the
// byte-order mark are escaped too, because YAML 1.1 parsers treat them as
// line breaks or strip them.
func escape(r rune) string {
	switch r {
	case '"':
		return `\"`
	case '\\':
		return `\\`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case 0x85:
		return `\N`
	case 0x2028:
		return `\L`
	case 0x2029:
		return `\P`
	}
	switch {
	case r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0:
		return `\x` + hexDigits(uint32(r), 2)
	case r == 0xFEFF || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r < 0xE000:
		return `\u` + hexDigits(uint32(r), 4)
	}
	return ""
}

func hexDigits(x uint32, width int) string {
	s := strconv.FormatUint(uint64(x), 16)
	return strings.Repeat("0", width-len(s)) + strings.ToUpper(s)
}
