package pdf

// This file makes the fonts small before gopdf embeds them: once the
// briefing is laid out, the characters each face draws are known, and each
// face is handed to gopdf as a TrueType font of only the glyphs those
// characters need (package fontsubset). gopdf's own subsetting and
// deflating then work on a few thousand glyphs at most. A font that cannot
// be subset is embedded in full, as gopdf alone would (faceSet.addTo).

import (
	"fmt"
	"slices"

	"github.com/signintech/gopdf"
)

// addTo adds the faces to gp, each subset to the characters in used (sorted
// and distinct, per face), or in full when it cannot be subset.
func (fs *faceSet) addTo(gp *gopdf.GoPdf, used [][]rune) error {
	for id, f := range fs.faces {
		if data, err := f.font.Subset(used[id]); err == nil {
			if err := addSubset(gp, f.family, data); err == nil {
				continue
			}
		}
		c, err := fs.parsed()
		if err != nil {
			return err
		}
		if err := gp.AddTTFFontFromFontContainer(f.family, c); err != nil {
			return fmt.Errorf("font %s: %w", f.family, err)
		}
	}
	return nil
}

// addSubset adds a subset font to gp; it turns a panic of gopdf's into an
// error, so that the full font is used instead.
func addSubset(gp *gopdf.GoPdf, family string, data []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	return gp.AddTTFFontData(family, data)
}

// drawn returns the characters each of n faces draws on pages, sorted and
// distinct. The space is always among them: gopdf draws a space for a
// character its font lacks.
func drawn(pages []*page, n int) [][]rune {
	bmp := make([][0x10000 / 64]uint64, n)
	astral := make([][]rune, n)
	for _, p := range pages {
		for i := range p.ops {
			o := &p.ops[i]
			if o.kind != opText {
				continue
			}
			for _, r := range o.s {
				if r < 0x10000 {
					bmp[o.face][r/64] |= 1 << (r % 64)
				} else if !slices.Contains(astral[o.face], r) {
					astral[o.face] = append(astral[o.face], r)
				}
			}
		}
	}
	out := make([][]rune, n)
	for f := range n {
		bmp[f][' '/64] |= 1 << (' ' % 64)
		for i, w := range bmp[f] {
			for b := 0; w != 0; b, w = b+1, w>>1 {
				if w&1 != 0 {
					out[f] = append(out[f], rune(64*i+b))
				}
			}
		}
		slices.Sort(astral[f])
		out[f] = append(out[f], astral[f]...)
	}
	return out
}
