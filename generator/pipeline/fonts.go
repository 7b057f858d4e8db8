package pipeline

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/pdf"
	"github.com/ducha/ducha/generator/source"
)

// loadFonts returns the fonts the briefing is set in: the project's own when
// ducha.yaml names them, or else the embedded Noto fonts. Fonts with the
// same bytes as before come from the cache, already parsed.
func (c *Cache) loadFonts(fsys fs.FS, cfg model.Config, diags *diag.List) (pdf.Fonts, error) {
	fc := cfg.PDF.Font
	if fc.Regular == "" {
		return c.fontsFor("", func() pdf.Fonts {
			return pdf.NewFonts(assets.SerifRegular, assets.SansBold, assets.SansRegular,
				"the embedded Noto Serif SC and Noto Sans SC")
		}), nil
	}
	regular, err := readFont(fsys, fc.Regular, fc.Src.At("regular"), diags)
	if err != nil {
		return pdf.Fonts{}, err
	}
	bold := regular
	if fc.Bold != "" {
		if bold, err = readFont(fsys, fc.Bold, fc.Src.At("bold"), diags); err != nil {
			return pdf.Fonts{}, err
		}
	}
	if regular == nil || bold == nil {
		return pdf.Fonts{}, nil
	}
	key := fmt.Sprintf("%x", sha256.Sum256(append(append([]byte{}, regular...), bold...)))
	return c.fontsFor(key, func() pdf.Fonts { return pdf.NewFonts(regular, bold, nil, fc.Regular) }), nil
}

// fontsFor returns the cached fonts under key, making them with make the
// first time.
func (c *Cache) fontsFor(key string, make func() pdf.Fonts) pdf.Fonts {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.fonts[key]; ok {
		return f
	}
	if c.fonts == nil {
		c.fonts = map[string]pdf.Fonts{}
	}
	f := make()
	c.fonts[key] = f
	return f
}

func readFont(fsys fs.FS, name string, pos model.Pos, diags *diag.List) ([]byte, error) {
	clean := path.Clean(strings.TrimPrefix(name, "./"))
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
