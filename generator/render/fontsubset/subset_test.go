package fontsubset

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/signintech/gopdf"
)

// The subset fonts are checked against gopdf, which reads both the
// original and the subset: every character must map to the same outline,
// with the same metrics, and a PDF set in the subset must render the same
// pixels as one set in the full font. The tests need poppler's pdftoppm
// and pdftotext (Debian's poppler-utils).

// testFont is a font to subset, with the characters to keep.
type testFont struct {
	name  string
	data  []byte
	runes []rune
}

// sample is text of many scripts: Latin letters that many fonts draw
// with composite glyphs, Chinese, punctuation, and a character beyond the
// Basic Multilingual Plane.
const sample = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
	"\u00a0àáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćČčĎďĒēĘęĚěĞğĪīĹĺŁłŃńŇňŌōŐőŒœŘřŚśŠšŞşŤťŪūŮůŰűŸŹźŻżŽžǺǻ" +
	"第八次全国农民工工作督查，督查情况简报。（一）“整改”——《意见》……·" + "\U0001F600\U00020000"

// notoFonts are the CJK fonts the tests subset: those ducha embeds, from
// the folder where "make assets" puts them.
var notoFonts = []struct{ name, file string }{
	{"Noto Serif SC", "NotoSerifSC-Regular.ttf"},
	{"Noto Sans SC Bold", "NotoSansSC-Bold.ttf"},
	{"Noto Sans SC", "NotoSansSC-Regular.ttf"},
}

// testFonts returns the fonts the tests subset: a small font made here,
// with composite glyphs nested and short glyph offsets; the Noto CJK
// fonts; and the TrueType fonts installed on the machine, if any (DejaVu
// and Liberation, for instance, have hinting and composite glyphs).
func testFonts(t *testing.T) []testFont {
	t.Helper()
	fonts := []testFont{{"tiny", tinyFont(t), []rune(" ABCE\U0001F600Z")}}
	for _, nf := range notoFonts {
		data, err := os.ReadFile(filepath.Join("..", "..", "assets", "dist", nf.file))
		if err != nil {
			t.Fatalf("%v: run make assets", err)
		}
		fonts = append(fonts, testFont{nf.name, data, []rune(sample)})
	}
	// Of the installed fonts, these when they are there: hinted, with
	// composite glyphs, with long and short glyph offsets.
	preferred := []string{"DejaVuSans.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSansMono.ttf",
		"LiberationSerif-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationMono-Italic.ttf"}
	system, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttf")
	slices.Sort(system)
	if some := slices.DeleteFunc(slices.Clone(system), func(file string) bool {
		return !slices.Contains(preferred, filepath.Base(file))
	}); len(some) > 0 {
		system = some
	}
	for _, file := range system[:min(len(system), 8)] {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, testFont{filepath.Base(file), data, []rune(sample)})
	}
	for i := range fonts {
		fonts[i].runes = sortedRunes(fonts[i].runes)
	}
	return fonts
}

