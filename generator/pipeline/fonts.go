package pipeline

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/render/gongwen"
	"github.com/ducha/ducha/generator/render/typeset"
)

// loadFonts returns the fonts the briefing and letters are set in (roles
// of package gongwen): the project's own when
// ducha.yaml names them, or else the embedded Noto fonts. Fonts with the
// same bytes as before come from the cache, already parsed. A file that
// cannot be read is reported in diags, and the fonts returned are then
// empty.
func (c *Cache) loadFonts(fsys fs.FS, cfg model.Config, diags *diag.List) (typeset.Fonts, error) {
	fc := cfg.PDF.Font
	if !fc.Own() {
		return c.fontsFor("", func() typeset.Fonts {
			return gongwen.NewFonts(gongwen.Embedded(), gongwen.EmbeddedSource)
		}), nil
	}
	read := map[string][]byte{} // by path, so that a file given twice is read once
	var names []string
	files := map[string][][]byte{}
	ok := true
	for _, role := range fc.Roles() {
		for i, name := range role.Files {
			data, seen := read[name]
			if !seen {
				var err error
				if data, err = readFont(fsys, name, fc.Src.AtIndex(role.Key, i), diags); err != nil {
					return typeset.Fonts{}, err
				}
				read[name] = data
				names = append(names, name)
			}
			ok = ok && data != nil
			files[role.Key] = append(files[role.Key], data)
		}
	}
	if !ok {
		return typeset.Fonts{}, nil
	}
	h := sha256.New()
	for _, role := range fc.Roles() {
		fmt.Fprintf(h, "%s %d\n", role.Key, len(files[role.Key]))
		for _, data := range files[role.Key] {
			h.Write(fmt.Appendf(nil, "%x", sha256.Sum256(data)))
		}
	}
	return c.fontsFor(fmt.Sprintf("%x", h.Sum(nil)), func() typeset.Fonts {
		return gongwen.NewFonts(gongwen.FontFiles{
			Regular: files["regular"], Bold: files["bold"], Title: files["title"],
			Heading1: files["heading1"], Heading2: files["heading2"], Table: files["table"],
		}, strings.Join(names, ", "))
	}), nil
}

// fontsFor returns the cached fonts under key, making them with make the
// first time.
func (c *Cache) fontsFor(key string, make func() typeset.Fonts) typeset.Fonts {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.fonts[key]; ok {
		return f
	}
	if c.fonts == nil {
		c.fonts = map[string]typeset.Fonts{}
	}
	f := make()
	c.fonts[key] = f
	return f
}

func readFont(fsys fs.FS, name string, pos model.Pos, diags *diag.List) ([]byte, error) {
	clean := path.Clean(strings.TrimPrefix(name, "./"))
	if fi, err := fs.Stat(fsys, clean); name == "" || err == nil && fi.IsDir() {
		diags.Errorf(pos, "font %q: give the path of a .ttf file from the project root, e.g. fonts/simfang.ttf", name)
		return nil, nil
	}
	if !fs.ValidPath(clean) {
		diags.Errorf(pos, "font %q: give a path inside the project, relative to its root, e.g. fonts/simfang.ttf", name)
		return nil, nil
	}
	data, err := fs.ReadFile(fsys, clean)
	var refused *source.RefusedError
	switch {
	case errors.As(err, &refused):
		diags.Errorf(pos, "font %q: %s: %s", name, model.ShowPath(refused.Name), refused.Why)
		return nil, nil
	case errors.Is(err, fs.ErrNotExist):
		diags.Errorf(pos, "font %q does not exist; put the .ttf file in the project and give its path from the project root", name)
		return nil, nil
	case err != nil:
		return nil, err
	}
	switch ext := strings.ToLower(path.Ext(clean)); ext {
	case ".ttc", ".otf", ".woff", ".woff2", ".otc":
		diags.Errorf(pos, "font %q: %s files cannot be embedded; use a TrueType .ttf file with one face", name, ext)
		return nil, nil
	}
	return data, nil
}
