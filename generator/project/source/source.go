// Package source is the project's files as ducha reads them.
//
// [Dir] gives the project folder as an [fs.FS] that only ever yields
// regular files and folders. It follows a symbolic link only while the link
// stays inside the project: a link that leads outside, that leads nowhere,
// or that leads round in a circle is refused. So is a file that is not a
// regular file (a named pipe, which would block a read forever, a device
// such as /dev/zero, which never ends, a socket) and a file larger than
// [MaxFileSize]. A refusal is a [*RefusedError], which says what is wrong
// in words for the user, so that the loader can report it at the file's
// path; nothing is ever read from a refused file.
package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/ducha/ducha/generator/model"
)

// MaxFileSize is the size, in bytes, above which a file of the project is
// refused: 64 MiB. The largest files a project has are its fonts (about
// 16 MiB for a Chinese face) and photographs; a data or Markdown file of
// this size is a mistake, and reading it would take memory for nothing.
const MaxFileSize = 64 << 20

// RefusedError is the error for a file that ducha does not read.
type RefusedError struct {
	Name string // the file, a slash-separated path relative to the project root
	Why  string // what is wrong and what to do, a message for the user
}

// Error returns the file's name and why it was refused.
func (e *RefusedError) Error() string { return model.ShowPath(e.Name) + ": " + e.Why }

func refuse(name, format string, args ...any) error {
	return &RefusedError{Name: name, Why: fmt.Sprintf(format, args...)}
}

// FS is a project folder as ducha reads it. It is safe for concurrent use.
type FS struct {
	dir  string
	root *os.Root // nil when err is set
	err  error    // why the folder could not be opened
}

// Dir returns the project in the folder dir. The folder stays open until
// the FS is garbage collected; when it cannot be opened, every method
// returns the reason.
func Dir(dir string) *FS {
	root, err := os.OpenRoot(dir)
	return &FS{dir: dir, root: root, err: err}
}

// Open opens the file or folder name. A file reads at most MaxFileSize
// bytes.
func (fsys *FS) Open(name string) (fs.File, error) {
	f, fi, err := fsys.open("open", name)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return f, nil
	}
	return &file{f: f, fi: fi, name: name, left: MaxFileSize}, nil
}

// ReadFile reads the file name.
func (fsys *FS) ReadFile(name string) ([]byte, error) {
	f, fi, err := fsys.open("read", name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	data := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		switch {
		case len(data) > MaxFileSize:
			return nil, tooLarge(name)
		case err == io.EOF:
			return data, nil
		case err != nil:
			return nil, err
		case len(data) == cap(data):
			data = slices.Grow(data, min(cap(data), MaxFileSize))
		}
	}
}

// ReadDir reads the folder name, sorted by file name. Each entry says what
// the name itself is: a link is a link, whatever it leads to.
func (fsys *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	f, fi, err := fsys.open("readdir", name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !fi.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: syscall.ENOTDIR}
	}
	entries, err := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// Stat describes the file or folder name, following links as Open does and
// refusing what Open refuses.
func (fsys *FS) Stat(name string) (fs.FileInfo, error) {
	if err := fsys.check("stat", name); err != nil {
		return nil, err
	}
	fi, err := fsys.root.Stat(name)
	if err != nil {
		fi, err = retry(fsys, name, err, fsys.root.Stat)
	}
	if err == nil {
		err = usable(name, fi)
	}
	if err != nil {
		return nil, err
	}
	return fi, nil
}

// Lstat describes name without following it when it is a link. It refuses
// nothing: it is how a caller tells a link from a file (see ReadRegular).
func (fsys *FS) Lstat(name string) (fs.FileInfo, error) {
	if err := fsys.check("lstat", name); err != nil {
		return nil, err
	}
	return fsys.root.Lstat(name)
}

// ReadLink returns the destination of the link name, as written.
func (fsys *FS) ReadLink(name string) (string, error) {
	if err := fsys.check("readlink", name); err != nil {
		return "", err
	}
	return fsys.root.Readlink(name)
}

// check refuses an invalid name and reports a folder that could not be
// opened.
func (fsys *FS) check(op, name string) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return fsys.err
}

