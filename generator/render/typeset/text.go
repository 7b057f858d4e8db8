package typeset

import (
	"unicode"

	"github.com/yuin/goldmark/util"
)

// This file holds text and breaks it into lines. gopdf's own MultiCell
// drops what does not fit and breaks English inside words, so the
// typesetter never uses it: a paragraph is a run of characters, each with a
// style and a measured width, broken into lines here and drawn line by
// line. The rules are in the package doc.

// Color is an sRGB colour: red, green and blue, from 0 to 255.
type Color [3]uint8

// Style is how a run of text is drawn.
type Style struct {
	Role      Role    // of the fonts the text is set in (Fonts.Roles)
	Size      float64 // points
	Color     Color   // of the text, and of its underline and strike-through
	Underline bool    // underlined (links)
	Strike    bool    // struck through
	URL       string  // the link target of the text: a web or mail address
	Anchor    string  // the internal link target of the text (Page.Anchor)
}

// Text is a paragraph being built: its characters, each with a style. The
// zero Text is empty and ready to use.
type Text struct {
	runes  []rune
	styles []Style
	sty    []uint16 // index into styles, per rune
}

// NewText returns a text of s in style st.
func NewText(s string, st Style) *Text {
	t := &Text{}
	t.Add(s, st)
	return t
}

// Add appends s in style st. Tabs and line breaks become spaces;
// characters that are never drawn (Ignorable) are left out.
func (t *Text) Add(s string, st Style) {
	idx := -1
	for i := len(t.styles) - 1; i >= 0 && i >= len(t.styles)-4; i-- {
		if t.styles[i] == st {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.styles = append(t.styles, st)
		idx = len(t.styles) - 1
	}
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			r = ' '
		case Ignorable(r):
			continue
		}
		t.runes = append(t.runes, r)
		t.sty = append(t.sty, uint16(idx))
	}
}

// softBreak appends a Markdown soft line break: a space, except between
// two East Asian wide characters, as goldmark's CJK extension renders it.
// resolveSoftBreaks decides once the next character is known.
func (t *Text) softBreak() {
	if len(t.runes) == 0 {
		return
	}
	t.runes = append(t.runes, '\n')
	t.sty = append(t.sty, t.sty[len(t.sty)-1])
}

// HardBreak appends a forced line break.
func (t *Text) HardBreak() {
	if len(t.runes) == 0 {
		return
	}
	t.runes = append(t.runes, lineSep)
	t.sty = append(t.sty, t.sty[len(t.sty)-1])
}

// resolveSoftBreaks turns the soft breaks into spaces or nothing.
func (t *Text) resolveSoftBreaks() {
	k := 0
	for i, r := range t.runes {
		if r == '\n' {
			if i == 0 || i == len(t.runes)-1 || util.IsEastAsianWideRune(t.runes[i-1]) && util.IsEastAsianWideRune(t.runes[i+1]) {
				continue
			}
			r = ' '
		}
		t.runes[k], t.sty[k] = r, t.sty[i]
		k++
	}
	t.runes, t.sty = t.runes[:k], t.sty[:k]
}

// Empty reports whether t has nothing to draw but spaces.
func (t *Text) Empty() bool {
	for _, r := range t.runes {
		if r != ' ' {
			return false
		}
	}
	return true
}

// String returns the characters of t.
func (t *Text) String() string { return string(t.runes) }

// lineSep forces a line break (a Markdown hard line break).
const lineSep = '\u2028'

// isSpace reports whether r is a breakable space.
func isSpace(r rune) bool { return r == ' ' }

// isCJK reports whether r is a character of Chinese, Japanese or Korean
// text, between which lines may break: ideographs, kana, hangul,
// full-width forms and CJK punctuation.
func isCJK(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0x2e80 && r <= 0x9fff, // radicals, punctuation, kana, ideographs
		r >= 0xac00 && r <= 0xd7af,   // hangul
		r >= 0xf900 && r <= 0xfaff,   // compatibility ideographs
		r >= 0xfe30 && r <= 0xfe4f,   // CJK compatibility forms
		r >= 0xff00 && r <= 0xffef,   // full-width forms
		r >= 0x20000 && r <= 0x3ffff, // supplementary ideographs
		r >= 0x1100 && r <= 0x11ff:   // hangul jamo
		return true
	case r == 0x2014 || r == 0x2026 || r == 0x201c || r == 0x201d || r == 0x2018 || r == 0x2019 || r == 0x00b7:
		// dashes, ellipses and curly quotes count as CJK in CJK text.
		return true
	}
	return false
}

// closing holds the characters a line must not start with.
const closing = "，。、；：？！）」』》〉】〕〗〙〛〞〟”’…‥·・～％‰℃°′″" +
	"ーゝゞヽヾ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" +
	"﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞）］｝｠｣､" + ",.;:?!)]}%"

// opening holds the characters a line must not end with.
const opening = "（「『《〈【〔〖〘〚〝“‘﹙﹛﹝（［｛｟｢" + "([{"

// The sets of closing and opening characters, looked up for every pair of
// characters a paragraph may break between.
var closingSet, openingSet = newBMPSet(closing), newBMPSet(opening)

func isClosing(r rune) bool { return closingSet.has(r) }
func isOpening(r rune) bool { return openingSet.has(r) }

// bmpSet is a set of characters of the Basic Multilingual Plane.
type bmpSet [0x10000 / 64]uint64

