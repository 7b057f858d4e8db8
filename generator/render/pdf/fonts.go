package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"

	"github.com/ducha/ducha/generator/render/fontsubset"
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
	font   *fontsubset.Font
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
	font, err := fontsubset.Parse(data)
	if err != nil {
		return 0, err
	}
	fs.faces = append(fs.faces, &face{font: font, data: data, family: familyName(r, i), role: r, index: i})
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
		if f.font.Has(r) {
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
		if fs.faces[id].font.Has(r) {
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
