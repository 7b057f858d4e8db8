package pipeline

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/pdf"
)

// loadFonts returns the fonts the briefing is set in: the project's own when
// ducha.yaml names them, or else the embedded Noto fonts.
func loadFonts(fsys fs.FS, cfg model.Config, diags *diag.List) (pdf.Fonts, error) {
	fc := cfg.PDF.Font
	if fc.Regular == "" {
		return pdf.Fonts{
			Regular: assets.SerifRegular,
			Bold:    assets.SansBold,
			Sans:    assets.SansRegular,
			Source:  "the embedded Noto Serif SC and Noto Sans SC",
		}, nil
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
	return pdf.Fonts{Regular: regular, Bold: bold, Source: fc.Regular}, nil
}

func readFont(fsys fs.FS, name string, pos model.Pos, diags *diag.List) ([]byte, error) {
	clean := path.Clean(strings.TrimPrefix(name, "./"))
	if !fs.ValidPath(clean) {
		diags.Errorf(pos, "font %q: give a path inside the project, relative to its root, e.g. fonts/simfang.ttf", name)
		return nil, nil
	}
	data, err := fs.ReadFile(fsys, clean)
	switch {
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
