package output

import (
	"crypto/sha256"
	"fmt"
	"testing"
)

// TestSums: the checksums are those of the files, in sha256sum's format,
// sorted by name, and the list is written beside them; the files reach
// the Writer underneath.
func TestSums(t *testing.T) {
	var m Memory
	s := NewSums(&m)
	// A file written whole, and one written through Create.
	if err := WriteFile(s, "b/page.html", []byte("<p>")); err != nil {
		t.Fatal(err)
	}
	f, err := s.Create("a.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("%PDF")); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteSums(); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.File("b/page.html"); string(got) != "<p>" {
		t.Errorf("b/page.html: %q", got)
	}
	got, _ := m.File(SumsName)
	want := fmt.Sprintf("%x  a.pdf\n%x  b/page.html\n", sha256.Sum256([]byte("%PDF")), sha256.Sum256([]byte("<p>")))
	if string(got) != want {
		t.Errorf("SHA256SUMS:\n%s\nwant\n%s", got, want)
	}
}
