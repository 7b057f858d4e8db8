package typeset

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

// Role is what a piece of text is set for, such as body text or headings:
// an index into the roles of a document's Fonts. Every piece of text is
// set in one role (Style.Role); a character the role's fonts lack is drawn
// by the fonts of the roles it falls back on.
type Role int

// FontRole is one role of a document's fonts.
type FontRole struct {
	// Name names the role in messages: "regular", "bold".
	Name string
	// Family names the role's faces inside the PDF: its first file is
	// Family, the others are numbered from 2 (Family2, Family3…). A file
	// given for several roles is one face, named after the first.
	Family string
	// Files are TrueType font files, tried in order for each character.
	// None: the files of the first role.
	Files [][]byte
	// Fallback lists the roles whose files are tried next, in order, for
	// a character none of the role's own files has.
	Fallback []Role
}

// Fonts are the TrueType files a document is set in: a list of roles, each
// with its files and the roles it falls back on. A file given for several
// roles, or twice, is read and embedded once.
type Fonts struct {
	Roles []FontRole // Style.Role indexes it; the first must have files
	// Source names where the fonts came from, for messages: "the
	// embedded Noto fonts" or the project's paths.
	Source string

	// cache holds the parsed faces, shared by copies; see NewFonts. nil:
	// the fonts are read again on each use.
	cache *faceCache
}

// NewFonts returns the fonts of roles with a cache of their parsed faces
// that every copy of the returned value shares: New and Verify then read
// each font once, however often they are called. A Fonts written as a
// literal works too, but reads its fonts again on every call.
func NewFonts(source string, roles ...FontRole) Fonts {
	return Fonts{Roles: roles, Source: source, cache: &faceCache{}}
}

// Empty reports whether f has no font for its first role, whose files every
// role without files of its own uses: a zero Fonts is empty.
func (f Fonts) Empty() bool { return len(f.Roles) == 0 || len(f.Roles[0].Files) == 0 }

// Verify has the PDF writer (gopdf) parse every font in full, as it must
// to embed a font that cannot be subset, and returns a *FontError for the
// first it cannot read. It takes tens of milliseconds for a CJK font, once
// for fonts made by NewFonts.
func (f Fonts) Verify() error {
	_, err := f.faces(true)
	return err
}

// FontError is a font file that cannot be used.
type FontError struct {
	Role  string // the role's Name
	Index int    // of the file in the role's list, from 0
	Err   error  // why it cannot be used, in a sentence for the user
}

// Error says which file of which role, and why.
func (e *FontError) Error() string {
	if e.Index > 0 {
		return fmt.Sprintf("%s font %d: %v", e.Role, e.Index+1, e.Err)
	}
	return fmt.Sprintf("%s font: %v", e.Role, e.Err)
}

// Unwrap returns why the font cannot be used.
func (e *FontError) Unwrap() error { return e.Err }

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
	c.once.Do(func() { c.set, c.err = readFaces(f.Roles) })
	if c.err != nil || !full {
		return c.set, c.err
	}
	_, err := c.set.parsed()
	return c.set, err
}

// faceID numbers a face of a faceSet: an index into faceSet.faces.
type faceID int

// face is one font file of a document.
type face struct {
	font   *fontsubset.Font
	data   []byte
	family string // its name inside the PDF
	// role and index say where the file was first given: the index-th
	// file of the role's list, for messages.
	role  string
	index int
}

// faceSet is the fonts of a document: which characters each face can
// draw, their widths, and the font files to subset for the PDF (emit.go).
// A file given for several roles, or twice, is one face. It is read-only
// once built, and safe for concurrent use.
type faceSet struct {
	faces []*face
	// chain lists, for each role, the faces tried in turn for a
	// character: the role's own, in order, then those of the roles it
	// falls back to.
	chain [][]faceID

	// The fonts parsed in full by gopdf, only when needed: see parsed.
	full      sync.Once
	container gopdf.FontContainer
	fullErr   error
}

// readFaces reads the character maps and metrics of the fonts of roles.
// Files given more than once (the bold face is often the regular one) are
// read once.
func readFaces(roles []FontRole) (*faceSet, error) {
	if len(roles) == 0 {
		return nil, errors.New("no font roles")
	}
	fs := &faceSet{chain: make([][]faceID, len(roles))}
	own := make([][]faceID, len(roles))
	for r, ro := range roles {
		files := ro.Files
		if len(files) == 0 {
			files = roles[0].Files
		}
		if len(files) == 0 {
			return nil, &FontError{ro.Name, 0, errors.New("no font data")}
		}
		for i, d := range files {
			id, err := fs.add(d, ro, i)
			if err != nil {
				return nil, &FontError{ro.Name, i, err}
			}
			own[r] = append(own[r], id)
		}
	}
	for r, ro := range roles {
		for _, fb := range append([]Role{Role(r)}, ro.Fallback...) {
			if fb < 0 || int(fb) >= len(roles) {
				return nil, &FontError{ro.Name, 0, fmt.Errorf("falls back on role %d of %d", fb, len(roles))}
			}
			for _, id := range own[fb] {
				if !slices.Contains(fs.chain[r], id) {
					fs.chain[r] = append(fs.chain[r], id)
				}
			}
		}
	}
	return fs, nil
}

// add returns the face of a font file, the i-th of role ro's list,
// reading it unless it is a face already.
func (fs *faceSet) add(data []byte, ro FontRole, i int) (faceID, error) {
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
	fs.faces = append(fs.faces, &face{font: font, data: data, family: familyName(ro.Family, i), role: ro.Name, index: i})
	return faceID(len(fs.faces) - 1), nil
}

// familyName names the i-th face of a role's list inside the PDF.
func familyName(family string, i int) string {
	if i == 0 {
		return family
	}
	return family + strconv.Itoa(i+1)
}

// parsed returns the fonts as gopdf parses them in full, which takes
// tens of milliseconds for a CJK font: Verify uses it to learn that gopdf
// can read a document's fonts, and Write falls back on it for a font that
// cannot be subset.
func (fs *faceSet) parsed() (*gopdf.FontContainer, error) {
	fs.full.Do(func() {
		for _, f := range fs.faces {
			if err := addFont(&fs.container, f.family, f.data); err != nil {
				fs.fullErr = &FontError{f.role, f.index, fmt.Errorf("cannot read the TrueType file: %v", err)}
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
func (fs *faceSet) pick(ro Role, r rune) (faceID, bool) {
	for _, id := range fs.chain[ro] {
		if fs.faces[id].font.Has(r) {
			return id, true
		}
	}
	return fs.chain[ro][0], false
}

// Ignorable reports whether r is never drawn: control characters, format
// characters such as the zero-width space or a byte-order mark, soft
// hyphens and variation selectors. They take no room, so leaving them out
// loses nothing a reader would see; Text.Add leaves them out.
func Ignorable(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xad ||
		unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}
