package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"
)

// role is what a face is used for. Every piece of text is set in one role;
// a character the role's faces lack falls back to another role's faces
// (see faceSet.pick).
type role int

const (
	roleRegular role = iota // body text: Fonts.Regular
	roleBold                // headings and emphasis: Fonts.Bold
	roleSans                // tables and small text: Fonts.Sans, or Regular
	numRoles
)

// roleNames name the roles in messages and in pdf.font.
var roleNames = [numRoles]string{"regular", "bold", "sans"}

// familyNames name the faces of a role inside the PDF: the first face of
// the role's list by the name itself, the others numbered from 2.
var familyNames = [numRoles]string{"Body", "Bold", "Sans"}

// fallback lists, for each role, the roles whose faces are tried in turn
// for a character.
var fallback = [numRoles][numRoles]role{
	roleRegular: {roleRegular, roleSans, roleBold},
	roleBold:    {roleBold, roleSans, roleRegular},
	roleSans:    {roleSans, roleRegular, roleBold},
}

// NewFonts returns the fonts with a cache of their parsed faces that every
// copy of the returned value shares: CheckText and Write then read each
// font once, however often they are called. A Fonts written as a literal
// works too, but reads its fonts again on every call.
func NewFonts(regular, bold, sans [][]byte, source string) Fonts {
	return Fonts{Regular: regular, Bold: bold, Sans: sans, Source: source, cache: &faceCache{}}
}

// faceCache holds the faces of one Fonts value.
type faceCache struct {
	once sync.Once
	set  *faceSet
	err  error
}

// faces returns the faces of f, from its cache when it has one. The
// character maps and metrics are read first and cheaply; full is true when
// gopdf must also have parsed the whole fonts (see faceSet.parsed).
func (f Fonts) faces(full bool) (*faceSet, error) {
	c := f.cache
	if c == nil {
		c = &faceCache{}
	}
	c.once.Do(func() { c.set, c.err = readFaces(f.data()) })
	if c.err != nil || !full {
		return c.set, c.err
	}
	_, err := c.set.parsed()
	return c.set, err
}

// data returns the font files of each role, in the order they are tried.
func (f Fonts) data() [numRoles][][]byte {
	data := [numRoles][][]byte{f.Regular, f.Bold, f.Sans}
	if len(data[roleBold]) == 0 {
		data[roleBold] = data[roleRegular]
	}
	if len(data[roleSans]) == 0 {
		data[roleSans] = data[roleRegular]
	}
	return data
}

// faceID numbers a face of a faceSet: an index into faceSet.faces.
type faceID int

// face is one font file of a briefing.
type face struct {
	cover  *coverage
	font   *ttf
	data   []byte
	family string // its name inside the PDF
	// role and index say where the file was first given: the index-th
	// file of the role's list, for messages.
	role  role
	index int
}

// faceSet is the fonts of a briefing: which characters each face can draw,
// their widths, and the font files to subset for the PDF (subset.go). A
// file given for several roles, or twice, is one face. It is read-only
// once built, and safe for concurrent use.
type faceSet struct {
	faces []*face
	// chain lists, for each role, the faces tried in turn for a
	// character: the role's own, in order, then those of the roles it
	// falls back to.
	chain [numRoles][]faceID

	// The fonts parsed in full by gopdf, only when needed: see parsed.
	full      sync.Once
	container gopdf.FontContainer
	fullErr   error
}

// FontError is a font file that cannot be used.
type FontError struct {
	Role  string // "regular", "bold" or "sans"
	Index int    // of the file in the role's list, from 0
	Err   error
}

func (e *FontError) Error() string {
	if e.Index > 0 {
		return fmt.Sprintf("%s font %d: %v", e.Role, e.Index+1, e.Err)
	}
	return fmt.Sprintf("%s font: %v", e.Role, e.Err)
}

func (e *FontError) Unwrap() error { return e.Err }

// readFaces reads the character maps and metrics of the fonts. Files given
// more than once (the bold face is often the regular one) are read once.
func readFaces(data [numRoles][][]byte) (*faceSet, error) {
	fs := &faceSet{}
	var own [numRoles][]faceID
	for r := range numRoles {
		if len(data[r]) == 0 {
			return nil, &FontError{roleNames[r], 0, errors.New("no font data")}
		}
		for i, d := range data[r] {
			id, err := fs.add(d, role(r), i)
			if err != nil {
				return nil, &FontError{roleNames[r], i, err}
			}
			own[r] = append(own[r], id)
		}
	}
	for r := range numRoles {
		for _, fb := range fallback[r] {
			for _, id := range own[fb] {
				if !slices.Contains(fs.chain[r], id) {
					fs.chain[r] = append(fs.chain[r], id)
				}
			}
		}
	}
	return fs, nil
}

// add returns the face of a font file, the i-th of role r's list, reading
// it unless it is a face already.
func (fs *faceSet) add(data []byte, r role, i int) (faceID, error) {
	for id, f := range fs.faces {
		if sameBytes(f.data, data) {
			return faceID(id), nil
		}
	}
	if len(data) == 0 {
		return 0, errors.New("no font data")
	}
	t, c, err := readFont(data)
	if err != nil {
		return 0, err
	}
	fs.faces = append(fs.faces, &face{cover: c, font: t, data: data, family: familyName(r, i), role: r, index: i})
	return faceID(len(fs.faces) - 1), nil
}

