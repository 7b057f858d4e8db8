package cli

import (
	"io/fs"
	"testing/fstest"
)

// mapFS is a tree of files to write, by slash-separated path.
type mapFS map[string][]byte

// fs returns the tree as a file system.
func (m mapFS) fs() fs.FS {
	out := fstest.MapFS{}
	for name, data := range m {
		out[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return out
}
