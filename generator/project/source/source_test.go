package source

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// project makes a project folder holding the files of tree (path: text),
// and returns its path and the path of a folder beside it, outside the
// project.
func project(t *testing.T, tree map[string]string) (dir, outside string) {
	t.Helper()
	base := t.TempDir()
	dir, outside = filepath.Join(base, "project"), filepath.Join(base, "outside")
	for _, d := range []string{dir, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range tree {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, outside
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// TestFiles: regular files and folders read as with os.DirFS, and the FS
// passes the standard library's checks of a file system.
func TestFiles(t *testing.T) {
	dir, _ := project(t, map[string]string{"ducha.yaml": "language: zh\n", "data/units.yaml": "- id: a\n", "content/2015/overview.md": "# 概况\n"})
	fsys := Dir(dir)
	if err := fstest.TestFS(fsys, "ducha.yaml", "data/units.yaml", "content/2015/overview.md"); err != nil {
		t.Fatal(err)
	}
	if data, err := fs.ReadFile(fsys, "content/2015/overview.md"); err != nil || string(data) != "# 概况\n" {
		t.Errorf("ReadFile = %q, %v", data, err)
	}
	if _, err := fs.ReadFile(fsys, "data/missing.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
	if _, err := fs.ReadFile(fsys, "ducha.yaml/x"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a path through a file: %v, want fs.ErrNotExist", err)
	}
}

// TestLinksInside: a link that stays inside the project is followed, be it
// relative or absolute, to a file or to a folder (data/ kept elsewhere in
// the project); a file reached through it reads as the file itself.
func TestLinksInside(t *testing.T) {
	dir, _ := project(t, map[string]string{"shared/data/units.yaml": "- id: a\n", "content/2015/provinces/zj.md": "浙江\n"})
	symlink(t, "shared/data", filepath.Join(dir, "data"))
	symlink(t, "zj.md", filepath.Join(dir, "content/2015/provinces/zhejiang.md"))
	symlink(t, filepath.Join(dir, "content/2015/provinces/zj.md"), filepath.Join(dir, "content/2015/provinces/abs.md"))
	fsys := Dir(dir)
	for name, want := range map[string]string{
		"data/units.yaml":                    "- id: a\n",
		"content/2015/provinces/zhejiang.md": "浙江\n",
		"content/2015/provinces/abs.md":      "浙江\n",
	} {
		if data, err := fs.ReadFile(fsys, name); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
	entries, err := fs.ReadDir(fsys, "data")
	if err != nil || len(entries) != 1 || entries[0].Name() != "units.yaml" {
		t.Errorf("ReadDir(data) = %v, %v", entries, err)
	}
	var walked []string
	err = fs.WalkDir(fsys, "data", func(name string, _ fs.DirEntry, err error) error {
		walked = append(walked, name)
		return err
	})
	if err != nil || strings.Join(walked, " ") != "data data/units.yaml" {
		t.Errorf("WalkDir(data) = %v, %v", walked, err)
	}
	if fi, err := fs.Stat(fsys, "content/2015/provinces/abs.md"); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("Stat of an absolute link inside: %v, %v", fi, err)
	}
}

// TestRefused: what leads outside the project, nowhere, or round in a
// circle, what is not a regular file, and what is too large is refused
// with a reason, by every way of reaching it, and nothing blocks.
func TestRefused(t *testing.T) {
	dir, outside := project(t, map[string]string{"data/units.yaml": "- id: a\n", "data/big.yaml": ""})
	c := filepath.Join(dir, "content")
	if err := os.MkdirAll(c, 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, "/etc/passwd", filepath.Join(c, "passwd.md"))
	symlink(t, filepath.Join(outside, "secret.md"), filepath.Join(c, "secret.md"))
	symlink(t, "../../outside/secret.md", filepath.Join(c, "relative.md"))
	symlink(t, outside, filepath.Join(c, "out"))
	symlink(t, "missing.md", filepath.Join(c, "dangling.md"))
	symlink(t, "loop2.md", filepath.Join(c, "loop1.md"))
	symlink(t, "loop1.md", filepath.Join(c, "loop2.md"))
	symlink(t, "/dev/zero", filepath.Join(c, "zero.md"))
	if err := os.Mkdir(filepath.Join(c, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, "/etc/passwd", filepath.Join(c, "sub", "x.md"))
	symlink(t, filepath.Join(c, "sub"), filepath.Join(c, "inner"))
	if err := mkfifo(filepath.Join(c, "fifo.md")); err != nil {
		t.Logf("no named pipe: %v", err)
	}
	symlink(t, filepath.Join(c, "fifo.md"), filepath.Join(c, "absfifo.md"))
	if err := os.Truncate(filepath.Join(dir, "data/big.yaml"), MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	fsys := Dir(dir)
	for name, want := range map[string]struct{ at, why string }{
		"content/passwd.md":     {"content/passwd.md", `this is a link to "/etc/passwd", which leads outside the project`},
		"content/secret.md":     {"content/secret.md", "which leads outside the project"},
		"content/relative.md":   {"content/relative.md", `this is a link to "../../outside/secret.md", which leads outside the project`},
		"content/out/secret.md": {"content/out", `this is a link to "` + outside + `", which leads outside the project`},
		"content/dangling.md":   {"content/dangling.md", `this is a link to "missing.md", which does not exist`},
		"content/loop1.md":      {"content/loop1.md", "round in a circle"},
		"content/zero.md":       {"content/zero.md", `this is a link to "/dev/zero", which leads outside the project`},
		"content/inner/x.md":    {"content/sub/x.md", `this is a link to "/etc/passwd", which leads outside the project`},
		"content/fifo.md":       {"content/fifo.md", "this is a named pipe (FIFO), not a file"},
		"content/absfifo.md":    {"content/absfifo.md", "this is a named pipe (FIFO), not a file"},
		"data/big.yaml":         {"data/big.yaml", "larger than 64 MiB"},
	} {
		t.Run(name, func(t *testing.T) {
			if strings.HasSuffix(name, "fifo.md") {
				if _, err := os.Lstat(filepath.Join(c, "fifo.md")); err != nil {
					t.Skip("no named pipe")
				}
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				checkRefused(t, fsys, name, want.at, want.why)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("blocked")
			}
		})
	}
}

func checkRefused(t *testing.T, fsys *FS, name, at, why string) {
	t.Helper()
	_, errOpen := fsys.Open(name)
	_, errRead := fsys.ReadFile(name)
	_, errStat := fsys.Stat(name)
	for op, err := range map[string]error{"Open": errOpen, "ReadFile": errRead, "Stat": errStat} {
		var r *RefusedError
		if !errors.As(err, &r) || r.Name != at || !strings.Contains(r.Why, why) {
			t.Errorf("%s(%s) = %v; want a refusal of %s saying %q", op, name, err, at, why)
		}
	}
}

// TestWalk: a walk over a folder with links of every kind and a named pipe
// lists them without following or opening them, so it never loops nor
// blocks.
func TestWalk(t *testing.T) {
	dir, outside := project(t, map[string]string{"data/2015/campaign.yaml": "title: x\n"})
	d := filepath.Join(dir, "data")
	symlink(t, ".", filepath.Join(d, "self"))
	symlink(t, "..", filepath.Join(d, "up"))
	symlink(t, outside, filepath.Join(d, "out"))
	mkfifo(filepath.Join(d, "fifo"))
	var walked []string
	err := fs.WalkDir(Dir(dir), "data", func(name string, _ fs.DirEntry, err error) error {
		walked = append(walked, name)
		return err
	})
	if err != nil || len(walked) > 7 {
		t.Errorf("walked %v: %v", walked, err)
	}
}

// TestOpenLimit: a file that grows past MaxFileSize after it was opened
// reads no further than the limit.
func TestOpenLimit(t *testing.T) {
	dir, _ := project(t, map[string]string{"a.yaml": "x"})
	fsys := Dir(dir)
	f, err := fsys.Open("a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.Truncate(filepath.Join(dir, "a.yaml"), MaxFileSize+10); err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, f)
	var r *RefusedError
	if n > MaxFileSize || !errors.As(err, &r) {
		t.Errorf("read %d bytes, %v; want at most %d and a refusal", n, err, MaxFileSize)
	}
}

// TestNoFolder: a project folder that cannot be opened gives its reason
// from every method.
func TestNoFolder(t *testing.T) {
	fsys := Dir(filepath.Join(t.TempDir(), "missing"))
	if _, err := fs.ReadFile(fsys, "ducha.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile: %v", err)
	}
	if _, err := fs.ReadDir(fsys, "data"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadDir: %v", err)
	}
}

// TestReadRegular: a link is refused, even to a file inside the project; a
// file is read.
func TestReadRegular(t *testing.T) {
	dir, outside := project(t, map[string]string{"a.png": "png"})
	symlink(t, filepath.Join(outside, "secret.md"), filepath.Join(dir, "b.png"))
	symlink(t, "a.png", filepath.Join(dir, "c.png"))
	for _, fsys := range []fs.FS{Dir(dir), os.DirFS(dir)} {
		if data, err := ReadRegular(fsys, "a.png"); err != nil || string(data) != "png" {
			t.Errorf("a.png: %q, %v", data, err)
		}
		for _, name := range []string{"b.png", "c.png"} {
			if data, err := ReadRegular(fsys, name); err == nil {
				t.Errorf("%s, a link, read: %q", name, data)
			}
		}
	}
}