// open opens name without ever blocking (a named pipe would) and returns
// it only when it is a folder or a regular file of at most MaxFileSize
// bytes.
func (fsys *FS) open(op, name string) (*os.File, fs.FileInfo, error) {
	if err := fsys.check(op, name); err != nil {
		return nil, nil, err
	}
	f, err := fsys.root.OpenFile(name, openFlags, 0)
	if err != nil {
		f, err = retry(fsys, name, err, func(name string) (*os.File, error) {
			return fsys.root.OpenFile(name, openFlags, 0)
		})
		if err != nil {
			return nil, nil, err
		}
	}
	fi, err := f.Stat()
	if err == nil {
		err = usable(name, fi)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// usable refuses what is neither a folder nor a regular file of at most
// MaxFileSize bytes.
func usable(name string, fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsDir():
		return nil
	case m.IsRegular() && fi.Size() > MaxFileSize:
		return tooLarge(name)
	case m.IsRegular():
		return nil
	}
	return refuse(name, "this is %s, not a file; ducha reads only regular files: put the file itself here", kind(m))
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func tooLarge(name string) error {
	return refuse(name, "the file is larger than %d MiB, more than any file of a project should be; remove it or make it smaller", MaxFileSize>>20)
}

// retry explains why name, a path the folder has, could not be reached.
// os.Root follows only relative links that stay inside the folder. retry
// finds the first link on the way that leads outside, nowhere or round in
// a circle, and refuses it under its own name. Failing that, it follows
// the first link as the operating system does, and calls op again on the
// path it leads to, inside the project (an absolute link to another file
// of the project), until op succeeds or no link is left.
func retry[T any](fsys *FS, name string, err error, op func(string) (T, error)) (T, error) {
	var zero T
	for range maxLinks {
		first, bad := fsys.links(name)
		switch {
		case bad.path != "":
			return zero, refuse(bad.path, "this is a link to %q, %s", bad.target, bad.why)
		case first.path == "" && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)):
			return zero, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		case first.path == "":
			return zero, err
		}
		name = path.Join(first.rel, name[len(first.path):])
		var v T
		if v, err = op(name); err == nil {
			return v, nil
		}
	}
	return zero, refuse(name, "the links on the way to this file lead round in a circle; link to the file itself")
}

// link is a symbolic link on the path of a file.
type link struct {
	path   string // the link, relative to the project root
	target string // what it holds
	rel    string // where it leads, relative to the project root
	why    string // why it leads nowhere ducha reads; "" when it is fine
}

// links returns the first symbolic link on name's path, and the first one
// that leads nowhere ducha reads, as far as the path can be followed.
func (fsys *FS) links(name string) (first, bad link) {
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		fi, err := fsys.root.Lstat(name[:i])
		if err != nil {
			break
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		l := link{path: name[:i]}
		l.target, _ = fsys.root.Readlink(l.path)
		l.rel, l.why = fsys.follow(l.path)
		if first.path == "" {
			first = l
		}
		if l.why != "" {
			return first, l
		}
	}
	return first, link{}
}

// maxLinks is the number of links retry follows on one path.
const maxLinks = 40

// follow returns where link leads, relative to the project, or why it
// leads nowhere ducha reads.
func (fsys *FS) follow(link string) (rel, why string) {
	root, err := filepath.EvalSymlinks(fsys.dir)
	if err != nil {
		return "", fmt.Sprintf("which cannot be followed (%v)", err)
	}
	real, err := filepath.EvalSymlinks(filepath.Join(fsys.dir, filepath.FromSlash(link)))
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return "", "which does not exist; correct the link, or put the file itself here"
	case errors.Is(err, fs.ErrPermission):
		return "", "which leads where ducha may not read; link to a file of the project"
	case err != nil: // EvalSymlinks: too many links
		return "", "and the links lead round in a circle; link to the file itself"
	}
	rel, err = filepath.Rel(root, real)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return "", "which leads outside the project; ducha reads only the project's own files: copy the file into the project"
	}
	return filepath.ToSlash(rel), ""
}

// file is a regular file that reads at most MaxFileSize bytes.
type file struct {
	f    *os.File
	fi   fs.FileInfo
	name string
	left int64 // bytes still allowed
}

func (f *file) Stat() (fs.FileInfo, error) { return f.fi, nil }

func (f *file) Close() error { return f.f.Close() }

func (f *file) Read(p []byte) (int, error) {
	if f.left <= 0 {
		var one [1]byte
		if n, _ := f.f.Read(one[:]); n > 0 {
			return 0, tooLarge(f.name)
		}
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), f.left)]
	n, err := f.f.Read(p)
	f.left -= int64(n)
	return n, err
}

// ReadRegular reads the file name of fsys, which must be a regular file of
// its own: not a symbolic link, even to a file inside the project, nor a
// device. A site publishes an image byte for byte, and a link could lead to
// any file of the machine.
func ReadRegular(fsys fs.FS, name string) ([]byte, error) {
	fi, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a file of its own (a link, say)", model.ShowPath(name))
	}
	return fs.ReadFile(fsys, name)
}

var _ interface {
	fs.ReadFileFS
	fs.ReadDirFS
	fs.StatFS
	fs.ReadLinkFS
} = (*FS)(nil)
