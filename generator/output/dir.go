package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Dir is a Writer that builds into a temporary folder beside the target
// folder and replaces the target with it on Commit. From NewDir to Commit
// or Abort it holds a lock on the target, so that two builds of the same
// folder, in one process or in two, take turns instead of mixing.
type Dir struct {
	target string
	tmp    string
	lock   *lock // nil once released by Commit or Abort

	mu   sync.Mutex
	dirs map[string]bool
}

// DirOptions configure NewDir. The zero DirOptions waits silently.
type DirOptions struct {
	// Waiting, when not nil, is called once if the build must wait for
	// another build of the same folder to finish.
	Waiting func()
}

// NewDir starts a build of the folder target. Nothing visible changes until
// Commit. When another build of target is under way, NewDir waits for it
// to finish, or for ctx to be done. What builds killed before they could
// clean up left beside the target is removed.
func NewDir(ctx context.Context, target string, opts DirOptions) (*Dir, error) {
	target = filepath.Clean(target)
	parent, base := filepath.Dir(target), filepath.Base(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	l, err := acquire(ctx, filepath.Join(parent, "."+base+".lock"), opts.Waiting)
	if err != nil {
		return nil, err
	}
	if l.exclusive() {
		removeStale(parent, base)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err != nil {
		os.RemoveAll(tmp)
		l.release()
		return nil, err
	}
	return &Dir{target: target, tmp: tmp, lock: l, dirs: map[string]bool{}}, nil
}

// removeStale removes what builds killed before they could clean up left
// beside the target: folders named .<base>.new-*. It must be called with
// the target's lock held, which every build of the target holds from
// NewDir to Commit or Abort: so no build is still writing these.
func removeStale(parent, base string) {
	stale, _ := filepath.Glob(filepath.Join(parent, "."+base+".new-*"))
	for _, s := range stale {
		os.RemoveAll(s)
	}
}

// Create implements Writer.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return nil, err
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

func (d *Dir) mkdir(dir string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.dirs[dir] {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.dirs[dir] = true
	return nil
}

// Commit replaces the target folder with the new build and releases the
// lock. Where the system can, the two folders are exchanged in one step;
// otherwise the old folder is moved aside first, and put back if the new
// one cannot be moved in.
func (d *Dir) Commit() error {
	if d.lock == nil {
		return errors.New("output: Commit after Commit or Abort")
	}
	defer d.unlock()
	if _, err := os.Lstat(d.target); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(d.tmp, d.target)
	}
	if err := exchange(d.tmp, d.target); err == nil {
		return os.RemoveAll(d.tmp) // now holds the old build
	}
	old := d.tmp + ".old"
	if err := os.Rename(d.target, old); err != nil {
		os.RemoveAll(d.tmp)
		return fmt.Errorf("output: moving the old %s aside: %w", d.target, err)
	}
	if err := os.Rename(d.tmp, d.target); err != nil {
		os.Rename(old, d.target)
		os.RemoveAll(d.tmp)
		return fmt.Errorf("output: moving the new build into %s: %w", d.target, err)
	}
	return os.RemoveAll(old)
}

// Abort removes the unfinished build and releases the lock; the target is
// untouched. It does nothing after Commit or Abort, so that it can be
// deferred.
func (d *Dir) Abort() {
	if d.lock == nil {
		return
	}
	os.RemoveAll(d.tmp)
	d.unlock()
}

func (d *Dir) unlock() {
	d.lock.release()
	d.lock = nil
}

// WriteFileAtomic writes one file through write: into a temporary file
// beside name, renamed over name only when write succeeded.
func WriteFileAtomic(name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return writeAtomic(name, 0o644, write)
}

// ReplaceFile replaces the contents of an existing file, a user's own,
// in one step as WriteFileAtomic does, keeping its permissions; when name
// is a symbolic link, the file it points to is replaced and the link
// stays.
func ReplaceFile(name string, data []byte) error {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	if err != nil {
		return err
	}
	return writeAtomic(target, fi.Mode().Perm(), func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func writeAtomic(name string, perm fs.FileMode, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".new-")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
