// Package fontsubset reads TrueType fonts as far as a PDF writer needs to
// measure text and embed the fonts, and subsets a font to the glyphs a
// document draws. It depends on the standard library alone.
//
// # Reading
//
// Parse reads a font's character maps and horizontal metrics, the way
// github.com/signintech/gopdf reads them, so that text measured here is
// as wide as gopdf draws it: characters of the Basic Multilingual Plane are
// looked up in the Windows Unicode BMP subtable (platform 3, encoding 1),
// which must be of format 4; others in the full Unicode subtable (3, 10),
// when it is of format 12. Advance widths are in whole thousandths of an
// em, rounded down, as gopdf writes them. Only fonts with TrueType
// outlines in a single file can be read: not OpenType fonts with
// PostScript (CFF) outlines, nor font collections (.ttc).
//
// # Subsetting
//
// gopdf subsets a font by leaving out the outlines a document does not
// use, but keeps the font's glyph numbers: the font it embeds still has a
// location and a metric for every glyph of the original, about 250 KB for
// a CJK font of 30,000 glyphs, and gopdf deflates it at zlib's default
// level, which cannot be chosen.
//
// Font.Subset builds a TrueType font of only the glyphs some characters
// need, numbered afresh: .notdef, the characters' glyphs in the order of
// the characters, then the components of composite glyphs (accented Latin
// letters often are), whose numbers are rewritten in the glyphs that use
// them. What is drawn does not change: the outlines and their
// instructions, the hinting tables (cvt, fpgm, prep), every glyph's
// advance width and left side bearing, and the values of head, hhea, OS/2,
// post and name that gopdf writes into the font descriptor are copied as
// they are. Handed the small font, gopdf's own subsetting and deflating
// then work on a few thousand glyphs at most.
//
// The font written has the tables cmap (format 4 for the characters of the
// Basic Multilingual Plane, and format 12 as well when a character lies
// beyond it), glyf, loca (long offsets), hmtx (a full metric per glyph),
// hhea, maxp, head, name, OS/2, post (version 3, without glyph names), and
// cvt, fpgm and prep when the font has them. Tables that number glyphs and
// that gopdf neither reads nor embeds (GSUB, GPOS, kern, hdmx, vmtx and
// others) are left out. Subset returns an error for a font it cannot
// subset; the caller then embeds the font in full.
package fontsubset

import (
	"encoding/binary"
	"errors"
	"slices"
	"sort"
)

// Font is a TrueType font file, read as far as measuring characters the
// way gopdf does and subsetting the font need: the character maps gopdf
// reads, and the horizontal metrics. It is read-only once parsed, and safe
// for concurrent use.
type Font struct {
	data       []byte
	bmp        []byte // the (3,1) cmap subtable, of format 4
	full       []byte // the (3,10) cmap subtable if it is of format 12, else nil
	sorted     bool   // bmp's segments are in order: look up by binary search
	unitsPerEm uint
	numGlyphs  int
	hmtx       []byte
	numMetrics int // hhea.numberOfHMetrics: glyphs from here on have the last advance
	cover      coverage
}

var errShort = errors.New("the file is cut short or is not a font")