// familyName names the i-th face of role r's list inside the PDF.
func familyName(r role, i int) string {
	if i == 0 {
		return familyNames[r]
	}
	return familyNames[r] + strconv.Itoa(i+1)
}

// parsed returns the fonts as gopdf parses them in full, which takes
// tens of milliseconds for a CJK font: CheckText uses it to learn that gopdf
// can read a project's fonts, and emit falls back on it for a font that
// cannot be subset.
func (fs *faceSet) parsed() (*gopdf.FontContainer, error) {
	fs.full.Do(func() {
		for _, f := range fs.faces {
			if err := addFont(&fs.container, f.family, f.data); err != nil {
				fs.fullErr = &FontError{roleNames[f.role], f.index, fmt.Errorf("cannot read the TrueType file: %v", err)}
				return
			}
		}
	})
	return &fs.container, fs.fullErr
}

// addFont has gopdf parse a font into c, turning a panic of gopdf's on a
// malformed file into an error.
func addFont(c *gopdf.FontContainer, family string, data []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	return c.AddTTFFontData(family, data)
}

// sameBytes reports whether a and b hold the same bytes: the same slice,
// or files read twice.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0] || bytes.Equal(a, b))
}

// has reports whether any face can draw r.
func (fs *faceSet) has(r rune) bool {
	for _, f := range fs.faces {
		if f.cover.has(r) {
			return true
		}
	}
	return false
}

// pick returns the face that draws r in role ro: the first of the role's
// chain that has it. ok is false when no face has it; the role's first
// face is returned then.
func (fs *faceSet) pick(ro role, r rune) (faceID, bool) {
	for _, id := range fs.chain[ro] {
		if fs.faces[id].cover.has(r) {
			return id, true
		}
	}
	return fs.chain[ro][0], false
}

// first returns the first face of role ro.
func (fs *faceSet) first(ro role) faceID { return fs.chain[ro][0] }

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
// Unicode subtable (3,10), format 12 (see ttf.glyph).
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

// readFont reads what the briefing needs of a TrueType font: its character
// maps and horizontal metrics.
func readFont(data []byte) (*ttf, *coverage, error) {
	if len(data) < 12 {
		return nil, nil, errShort
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, nil, errors.New("the font has PostScript (CFF) outlines, which cannot be embedded; use a font with TrueType outlines (.ttf)")
	case "ttcf":
		return nil, nil, errors.New("the file is a font collection (.ttc); use a single TrueType font file (.ttf)")
	default:
		return nil, nil, errors.New("not a TrueType font file (.ttf)")
	}
	f := &ttf{data: data}
	cmap, ok := sfntTable(data, "cmap")
	if !ok || len(cmap) < 4 {
		return nil, nil, errors.New("the font has no character map (cmap table)")
	}
	n := int(u16(cmap, 2))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, nil, errShort
		}
		platform, encoding, off := u16(cmap, rec), u16(cmap, rec+2), int(u32(cmap, rec+4))
		if off >= len(cmap) {
			return nil, nil, errShort
		}
		switch {
		case platform == 3 && encoding == 1:
			f.bmp = cmap[off:]
		case platform == 3 && encoding == 10 && f.full == nil:
			f.full = cmap[off:]
		}
	}
	if len(f.bmp) < 2 || u16(f.bmp, 0) != 4 {
		return nil, nil, errors.New("the font has no Unicode character map of format 4 (Windows, Unicode BMP), which the PDF writer needs")
	}
	if len(f.full) < 2 || u16(f.full, 0) != 12 {
		f.full = nil
	}
	c := &coverage{}
	if err := c.readFormat4(f.bmp); err != nil {
		return nil, nil, err
	}
	if f.full != nil {
		if err := c.readFormat12(f.full); err != nil {
			return nil, nil, err
		}
	}
	if err := f.readMetrics(); err != nil {
		return nil, nil, err
	}
	return f, c, nil
}

// ttf is a TrueType font file, read as far as the briefing needs to
// measure characters the way gopdf does and to subset the font
// (subset.go): the character maps gopdf reads, and the horizontal metrics.
// It is read-only once built.
type ttf struct {
	data       []byte
	bmp        []byte // the (3,1) cmap subtable, of format 4
	full       []byte // the (3,10) cmap subtable if it is of format 12, else nil
	sorted     bool   // bmp's segments are in order: look up by binary search
	unitsPerEm uint
	numGlyphs  int
	hmtx       []byte
	numMetrics int // hhea.numberOfHMetrics: glyphs from here on have the last advance
}

// readMetrics reads the tables that give widths.
func (f *ttf) readMetrics() error {
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
func (f *ttf) glyph(r rune) int {
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
func (f *ttf) glyph4(ch int) int {
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
func (f *ttf) glyph12(r rune) int {
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
func (f *ttf) advance(g int) uint {
	g = min(g, f.numMetrics-1)
	return uint(u16(f.hmtx, 4*g))
}

// width1000 returns the advance of r in thousandths of an em. gopdf
// measures and writes widths in whole thousandths, rounded down; so does
// this, so that lines are broken to what gopdf draws.
func (f *ttf) width1000(r rune) uint {
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
