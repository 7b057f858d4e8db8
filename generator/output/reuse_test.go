//go:build linux

package output

import (
	"maps"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// inode returns the inode and link count of the file name.
func inode(t *testing.T, name string) (ino uint64, nlink uint64) {
	t.Helper()
	fi, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	return st.Ino, uint64(st.Nlink)
}

// build writes files into target, as a build does, and commits.
func build(t *testing.T, target string, files map[string]string) *Dir {
	t.Helper()
	d := newDir(t, target)
	for name, data := range files {
		write(t, d, name, data)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDirReusesUnchanged: a build links the files of the previous build
// that it writes with the same bytes, writes the others, and drops those
// it does not write; the folder holds what a build into an empty folder
// would.
func TestDirReusesUnchanged(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	build(t, target, map[string]string{"index.html": "one", "a/same.html": "same", "a/longer.html": "old", "gone.html": "x", "empty": ""})
	same, _ := inode(t, filepath.Join(target, "a", "same.html"))
	changed, _ := inode(t, filepath.Join(target, "a", "longer.html"))

	want := map[string]string{"index.html": "two", "a/same.html": "same", "a/longer.html": "older", "new/x.html": "new", "empty": ""}
	d := build(t, target, want)
	if got := tree(t, target); !maps.Equal(got, want) {
		t.Errorf("after the build: %v, want %v", got, want)
	}
	if ino, nlink := inode(t, filepath.Join(target, "a", "same.html")); ino != same || nlink != 1 {
		t.Errorf("the unchanged file was not reused (inode %d, was %d), or is still linked elsewhere (%d links)", ino, same, nlink)
	}
	if ino, _ := inode(t, filepath.Join(target, "a", "longer.html")); ino == changed {
		t.Error("a changed file kept its inode")
	}
	if got := d.Reused(); got != 2 {
		t.Errorf("Reused() = %d, want 2 (a/same.html and empty)", got)
	}
	if got := siblings(t, root); len(got) != 1 {
		t.Errorf("litter beside the target: %v", got)
	}
}

// TestDirReusesOnlyItsOwn: a file of the previous build is written again,
// not linked, when it is not the previous build's alone: a link, a file
// in a linked folder, a file linked from elsewhere, a file whose
// permissions someone changed. What is outside the build stays as it was.
func TestDirReusesOnlyItsOwn(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	outside := filepath.Join(root, "outside")
	if err := os.MkdirAll(filepath.Join(outside, "dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"linked.html", "dir/in-linked-dir.html"} {
		if err := os.WriteFile(filepath.Join(outside, name), []byte("same"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build(t, target, map[string]string{"hard.html": "same", "private.html": "same", "own.html": "same"})
	mustDo(t, os.Symlink(filepath.Join(outside, "linked.html"), filepath.Join(target, "linked.html")))
	mustDo(t, os.Symlink(filepath.Join(outside, "dir"), filepath.Join(target, "dir")))
	mustDo(t, os.Link(filepath.Join(target, "hard.html"), filepath.Join(outside, "hard.html")))
	mustDo(t, os.Chmod(filepath.Join(target, "private.html"), 0o600))
	before := map[string]uint64{}
	for _, name := range []string{"hard.html", "private.html", "own.html"} {
		before[name], _ = inode(t, filepath.Join(target, name))
	}

	files := map[string]string{"hard.html": "same", "private.html": "same", "own.html": "same", "linked.html": "same", "dir/in-linked-dir.html": "same"}
	d := build(t, target, files)
	if got := tree(t, target); !maps.Equal(got, files) {
		t.Errorf("after the build: %v, want %v", got, files)
	}
	for name := range files {
		fi, err := os.Lstat(filepath.Join(target, name))
		if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644&^umask(t) {
			t.Errorf("%s: %v %v, want a regular file of mode %v", name, fi.Mode(), err, 0o644&^umask(t))
		}
	}
	for name, ino := range before {
		got, _ := inode(t, filepath.Join(target, name))
		if (got == ino) != (name == "own.html") {
			t.Errorf("%s: reused %v, want %v", name, got == ino, name == "own.html")
		}
	}
	if got := d.Reused(); got != 1 {
		t.Errorf("Reused() = %d, want 1", got)
	}
	// What was outside is untouched, and no longer shared with the build.
	if err := os.WriteFile(filepath.Join(outside, "hard.html"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, target)["hard.html"]; got != "same" {
		t.Errorf("an edit outside the build shows in it: %q", got)
	}
	if got := tree(t, outside); got["linked.html"] != "same" || got["dir/in-linked-dir.html"] != "same" {
		t.Errorf("the build changed files outside it: %v", got)
	}
}

// TestDirAbortAfterReuse: a build that reused files and is aborted leaves
// the previous build as it was, its files linked nowhere else.
func TestDirAbortAfterReuse(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "public")
	build(t, target, map[string]string{"index.html": "same"})
	d := newDir(t, target)
	write(t, d, "index.html", "same")
	if _, nlink := inode(t, filepath.Join(target, "index.html")); nlink != 2 {
		t.Fatalf("the file was not reused: %d links", nlink)
	}
	d.Abort()
	if got := tree(t, target); !maps.Equal(got, map[string]string{"index.html": "same"}) {
		t.Errorf("abort changed the target: %v", got)
	}
	if _, nlink := inode(t, filepath.Join(target, "index.html")); nlink != 1 {
		t.Errorf("%d links to the previous build's file after abort", nlink)
	}
}

// TestDirReuseStops: a build whose files all changed stops reading the
// previous build's back.
func TestDirReuseStops(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	files := map[string]string{}
	for i := range 2 * reuseProbe {
		files[filepath.Join("f", string(rune('a'+i%26)), string(rune('a'+i/26))+".html")] = "old"
	}
	build(t, target, files)
	d := newDir(t, target)
	defer d.Abort()
	for name := range files {
		write(t, d, name, "new")
	}
	if tried := d.reuse.tried.Load(); tried != reuseProbe+1 || !d.reuse.off.Load() {
		t.Errorf("tried %d files, want %d and then stop", tried, reuseProbe+1)
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func umask(t *testing.T) os.FileMode {
	t.Helper()
	name := filepath.Join(t.TempDir(), "probe")
	mustDo(t, os.WriteFile(name, nil, 0o777))
	fi, err := os.Stat(name)
	mustDo(t, err)
	return 0o777 &^ fi.Mode().Perm()
}

// TestDirRewriteAfterReuse: a name written again after it was linked to
// the previous build's file, whole or through Create, gets a file of its
// own: the previous build's file keeps its bytes until the commit, and
// after an abort.
func TestDirRewriteAfterReuse(t *testing.T) {
	for _, how := range []string{"WriteFile", "Create"} {
		t.Run(how, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "public")
			build(t, target, map[string]string{"index.html": "same"})
			d := newDir(t, target)
			write(t, d, "index.html", "same")
			if _, nlink := inode(t, filepath.Join(target, "index.html")); nlink != 2 {
				t.Fatalf("the file was not reused: %d links", nlink)
			}
			if how == "WriteFile" {
				write(t, d, "index.html", "changed")
			} else {
				f, err := d.Create("index.html")
				mustDo(t, err)
				_, err = f.Write([]byte("changed"))
				mustDo(t, err)
				mustDo(t, f.Close())
			}
			if got := tree(t, target)["index.html"]; got != "same" {
				t.Fatalf("writing the new build changed the previous one: %q", got)
			}
			d.Abort()
			if got := tree(t, target); !maps.Equal(got, map[string]string{"index.html": "same"}) {
				t.Errorf("after abort: %v", got)
			}
		})
	}
}
