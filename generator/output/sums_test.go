package output

import (
	"crypto/sha256"
	"fmt"
	"testing"
)

// TestSums: the checksums are those of the files, in sha256sum's format,
// sorted by name, and the list is written beside them.
func TestSums(t *testing.T) {
	var m Memory
	s := NewSums(&m)
	for _, f := range []struct{ name, data string }{{"b/page.html", "<p>"}, {"a.pdf", "%PDF"}} {
		if err := WriteFile(s, f.name, []byte(f.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.WriteSums(); err != nil {
		t.Fatal(err)
	}
	got, _ := m.File(SumsName)
	want := fmt.Sprintf("%x  a.pdf\n%x  b/page.html\n", sha256.Sum256([]byte("%PDF")), sha256.Sum256([]byte("<p>")))
	if string(got) != want {
		t.Errorf("SHA256SUMS:\n%s\nwant\n%s", got, want)
	}
}