func sortedRunes(rs []rune) []rune {
	rs = slices.Clone(rs)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// gopdfFont parses data as gopdf does.
func gopdfFont(t *testing.T, data []byte) *gopdf.SubsetFontObj {
	t.Helper()
	s := &gopdf.SubsetFontObj{}
	s.SetTtfFontOption(gopdf.TtfOption{})
	if err := s.SetTTFData(data); err != nil {
		t.Fatalf("gopdf cannot read the font: %v", err)
	}
	return s
}

// outline returns the data of glyph g in the font gopdf has read.
func outline(s *gopdf.SubsetFontObj, g uint) []byte {
	p := s.GetTTFParser()
	glyf := p.GetTables()["glyf"].Offset
	return p.FontData()[glyf+p.LocaTable[g] : glyf+p.LocaTable[g+1]]
}

func TestSubset(t *testing.T) {
	composites := 0
	for _, tf := range testFonts(t) {
		t.Run(tf.name, func(t *testing.T) {
			f, err := Parse(tf.data)
			if err != nil {
				t.Skipf("not a font Parse reads: %v", err)
			}
			sub, err := f.Subset(tf.runes)
			if err != nil {
				t.Fatal(err)
			}
			if sum := checksum(sub); sum != 0xb1b0afba {
				t.Errorf("the font's checksum is %#x, want 0xb1b0afba", sum)
			}
			orig, small := gopdfFont(t, tf.data), gopdfFont(t, sub)
			subF, err := Parse(sub)
			if err != nil {
				t.Fatalf("the subset cannot be read: %v", err)
			}
			want := map[uint]bool{0: true} // glyphs the subset must have
			for _, r := range tf.runes {
				og, oerr := orig.CharCodeToGlyphIndex(r)
				ng, nerr := small.CharCodeToGlyphIndex(r)
				if oerr != nil || og == 0 {
					if nerr == nil && ng != 0 {
						t.Errorf("U+%04X: the font has no glyph, the subset has %d", r, ng)
					}
					continue
				}
				if nerr != nil || ng == 0 {
					t.Errorf("U+%04X: the subset has no glyph (%v)", r, nerr)
					continue
				}
				if ow, nw := orig.GlyphIndexToPdfWidth(og), small.GlyphIndexToPdfWidth(ng); ow != nw {
					t.Errorf("U+%04X: width %d in the subset, %d in the font", r, nw, ow)
				}
				if subF.width1000(r) != f.width1000(r) {
					t.Errorf("U+%04X: the subset measures %d, the font %d", r, subF.width1000(r), f.width1000(r))
				}
				composites += sameGlyph(t, orig, og, small, ng, f, subF, want)
			}
			if n := small.GetTTFParser().NumGlyphs(); n != uint(len(want)) {
				t.Errorf("the subset has %d glyphs, want %d", n, len(want))
			}
			for _, tag := range []string{"cvt ", "fpgm", "prep", "OS/2", "name"} {
				a, _ := sfntTable(tf.data, tag)
				b, _ := sfntTable(sub, tag)
				if !bytes.Equal(a, b) {
					t.Errorf("the %q table differs from the font's", tag)
				}
			}
		})
	}
	if composites == 0 {
		t.Error("no composite glyph was subset")
	}
}

// sameGlyph checks that glyph og of orig and glyph ng of small have the same
// outline, components (compared in turn) and metrics, adds og and its
// components to seen, and returns the number of composite glyphs compared.
func sameGlyph(t *testing.T, orig *gopdf.SubsetFontObj, og uint, small *gopdf.SubsetFontObj, ng uint, of, nf *Font, seen map[uint]bool) int {
	t.Helper()
	seen[og] = true
	a, b := outline(orig, og), outline(small, ng)
	if len(b) < len(a) || len(b) >= len(a)+4 || slices.ContainsFunc(b[len(a):], func(c byte) bool { return c != 0 }) {
		t.Errorf("glyph %d: %d bytes in the subset, %d in the font", og, len(b), len(a))
		return 0
	}
	b = slices.Clone(b[:len(a)])
	if of.advance(int(og)) != nf.advance(int(ng)) || lsb(of, int(og)) != lsb(nf, int(ng)) {
		t.Errorf("glyph %d: other metrics in the subset", og)
	}
	refs, err := components(a)
	if err != nil {
		t.Fatalf("glyph %d: %v", og, err)
	}
	n := 0
	if len(refs) > 0 {
		n = 1
	}
	for _, at := range refs {
		oc, nc := uint(u16(a, at)), uint(u16(b, at))
		copy(b[at:], a[at:at+2])
		n += sameGlyph(t, orig, oc, small, nc, of, nf, seen)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("glyph %d: the outline differs in the subset", og)
	}
	return n
}

func lsb(f *Font, g int) uint16 {
	if g < f.numMetrics {
		return u16(f.hmtx, 4*g+2)
	}
	return u16(f.hmtx, 4*f.numMetrics+2*(g-f.numMetrics))
}

// TestSubsetEverything subsets fonts to every character they have.
func TestSubsetEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	for _, tf := range testFonts(t) {
		t.Run(tf.name, func(t *testing.T) {
			f, err := Parse(tf.data)
			if err != nil {
				t.Skipf("not a font Parse reads: %v", err)
			}
			var all []rune
			for r := range rune(0x110000) {
				if f.Has(r) {
					all = append(all, r)
				}
			}
			sub, err := f.Subset(all)
			if err != nil {
				t.Fatal(err)
			}
			small := gopdfFont(t, sub)
			for _, r := range all {
				if g, err := small.CharCodeToGlyphIndex(r); err != nil || g == 0 {
					t.Fatalf("U+%04X: no glyph in the subset", r)
				}
			}
		})
	}
}

