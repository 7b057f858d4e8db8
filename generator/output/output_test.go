package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func write(t *testing.T, w Writer, name, data string) {
	t.Helper()
	if err := WriteFile(w, name, []byte(data)); err != nil {
		t.Fatal(err)
	}
}

// tree returns the files under dir and what they hold, all but the Marker.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == filepath.Join(dir, Marker) {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func siblings(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func newDir(t *testing.T, target string) *Dir {
	t.Helper()
	d, err := NewDir(context.Background(), target, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// kill leaves d as a build killed before Commit leaves it: its folder
// stays, and the system releases its lock.
func kill(d *Dir) {
	if d.lock.f != nil {
		d.lock.f.Close()
	}
}

func TestDirCommitReplacesEverything(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	d := newDir(t, target)
	write(t, d, "index.html", "one")
	write(t, d, "old/stale.html", "stale")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d = newDir(t, target)
	write(t, d, "index.html", "two")
	write(t, d, "a/b/c.html", "deep")
	if got := tree(t, target); got["index.html"] != "one" {
		t.Fatalf("target changed before Commit: %v", got)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "two", "a/b/c.html": "deep"}
	if got := tree(t, target); !maps.Equal(got, want) {
		t.Errorf("after commit: %v, want %v", got, want)
	}
	if got := siblings(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("litter beside the target: %v", got)
	}
}

func TestDirAbortLeavesTarget(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	d := newDir(t, target)
	write(t, d, "index.html", "old")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d = newDir(t, target)
	write(t, d, "index.html", "new")
	d.Abort()
	if got := tree(t, target); !maps.Equal(got, map[string]string{"index.html": "old"}) {
		t.Errorf("abort changed the target: %v", got)
	}
	if got := siblings(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("litter beside the target: %v", got)
	}
}

// A build killed before Commit leaves only a hidden folder, which the next
// build removes; the target is whole throughout.
func TestDirKilledBuildIsCleanedUp(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	d := newDir(t, target)
	write(t, d, "index.html", "half")
	kill(d)
	d2 := newDir(t, target)
	write(t, d2, "index.html", "whole")
	if err := d2.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := siblings(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("stale build not removed: %v", got)
	}
}

func TestInvalidNames(t *testing.T) {
	var m Memory
	for _, name := range []string{"../x", "/abs", "a/../../b", "", ".", `a\b`} {
		if _, err := m.Create(name); err == nil {
			t.Errorf("Create(%q) succeeded", name)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "b.pdf")
	os.WriteFile(name, []byte("old"), 0o644)
	err := WriteFileAtomic(name, func(w io.Writer) error {
		w.Write([]byte("partial"))
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if data, _ := os.ReadFile(name); string(data) != "old" {
		t.Errorf("failed write changed the file: %q", data)
	}
	if err := WriteFileAtomic(name, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(name); string(data) != "new" {
		t.Errorf("got %q", data)
	}
	if got := siblings(t, dir); !slices.Equal(got, []string{"b.pdf"}) {
		t.Errorf("litter: %v", got)
	}
}

// TestReplaceFile: a user's file keeps its permissions, and a symbolic
// link stays a link to the file that changed.
func TestReplaceFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "zj.yaml")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(real, 0o640); err != nil { // whatever the umask
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("zj.yaml", link); err != nil {
		t.Fatal(err)
	}
	if err := ReplaceFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(real); string(data) != "new" {
		t.Errorf("the linked file holds %q", data)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", fi.Mode(), err)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	if got := siblings(t, dir); !slices.Equal(got, []string{"link.yaml", "zj.yaml"}) {
		t.Errorf("litter: %v", got)
	}
	if err := ReplaceFile(filepath.Join(dir, "missing.yaml"), nil); err == nil {
		t.Error("no error for a file that does not exist")
	}
}

// buildFiles writes a build of target whose every file holds id, and
// commits it.
func buildFiles(ctx context.Context, target, id string, files int) error {
	d, err := NewDir(ctx, target, DirOptions{})
	if err != nil {
		return err
	}
	defer d.Abort()
	for i := range files {
		if err := WriteFile(d, fmt.Sprintf("d%d/%d.html", i%4, i), []byte(id)); err != nil {
			return err
		}
	}
	return d.Commit()
}

// TestDirConcurrentBuilds: builds of one folder at the same time all
// succeed, and the folder is always one build whole, never a mix nor a
// build with files missing; nothing is left beside it.
func TestDirConcurrentBuilds(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	const builders, rounds, files = 4, 5, 40
	errs := make(chan error, builders*rounds)
	var wg sync.WaitGroup
	for b := range builders {
		wg.Go(func() {
			for r := range rounds {
				errs <- buildFiles(context.Background(), target, fmt.Sprint(b, "-", r), files)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	got := tree(t, target)
	ids := map[string]bool{}
	for _, id := range got {
		ids[id] = true
	}
	if len(got) != files || len(ids) != 1 {
		t.Errorf("the output is not one whole build: %d files (want %d) from %d builds", len(got), files, len(ids))
	}
	if got := siblings(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("litter beside the target: %v", got)
	}
}

// TestDirWaitsForAnotherBuild: a build started while another of the same
// folder is under way says it waits, and starts when the other is done;
// one whose context ends while it waits gives up and leaves nothing.
func TestDirWaitsForAnotherBuild(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	first := newDir(t, target)
	write(t, first, "index.html", "first")

	ctx, cancel := context.WithCancel(context.Background())
	waited := make(chan bool)
	go func() {
		_, err := NewDir(ctx, target, DirOptions{Waiting: cancel})
		waited <- errors.Is(err, context.Canceled)
	}()
	if !<-waited {
		t.Error("a build whose context ended while it waited did not stop with context.Canceled")
	}

	waiting := make(chan struct{})
	second := make(chan error)
	go func() {
		d, err := NewDir(context.Background(), target, DirOptions{Waiting: func() { close(waiting) }})
		if err == nil {
			if err = WriteFile(d, "index.html", []byte("second")); err == nil {
				err = d.Commit()
			}
		}
		second <- err
	}()
	<-waiting
	write(t, first, "more.html", "first")
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	if got := tree(t, target); !maps.Equal(got, map[string]string{"index.html": "second"}) {
		t.Errorf("after both builds: %v", got)
	}
	if got := siblings(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("litter beside the target: %v", got)
	}
}

// failing returns ops that fail where asked: the exchange, the renames
// numbered in renames (from 1), and every removal when remove is set.
func failing(exchange bool, remove bool, renames ...int) fileOps {
	ops, n := osOps(), 0
	fail := errors.New("injected failure")
	if exchange {
		ops.exchange = func(a, b string) error { return fail }
	}
	if remove {
		ops.removeAll = func(string) error { return fail }
	}
	rename := ops.rename
	ops.rename = func(from, to string) error {
		n++
		if slices.Contains(renames, n) {
			return fail
		}
		return rename(from, to)
	}
	return ops
}

// TestDirCommitFailures: whichever step of Commit fails, its error says
// truly what became of the target and names what is left beside it, and
// nothing else is left; the next build starts from the previous output
// and removes what was left.
func TestDirCommitFailures(t *testing.T) {
	for _, tc := range []struct {
		name     string
		previous bool // the target holds a previous build
		ops      fileOps
		want     string // in the error; "" for none
		after    string // what the target's index.html holds; "" when it is missing
		left     int    // folders left beside the target
	}{
		{"new folder", false, failing(false, false), "", "new", 0},
		{"new folder, rename fails", false, failing(false, false, 1), "nothing was written", "", 0},
		{"exchange", true, failing(false, false), "", "new", 0},
		{"exchange, previous not removed", true, failing(false, true), "holds the new build, but the previous one could not be removed from", "new", 1},
		{"renames", true, failing(true, false), "", "new", 0},
		{"renames, previous not moved aside", true, failing(true, false, 1), "is unchanged", "old", 0},
		{"renames, new not moved in", true, failing(true, false, 2), "is unchanged", "old", 0},
		{"renames, new not moved in nor previous back", true, failing(true, false, 2, 3), "nor could the previous build be moved back", "", 2},
		{"renames, previous not removed", true, failing(true, true), "holds the new build, but the previous one could not be removed from", "new", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			target := filepath.Join(root, "public")
			if tc.previous {
				d := newDir(t, target)
				write(t, d, "index.html", "old")
				if err := d.Commit(); err != nil {
					t.Fatal(err)
				}
			}
			d := newDir(t, target)
			write(t, d, "index.html", "new")
			d.ops = tc.ops
			err := d.Commit()
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("Commit: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("Commit: %v, want an error saying %q", err, tc.want)
			}
			if got, _ := os.ReadFile(filepath.Join(target, "index.html")); string(got) != tc.after {
				t.Errorf("the target holds %q, want %q", got, tc.after)
			}
			left := slices.DeleteFunc(siblings(t, root), func(s string) bool { return s == "public" })
			if len(left) != tc.left {
				t.Errorf("left beside the target: %v, want %d folders", left, tc.left)
			}
			for _, l := range left {
				prev, _ := os.ReadFile(filepath.Join(root, l, "index.html"))
				if string(prev) == "old" && (err == nil || !strings.Contains(err.Error(), l)) {
					t.Errorf("the previous build is left in %s, and the error does not say so: %v", l, err)
				}
			}
			next := newDir(t, target)
			next.Abort()
			want := tc.after
			if tc.previous && want == "" {
				want = "old" // put back
			}
			if got, _ := os.ReadFile(filepath.Join(target, "index.html")); string(got) != want {
				t.Errorf("after the next build started: the target holds %q, want %q", got, want)
			}
			if got := siblings(t, root); len(got) > 1 || len(got) == 1 && got[0] != "public" {
				t.Errorf("after the next build: litter beside the target: %v", got)
			}
		})
	}
}

// TestDirRefusesReadOnlyTarget: a target its owner made read-only is left
// as it is, whoever runs the build (root too), with nothing beside it.
func TestDirRefusesReadOnlyTarget(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	d := newDir(t, target)
	write(t, d, "index.html", "old")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(target, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(target, 0o755) })
	for range 2 {
		if _, err := NewDir(context.Background(), target, DirOptions{}); !errors.Is(err, ErrReadOnly) {
			t.Fatalf("NewDir: %v, want ErrReadOnly", err)
		}
	}
	if got := tree(t, target); !maps.Equal(got, map[string]string{"index.html": "old"}) {
		t.Errorf("the target changed: %v", got)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o555 {
		t.Errorf("mode %v, want 0555", fi.Mode().Perm())
	}
	if got := siblings(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("litter beside the target: %v", got)
	}
}

// TestDirReplacesReadOnlySubfolders: read-only folders inside the
// previous build do not stop its removal. Root ignores the modes anyway,
// so the test says something only when not run as root.
func TestDirReplacesReadOnlySubfolders(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	d := newDir(t, target)
	write(t, d, "assets/site.css", "old")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(target, "assets"), 0o555); err != nil {
		t.Fatal(err)
	}
	d = newDir(t, target)
	write(t, d, "assets/site.css", "new")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, target); !maps.Equal(got, map[string]string{"assets/site.css": "new"}) {
		t.Errorf("after commit: %v", got)
	}
	if got := siblings(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("litter beside the target: %v", got)
	}
}

// TestDirMarksItsOutput: a build carries the Marker, by which the next
// build knows it.
func TestDirMarksItsOutput(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	d := newDir(t, target)
	write(t, d, "index.html", "one")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(target, Marker)); err != nil {
		t.Error(err)
	}
	if !IsOutput(target) {
		t.Error("IsOutput is false for a build")
	}
}

// TestDirRefusesTargets: a build replaces nothing but an empty folder or
// a previous build, of this version (with the Marker) or of earlier ones;
// Force lets it replace any other folder, never a file. A refused target
// is left as it was, with nothing beside it.
func TestDirRefusesTargets(t *testing.T) {
	files := func(names ...string) func(string) {
		return func(target string) {
			for _, n := range names {
				p := filepath.Join(target, filepath.FromSlash(n))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, []byte(n), 0o644)
			}
		}
	}
	for _, tc := range []struct {
		name  string
		make  func(target string)
		force bool
		want  error
	}{
		{"missing", func(string) {}, false, nil},
		{"empty folder", func(target string) { os.Mkdir(target, 0o755) }, false, nil},
		{"previous build", files(Marker, "index.html"), false, nil},
		{"build of an earlier version", files("index.html", "assets/echarts.min.js", "findings/zj-01.html"), false, nil},
		{"folder of other files", files("thesis.docx", "photos/a.jpg"), false, ErrForeign},
		{"another site", files("index.html", "assets/app.js"), false, ErrForeign},
		{"folder of other files, forced", files("thesis.docx"), true, nil},
		{"file", func(target string) { os.WriteFile(target, []byte("notes"), 0o644) }, false, ErrNotFolder},
		{"file, forced", func(target string) { os.WriteFile(target, []byte("notes"), 0o644) }, true, ErrNotFolder},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			target := filepath.Join(root, "out")
			tc.make(target)
			before := siblings(t, root)
			var inside map[string]string
			if fi, err := os.Stat(target); err == nil && fi.IsDir() {
				inside = tree(t, target)
			}
			d, err := NewDir(context.Background(), target, DirOptions{Force: tc.force})
			if !errors.Is(err, tc.want) {
				t.Fatalf("NewDir: %v, want %v", err, tc.want)
			}
			if err == nil {
				write(t, d, "index.html", "new")
				if err := d.Commit(); err != nil {
					t.Fatal(err)
				}
				if got := tree(t, target); !maps.Equal(got, map[string]string{"index.html": "new"}) {
					t.Errorf("after the build: %v", got)
				}
				return
			}
			if inside != nil && !maps.Equal(tree(t, target), inside) {
				t.Errorf("the refused folder changed: %v", tree(t, target))
			}
			if data, err := os.ReadFile(target); inside == nil && string(data) != "notes" {
				t.Errorf("the refused file changed: %q, %v", data, err)
			}
			if got := siblings(t, root); !slices.Equal(got, before) {
				t.Errorf("beside the target: %v, want %v", got, before)
			}
		})
	}
}

// TestDirKeepsOtherFoldersBuilds: a build removes the leftovers of its own
// folder only, even when its name holds characters of a glob pattern, or
// another folder's name starts with its leftovers' names.
func TestDirKeepsOtherFoldersBuilds(t *testing.T) {
	for _, tc := range []struct{ name, other string }{
		{"site[1]", "site1"},
		{"site", "site.new-1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			other := newDir(t, filepath.Join(root, tc.other))
			write(t, other, "index.html", "other")
			newDir(t, filepath.Join(root, tc.name)).Abort()
			if got := siblings(t, root); len(got) != 2 {
				t.Errorf("the other folder's build folder or lock is gone: %v", got)
			}
			if err := other.Commit(); err != nil {
				t.Fatal(err)
			}
			if got := tree(t, filepath.Join(root, tc.other)); !maps.Equal(got, map[string]string{"index.html": "other"}) {
				t.Errorf("the other folder's build: %v", got)
			}
		})
	}
}
