package pipeline

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/fixture"
)

// pngFile returns a small PNG image.
func pngFile(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		for y := range 20 {
			img.Set(x, y, color.RGBA{uint8(6 * x), uint8(12 * y), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// buildWithImage builds the minimal project with a summary that shows
// images/site.png, holding data, and returns the output.
func buildWithImage(t *testing.T, data []byte) *output.Memory {
	t.Helper()
	fsys := fixture.Minimal(t)
	fsys["content/2015/summary.md"] = &fstest.MapFile{Data: []byte("督查组察看了工地。\n\n![工地现场](images/site.png)\n")}
	fsys["content/2015/images/site.png"] = &fstest.MapFile{Data: data}
	ch, err := Check(fsys, CheckOptions{Briefing: true})
	if err != nil || ch.Diags.HasErrors(true) {
		t.Fatal(err, ch.Diags.Items())
	}
	var out output.Memory
	if _, err := render(context.Background(), fsys, ch, &out, Options{Site: true, Briefing: true}); err != nil {
		t.Fatal(err)
	}
	return &out
}

// TestImages: an image beside a page is published at the same place, so
// the page's path to it holds, and the briefing embeds it.
func TestImages(t *testing.T) {
	data := pngFile(t)
	out := buildWithImage(t, data)
	if got, ok := out.File("images/site.png"); !ok || !bytes.Equal(got, data) {
		t.Errorf("images/site.png is not published as it is (found: %v)", ok)
	}
	if page, _ := out.File("summary.html"); !bytes.Contains(page, []byte(`<img src="images/site.png" alt="工地现场"`)) {
		t.Errorf("summary.html does not show the image:\n%s", page)
	}
	pdf, _ := out.File(BriefingName)
	if n := bytes.Count(pdf, []byte("/Subtype /Image")); n != 1 {
		t.Errorf("the briefing embeds %d images, want 1", n)
	}
	again := buildWithImage(t, data)
	if pdf2, _ := again.File(BriefingName); !bytes.Equal(pdf, pdf2) {
		t.Error("the briefing with an image is not the same bytes twice")
	}
}

// TestImageNotEmbeddable: an image gopdf cannot embed leaves the build
// whole, and the briefing prints its description: a file that is no image
// at all, and a 16-bit PNG, which Go reads and gopdf refuses.
func TestImageNotEmbeddable(t *testing.T) {
	var png16 bytes.Buffer
	if err := png.Encode(&png16, image.NewGray16(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"not an image": []byte("not a PNG"), "16-bit PNG": png16.Bytes()} {
		t.Run(name, func(t *testing.T) {
			out := buildWithImage(t, data)
			pdf, _ := out.File(BriefingName)
			if bytes.Contains(pdf, []byte("/Subtype /Image")) {
				t.Error("the briefing embeds the image")
			}
			if text := pdfText(t, pdf); !strings.Contains(text, "工地现场") {
				t.Error("the briefing does not print the image's description")
			}
		})
	}
}

// pdfText extracts the text of a PDF with poppler's pdftotext.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (apt-get install poppler-utils): %v", err)
	}
	return string(text)
}
