// Package model is the typed model of a supervision campaign that every stage
// of ducha shares: the loader fills it, the validator checks it, and the site
// and briefing renderers read it.
//
// The model does no I/O. Values that come from the user's files carry a [Src]
// that says where they were written, so that any stage can report a problem
// at the right path:line:col.
//
// Struct tags named "key" describe the file format: the loader decodes YAML
// mappings into these structs by them. A tag reads `key:"name,options"`; the
// options are:
//
//   - required: the key must be present and not empty;
//   - scalar: when the entry is written as a plain scalar instead of a
//     mapping, the scalar goes into this field (a shorthand);
//   - mapkey: in a list written as a mapping (see bykey), the mapping's key
//     goes into this field;
//   - bykey: this list is written as a mapping from each entry's key to the
//     entry.
//
// Fields tagged `key:"-"` or not tagged are derived, never read from a file.
// docs/data-format.md documents every key; a test keeps the two in step.
package model

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a position in a user's file. Line and Col count from 1; zero means
// unknown (a whole-file problem has Line 0, a line-only problem Col 0).
type Pos struct {
	File string // path relative to the project root, with forward slashes
	Line int
	Col  int
}

// String formats p as path:line:col, path:line or path, the path as
// [ShowPath] shows it.
func (p Pos) String() string {
	file := ShowPath(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// ShowPath returns a file's path as messages print it: as it is, or, when
// it holds bytes that are not UTF-8 or a character that is not visible
// text (a line break, a control, an invisible format character), quoted
// and escaped as Go quotes a string, so that a message stays on one line
// and shows the name as it really is.
func ShowPath(name string) string {
	if PlainName(name) {
		return name
	}
	return strconv.Quote(name)
}

// PlainName reports whether name is UTF-8 made only of visible characters
// and spaces.
func PlainName(name string) bool {
	if !utf8.ValidString(name) {
		return false
	}
	for _, r := range name {
		if !unicode.IsGraphic(r) {
			return false
		}
	}
	return true
}

// IsZero reports whether p names no file.
func (p Pos) IsZero() bool { return p.File == "" }

// KeyPos records where the value of one key of a mapping starts.
type KeyPos struct {
	Key       string
	Line, Col int
	// Bad is true when the value was written but could not be read (a
	// wrong type, an unknown value, or a misspelt key taken for this one);
	// the loader has reported why, so later checks stay quiet about it.
	Bad bool
}

// Src records where an entry was written: the start of its mapping (or
// scalar) and the position of each key's value. The loader fills it.
type Src struct {
	Pos  Pos
	Keys []KeyPos
}

// At returns the position of the value of key, or of the entry itself when
// the key was not written.
func (s Src) At(key string) Pos {
	for _, k := range s.Keys {
		if k.Key == key {
			return Pos{File: s.Pos.File, Line: k.Line, Col: k.Col}
		}
	}
	return s.Pos
}

// AtIndex returns the position of the i-th element of the list written
// under key, or of the key when the element's position is unknown.
func (s Src) AtIndex(key string, i int) Pos {
	k := key + "." + strconv.Itoa(i)
	for _, kp := range s.Keys {
		if kp.Key == k {
			return Pos{File: s.Pos.File, Line: kp.Line, Col: kp.Col}
		}
	}
	return s.At(key)
}

// OK reports whether key was written in the entry and its value could be
// read.
func (s Src) OK(key string) bool {
	for _, k := range s.Keys {
		if k.Key == key {
			return !k.Bad
		}
	}
	return false
}

// Has reports whether key was written in the entry, readable or not.
func (s Src) Has(key string) bool {
	for _, k := range s.Keys {
		if k.Key == key {
			return true
		}
	}
	return false
}

// MediaExts are the extensions of the images a campaign's pages show and
// the site publishes from content/<campaign>/. SVG is not among them: an
// SVG file can hold scripts, which the site runs none of.
var MediaExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp"}

// IsMedia reports whether a file name has the extension of an image.
func IsMedia(name string) bool {
	return slices.Contains(MediaExts, strings.ToLower(path.Ext(name)))
}

// OffsetPos converts a byte offset in src, the text of file, to a
// position: line and column (in characters), both from 1.
func OffsetPos(file string, src []byte, off int) Pos {
	off = min(max(off, 0), len(src))
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return Pos{File: file, Line: line, Col: utf8.RuneCount(src[start:off]) + 1}
}
