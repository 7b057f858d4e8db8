// Package output is the one place that writes a build's files. A build
// writes through a [Writer]; [Dir] puts the files into a fresh folder beside
// the target and swaps it in only when the whole build succeeded, so a
// failure or a kill at any moment leaves the previous output whole, and
// files of earlier builds that no longer exist are gone. Builds of one
// folder take turns under a lock on it, so that they never mix. A build
// carries a [Marker] file, and replaces only an empty folder or an
// earlier build, never a file or a folder of other files unless forced.
// [Memory] keeps the files in memory, for the preview server and for
// tests.
package output

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"testing/fstest"
	"time"
)

// Writer receives the files of a build. Names are slash-separated paths
// relative to the output root, such as "provinces/zj.html". Writers are
// safe for concurrent use.
type Writer interface {
	// Create returns a writer for the file name; the file is complete when
	// the writer is closed.
	Create(name string) (io.WriteCloser, error)
}

// WriteFile writes data to the file name of w. A Writer that takes a file
// whole, as Dir does to reuse the previous build's file when it holds the
// same bytes, is given it whole.
func WriteFile(w Writer, name string, data []byte) error {
	if ww, ok := w.(interface {
		WriteFile(name string, data []byte) error
	}); ok {
		return ww.WriteFile(name, data)
	}
	f, err := w.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// checkName refuses names that would leave the output root.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	return nil
}

// Memory is a Writer that keeps files in memory. The zero Memory is ready
// to use.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// Create implements Writer.
func (m *Memory) Create(name string) (io.WriteCloser, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	return &memFile{m: m, name: name}, nil
}

type memFile struct {
	bytes.Buffer
	m    *Memory
	name string
}

func (f *memFile) Close() error {
	f.m.mu.Lock()
	defer f.m.mu.Unlock()
	if f.m.files == nil {
		f.m.files = map[string][]byte{}
	}
	f.m.files[f.name] = f.Bytes()
	return nil
}

// Commit does nothing: the files are in memory as they are written. It
// makes a Memory an output of a build (pipeline.Output).
func (m *Memory) Commit() error { return nil }

// Abort does nothing, as Commit.
func (m *Memory) Abort() {}

// Names returns the names of the files written, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// File returns the contents of the file name and whether it was written.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.files[path.Clean(name)]
	return data, ok
}

// FS returns the files as a read-only file system, as they are now.
func (m *Memory) FS() fs.FS {
	m.mu.Lock()
	defer m.mu.Unlock()
	fsys := fstest.MapFS{}
	for name, data := range m.files {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: time.Unix(0, 0)}
	}
	return fsys
}
