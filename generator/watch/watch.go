// Package watch reports changes to the files of a project, for the preview
// server's rebuilds.
//
// fsnotify watches single folders; Watcher watches trees. It adds every
// folder under its roots, adds and scans folders as they are created, and
// after every batch of events walks the trees again, so that folders that
// were renamed or replaced are watched under their new names. Editors save
// in several ways (write in place; write a temporary file and rename it
// over; rename the old file away and write a new one): every create, write,
// rename and remove counts as a change. Editor litter (backup and swap
// files) and chmod-only events are ignored. Changes that arrive in a burst
// are coalesced into one Batch.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Batch is a set of changed paths, relative to the project root with
// forward slashes, sorted. All is true when events may have been lost, so
// everything must be considered changed.
type Batch struct {
	Paths []string
	All   bool
}

// Options configure a Watcher.
type Options struct {
	// Root is the project folder.
	Root string
	// Trees are folders under Root watched with everything in them, such as
	// "data", "content" and "templates". They need not exist yet.
	Trees []string
	// Files are single files under Root to watch, such as "ducha.yaml" or a
	// font; their folders are watched.
	Files []string
	// Ignore names folders under Root that are never watched, such as the
	// output folder.
	Ignore []string
	// Quiet is how long no event must arrive before a batch is sent;
	// default 30ms.
	Quiet time.Duration
}

// Watcher watches a project.
type Watcher struct {
	opts Options
	fsw  *fsnotify.Watcher
	out  chan Batch

	mu    sync.Mutex
	files []string // Options.Files, as changed by SetFiles
}

// New starts watching. Batches arrive on Changes until ctx is done.
func New(ctx context.Context, opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = 30 * time.Millisecond
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	opts.Root = root
	fsw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, err
	}
	w := &Watcher{opts: opts, fsw: fsw, out: make(chan Batch, 1), files: opts.Files}
	w.rescan()
	go w.loop(ctx)
	return w, nil
}

// SetFiles replaces the single files watched (Options.Files), for when
// the project's configuration names other files, such as its fonts. It
// takes effect with the next batch.
func (w *Watcher) SetFiles(files []string) {
	w.mu.Lock()
	w.files = slices.Clone(files)
	w.mu.Unlock()
}

func (w *Watcher) singleFiles() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files
}

// Changes returns the channel of batches. It is closed when the watcher
// stops.
func (w *Watcher) Changes() <-chan Batch { return w.out }

// Watched returns the folders being watched, for tests.
func (w *Watcher) Watched() []string {
	list := w.fsw.WatchList()
	slices.Sort(list)
	return list
}

func (w *Watcher) loop(ctx context.Context) {
	defer close(w.out)
	defer w.fsw.Close()
	pending := map[string]bool{}
	all := false
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if rel, keep := w.relevant(ev); keep {
				pending[rel] = true
				if ev.Has(fsnotify.Create) {
					w.addTree(ev.Name, pending)
				}
				timer.Reset(w.opts.Quiet)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				all = true
				timer.Reset(w.opts.Quiet)
			}
		case <-timer.C:
			w.rescan()
			b := Batch{All: all}
			for p := range pending {
				b.Paths = append(b.Paths, p)
			}
			slices.Sort(b.Paths)
			clear(pending)
			all = false
			select {
			case w.out <- b:
			case <-ctx.Done():
				return
			}
		}
	}
}

// relevant reports whether an event counts as a change, and the path
// relative to the root.
func (w *Watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	rel, err := filepath.Rel(w.opts.Root, ev.Name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if Litter(filepath.Base(rel)) || w.ignored(rel) {
		return "", false
	}
	return rel, w.inTrees(rel) || slices.Contains(w.singleFiles(), rel)
}

func (w *Watcher) inTrees(rel string) bool {
	for _, t := range w.opts.Trees {
		if rel == t || strings.HasPrefix(rel, t+"/") {
			return true
		}
	}
	return false
}

func (w *Watcher) ignored(rel string) bool {
	for _, ig := range w.opts.Ignore {
		if rel == ig || strings.HasPrefix(rel, ig+"/") {
			return true
		}
	}
	return false
}

// Litter reports whether a file name is an editor's backup, swap or lock
// file: *~, .*.swp (and .swx, .swo), vim's 4913 probe, emacs' .#* and #*#.
func Litter(name string) bool {
	switch {
	case strings.HasSuffix(name, "~"), name == "4913",
		strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, ".") && (strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".swo")):
		return true
	}
	return false
}

// rescan drops watches of folders that are gone and adds every folder of
// the trees, and the folders of the single files.
func (w *Watcher) rescan() {
	for _, dir := range w.fsw.WatchList() {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			w.fsw.Remove(dir)
		}
	}
	w.fsw.Add(w.opts.Root)
	for _, f := range w.singleFiles() {
		w.fsw.Add(filepath.Join(w.opts.Root, filepath.FromSlash(filepath.Dir(f))))
	}
	for _, t := range w.opts.Trees {
		w.addTree(filepath.Join(w.opts.Root, filepath.FromSlash(t)), nil)
	}
}

// addTree watches dir and every folder under it. Files found are added to
// changed (when not nil): they may have been written before the watch
// existed, and would send no event.
func (w *Watcher) addTree(dir string, changed map[string]bool) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(w.opts.Root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if w.ignored(rel) || (strings.HasPrefix(d.Name(), ".") && p != dir) {
				return fs.SkipDir
			}
			w.fsw.Add(p)
			return nil
		}
		if changed != nil && !Litter(d.Name()) {
			changed[rel] = true
		}
		return nil
	})
}
