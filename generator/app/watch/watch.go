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
//
// A folder of a tree may be a link to another folder of the project (data
// itself, or data/2015/provinces): the watcher follows such links, watches
// the folders they lead to, and reports changes there under the paths the
// project sees them by, through the links. It follows no link that leads
// outside Root, into an ignored folder, or back up to a folder it came
// through.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
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
	root string // Root, absolute, with every link resolved
	fsw  *fsnotify.Watcher
	out  chan Batch

	mu    sync.Mutex
	files []string // Options.Files, as changed by SetFiles

	// names maps each folder watched, by its real path (fsnotify names
	// events after it), to the paths relative to Root, with forward
	// slashes, by which the project sees it: more than one when links lead
	// to it. Only the goroutine of loop uses it, after New.
	names map[string][]string
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
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	fsw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, err
	}
	w := &Watcher{opts: opts, root: root, fsw: fsw, out: make(chan Batch, 1), files: opts.Files}
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

// Watched returns the folders being watched, by their real paths, for
// tests.
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
			for _, rel := range w.relevant(ev) {
				pending[rel] = true
				if ev.Has(fsnotify.Create) {
					w.addTree(rel, pending)
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

// relevant returns the paths, relative to the root, by which the project
// sees the file of an event that counts as a change: none for an event
// that does not count.
func (w *Watcher) relevant(ev fsnotify.Event) []string {
	if ev.Op == fsnotify.Chmod || Litter(filepath.Base(ev.Name)) {
		return nil
	}
	var rels []string
	for _, rel := range w.namesOf(ev.Name) {
		if !w.ignored(rel) && (w.inTrees(rel) || slices.Contains(w.singleFiles(), rel)) {
			rels = append(rels, rel)
		}
	}
	return rels
}

// namesOf returns the paths relative to the root by which the project
// sees the file or folder name, an event's path: that of a watched folder
// itself, or of a file or folder in one.
func (w *Watcher) namesOf(name string) []string {
	names := slices.Clone(w.names[name])
	for _, dir := range w.names[filepath.Dir(name)] {
		names = append(names, path.Join(dir, filepath.Base(name)))
	}
	return names
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

// rescan watches every folder of the trees and the folders of the single
// files, and drops the watches of folders that are gone or that no path
// of the project leads to any more. It drops them first: a folder renamed
// is still watched under its old name, and is watched under its new one
// only once that watch is gone.
func (w *Watcher) rescan() {
	names := map[string][]string{}
	record(".", w.root, names)
	for _, t := range w.opts.Trees {
		w.find(t, names, nil)
	}
	for _, f := range w.singleFiles() {
		if dir := path.Dir(f); dir != "." {
			if real, ok := w.resolve(dir); ok {
				record(dir, real, names)
			}
		}
	}
	for _, dir := range w.fsw.WatchList() {
		if _, ok := names[dir]; !ok {
			w.fsw.Remove(dir)
		}
	}
	w.names = map[string][]string{}
	w.watch(names)
}

// addTree watches the folder rel (relative to the root, with forward
// slashes), just made, and every folder under it. Files found are added
// to changed: they may have been written before the watch existed, and
// would send no event.
func (w *Watcher) addTree(rel string, changed map[string]bool) {
	found := map[string][]string{}
	w.find(rel, found, changed)
	w.watch(found)
}

// watch watches the folders of names, and adds their names to w.names.
func (w *Watcher) watch(names map[string][]string) {
	for real, rels := range names {
		for _, rel := range rels {
			record(rel, real, w.names)
		}
		w.fsw.Add(real)
	}
}

// record records in names that the project sees the folder real as rel.
func record(rel, real string, names map[string][]string) {
	if !slices.Contains(names[real], rel) {
		names[real] = append(names[real], rel)
	}
}

// find records in names the folder rel, if it is one, and every folder
// under it, following links, but none back to the root, which holds them
// all. Files found are added to changed, when it is not nil.
func (w *Watcher) find(rel string, names map[string][]string, changed map[string]bool) {
	if real, ok := w.resolve(rel); ok {
		w.walk(rel, real, names, changed, []string{w.root})
	}
}

// resolve returns the real path of the folder rel, if it is one, inside
// the root and not ignored.
func (w *Watcher) resolve(rel string) (string, bool) {
	real, err := filepath.EvalSymlinks(filepath.Join(w.root, filepath.FromSlash(rel)))
	if err != nil {
		return "", false
	}
	inside, err := filepath.Rel(w.root, real)
	if err != nil || inside == ".." || strings.HasPrefix(inside, ".."+string(filepath.Separator)) || w.ignored(filepath.ToSlash(inside)) {
		return "", false
	}
	if fi, err := os.Stat(real); err != nil || !fi.IsDir() {
		return "", false
	}
	return real, true
}

// walk records the folder real, seen as rel, and the folders under it.
// above holds the real paths of the folders walked through to reach it,
// so that a link back up is not followed. A folder already recorded under
// another name is recorded under this one too, but not walked again.
func (w *Watcher) walk(rel, real string, names map[string][]string, changed map[string]bool, above []string) {
	if w.ignored(rel) || slices.Contains(above, real) {
		return
	}
	seen := len(names[real]) > 0
	record(rel, real, names)
	entries, err := os.ReadDir(real)
	if seen || err != nil {
		return
	}
	above = append(above, real)
	for _, e := range entries {
		child := path.Join(rel, e.Name())
		if e.IsDir() || e.Type()&fs.ModeSymlink != 0 {
			if target, ok := w.resolve(child); ok {
				if !strings.HasPrefix(e.Name(), ".") {
					w.walk(child, target, names, changed, above)
				}
				continue
			}
		}
		if changed != nil && !Litter(e.Name()) {
			changed[child] = true
		}
	}
}