// TestWidthsAsGopdf checks that Advance measures every character as gopdf
// measures it.
func TestWidthsAsGopdf(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	for _, tf := range testFonts(t) {
		t.Run(tf.name, func(t *testing.T) {
			f, err := Parse(tf.data)
			if err != nil {
				t.Skipf("not a font Parse reads: %v", err)
			}
			gp := &gopdf.GoPdf{}
			gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
			if err := gp.AddTTFFontData("f", tf.data); err != nil {
				t.Fatal(err)
			}
			if err := gp.SetFont("f", "", 1000); err != nil {
				t.Fatal(err)
			}
			for r := range rune(0x110000) {
				if !f.Has(r) {
					continue
				}
				m, err := gp.MeasureTextWidth(string(r))
				if err != nil {
					t.Fatal(err)
				}
				if w := float64(f.Advance(r)) / 1000; w != m/1000 {
					t.Fatalf("U+%04X: width %g, gopdf measures %g", r, w, m/1000)
				}
			}
		})
	}
}

// TestSubsetRenders checks that text set in a subset font shows the same
// pixels, and extracts to the same text, as set in the full font.
func TestSubsetRenders(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm not found: install poppler-utils (apt-get install poppler-utils)")
	}
	for _, tf := range testFonts(t) {
		t.Run(tf.name, func(t *testing.T) {
			f, err := Parse(tf.data)
			if err != nil {
				t.Skipf("not a font Parse reads: %v", err)
			}
			var text []rune
			for _, r := range tf.runes {
				if f.Has(r) && r < 0x10000 { // gopdf cannot map others to Unicode
					text = append(text, r)
				}
			}
			sub, err := f.Subset(sortedRunes(append(slices.Clone(text), ' ')))
			if err != nil {
				t.Fatal(err)
			}
			subset, full := pdfOf(t, string(text), func(gp *gopdf.GoPdf) error { return gp.AddTTFFontData("Body", sub) }),
				pdfOf(t, string(text), func(gp *gopdf.GoPdf) error { return gp.AddTTFFontData("Body", tf.data) })
			if a, b := fontLengths(t, subset)[0], fontLengths(t, full)[0]; a >= b && f.numGlyphs > 256 {
				t.Errorf("the font embedded has %d bytes subset here, %d subset by gopdf alone", a, b)
			}
			if a, b := render(t, subset), render(t, full); !bytes.Equal(a, b) {
				t.Error("the subset renders other pixels than the full font")
			}
			got := pdftotext(t, subset)
			if squeeze(got) != squeeze(string(text)) {
				t.Errorf("pdftotext extracts\n%q\nwant\n%q", squeeze(got), squeeze(string(text)))
			}
		})
	}
}

// pdfOf returns a PDF of text in lines of 20 characters at size 14, in
// the font add adds as the body face.
func pdfOf(t *testing.T, text string, add func(gp *gopdf.GoPdf) error) []byte {
	t.Helper()
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: 595.28, H: 841.89}, Unit: gopdf.UnitPT}) // A4
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

// render returns the first page of the PDF rendered at 100 dpi.
func render(t *testing.T, data []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "f.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftoppm", "-r", "100", "-f", "1", "-l", "1", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// pdftotext returns the text poppler's pdftotext extracts from the PDF.
func pdftotext(t *testing.T, data []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (install poppler-utils)", err)
	}
	return string(out)
}

// squeeze removes white space: pdftotext breaks lines where it sees fit.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
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

func TestComponents(t *testing.T) {
	simple := []byte{0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1}
	for _, tc := range []struct {
		name string
		data []byte
		want []int
		err  bool
	}{
		{"empty", nil, nil, false},
		{"simple", simple, nil, false},
		{"cut header", []byte{0xff, 0xff, 0, 0}, nil, true},
		{"one, byte arguments", glyph(comp(0x0002, 7, 2, 0)), []int{12}, false},
		{"two, word arguments and a scale", glyph(comp(0x0029, 7, 4, 2), comp(0x0008, 9, 2, 2)), []int{12, 22}, false},
		{"x and y scale", glyph(comp(0x0040|0x0020, 7, 2, 4), comp(0, 3, 2, 0)), []int{12, 22}, false},
		{"two by two, instructions", append(glyph(comp(0x0080|0x0100, 5, 2, 8)), 0, 1, 0x2c), []int{12}, false},
		{"more components promised", glyph(comp(0x0020, 7, 2, 0)), nil, true},
		{"cut arguments", glyph(comp(0x0001, 7, 2, 0)), nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := components(tc.data)
			if (err != nil) != tc.err || !slices.Equal(got, tc.want) {
				t.Errorf("components = %v, %v; want %v, error %v", got, err, tc.want, tc.err)
			}
		})
	}
}

