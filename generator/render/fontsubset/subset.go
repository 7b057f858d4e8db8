package fontsubset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// cmapEntry maps a character to a glyph of the subset.
type cmapEntry struct {
	r rune
	g int
}

// subsetter builds the glyph tables of a subset.
type subsetter struct {
	f          *Font
	glyf, loca []byte
	longLoca   bool
	old        []int       // the original number of each glyph of the subset
	num        map[int]int // the subset's number of each original glyph in it
}

// Subset returns a TrueType font of the glyphs of f that draw runes, which
// must be sorted and distinct (see the package doc); characters f lacks
// are left out. The font returned shares nothing with f. The error says
// why f cannot be subset: a table is missing or malformed, or there are
// too many characters for a format 4 character map.
func (f *Font) Subset(runes []rune) ([]byte, error) {
	s := &subsetter{f: f, num: map[int]int{}}
	head, _ := sfntTable(f.data, "head")
	s.glyf, _ = sfntTable(f.data, "glyf")
	s.loca, _ = sfntTable(f.data, "loca")
	s.longLoca = u16(head, 50) != 0 // as gopdf reads it: 0 is short, anything else long
	if s.glyf == nil || s.loca == nil || f.numGlyphs == 0 {
		return nil, errors.New("the font has no glyf or loca table")
	}
	s.add(0)
	var cmap []cmapEntry
	for _, r := range runes {
		if g := f.glyph(r); g != 0 {
			if g >= f.numGlyphs {
				return nil, fmt.Errorf("U+%04X maps to glyph %d of %d", r, g, f.numGlyphs)
			}
			cmap = append(cmap, cmapEntry{r, s.add(g)})
		}
	}
	glyf, loca, err := s.glyphs()
	if err != nil {
		return nil, err
	}
	tables := map[string][]byte{
		"glyf": glyf,
		"loca": loca,
		"hmtx": s.hmtx(),
	}
	if tables["cmap"], err = cmapTable(cmap); err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "maxp", "OS/2", "name", "cvt ", "fpgm", "prep"} {
		if t, ok := sfntTable(f.data, tag); ok {
			tables[tag] = slices.Clone(t)
		}
	}
	n := uint16(len(s.old))
	binary.BigEndian.PutUint16(tables["head"][50:], 1) // indexToLocFormat: long offsets
	binary.BigEndian.PutUint16(tables["hhea"][34:], n) // numberOfHMetrics
	binary.BigEndian.PutUint16(tables["maxp"][4:], n)  // numGlyphs
	if post, ok := sfntTable(f.data, "post"); ok {
		t := make([]byte, 32) // version 3.0: no glyph names
		copy(t, post)
		binary.BigEndian.PutUint32(t, 0x00030000)
		tables["post"] = t
	}
	return sfnt(tables), nil
}

// add returns the subset's number of original glyph g, adding it if needed.
func (s *subsetter) add(g int) int {
	if n, ok := s.num[g]; ok {
		return n
	}
	s.num[g] = len(s.old)
	s.old = append(s.old, g)
	return len(s.old) - 1
}

// glyphs returns the glyf and loca tables of the subset. Glyphs added while
// it runs, the components of composite glyphs, are copied too.
func (s *subsetter) glyphs() (glyf, loca []byte, err error) {
	size := 0
	for _, g := range s.old {
		d, _ := s.glyph(g)
		size += len(d) + 3
	}
	glyf = make([]byte, 0, size+size/8)
	offsets := make([]int, 0, len(s.old)+1)
	for i := 0; i < len(s.old); i++ {
		d, err := s.glyph(s.old[i])
		if err != nil {
			return nil, nil, err
		}
		offsets = append(offsets, len(glyf))
		at := len(glyf)
		glyf = append(glyf, d...)
		refs, err := components(d)
		if err != nil {
			return nil, nil, fmt.Errorf("glyph %d: %w", s.old[i], err)
		}
		for _, ref := range refs {
			g := int(u16(d, ref))
			if g >= s.f.numGlyphs {
				return nil, nil, fmt.Errorf("glyph %d uses glyph %d of %d", s.old[i], g, s.f.numGlyphs)
			}
			binary.BigEndian.PutUint16(glyf[at+ref:], uint16(s.add(g)))
		}
		glyf = append(glyf, make([]byte, -len(glyf)&3)...)
	}
	offsets = append(offsets, len(glyf))
	loca = make([]byte, 4*len(offsets))
	for i, o := range offsets {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(o))
	}
	return glyf, loca, nil
}

