package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	ops    fileOps
	reuse  *reuse // the previous build's files (reuse.go); nil for none

	mu   sync.Mutex
	dirs map[string]bool
}

// fileOps are the calls that move and remove whole builds. They are
// fields so that tests can make them fail, as a full disk, another
// owner's folder or a mount point would, even when tests run as root.
type fileOps struct {
	rename    func(from, to string) error
	exchange  func(a, b string) error
	removeAll func(dir string) error
}

func osOps() fileOps {
	return fileOps{rename: os.Rename, exchange: exchange, removeAll: removeTree}
}

// DirOptions configure NewDir. The zero DirOptions waits silently, and
// replaces only a folder that is empty or a previous build.
type DirOptions struct {
	// Waiting, when not nil, is called once if the build must wait for
	// another build of the same folder to finish.
	Waiting func()
	// Force lets the build replace a folder that holds files but is not
	// a previous build (see IsOutput), deleting them.
	Force bool
}

// Marker is the file at the root of every build a Dir writes: a later
// build knows the folder by it as one it may replace.
const Marker = ".ducha-output"

// markerText is what the Marker file says to someone who opens it.
const markerText = "This folder was written by ducha build, which replaces it whole on the\n" +
	"next build: keep no files of your own here.\n"

// ErrNotFolder is returned by NewDir for a target that exists and is not
// a folder, a file or a link (callers resolve links first): a build would
// replace it with a folder.
var ErrNotFolder = errors.New("the output is not a folder")

// ErrForeign is returned by NewDir for a target folder that holds files
// and is not a previous build, unless DirOptions.Force is set: a build
// would delete them.
var ErrForeign = errors.New("the output folder holds files ducha did not write")

// ErrReadOnly is returned by NewDir for a target folder whose owner may
// not write to it (by its mode, whoever runs ducha): someone made it
// read-only, and a build leaves it as it is rather than replace it.
var ErrReadOnly = errors.New("the output folder is read-only")

// NewDir starts a build of the folder target. Nothing visible changes until
// Commit. When another build of target is under way, NewDir waits for it
// to finish, or for ctx to be done. What builds killed before they could
// clean up left beside the target is removed; a previous build that one
// had moved aside and not back is put back.
func NewDir(ctx context.Context, target string, opts DirOptions) (*Dir, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	target = filepath.Clean(target)
	parent, base := filepath.Dir(target), filepath.Base(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	l, err := acquire(ctx, filepath.Join(parent, "."+base+".lock"), opts.Waiting)
	if err != nil {
		return nil, err
	}
	d := &Dir{target: target, lock: l, ops: osOps(), dirs: map[string]bool{}}
	if err := d.start(opts.Force); err != nil {
		l.release()
		return nil, err
	}
	return d, nil
}

// start checks the target and makes the folder of the new build, with
// the lock held.
func (d *Dir) start(force bool) error {
	if d.lock.exclusive() {
		removeStale(d.target, d.ops.removeAll)
	}
	if err := checkTarget(d.target, force); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(d.target), "."+filepath.Base(d.target)+".new-")
	if err != nil {
		return err
	}
	d.tmp = tmp
	if err = os.Chmod(tmp, 0o755); err == nil {
		err = os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644)
	}
	var fi os.FileInfo
	if err == nil {
		fi, err = os.Stat(filepath.Join(tmp, Marker))
	}
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	// The marker has the permissions that the build's files get.
	d.reuse = openReuse(d.target, fi.Mode().Perm())
	return nil
}

// checkTarget refuses a target that a build must not replace.
func checkTarget(target string, force bool) error {
	fi, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("output: %s: %w", target, ErrNotFolder)
	case !force && !empty(target) && !IsOutput(target):
		return fmt.Errorf("output: %s: %w", target, ErrForeign)
	case fi.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("output: %s: %w", target, ErrReadOnly)
	}
	return nil
}

// empty reports whether the folder dir holds nothing; not when it cannot
// be read.
func empty(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	return len(names) == 0
}

// IsOutput reports whether the folder dir is a build of ducha's: it has
// the Marker, or, as builds of versions before the marker have, an
// index.html and assets/echarts.min.js.
func IsOutput(dir string) bool {
	if regular(filepath.Join(dir, Marker)) {
		return true
	}
	return regular(filepath.Join(dir, "index.html")) && regular(filepath.Join(dir, "assets", "echarts.min.js"))
}

func regular(name string) bool {
	fi, err := os.Lstat(name)
	return err == nil && fi.Mode().IsRegular()
}

