package typeset

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/signintech/gopdf"

	"github.com/ducha/ducha/generator/assets"
	"github.com/ducha/ducha/generator/render/fontsubset"
)

// The subsetter itself is tested in package fontsubset; these tests check
// how the typesetter uses it.

func sortedRunes(rs []rune) []rune {
	rs = slices.Clone(rs)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// pdfOf returns a PDF of text in lines of 20 characters at size 14, in
// the font add adds as the body face.
func pdfOf(t *testing.T, text string, add func(gp *gopdf.GoPdf) error) []byte {
	t.Helper()
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: A4Width, H: A4Height}, Unit: gopdf.UnitPT})
	if err := add(gp); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	if err := gp.SetFont("Body", "", 14); err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	for i := 0; i < len(rs); i += 20 {
		gp.SetXY(40, 40+float64(i))
		if err := gp.Text(string(rs[i:min(i+20, len(rs))])); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := gp.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
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

// withoutGlyf returns a copy of a font whose glyf table is renamed: it
// cannot be subset.
func withoutGlyf(t *testing.T, data []byte) []byte {
	t.Helper()
	out := slices.Clone(data)
	n := int(out[4])<<8 | int(out[5])
	for rec := 12; rec < 12+16*n; rec += 16 {
		if string(out[rec:rec+4]) == "glyf" {
			copy(out[rec:], "glyX")
			return out
		}
	}
	t.Fatal("the font has no glyf table")
	return nil
}

// oneFont returns the roles of a document set in one font, the body face.
func oneFont(data []byte) []FontRole {
	return []FontRole{{Name: "regular", Family: "Body", Files: [][]byte{data}}, {Name: "bold", Family: "Bold"}, {Name: "sans", Family: "Sans"}}
}

// TestSubsetFallback checks that a font that cannot be subset is embedded
// as gopdf alone embeds it.
func TestSubsetFallback(t *testing.T) {
	data := smallFont(t, " ABC")
	fs, err := readFaces(oneFont(data))
	if err != nil {
		t.Fatal(err)
	}
	broken, err := fontsubset.Parse(withoutGlyf(t, data))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := broken.Subset([]rune("AB")); err == nil {
		t.Fatal("a font without a glyf table was subset")
	}
	fs.faces[0].font = broken // gopdf still reads the face's data in full
	used := [][]rune{{'A', 'B'}}
	doc := pdfOf(t, "AB", func(gp *gopdf.GoPdf) error { return fs.addTo(gp, used) })
	ref := pdfOf(t, "AB", func(gp *gopdf.GoPdf) error { return gp.AddTTFFontData("Body", data) })
	if got, want := fontLengths(t, doc), fontLengths(t, ref); len(got) != 1 || got[0] != want[0] {
		t.Errorf("the embedded fonts have %d bytes; want the one face, in full, of %d", got, want[0])
	}
	if got := pdftotext(t, doc); squeeze(got) != "AB" {
		t.Errorf("pdftotext extracts %q, want AB", got)
	}
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

// pdftotext returns the text poppler's pdftotext extracts from the PDF.
func pdftotext(t *testing.T, data []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install poppler-utils (apt-get install poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", file, "-")
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, errb.String())
	}
	if errb.Len() > 0 {
		t.Errorf("pdftotext complains about the PDF:\n%s", errb.String())
	}
	return out.String()
}

// squeeze removes white space: pdftotext breaks lines where the document
// does, and a missing character would still show.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestDrawn(t *testing.T) {
	black := Color{}
	pages := []*Page{{}, {}}
	pages[0].text(0, 10, black, 0, 0, "督查ba", 0)
	pages[0].Line(0, 0, 1, 1, 1, black)
	pages[1].text(2, 10, black, 0, 0, "\U00020000a\U0001F600a", 0)
	pages[1].text(0, 10, black, 0, 0, "查c", 0)
	got := drawn(pages, 3)
	want := [][]rune{[]rune(" abc查督"), []rune(" "), []rune(" a\U0001F600\U00020000")}
	for f := range want {
		if !slices.Equal(got[f], want[f]) {
			t.Errorf("face %d: %q, want %q", f, string(got[f]), string(want[f]))
		}
	}
}
