package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/output"
)

// buildInto builds the project in dir into memory.
func buildInto(t *testing.T, dir string, opts Options) (*Built, *output.Memory) {
	t.Helper()
	m := &output.Memory{}
	opts.Open = func(*Checked) (Output, error) { return m, nil }
	b, err := new(Cache).Build(context.Background(), os.DirFS(dir), opts)
	if err != nil {
		t.Fatal(err)
	}
	return b, m
}

// TestLetters: a build writes one letter for each province visited, in
// letters/ of a site or at the root without one, lists each in
// SHA256SUMS with its checksum, and writes the same bytes twice.
func TestLetters(t *testing.T) {
	for _, site := range []bool{true, false} {
		b, m := buildInto(t, "../..", Options{Site: site, Letters: true})
		var want []string
		for _, in := range b.Campaign.OnSite {
			name := in.Province.ID + ".pdf"
			if site {
				name = LettersDir + "/" + name
			}
			want = append(want, name)
		}
		var got []string
		for _, n := range m.Names() {
			if strings.HasSuffix(n, ".pdf") && !strings.HasSuffix(n, BriefingName) {
				got = append(got, n)
			}
		}
		slices.Sort(want)
		if !slices.Equal(got, want) || b.Letters != len(want) || len(want) != 6 {
			t.Errorf("site %v: letters %v (%d), want %v", site, got, b.Letters, want)
		}
		sums, _ := m.File(output.SumsName)
		for _, n := range want {
			data, _ := m.File(n)
			if line := fmt.Sprintf("%x  %s\n", sha256.Sum256(data), n); !bytes.Contains(sums, []byte(line)) {
				t.Errorf("site %v: SHA256SUMS lacks %q", site, line)
			}
		}
		_, again := buildInto(t, "../..", Options{Site: site, Letters: true})
		for _, n := range want {
			a, _ := m.File(n)
			c, _ := again.File(n)
			if !bytes.Equal(a, c) {
				t.Errorf("%s differs between two builds", n)
			}
		}
	}
}
