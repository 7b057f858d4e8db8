package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"
)

// role is what a face is used for. Every piece of text is set in one role;
// a character the role's face lacks falls back to another face that has it
// (see faceSet.pick).
type role int

const (
	roleRegular role = iota // body text: Fonts.Regular
	roleBold                // headings and emphasis: Fonts.Bold
	roleSans                // tables and small text: Fonts.Sans, or Regular
	numRoles
)

// family names the face of a role inside the PDF.
var family = [numRoles]string{"Body", "Bold", "Sans"}

// fallback lists, for each role, the faces tried in turn for a character.
var fallback = [numRoles][numRoles]role{
	roleRegular: {roleRegular, roleSans, roleBold},
	roleBold:    {roleBold, roleSans, roleRegular},
	roleSans:    {roleSans, roleRegular, roleBold},
}

// NewFonts returns the fonts with a cache of their parsed faces that every
// copy of the returned value shares: CheckText and Write then read each
// font once, however often they are called. A Fonts written as a literal
// works too, but reads its fonts again on every call.
func NewFonts(regular, bold, sans []byte, source string) Fonts {
	return Fonts{Regular: regular, Bold: bold, Sans: sans, Source: source, cache: &faceCache{}}
}

// faceCache holds the parsed faces of one Fonts value.
type faceCache struct {
	cover     sync.Once
	container sync.Once
	set       faceSet
	coverErr  error
	contErr   error
}

// faces returns the faces of f, from its cache when it has one. The
// character maps are read first and cheaply; full is true when the faces
// must also be ready for gopdf, which parses the whole font.
func (f Fonts) faces(full bool) (*faceSet, error) {
	c := f.cache
	if c == nil {
		c = &faceCache{}
	}
	c.cover.Do(func() { c.coverErr = c.set.readCoverage(f.data()) })
	if c.coverErr != nil || !full {
		return &c.set, c.coverErr
	}
	c.container.Do(func() { c.contErr = c.set.parse(f.data()) })
	return &c.set, c.contErr
}

// data returns the font file of each role.
func (f Fonts) data() [numRoles][]byte {
	data := [numRoles][]byte{f.Regular, f.Bold, f.Sans}
	if data[roleBold] == nil {
		data[roleBold] = data[roleRegular]
	}
	if data[roleSans] == nil {
		data[roleSans] = data[roleRegular]
	}
	return data
}

// faceSet is the parsed fonts of a briefing: which characters each face
// can draw, and the faces ready to be added to a gopdf document. It is
// read-only once built, and safe for concurrent use.
type faceSet struct {
	cover     [numRoles]*coverage
	container gopdf.FontContainer
}

// FontError is a font file that cannot be used.
type FontError struct {
	Role string // "regular", "bold" or "sans"
	Err  error
}

func (e *FontError) Error() string { return fmt.Sprintf("%s font: %v", e.Role, e.Err) }

func (e *FontError) Unwrap() error { return e.Err }

var roleNames = [numRoles]string{"regular", "bold", "sans"}

// readCoverage reads the character maps. Files given twice (the bold face
// is often the regular one) are read once.
func (fs *faceSet) readCoverage(data [numRoles][]byte) error {
	for r := range numRoles {
		if len(data[r]) == 0 {
			return &FontError{roleNames[r], errors.New("no font data")}
		}
		for prev := range r {
			if sameBytes(data[prev], data[r]) {
				fs.cover[r] = fs.cover[prev]
			}
		}
		if fs.cover[r] == nil {
			c, err := readCoverage(data[r])
			if err != nil {
				return &FontError{roleNames[r], err}
			}
			fs.cover[r] = c
		}
	}
	return nil
}

// parse parses the fonts for gopdf.
func (fs *faceSet) parse(data [numRoles][]byte) error {
	for r := range numRoles {
		if err := fs.container.AddTTFFontData(family[r], data[r]); err != nil {
			return &FontError{roleNames[r], fmt.Errorf("cannot read the TrueType file: %v", err)}
		}
	}
	return nil
}

func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// has reports whether any face can draw r.
func (fs *faceSet) has(r rune) bool {
	for _, c := range fs.cover {
		if c.has(r) {
			return true
		}
	}
	return false
}

// pick returns the face that draws r in role ro: the role's own face, or
// the first fallback that has it. ok is false when no face has it.
func (fs *faceSet) pick(ro role, r rune) (role, bool) {
	for _, f := range fallback[ro] {
		if fs.cover[f].has(r) {
			return f, true
		}
	}
	return ro, false
}

// ignorable reports whether r is never drawn: control characters, format
// characters such as the zero-width space or a byte-order mark, soft hyphens
// and variation selectors. They take no room, so leaving them out loses
// nothing a reader would see.
func ignorable(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xad ||
		unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// coverage is the set of characters a TrueType font maps to a glyph, read
// the way gopdf reads it: characters of the Basic Multilingual Plane from
// the Windows Unicode BMP subtable (3,1), format 4; others from the full
// Unicode subtable (3,10), format 12.
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

var errShort = errors.New("the file is cut short or is not a font")

// readCoverage reads the cmap table of a TrueType font.
func readCoverage(data []byte) (*coverage, error) {
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
	cmap, ok := sfntTable(data, "cmap")
	if !ok || len(cmap) < 4 {
		return nil, errors.New("the font has no character map (cmap table)")
	}
	var bmp, full []byte
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
			bmp = cmap[off:]
		case platform == 3 && encoding == 10 && full == nil:
			full = cmap[off:]
		}
	}
	if bmp == nil || len(bmp) < 2 || u16(bmp, 0) != 4 {
		return nil, errors.New("the font has no Unicode character map of format 4 (Windows, Unicode BMP), which the PDF writer needs")
	}
	c := &coverage{}
	if err := c.readFormat4(bmp); err != nil {
		return nil, err
	}
	if len(full) >= 2 && u16(full, 0) == 12 {
		if err := c.readFormat12(full); err != nil {
			return nil, err
		}
	}
	return c, nil
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