// comp returns a component of a composite glyph: flags, glyph, and args
// and transform bytes of zeros.
func comp(flags, g uint16, args, transform int) []byte {
	b := binary.BigEndian.AppendUint16(nil, flags)
	b = binary.BigEndian.AppendUint16(b, g)
	return append(b, make([]byte, args+transform)...)
}

// glyph returns a composite glyph of the components.
func glyph(comps ...[]byte) []byte {
	b := []byte{0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0}
	for _, c := range comps {
		b = append(b, c...)
	}
	return b
}

func TestCmapTable(t *testing.T) {
	run := func(from rune, n, g int) []cmapEntry {
		var out []cmapEntry
		for i := range n {
			out = append(out, cmapEntry{from + rune(i), g + i})
		}
		return out
	}
	var alternate, scattered []cmapEntry
	for i := range 20000 {
		alternate = append(alternate, cmapEntry{rune(0x100 + 2*i), 20000 - i})
	}
	for i := range 500 {
		scattered = append(scattered, cmapEntry{rune(0x4e00 + 37*i), 1 + i})
	}
	for _, tc := range []struct {
		name    string
		entries []cmapEntry
		err     bool
	}{
		{"none", nil, false},
		{"one run", run(0x20, 95, 1), false},
		{"runs", append(run(0x20, 10, 1), run(0x41, 26, 11)...), false},
		{"a run, glyphs out of order", []cmapEntry{{0x41, 1}, {0x42, 5}, {0x43, 3}}, false},
		{"near, glyphs shared", []cmapEntry{{0x20, 1}, {0x22, 2}, {0x23, 2}, {0xa0, 1}, {0xa1, 3}}, false},
		{"scattered", scattered, false},
		{"beyond the BMP", append(run(0x4e00, 3, 1), cmapEntry{0x1f600, 4}, cmapEntry{0x20000, 5}, cmapEntry{0x20001, 6}), false},
		{"too many", alternate, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			table, err := cmapTable(tc.entries)
			if (err != nil) != tc.err {
				t.Fatalf("error %v, want error %v", err, tc.err)
			}
			if err != nil {
				return
			}
			c := &coverage{}
			got, err := readCmap(table, c)
			if err != nil {
				t.Fatal(err)
			}
			mapped := map[rune]int{}
			for _, e := range tc.entries {
				mapped[e.r] = e.g
				if g := got.glyph(e.r); g != e.g {
					t.Errorf("U+%04X: glyph %d, want %d", e.r, g, e.g)
				}
			}
			for r := range rune(0x30000) {
				if _, ok := mapped[r]; !ok && (got.glyph(r) != 0 || c.has(r)) {
					t.Errorf("U+%04X: glyph %d, want none", r, got.glyph(r))
				}
			}
		})
	}
}

// readCmap reads a cmap table made by cmapTable as Parse does, into f
// for lookups and c for coverage.
func readCmap(table []byte, c *coverage) (*Font, error) {
	f := &Font{}
	for i := range int(u16(table, 2)) {
		off := int(u32(table, 8+8*i))
		switch u16(table, 6+8*i) {
		case 1:
			f.bmp = table[off:]
		case 10:
			f.full = table[off:]
		}
	}
	f.sorted = true
	if err := c.readFormat4(f.bmp); err != nil {
		return nil, err
	}
	if f.full != nil {
		if err := c.readFormat12(f.full); err != nil {
			return nil, err
		}
	}
	return f, nil
}