// glyph returns the outline of original glyph g.
func (s *subsetter) glyph(g int) ([]byte, error) {
	var start, end int
	switch {
	case s.longLoca && 4*g+8 <= len(s.loca):
		start, end = int(u32(s.loca, 4*g)), int(u32(s.loca, 4*g+4))
	case !s.longLoca && 2*g+4 <= len(s.loca):
		start, end = 2*int(u16(s.loca, 2*g)), 2*int(u16(s.loca, 2*g+2))
	default:
		return nil, fmt.Errorf("the loca table has no entry for glyph %d", g)
	}
	if start > end || end > len(s.glyf) {
		return nil, fmt.Errorf("glyph %d lies outside the glyf table", g)
	}
	return s.glyf[start:end], nil
}

// Flags of a component of a composite glyph.
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreComponent = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
)

// components returns the offsets in d, the outline of a glyph, of the glyph
// numbers of its components: none unless it is a composite glyph.
func components(d []byte) ([]int, error) {
	if len(d) == 0 {
		return nil, nil
	}
	if len(d) < 10 {
		return nil, errors.New("the glyph is cut short")
	}
	if int16(u16(d, 0)) >= 0 {
		return nil, nil
	}
	var refs []int
	for at := 10; ; {
		if at+4 > len(d) {
			return nil, errors.New("the composite glyph is cut short")
		}
		flags := u16(d, at)
		refs = append(refs, at+2)
		at += 4 + 2 // flags, glyph, and two arguments of a byte each
		if flags&argsAreWords != 0 {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if at > len(d) {
			return nil, errors.New("the composite glyph is cut short")
		}
		if flags&moreComponent == 0 {
			return refs, nil
		}
	}
}

// hmtx returns the subset's metrics: a full one, advance width and left
// side bearing, for every glyph.
func (s *subsetter) hmtx() []byte {
	f := s.f
	out := make([]byte, 4*len(s.old))
	for i, g := range s.old {
		lsb := u16(f.hmtx, 4*g+2)
		if g >= f.numMetrics {
			lsb = u16(f.hmtx, 4*f.numMetrics+2*(g-f.numMetrics))
		}
		binary.BigEndian.PutUint16(out[4*i:], uint16(f.advance(g)))
		binary.BigEndian.PutUint16(out[4*i+2:], lsb)
	}
	return out
}

// maxGap is the most characters a format 4 segment skips to take in the
// next character: listing a skipped character costs 2 bytes, a segment 8.
const maxGap = 3

// cmapTable returns a cmap table for entries, sorted by character: a
// format 4 subtable of the characters of the Basic Multilingual Plane,
// and, when there are others, a format 12 subtable of all.
func cmapTable(entries []cmapEntry) ([]byte, error) {
	var bmp []cmapEntry
	for _, e := range entries {
		if e.r < 0xffff {
			bmp = append(bmp, e)
		}
	}
	sub4 := format4(bmp, 0)
	if joined := format4(bmp, maxGap); len(joined) < len(sub4) {
		sub4 = joined
	}
	if len(sub4) > 0xffff {
		return nil, fmt.Errorf("%d characters are too many for a format 4 character map", len(bmp))
	}
	subs := [][]byte{sub4}
	if len(bmp) < len(entries) {
		subs = append(subs, format12(entries))
	}
	out := make([]byte, 4+8*len(subs))
	binary.BigEndian.PutUint16(out[2:], uint16(len(subs)))
	for i, sub := range subs {
		binary.BigEndian.PutUint16(out[4+8*i:], 3)
		binary.BigEndian.PutUint16(out[6+8*i:], []uint16{1, 10}[i])
		binary.BigEndian.PutUint32(out[8+8*i:], uint32(len(out)))
		out = append(out, sub...)
	}
	return out, nil
}

// segment4 is a segment of a format 4 subtable: the characters from
// entries[i] to entries[j-1], with the characters between them that are
// not mapped.
type segment4 struct{ i, j int }

// format4 returns a format 4 subtable for entries, sorted by character,
// all below U+FFFF. Characters with at most gap characters not mapped
// between them are in one segment: with a delta when they and their glyphs
// follow each other (the subset numbers glyphs in the order of the
// characters), else with their glyphs listed one by one, 0 for the
// characters skipped. The subtable may be longer than the format allows:
// the caller checks.
func format4(entries []cmapEntry, gap int) []byte {
	var segs []segment4
	for i, e := range entries {
		if n := len(segs); n > 0 {
			if e.r-entries[i-1].r-1 <= rune(gap) {
				segs[n-1].j = i + 1
				continue
			}
		}
		segs = append(segs, segment4{i, i + 1})
	}
	n := len(segs) + 1 // and the final segment, for U+FFFF
	var array []uint16
	ends, starts, deltas, ranges := make([]uint16, n), make([]uint16, n), make([]uint16, n), make([]uint16, n)
	for k, sg := range segs {
		first, last := entries[sg.i], entries[sg.j-1]
		starts[k], ends[k] = uint16(first.r), uint16(last.r)
		if follow(entries[sg.i:sg.j]) {
			deltas[k] = uint16(first.g - int(first.r))
			continue
		}
		ranges[k] = uint16(2 * (n - k + len(array)))
		at := len(array)
		array = append(array, make([]uint16, last.r-first.r+1)...)
		for _, e := range entries[sg.i:sg.j] {
			array[at+int(e.r-first.r)] = uint16(e.g)
		}
	}
	starts[n-1], ends[n-1], deltas[n-1] = 0xffff, 0xffff, 1
	entrySelector := 0
	for 2<<entrySelector <= n {
		entrySelector++
	}
	searchRange := 2 << entrySelector
	out := make([]byte, 0, 16+8*n+2*len(array))
	out = binary.BigEndian.AppendUint16(out, 4)
	out = binary.BigEndian.AppendUint16(out, uint16(16+8*n+2*len(array))) // length, checked by the caller
	out = binary.BigEndian.AppendUint16(out, 0)                           // language
	out = binary.BigEndian.AppendUint16(out, uint16(2*n))
	out = binary.BigEndian.AppendUint16(out, uint16(searchRange))
	out = binary.BigEndian.AppendUint16(out, uint16(entrySelector))
	out = binary.BigEndian.AppendUint16(out, uint16(2*n-searchRange))
	for _, list := range [][]uint16{ends, {0}, starts, deltas, ranges, array} {
		for _, v := range list {
			out = binary.BigEndian.AppendUint16(out, v)
		}
	}
	return out
}

// follow reports whether entries are characters that follow each other
// mapped to glyphs that follow each other.
func follow(entries []cmapEntry) bool {
	for _, e := range entries {
		if e.r-entries[0].r != rune(e.g-entries[0].g) || int(e.r-entries[0].r) >= len(entries) {
			return false
		}
	}
	return true
}

// format12 returns a format 12 subtable for entries, sorted by character.
func format12(entries []cmapEntry) []byte {
	var groups [][3]uint32
	for i, e := range entries {
		if n := len(groups); n > 0 && e.r == entries[i-1].r+1 && e.g == entries[i-1].g+1 {
			groups[n-1][1] = uint32(e.r)
			continue
		}
		groups = append(groups, [3]uint32{uint32(e.r), uint32(e.r), uint32(e.g)})
	}
	out := make([]byte, 0, 16+12*len(groups))
	out = binary.BigEndian.AppendUint16(out, 12)
	out = binary.BigEndian.AppendUint16(out, 0)
	out = binary.BigEndian.AppendUint32(out, uint32(16+12*len(groups)))
	out = binary.BigEndian.AppendUint32(out, 0) // language
	out = binary.BigEndian.AppendUint32(out, uint32(len(groups)))
	for _, g := range groups {
		for _, v := range g {
			out = binary.BigEndian.AppendUint32(out, v)
		}
	}
	return out
}

// sfnt returns a TrueType font file of tables, with the checksums set.
func sfnt(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(tags)
	n := len(tags)
	selector := 0
	for 2<<selector <= n {
		selector++
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<selector))
	binary.BigEndian.PutUint16(out[8:], uint16(selector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<selector))
	headAt := -1
	for i, tag := range tags {
		t := tables[tag]
		if tag == "head" {
			headAt = len(out)
			binary.BigEndian.PutUint32(t[8:], 0) // checkSumAdjustment, set below
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		out = append(out, make([]byte, -len(t)&3)...)
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xb1b0afba-checksum(out))
	}
	return out
}

// checksum returns the sum of b as big-endian 32-bit numbers, the last
// padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}