// Parse reads the character maps and horizontal metrics of the TrueType
// font data. The errors say, in a sentence a user can act on, why a file
// cannot be used: it is an OpenType font with PostScript outlines, a
// collection, not a font, or lacks a table. The font keeps data, which the
// caller must not change.
func Parse(data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, errShort
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, errors.New("the font has PostScript (CFF) outlines, which cannot be embedded; use a font with TrueType outlines (.ttf)")
	case "ttcf":
		return nil, errors.New("the file is a font collection (.ttc); use a single TrueType font file (.ttf)")
	default:
		return nil, errors.New("not a TrueType font file (.ttf)")
	}
	f := &Font{data: data}
	cmap, ok := sfntTable(data, "cmap")
	if !ok || len(cmap) < 4 {
		return nil, errors.New("the font has no character map (cmap table)")
	}
	n := int(u16(cmap, 2))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, errShort
		}
		platform, encoding, off := u16(cmap, rec), u16(cmap, rec+2), int(u32(cmap, rec+4))
		if off >= len(cmap) {
			return nil, errShort
		}
		switch {
		case platform == 3 && encoding == 1:
			f.bmp = cmap[off:]
		case platform == 3 && encoding == 10 && f.full == nil:
			f.full = cmap[off:]
		}
	}
	if len(f.bmp) < 2 || u16(f.bmp, 0) != 4 {
		return nil, errors.New("the font has no Unicode character map of format 4 (Windows, Unicode BMP), which the PDF writer needs")
	}
	if len(f.full) < 2 || u16(f.full, 0) != 12 {
		f.full = nil
	}
	if err := f.cover.readFormat4(f.bmp); err != nil {
		return nil, err
	}
	if f.full != nil {
		if err := f.cover.readFormat12(f.full); err != nil {
			return nil, err
		}
	}
	if err := f.readMetrics(); err != nil {
		return nil, err
	}
	return f, nil
}

// Has reports whether the font maps r to a glyph, as gopdf looks it up.
func (f *Font) Has(r rune) bool { return f.cover.has(r) }

// Advance returns the advance width of r's glyph in thousandths of an em:
// of glyph 0 (.notdef) for a character the font lacks. gopdf measures and
// writes widths in whole thousandths, rounded down; so does this, so that
// lines are broken to what gopdf draws.
func (f *Font) Advance(r rune) int { return int(f.width1000(r)) }

// readMetrics reads the tables that give widths.
func (f *Font) readMetrics() error {
	head, _ := sfntTable(f.data, "head")
	hhea, _ := sfntTable(f.data, "hhea")
	maxp, _ := sfntTable(f.data, "maxp")
	hmtx, _ := sfntTable(f.data, "hmtx")
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return errors.New("the font lacks its head, hhea or maxp table")
	}
	f.unitsPerEm, f.numGlyphs, f.numMetrics = uint(u16(head, 18)), int(u16(maxp, 4)), int(u16(hhea, 34))
	if f.unitsPerEm == 0 || f.numMetrics == 0 || len(hmtx) < 4*f.numMetrics {
		return errors.New("the font has no valid horizontal metrics (hmtx table)")
	}
	f.hmtx = hmtx
	segs := int(u16(f.bmp, 6)) / 2
	f.sorted = true
	for s := 1; s < segs; s++ {
		if u16(f.bmp, 14+2*s) < u16(f.bmp, 12+2*s) {
			f.sorted = false
		}
	}
	return nil
}

// glyph returns the glyph that draws r, 0 if none, looked up as gopdf
// does: characters of the Basic Multilingual Plane in the format 4
// subtable, others in the format 12 one.
func (f *Font) glyph(r rune) int {
	switch {
	case r < 0:
		return 0
	case r <= 0xffff:
		return f.glyph4(int(r))
	}
	return f.glyph12(r)
}

// glyph4 looks ch up in the first segment of the format 4 subtable that
// ends at or after it.
func (f *Font) glyph4(ch int) int {
	t := f.bmp
	segs := int(u16(t, 6)) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	s := 0
	if f.sorted {
		s = sort.Search(segs, func(i int) bool { return int(u16(t, ends+2*i)) >= ch })
	} else {
		for s < segs && int(u16(t, ends+2*s)) < ch {
			s++
		}
	}
	if s == segs {
		return 0
	}
	start := int(u16(t, starts+2*s))
	if ch < start {
		return 0
	}
	delta, ro := int(u16(t, deltas+2*s)), int(u16(t, ranges+2*s))
	if ro == 0 {
		return (ch + delta) & 0xffff
	}
	g := int(u16(t, ranges+2*s+ro+2*(ch-start)))
	if g == 0 {
		return 0
	}
	return (g + delta) & 0xffff
}

