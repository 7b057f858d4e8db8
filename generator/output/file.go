package output

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// File is a Writer that takes exactly one file of a build, the one named
// Want, into the file Path: written beside it and renamed over it on
// Commit, so that the file is only ever replaced whole (ducha pdf -o).
type File struct {
	Path string // the file to write
	Want string // the name of the build's file it takes, e.g. briefing.pdf

	mu   sync.Mutex
	tmp  *os.File
	done bool
}

// Create implements Writer: it takes the file Want, once.
func (f *File) Create(name string) (io.WriteCloser, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if name != f.Want || f.tmp != nil {
		return nil, fmt.Errorf("output: %s takes only %s, once; not %s", f.Path, f.Want, name)
	}
	if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.Path), "."+filepath.Base(f.Path)+".new-")
	if err != nil {
		return nil, err
	}
	f.tmp = tmp
	return nopCloser{tmp}, nil
}

// nopCloser leaves closing to Commit and Abort.
type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// Commit renames the file written over Path.
func (f *File) Commit() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.tmp == nil {
		return fmt.Errorf("output: nothing was written for %s", f.Path)
	}
	f.done = true
	name := f.tmp.Name()
	err := f.tmp.Chmod(0o644)
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, f.Path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("output: %w; %s is unchanged", err, f.Path)
	}
	return nil
}

// Abort removes what was written; Path is as it was. After Commit it does
// nothing.
func (f *File) Abort() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.tmp != nil && !f.done {
		f.tmp.Close()
		os.Remove(f.tmp.Name())
		f.done = true
	}
}
