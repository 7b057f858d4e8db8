package cli

import (
	"io/fs"
	"testing/fstest"

	"github.com/ducha/ducha/generator/project/source"
)

// overlay is a project's files with some of them replaced by new text:
// what the project would be once the text is written, for a check before
// anything is.
type overlay struct {
	*source.FS
	files map[string][]byte // by path from the project root
}

func (o *overlay) mem(name string) (fs.FS, bool) {
	data, ok := o.files[name]
	if !ok {
		return nil, false
	}
	return fstest.MapFS{name: &fstest.MapFile{Data: data, Mode: 0o644}}, true
}

// Open opens name, from the new text when it has one.
func (o *overlay) Open(name string) (fs.File, error) {
	if m, ok := o.mem(name); ok {
		return m.Open(name)
	}
	return o.FS.Open(name)
}

// ReadFile reads name, the new text when it has one.
func (o *overlay) ReadFile(name string) ([]byte, error) {
	if data, ok := o.files[name]; ok {
		return append([]byte(nil), data...), nil
	}
	return o.FS.ReadFile(name)
}

// Stat describes name, with the size of its new text.
func (o *overlay) Stat(name string) (fs.FileInfo, error) {
	if m, ok := o.mem(name); ok {
		return fs.Stat(m, name)
	}
	return o.FS.Stat(name)
}
