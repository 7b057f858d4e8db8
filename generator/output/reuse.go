package output

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// A build that replaces a previous build reuses the previous build's
// files that it would write again with the same contents: the new folder
// gets a hard link to the file instead of a new file. Creating a file is
// the dearest part of writing one (on this project's machine, creating
// 10,000 small files on disk took 2 to 4 s, linking them 0.2 s), and most
// files of a rebuild are unchanged: a finding edited changes its page and
// a few lists, not the other 10,000 pages.
//
// A file is reused only when its contents, read back, are the bytes the
// build would write, so that the new folder holds exactly what a build
// into an empty folder would: the same names and the same bytes. And only
// a file that is nothing but the previous build's: a regular file, reached
// inside the previous build without a symbolic link, with no other link
// to it (no other name anywhere shares its contents), owned by whoever
// runs the build, with the permissions the build gives its files. Its
// modification time is the one it had, which tells a web server or a copy
// with rsync that it did not change. While the build runs, nothing may
// write into the previous build's files, as nothing may into the new
// build's. Where the system cannot tell all this (openat2, Linux 5.6), or
// cannot link, the file is written.
//
// Reading a file back costs a little where the contents changed: after
// reuseProbe files of which fewer than one in reuseRatio could be reused,
// a build stops trying.
const (
	reuseProbe = 256
	reuseRatio = 8
)

// reuse is what a Dir knows of the previous build it may reuse files of.
type reuse struct {
	dir  *os.File    // the previous build's folder; nil to reuse nothing
	perm os.FileMode // the permissions of the files this build writes
	bufs sync.Pool   // *[]byte for reading files back

	tried, reused atomic.Int64
	off           atomic.Bool // stopped trying
}

// openReuse prepares to reuse the files of the previous build in target,
// a folder that IsOutput, for a build that gives its files the
// permissions perm.
func openReuse(target string, perm os.FileMode) *reuse {
	r := &reuse{perm: perm}
	if IsOutput(target) {
		r.dir = openFolder(target)
	}
	r.bufs.New = func() any { b := make([]byte, 32<<10); return &b }
	return r
}

// close releases the previous build's folder.
func (r *reuse) close() {
	if r != nil && r.dir != nil {
		r.dir.Close()
		r.dir = nil
	}
}

// link makes dst a link to the previous build's file name, if that holds
// exactly data and may be reused, and reports whether it did.
func (r *reuse) link(name, dst string, data []byte) bool {
	if r == nil || r.dir == nil || r.off.Load() {
		return false
	}
	tried := r.tried.Add(1)
	if tried > reuseProbe && r.reused.Load()*reuseRatio < tried {
		r.off.Store(true)
		return false
	}
	f, ok := openReusable(r.dir, filepath.FromSlash(name), int64(len(data)), r.perm)
	if !ok {
		return false
	}
	same := r.same(f, data)
	f.Close()
	if !same || linkAt(r.dir, filepath.FromSlash(name), dst) != nil {
		return false
	}
	r.reused.Add(1)
	return true
}

// same reports whether f, read to its end, holds exactly data.
func (r *reuse) same(f io.Reader, data []byte) bool {
	bp := r.bufs.Get().(*[]byte)
	defer r.bufs.Put(bp)
	buf := *bp
	for len(data) > 0 {
		n := min(len(buf), len(data))
		if _, err := io.ReadFull(f, buf[:n]); err != nil || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	n, _ := f.Read(buf[:1])
	return n == 0
}

// Reused returns the number of files that the build reused from the
// previous build, unchanged.
func (d *Dir) Reused() int {
	if d.reuse == nil {
		return 0
	}
	return int(d.reuse.reused.Load())
}

// WriteFile writes the file name with the contents data, or links it to
// the previous build's file when that holds exactly data. WriteFile (the
// function) uses it.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	if d.reuse.link(name, p, data) {
		return nil
	}
	return writeNew(p, data)
}
