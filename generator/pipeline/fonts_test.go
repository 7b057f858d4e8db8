package pipeline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/fixture"
)

// fallbackProject returns the minimal project with its own fonts, as
// ducha.yaml gives them, and a title and a summary with characters only
// fonts/extra.ttf has: ř (Latin Extended-A) and 𐌀 (beyond the Basic
// Multilingual Plane).
func fallbackProject(t *testing.T, config string) fstest.MapFS {
	t.Helper()
	extra, err := os.ReadFile("../render/briefing/testdata/fonts/dejavu-sans-subset.ttf")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fixture.Minimal(t)
	fsys["ducha.yaml"] = &fstest.MapFile{Data: []byte(config)}
	fsys["fonts/serif.ttf"] = &fstest.MapFile{Data: assets.SerifRegular}
	fsys["fonts/extra.ttf"] = &fstest.MapFile{Data: extra}
	fsys["fonts/bad.ttf"] = &fstest.MapFile{Data: []byte("not a font")}
	campaign := strings.Replace(string(fsys["data/2015/campaign.yaml"].Data), "title: {zh: 第八次全国农民工工作督查", "title: {zh: 第八次督查Dvořák", 1)
	fsys["data/2015/campaign.yaml"] = &fstest.MapFile{Data: []byte(campaign)}
	fsys["content/2015/summary.md"] = &fstest.MapFile{Data: []byte("王𐌀与Dvořák。\n")}
	return fsys
}

// TestFallbackFonts: pdf.font lists fonts per role, tried in order for
// each character; a single path still works. The briefing draws each
// character from the first font that has it, and check reports, at its
// place in the list, a font that cannot be used, and a character no font
// has.
func TestFallbackFonts(t *testing.T) {
	fsys := fallbackProject(t, "pdf:\n  font:\n    regular: [fonts/serif.ttf, fonts/extra.ttf]\n    bold: fonts/serif.ttf\n")
	ch, err := Check(fsys, CheckOptions{Briefing: true})
	if err != nil || ch.Diags.HasErrors(true) {
		t.Fatalf("%v %v", err, ch.Diags.Err())
	}
	var out output.Memory
	if _, err := render(context.Background(), fsys, ch, &out, Options{Briefing: true}); err != nil {
		t.Fatal(err)
	}
	data, _ := out.File(BriefingName)
	file := filepath.Join(t.TempDir(), BriefingName)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// serif.ttf is Body (and the bold face, the same file), extra.ttf
	// Body2.
	fonts, err := exec.Command("pdffonts", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(fonts), "CID TrueType"); got != 2 || !strings.Contains(string(fonts), "\nBody2 ") {
		t.Errorf("pdffonts lists %d fonts, want Body and Body2:\n%s", got, fonts)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(text), "Dvořák"); n < 3 {
		t.Errorf("pdftotext finds Dvořák %d times, want it on the cover, in the headers and in the summary", n)
	}

	for config, want := range map[string]string{
		"pdf:\n  font:\n    regular:\n      - fonts/serif.ttf\n      - fonts/bad.ttf\n":      `ducha.yaml:5:9: font "fonts/bad.ttf" cannot be used: the file is cut short or is not a font`,
		"pdf:\n  font: {regular: fonts/serif.ttf, bold: [fonts/serif.ttf, fonts/bad.ttf]}\n": `ducha.yaml:2:60: font "fonts/bad.ttf" cannot be used: the file is cut short or is not a font`,
		"pdf:\n  font: {regular: [fonts/serif.ttf]}\n":                                       `content/2015/summary.md:1:2: the briefing's fonts (fonts/serif.ttf) cannot draw "𐌀" (U+10300, Old_Italic) in the text`,
	} {
		ch, err := Check(fallbackProject(t, config), CheckOptions{Briefing: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := ch.Diags.Err(); got == nil || !strings.HasPrefix(got.Error(), want) || strings.Count(got.Error(), "\n") > 2 {
			t.Errorf("%s:\n got %v\nwant %s", config, got, want)
		}
	}
}
