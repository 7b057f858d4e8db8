package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func setup(t *testing.T) (string, *Watcher) {
	t.Helper()
	root := project(t)
	return root, start(t, root)
}

// project makes a project's folders and two of its files.
func project(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"data/2015/provinces", "content", "public"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	writeFile(t, root, "data/2015/groups.yaml", "a")
	writeFile(t, root, "ducha.yaml", "language: zh")
	return root
}

// start watches the project in root as the preview server does.
func start(t *testing.T, root string) *Watcher {
	t.Helper()
	return startQuiet(t, root, 30*time.Millisecond)
}

// startQuiet watches the project in root with the given quiet period.
func startQuiet(t *testing.T, root string, quiet time.Duration) *Watcher {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	w, err := New(ctx, Options{
		Root:   root,
		Trees:  []string{"data", "content", "templates"},
		Files:  []string{"ducha.yaml"},
		Ignore: []string{"public"},
		Quiet:  quiet,
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func writeFile(t *testing.T, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next batch that mentions want.
func next(t *testing.T, w *Watcher, want string) Batch {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case b := <-w.Changes():
			if slices.Contains(b.Paths, want) {
				return b
			}
		case <-deadline:
			t.Fatalf("no change of %s reported", want)
		}
	}
}

// quiet checks that nothing is reported for a while.
func quiet(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case b := <-w.Changes():
		t.Fatalf("unexpected batch %v", b)
	case <-time.After(200 * time.Millisecond):
	}
}

// The tests run in parallel: each watches a project of its own, and most
// of their time is waiting for quiet periods.

func TestSaveStyles(t *testing.T) {
	t.Parallel()
	root, w := setup(t)
	const f = "data/2015/groups.yaml"
	p := filepath.Join(root, f)

	t.Run("write in place", func(t *testing.T) {
		writeFile(t, root, f, "b")
		next(t, w, f)
	})
	t.Run("write a temporary file and rename it over", func(t *testing.T) {
		tmp := filepath.Join(root, "data/2015/.groups.yaml.tmp123")
		os.WriteFile(tmp, []byte("c"), 0o644)
		os.Rename(tmp, p)
		next(t, w, f)
	})
	t.Run("rename the old file away and write a new one", func(t *testing.T) {
		os.Rename(p, p+"~")
		os.WriteFile(filepath.Join(root, "data/2015/4913"), nil, 0o644)
		os.Remove(filepath.Join(root, "data/2015/4913"))
		os.WriteFile(p, []byte("d"), 0o644)
		os.Remove(p + "~")
		b := next(t, w, f)
		for _, q := range b.Paths {
			if Litter(filepath.Base(q)) {
				t.Errorf("litter reported: %s", q)
			}
		}
	})
	t.Run("config file at the root", func(t *testing.T) {
		writeFile(t, root, "ducha.yaml", "language: en")
		next(t, w, "ducha.yaml")
	})
}

// TestBurstIsOneBatch: saves that come closer together than the quiet
// period make one batch. The period is long here, so that a busy machine,
// slow to make the 50 saves, does not split the burst.
func TestBurstIsOneBatch(t *testing.T) {
	t.Parallel()
	root := project(t)
	w := startQuiet(t, root, time.Second)
	for i := range 50 {
		writeFile(t, root, "data/2015/groups.yaml", string(rune('a'+i%26)))
	}
	next(t, w, "data/2015/groups.yaml")
	quiet(t, w)
}

func TestIgnored(t *testing.T) {
	t.Parallel()
	root, w := setup(t)
	writeFile(t, root, "public/index.html", "x")
	writeFile(t, root, "README.md", "x")
	writeFile(t, root, "data/2015/.groups.yaml.swp", "x")
	writeFile(t, root, "data/2015/groups.yaml~", "x")
	writeFile(t, root, "data/2015/.#groups.yaml", "x")
	quiet(t, w)
}

func TestNewAndRenamedFolders(t *testing.T) {
	t.Parallel()
	root, w := setup(t)
	// A new folder with a file written at once: the file is written before
	// the folder's watch exists, and must still be reported.
	os.MkdirAll(filepath.Join(root, "content/2015/provinces"), 0o755)
	writeFile(t, root, "content/2015/provinces/zj.md", "x")
	next(t, w, "content/2015/provinces/zj.md")

	// Later writes in the new folder are seen too.
	writeFile(t, root, "content/2015/provinces/zj.md", "y")
	next(t, w, "content/2015/provinces/zj.md")

	// A renamed folder is watched under its new name.
	os.Rename(filepath.Join(root, "content/2015"), filepath.Join(root, "content/2016"))
	next(t, w, "content/2016")
	writeFile(t, root, "content/2016/provinces/zj.md", "z")
	next(t, w, "content/2016/provinces/zj.md")
	old := filepath.Join(root, "content", "2015")
	for _, d := range w.Watched() {
		if d == old || strings.HasPrefix(d, old+string(filepath.Separator)) {
			t.Errorf("still watching the old folder %s", d)
		}
	}

	// A tree that did not exist at the start.
	writeFile(t, root, "templates/page.html", "x")
	next(t, w, "templates/page.html")
}

func TestSetFiles(t *testing.T) {
	t.Parallel()
	root, w := setup(t)
	writeFile(t, root, "fonts/song.ttf", "x")
	quiet(t, w)
	w.SetFiles([]string{"ducha.yaml", "fonts/song.ttf"})
	writeFile(t, root, "ducha.yaml", "language: en") // a batch, so that the new files are watched
	next(t, w, "ducha.yaml")
	writeFile(t, root, "fonts/song.ttf", "y")
	next(t, w, "fonts/song.ttf")
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestLinkedFolders watches a project whose data folder is a link to
// another folder of the project, with a sub-folder that is a link too, and
// links that lead back up the tree and out of the project.
func TestLinkedFolders(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	outside := t.TempDir()
	writeFile(t, root, "store/data/2015/groups.yaml", "a")
	writeFile(t, root, "shared/provinces/zj.yaml", "a")
	writeFile(t, outside, "x.yaml", "a")
	writeFile(t, root, "public/index.html", "a")
	symlink(t, "store/data", filepath.Join(root, "data"))
	symlink(t, "../../../shared/provinces", filepath.Join(root, "store/data/2015/provinces"))
	symlink(t, "..", filepath.Join(root, "store/data/2015/loop"))
	symlink(t, filepath.Join(root, "data"), filepath.Join(root, "shared/provinces/back"))
	symlink(t, outside, filepath.Join(root, "store/data/outside"))
	symlink(t, "../public", filepath.Join(root, "store/data/public"))
	symlink(t, "../..", filepath.Join(root, "store/data/top"))
	w := start(t, root)

	t.Run("in a linked data folder", func(t *testing.T) {
		writeFile(t, root, "store/data/2015/groups.yaml", "b")
		next(t, w, "data/2015/groups.yaml")
	})
	t.Run("in a linked sub-folder", func(t *testing.T) {
		writeFile(t, root, "shared/provinces/zj.yaml", "b")
		next(t, w, "data/2015/provinces/zj.yaml")
	})
	t.Run("saved through the link", func(t *testing.T) {
		p := filepath.Join(root, "data/2015/provinces/zj.yaml")
		tmp := filepath.Join(root, "data/2015/provinces/.zj.yaml.tmp1")
		os.WriteFile(tmp, []byte("c"), 0o644)
		os.Rename(tmp, p)
		next(t, w, "data/2015/provinces/zj.yaml")
	})
	t.Run("a folder made in a linked folder", func(t *testing.T) {
		writeFile(t, root, "shared/provinces/2016/bj.yaml", "a")
		next(t, w, "data/2015/provinces/2016/bj.yaml")
	})
	t.Run("a new link", func(t *testing.T) {
		writeFile(t, root, "shared/2016/campaign.yaml", "a")
		symlink(t, "../../shared/2016", filepath.Join(root, "store/data/2016"))
		next(t, w, "data/2016/campaign.yaml")
		writeFile(t, root, "shared/2016/campaign.yaml", "b")
		next(t, w, "data/2016/campaign.yaml")
	})
	t.Run("nothing outside the project, ignored, or through a link up", func(t *testing.T) {
		writeFile(t, outside, "x.yaml", "b")
		writeFile(t, root, "public/index.html", "b")
		writeFile(t, root, "README.md", "b")
		quiet(t, w)
		for _, d := range w.Watched() {
			if d == outside || strings.HasPrefix(d, outside+string(filepath.Separator)) {
				t.Errorf("watching %s, outside the project", d)
			}
			if strings.HasPrefix(d, filepath.Join(root, "public")) {
				t.Errorf("watching %s, which is ignored", d)
			}
		}
	})
}