func newBMPSet(chars string) *bmpSet {
	s := new(bmpSet)
	for _, r := range chars {
		s[r/64] |= 1 << (r % 64)
	}
	return s
}

func (s *bmpSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r/64]&(1<<(r%64)) != 0
}

// isMark reports whether r is a nonspacing mark, which stays with the
// character before it. Ideographs, the common case, are not.
func isMark(r rune) bool {
	return r >= 0x300 && (r < 0x4e00 || r > 0x9fff) && unicode.Is(unicode.Mn, r)
}

// canBreak reports whether a line may break between a and b, two
// characters that are not spaces.
func canBreak(a, b rune) bool {
	if a == '\u00a0' || b == '\u00a0' {
		return false // a no-break space
	}
	if !isCJK(a) && !isCJK(b) {
		return false // inside a Latin word
	}
	if isClosing(b) || isOpening(a) || isMark(b) {
		return false
	}
	if a == b && (a == 0x2014 || a == 0x2026) {
		return false // —— and …… stay whole
	}
	if a < 0x80 && (unicode.IsDigit(a) || unicode.IsLetter(a) || a == '%') && isCJK(b) {
		return false // a number stays with its measure word: 12个, 2016年
	}
	return true
}

// line is one line of a broken paragraph: the characters [start, end),
// without the spaces at either end.
type line struct {
	start, end int
	width      float64 // natural width, points
	last       bool    // the paragraph's last line: not justified
}

// measurer gives the advance width of a character in a style.
type measurer interface {
	advance(st *Style, r rune) float64
}

// breakLines breaks t into lines no wider than width, except that the first
// line is narrower by indent. A word longer than a line breaks between
// characters.
func breakLines(t *Text, m measurer, width, indent float64) []line {
	n := len(t.runes)
	w := make([]float64, n)
	for i, r := range t.runes {
		w[i] = m.advance(&t.styles[t.sty[i]], r)
	}
	var lines []line
	i := skipSpaces(t.runes, 0)
	for i < n {
		max := width
		if len(lines) == 0 {
			max -= indent
		}
		end, lw := fit(t.runes, w, i, max)
		lines = append(lines, line{start: i, end: end, width: lw})
		if end < n && t.runes[end] == lineSep {
			end++
		}
		i = skipSpaces(t.runes, end)
	}
	if n := len(lines); n >= 2 {
		lines = avoidLoneChar(t.runes, w, lines, width, indent)
	}
	if len(lines) > 0 {
		lines[len(lines)-1].last = true
	}
	return lines
}

// avoidLoneChar moves a character down from the line before when the last
// line would hold a single CJK character (with its punctuation): Chinese
// typesetting avoids such a line. Lines that a forced break ends are left
// alone.
func avoidLoneChar(runes []rune, w []float64, lines []line, width, indent float64) []line {
	n := len(lines)
	last, prev := lines[n-1], lines[n-2]
	end := last.trimEnd(runes)
	chars := 0 // characters that are not punctuation
	for _, r := range runes[last.start:end] {
		if !isCJK(r) && !isClosing(r) {
			return lines
		}
		if !isClosing(r) {
			chars++
		}
	}
	if chars != 1 || prev.end != last.start || prev.trimEnd(runes)-prev.start < 3 {
		return lines
	}
	max := width
	if n == 2 {
		max -= indent
	}
	pend, pw := fit(runes, w, prev.start, prev.width-1e-3)
	if pend <= prev.start+1 || pend >= prev.end || max < pw {
		return lines
	}
	rest := trimmedWidth(runes, w, skipSpaces(runes, pend), end)
	if rest > width {
		return lines
	}
	lines[n-2] = line{start: prev.start, end: pend, width: pw}
	lines[n-1] = line{start: skipSpaces(runes, pend), end: last.end, width: rest}
	return lines
}

// fit returns the end of the line that starts at i and is at most max
// wide, and its width without trailing spaces.
func fit(runes []rune, w []float64, i int, max float64) (end int, width float64) {
	x, ink := 0.0, 0.0 // ink: the width up to the last character that is not a space
	lastBreak, widthAtBreak := -1, 0.0
	for j := i; j < len(runes); j++ {
		r := runes[j]
		if r == lineSep {
			return j, ink
		}
		if isSpace(r) {
			x += w[j]
			continue
		}
		if j > i {
			if prev := runes[j-1]; isSpace(prev) || canBreak(prev, r) {
				lastBreak, widthAtBreak = j, ink
			}
		}
		if x+w[j] > max+1e-6 && j > i {
			if lastBreak > i {
				return lastBreak, widthAtBreak
			}
			return j, ink // a word longer than the line
		}
		x += w[j]
		ink = x
	}
	return len(runes), ink
}

func skipSpaces(runes []rune, i int) int {
	for i < len(runes) && isSpace(runes[i]) {
		i++
	}
	return i
}

// trimEnd returns the end of line l without trailing spaces.
func (l line) trimEnd(runes []rune) int {
	e := l.end
	for e > l.start && isSpace(runes[e-1]) {
		e--
	}
	return e
}

// hasCJK reports whether runes holds a CJK character.
func hasCJK(runes []rune) bool {
	for _, r := range runes {
		if isCJK(r) {
			return true
		}
	}
	return false
}

// trimmedWidth is the width of runes[i:j] without trailing spaces.
func trimmedWidth(runes []rune, w []float64, i, j int) float64 {
	for j > i && isSpace(runes[j-1]) {
		j--
	}
	s := 0.0
	for k := i; k < j; k++ {
		s += w[k]
	}
	return s
}