// removeStale removes what builds killed before they could clean up left
// beside the target: folders named .<base>.new-*. One named
// .<base>.new-*.old is a previous build moved aside: when the target is
// missing, it is put back instead. removeStale must be called with the
// target's lock held, which every build of the target holds from NewDir
// to Commit or Abort: so no build is still writing these.
func removeStale(target string, removeAll func(string) error) {
	parent, prefix := filepath.Dir(target), "."+filepath.Base(target)+".new-"
	entries, _ := os.ReadDir(parent) // not Glob: the name may hold [ or *
	for _, e := range entries {
		if !isLeftover(e.Name(), prefix) {
			continue
		}
		s := filepath.Join(parent, e.Name())
		if strings.HasSuffix(s, ".old") && !exists(target) && os.Rename(s, target) == nil {
			continue
		}
		removeAll(s)
	}
}

// isLeftover reports whether name is prefix followed by the number
// os.MkdirTemp adds, and maybe .old: a build's folder, and not, say, the
// lock of an output named "public.new-1".
func isLeftover(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	rest = strings.TrimSuffix(rest, ".old")
	return ok && rest != "" && strings.Trim(rest, "0123456789") == ""
}

func exists(name string) bool {
	_, err := os.Lstat(name)
	return err == nil
}

// removeTree removes the folder dir and all it holds. dir is a build of
// ducha's own, moved aside or left behind: when a folder in it is
// read-only, that is made writable first.
func removeTree(dir string) error {
	if os.RemoveAll(dir) == nil {
		return nil
	}
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() {
			if fi, err := e.Info(); err == nil {
				os.Chmod(p, fi.Mode().Perm()|0o700)
			}
		}
		return nil
	})
	return os.RemoveAll(dir)
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
	return createNew(p)
}

// createNew creates the file name, new, with the permissions of the
// build's files. A file already there (a name written twice) is removed
// first, never written into: it may be a link to the previous build's
// file (reuse.go), which must stay as it was until Commit, and after an
// Abort.
func createNew(name string) (*os.File, error) {
	const flags = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	f, err := os.OpenFile(name, flags, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err = os.Remove(name); err == nil {
			f, err = os.OpenFile(name, flags, 0o644)
		}
	}
	return f, err
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
// one cannot be moved in. An error says what became of the target: it is
// unchanged; or it holds the new build, and the previous one is left
// beside it; or, when the previous build could not be put back, where
// that is (the next build puts it back).
func (d *Dir) Commit() error {
	if d.lock == nil {
		return errors.New("output: Commit after Commit or Abort")
	}
	defer d.unlock()
	if !exists(d.target) {
		return d.moveIn()
	}
	if err := d.ops.exchange(d.tmp, d.target); err == nil {
		return d.removeOld(d.tmp) // it now holds the previous build
	}
	return d.replaceByRenames()
}

// moveIn moves the new build to the target, which does not exist.
func (d *Dir) moveIn() error {
	if err := d.ops.rename(d.tmp, d.target); err != nil {
		d.ops.removeAll(d.tmp)
		return fmt.Errorf("output: moving the new build into %s: %w; nothing was written", d.target, err)
	}
	return nil
}

// replaceByRenames replaces the target in two steps, where it cannot be
// exchanged with the new build in one.
func (d *Dir) replaceByRenames() error {
	old := d.tmp + ".old"
	if err := d.ops.rename(d.target, old); err != nil {
		d.ops.removeAll(d.tmp)
		return fmt.Errorf("output: moving the previous build in %s aside: %w; %[1]s is unchanged", d.target, err)
	}
	if err := d.ops.rename(d.tmp, d.target); err != nil {
		if err2 := d.ops.rename(old, d.target); err2 != nil {
			return fmt.Errorf("output: moving the new build into %s: %w; nor could the previous build be moved back (%v): it is in %s, and the next build of %[1]s puts it back", d.target, err, err2, old)
		}
		d.ops.removeAll(d.tmp)
		return fmt.Errorf("output: moving the new build into %s: %w; %[1]s is unchanged", d.target, err)
	}
	return d.removeOld(old)
}

// removeOld removes the previous build, moved out of the target.
func (d *Dir) removeOld(old string) error {
	if err := d.ops.removeAll(old); err != nil {
		return fmt.Errorf("output: %s holds the new build, but the previous one could not be removed from %s: %w; remove it by hand", d.target, old, err)
	}
	return nil
}

// Abort removes the unfinished build and releases the lock; the target is
// untouched. It does nothing after Commit or Abort, so that it can be
// deferred.
func (d *Dir) Abort() {
	if d.lock == nil {
		return
	}
	d.ops.removeAll(d.tmp)
	d.unlock()
}

func (d *Dir) unlock() {
	d.reuse.close()
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