// glyph12 looks r up in the first group of the format 12 subtable that
// holds it.
func (f *Font) glyph12(r rune) int {
	t := f.full
	n := int(u32(t, 12))
	for i := 0; i < n && 16+12*i+12 <= len(t); i++ {
		g := 16 + 12*i
		start, end := u32(t, g), u32(t, g+4)
		if start <= uint32(r) && uint32(r) <= end {
			return int(u32(t, g+8) + uint32(r) - start)
		}
	}
	return 0
}

// advance returns the advance width of glyph g, in font units.
func (f *Font) advance(g int) uint {
	g = min(g, f.numMetrics-1)
	return uint(u16(f.hmtx, 4*g))
}

// width1000 returns the advance of r in thousandths of an em, rounded
// down.
func (f *Font) width1000(r rune) uint {
	return f.advance(f.glyph(r)) * 1000 / f.unitsPerEm
}

// sfntTable returns the bytes of the table with the given tag.
func sfntTable(data []byte, tag string) ([]byte, bool) {
	n := int(u16(data, 4))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, false
		}
		if string(data[rec:rec+4]) == tag {
			off, length := int(u32(data, rec+8)), int(u32(data, rec+12))
			if off < 0 || length < 0 || off+length > len(data) {
				return nil, false
			}
			return data[off : off+length], true
		}
	}
	return nil, false
}

// coverage is the set of characters a TrueType font maps to a glyph, read
// the way gopdf reads it: characters of the Basic Multilingual Plane from
// the Windows Unicode BMP subtable (3,1), format 4; others from the full
// Unicode subtable (3,10), format 12 (see Font.glyph).
type coverage struct {
	bmp    [0x10000 / 64]uint64
	astral [][2]rune // sorted, inclusive ranges
}

func (c *coverage) has(r rune) bool {
	if r < 0 {
		return false
	}
	if r < 0x10000 {
		return c.bmp[r/64]&(1<<(r%64)) != 0
	}
	i, found := slices.BinarySearchFunc(c.astral, r, func(g [2]rune, r rune) int {
		switch {
		case g[1] < r:
			return -1
		case g[0] > r:
			return 1
		}
		return 0
	})
	_ = i
	return found
}

func (c *coverage) readFormat4(t []byte) error {
	if len(t) < 14 {
		return errShort
	}
	segs := int(u16(t, 6)) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if ranges+2*segs > len(t) {
		return errShort
	}
	for s := range segs {
		start, end := int(u16(t, starts+2*s)), int(u16(t, ends+2*s))
		delta, ro := int(u16(t, deltas+2*s)), int(u16(t, ranges+2*s))
		for ch := start; ch <= end && ch < 0xffff; ch++ {
			var gid int
			if ro == 0 {
				gid = (ch + delta) & 0xffff
			} else {
				at := ranges + 2*s + ro + 2*(ch-start)
				if at+2 > len(t) {
					break
				}
				if gid = int(u16(t, at)); gid != 0 {
					gid = (gid + delta) & 0xffff
				}
			}
			if gid != 0 {
				c.bmp[ch/64] |= 1 << (ch % 64)
			}
		}
	}
	return nil
}

func (c *coverage) readFormat12(t []byte) error {
	if len(t) < 16 {
		return errShort
	}
	n := int(u32(t, 12))
	if n < 0 || 16+12*n > len(t) {
		return errShort
	}
	for i := range n {
		g := 16 + 12*i
		start, end, gid := rune(u32(t, g)), rune(u32(t, g+4)), u32(t, g+8)
		if gid == 0 {
			start++
		}
		if start < 0x10000 {
			start = 0x10000 // gopdf looks characters of the BMP up in format 4
		}
		if start <= end {
			c.astral = append(c.astral, [2]rune{start, end})
		}
	}
	slices.SortFunc(c.astral, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	return nil
}

func u16(b []byte, i int) uint16 {
	if i+2 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint16(b[i:])
}

func u32(b []byte, i int) uint32 {
	if i+4 > len(b) {
		return 0
	}
	return binary.BigEndian.Uint32(b[i:])
}
