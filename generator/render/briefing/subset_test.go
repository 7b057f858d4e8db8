package briefing

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/render/fontsubset"
)

// The subsetter is tested in package fontsubset, and how fonts are
// embedded in package typeset; this test checks the briefing's fonts.

func sortedRunes(rs []rune) []rune {
	rs = slices.Clone(rs)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// smallFont returns a font of a few glyphs of Noto Sans SC, made by the
// subsetter: quick for gopdf to read in full.
func smallFont(t *testing.T, chars string) []byte {
	t.Helper()
	noto, err := fontsubset.Parse(assets.SansRegular)
	if err != nil {
		t.Fatal(err)
	}
	data, err := noto.Subset(sortedRunes([]rune(chars)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fontLengths returns the length of each embedded font file in doc.
func fontLengths(t *testing.T, doc []byte) []int {
	t.Helper()
	var out []int
	for _, m := range regexp.MustCompile(`/Length1 (\d+)`).FindAllSubmatch(doc, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		out = append(out, n)
	}
	return out
}

// TestBriefingFontsSubset checks that the briefing embeds the Noto fonts
// subset, not with the metrics of all their glyphs (about 250 KB each).
func TestBriefingFontsSubset(t *testing.T) {
	p, r := loadProject(t, os.DirFS("../../../testdata/projects/minimal"))
	data, _ := write(t, p, r)
	got := fontLengths(t, data)
	if len(got) < 3 || len(got) > 4 || slices.Max(got) > 150_000 {
		t.Errorf("the embedded fonts have %d bytes", got)
	}
}
