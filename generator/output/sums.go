package output

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"slices"
	"strings"
	"sync"
)

// SumsName is the name of the file of checksums a build writes.
const SumsName = "SHA256SUMS"

// Sums is a Writer that passes every file to another Writer and keeps its
// SHA-256, so that the build can list them: a printed briefing or a copied
// site can then be traced to the build that made it (sha256sum -c
// SHA256SUMS, in the output folder, checks a copy).
type Sums struct {
	w    Writer
	mu   sync.Mutex
	sums map[string][]byte
}

// NewSums returns a Sums that writes to w.
func NewSums(w Writer) *Sums { return &Sums{w: w, sums: map[string][]byte{}} }

// Create implements Writer.
func (s *Sums) Create(name string) (io.WriteCloser, error) {
	f, err := s.w.Create(name)
	if err != nil {
		return nil, err
	}
	return &summed{WriteCloser: f, h: sha256.New(), s: s, name: name}, nil
}

// WriteFile writes the file name whole, through the Writer's own
// WriteFile when it has one (as Dir has, to reuse the previous build's
// file when it holds the same bytes), and keeps its SHA-256.
func (s *Sums) WriteFile(name string, data []byte) error {
	if err := WriteFile(s.w, name, data); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	s.mu.Lock()
	s.sums[name] = sum[:]
	s.mu.Unlock()
	return nil
}

type summed struct {
	io.WriteCloser
	h    hash.Hash
	s    *Sums
	name string
}

func (f *summed) Write(p []byte) (int, error) {
	f.h.Write(p)
	return f.WriteCloser.Write(p)
}

func (f *summed) Close() error {
	if err := f.WriteCloser.Close(); err != nil {
		return err
	}
	f.s.mu.Lock()
	f.s.sums[f.name] = f.h.Sum(nil)
	f.s.mu.Unlock()
	return nil
}

// Bytes returns the checksums in the format of sha256sum: a line per file,
// its SHA-256 in hex, two spaces and its name, sorted by name.
func (s *Sums) Bytes() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.sums))
	for n := range s.sums {
		names = append(names, n)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%x  %s\n", s.sums[n], n)
	}
	return []byte(b.String())
}

// WriteSums writes the checksums of the files written so far as
// SumsName, into the Writer the files went to.
func (s *Sums) WriteSums() error { return WriteFile(s.w, SumsName, s.Bytes()) }