func FuzzSubset(f *testing.F) {
	f.Add(tinyFont(f), "AB C")
	f.Add(tinyFont(f), "E\U0001F600")
	f.Fuzz(func(t *testing.T, data []byte, s string) {
		font, err := Parse(data)
		if err != nil {
			return
		}
		runes := sortedRunes([]rune(s))
		for _, r := range runes {
			font.Advance(r)
		}
		sub, err := font.Subset(runes)
		if err != nil {
			return
		}
		if _, err := Parse(sub); err != nil {
			t.Errorf("the subset cannot be read: %v", err)
		}
		if gopdfReads(data) == nil {
			if err := gopdfReads(sub); err != nil {
				t.Errorf("gopdf reads the font but not the subset: %v", err)
			}
		}
	})
}

// gopdfReads returns the error, or the panic, of gopdf reading a font.
func gopdfReads(data []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	var s gopdf.SubsetFontObj
	return s.SetTTFData(data)
}

// tinyFont returns a TrueType font of nine glyphs, with short glyph
// offsets and fewer full metrics than glyphs:
//
//	0 .notdef
//	1 A
//	2 B, a composite of A and A scaled
//	3 C, a composite of B scaled in x and y
//	4 U+1F600
//	5 space, empty
//	6 no character: a component of E
//	7 E, a composite of glyph 6 with a 2×2 transform and instructions
//	8 F
func tinyFont(t testing.TB) []byte {
	t.Helper()
	be16 := func(b []byte, vs ...int) []byte {
		for _, v := range vs {
			b = binary.BigEndian.AppendUint16(b, uint16(v))
		}
		return b
	}
	square := be16(nil, 1, 0, 0, 500, 700, 3, 0) // 1 contour, bbox, end point, no instructions
	square = append(square, 1, 1, 1, 1)          // on-curve points, 16-bit coordinates
	square = be16(square, 0, 500, 0, -500, 0, 0, 700, 0)
	triangle := be16(nil, 1, 0, 0, 600, 700, 2, 0)
	triangle = append(triangle, 1, 1, 1)
	triangle = be16(triangle, 0, 600, -300, 0, 0, 700)
	glyphs := [][]byte{
		square,
		triangle,
		glyph(be16(nil, 0x0022, 1, 0), be16(nil, 0x000b, 1, 300, 0, 0x2000)),
		glyph(be16(nil, 0x0042, 2, 0x0a0a, 0x3000, 0x3000)),
		square,
		nil,
		triangle,
		append(glyph(be16(nil, 0x0182, 6, 0, 0x4000, 0, 0, 0x4000)), 0, 1, 0x2c),
		square,
	}
	var glyf, loca []byte
	for _, g := range glyphs {
		loca = be16(loca, len(glyf)/2)
		glyf = append(glyf, g...)
		if len(glyf)%2 != 0 {
			glyf = append(glyf, 0)
		}
	}
	loca = be16(loca, len(glyf)/2)
	head := be16(nil, 1, 0, 1, 0, 0, 0, 0x5f0f, 0x3cf5, 0x000b, 2048, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 600, 700, 0, 8, 2, 0, 0)
	hhea := be16(nil, 1, 0, 1800, -400, 0, 2048, 0, 0, 600, 1, 0, 0, 0, 0, 0, 0, 0, 6)
	maxp := be16(nil, 1, 0, len(glyphs), 10, 2, 10, 2, 2, 0, 0, 0, 0, 0, 1, 2, 2)
	hmtx := be16(nil, 1000, 0, 1200, 0, 1300, 0, 1400, 0, 2048, 10, 512, 0)
	hmtx = be16(hmtx, 5, 6, 7)
	name := be16(nil, 0, 1, 18, 3, 1, 0x409, 6, 24, 0)
	for _, c := range utf16.Encode([]rune("Tiny-Regular")) {
		name = be16(name, int(c))
	}
	os2 := be16(make([]byte, 0, 96), 4, 500, 400, 5, 0)
	os2 = append(os2, make([]byte, 96-len(os2))...)
	binary.BigEndian.PutUint16(os2[68:], 800)
	post := be16(nil, 3, 0, 0, 0, -100, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	cmap, err := cmapTable([]cmapEntry{{' ', 5}, {'A', 1}, {'B', 2}, {'C', 3}, {'E', 7}, {'F', 8}, {0x1f600, 4}})
	if err != nil {
		t.Fatal(err)
	}
	return sfnt(map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf,
		"cmap": cmap, "name": name, "OS/2": os2, "post": post, "cvt ": be16(nil, 10, 20),
	})
}
