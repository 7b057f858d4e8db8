package output

import (
	"context"
	"os"
	"sync"
)

// lock is held by one build of a folder at a time, across processes: it
// is a lock on a file beside the folder, which the holder removes when it
// is done.
type lock struct {
	f    *os.File // nil where the system has no file locks
	name string
}

// acquire takes the lock of the file name, creating the file, and waits
// while another holds it, calling waiting (if not nil) once, until ctx is
// done.
func acquire(ctx context.Context, name string, waiting func()) (*lock, error) {
	once := func() {}
	if waiting != nil {
		once = sync.OnceFunc(waiting)
	}
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		held, err := lockFile(ctx, f, once)
		if err != nil {
			f.Close()
			return nil, err
		}
		if !held {
			f.Close()
			return &lock{name: name}, nil
		}
		if current(f, name) {
			return &lock{f: f, name: name}, nil
		}
		f.Close() // the holder before removed the file as it finished
	}
}

// current reports whether f is still the file name: a holder removes the
// file before releasing the lock, so a waiter that then gets the lock of
// the removed file must take the lock again, of the file now there.
func current(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(name)
	return err == nil && os.SameFile(a, b)
}

// exclusive reports whether no other build of the folder can be under way:
// false where the system has no file locks.
func (l *lock) exclusive() bool { return l.f != nil }

// release removes the lock file and lets the next build have the lock.
func (l *lock) release() {
	os.Remove(l.name)
	if l.f != nil {
		l.f.Close()
	}
}
