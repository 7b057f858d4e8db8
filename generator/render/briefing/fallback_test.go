package briefing

import (
	"bytes"
	"context"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/derive/report"
	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/markdown"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/render/fontsubset"
	"github.com/ducha/ducha/generator/render/typeset"
)

var makeFont = flag.String("makefont", "", "write testdata/fonts/"+fallbackFont+" from this copy of DejaVuSans.ttf")

// fallbackFont is a real font with characters the embedded Noto fonts
// lack: the glyphs of DejaVu Sans for fallbackRunes, subset by this
// package (testdata/fonts/README.md).
const fallbackFont = "dejavu-sans-subset.ttf"

// fallbackRunes: Latin Extended-A, as in Czech and Polish names, and a
// character beyond the Basic Multilingual Plane (a format 12 cmap), as a
// rare CJK character is.
var fallbackRunes = []rune("ŁřŽ𐌀")

// readFallbackFont returns the test font with characters Noto lacks.
func readFallbackFont(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/fonts/" + fallbackFont)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestFallbackFontFile checks the test font: it has exactly
// fallbackRunes, none of which the embedded fonts have. With -makefont
// DejaVuSans.ttf, it first writes the font.
func TestFallbackFontFile(t *testing.T) {
	if *makeFont != "" {
		data, err := os.ReadFile(*makeFont)
		if err != nil {
			t.Fatal(err)
		}
		font, err := fontsubset.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := font.Subset(sortedRunes(fallbackRunes))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/fonts/"+fallbackFont, sub, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := fontsubset.Parse(readFallbackFont(t))
	if err != nil {
		t.Fatal(err)
	}
	noto, err := typeset.New(embedded())
	if err != nil {
		t.Fatal(err)
	}
	for r := rune(0); r < 0x30000; r++ {
		if c.Has(r) != slices.Contains(fallbackRunes, r) {
			t.Errorf("the test font has %q: %v", r, c.Has(r))
		}
		if slices.Contains(fallbackRunes, r) && noto.Has(r) {
			t.Errorf("the embedded fonts have %q", r)
		}
	}
}

// TestFallbackFonts: a character the first font of a role lacks is drawn
// from the next font of its list, in every role; the check passes, and
// the PDF embeds both fonts.
func TestFallbackFonts(t *testing.T) {
	fallback := readFallbackFont(t)
	fonts := NewFonts([][]byte{assets.SerifRegular, fallback}, [][]byte{assets.SansBold}, [][]byte{assets.SansRegular}, "fonts/serif.ttf, fonts/extra.ttf")
	p, _ := loadProject(t, os.DirFS("../../../testdata/projects/minimal"))
	c := p.Current()
	at := model.Pos{File: "data/2015/campaign.yaml", Line: 1, Col: 8}
	c.Title = model.Text{ZH: "督查Dvořák", EN: "Dvořák", Pos: at}
	f := c.Findings()[0]
	f.Title = model.Text{ZH: "王Ł问题", EN: "Ł", Pos: at}
	f.Detail = model.Text{ZH: "**Žuk**与王𐌀", EN: "Žuk", Pos: at}
	r := report.New(c, p.Config.Lang())

	var diags diag.List
	if err := CheckText(p, c, fonts, &diags); err != nil || diags.Len() > 0 {
		t.Fatalf("CheckText: %v\n%v", err, diags.Err())
	}
	if err := CheckText(p, c, embedded(), &diags); err != nil || diags.Len() != 4 {
		t.Errorf("CheckText without the fallback: %v, %d problems, want 4\n%v", err, diags.Len(), diags.Err())
	}

	ts, err := typeset.New(fonts)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := newBriefing(ts, p, r, markdown.New(markdown.Options{})).build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The regular role's second file, the fallback, is Body2 in the PDF.
	drawnBy := map[rune]map[string]bool{}
	for _, pg := range pages {
		for _, run := range ts.Runs(pg) {
			for _, ch := range run.Text {
				if slices.Contains(fallbackRunes, ch) {
					if drawnBy[ch] == nil {
						drawnBy[ch] = map[string]bool{}
					}
					drawnBy[ch][run.Family] = true
				}
			}
		}
	}
	for _, ch := range fallbackRunes {
		if len(drawnBy[ch]) != 1 || !drawnBy[ch]["Body2"] {
			t.Errorf("%q is drawn by faces %v, want the fallback only", ch, drawnBy[ch])
		}
	}
	if ts.Missing() != 0 {
		t.Errorf("the typesetter misses %q", ts.Missing())
	}

	var b bytes.Buffer
	if _, err := Write(context.Background(), &b, p, r, Options{Fonts: fonts, Created: created}); err != nil {
		t.Fatal(err)
	}
	// The regular role's two files are Body and Body2 in the PDF.
	listed := poppler(t, b.Bytes(), "pdffonts")
	for _, name := range []string{"Body ", "Body2 ", "Bold ", "Sans "} {
		if !strings.Contains(listed, "\n"+name) {
			t.Errorf("pdffonts does not list %s:\n%s", name, listed)
		}
	}
	text := squeeze(poppler(t, b.Bytes(), "pdftotext", "-enc", "UTF-8"))
	for _, s := range []string{"督查Dvořák", "王Ł问题", "Žuk与王"} {
		if !strings.Contains(text, s) {
			t.Errorf("pdftotext does not find %q", s)
		}
	}
}
