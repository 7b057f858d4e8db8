package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ducha/ducha/generator/model"
)

// TestClash: an output may not be the project, hold it, be or hold what
// it reads (fonts and the folders links point at included), or lie inside
// that; paths are compared after resolving links, "." and "..", also
// where they do not exist yet.
func TestClash(t *testing.T) {
	root, _ := filepath.EvalSymlinks(t.TempDir())
	elsewhere, _ := filepath.EvalSymlinks(t.TempDir())
	for _, d := range []string{"data/2015", "content/2015", "fonts", "2016"} {
		base := root
		if d == "2016" {
			base = elsewhere
		}
		if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(root, "fonts", "a.ttf"), nil, 0o644)
	os.Symlink(filepath.Join(elsewhere, "2016"), filepath.Join(root, "data", "2016"))
	os.Symlink(root, filepath.Join(root, "here"))
	var cfg model.Config
	cfg.PDF.Font.Regular = []string{"./fonts/a.ttf"}
	pp, err := readProjectPaths(filepath.Join(root, "here"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ out, want string }{
		{root, "is the project folder"},
		{root + "/here/./", "is the project folder"},
		{root + "/data/2015/../..", "is the project folder"},
		{filepath.Dir(root), "contains the project folder " + root},
		{root + "/public", ""},
		{root + "/here/content/../public", ""},
		{root + "/site/new/deep", ""},
		{root + "/data", "is the project's data/"},
		{root + "/here/data/2015/site", "lies inside the project's data/"},
		{root + "/content/2015", "lies inside the project's content/"},
		{root + "/templates", "is the project's templates/"},
		{root + "/templates/x", "lies inside the project's templates/"},
		{root + "/ducha.yaml", "is the project's ducha.yaml"},
		{root + "/fonts", "contains the project's fonts/a.ttf"},
		{root + "/fonts/a.ttf", "is the project's fonts/a.ttf"},
		{elsewhere + "/2016", "is the project's data/2016"},
		{elsewhere + "/2016/site", "lies inside the project's data/2016"},
		{elsewhere, "contains the project's data/2016"},
		{elsewhere + "/other", ""},
	} {
		t.Run(strings.TrimPrefix(tc.out, root), func(t *testing.T) {
			target, err := realPath(filepath.FromSlash(tc.out))
			if err != nil {
				t.Fatal(err)
			}
			if got := pp.clash(target); got != tc.want {
				t.Errorf("clash(%s) = %q, want %q", target, got, tc.want)
			}
		})
	}
}

// TestRealPathRelative: a relative path is taken from the working
// directory, and a link's ".." as the system follows it.
func TestRealPathRelative(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "a", "b"), 0o755)
	os.Symlink(filepath.Join(root, "a", "b"), filepath.Join(root, "link"))
	t.Chdir(root)
	root, _ = filepath.EvalSymlinks(root)
	for _, tc := range []struct{ in, want string }{
		{"link/../c", filepath.Join(root, "a", "c")},
		{"./new/x", filepath.Join(root, "new", "x")},
		{"link", filepath.Join(root, "a", "b")},
	} {
		if got, err := realPath(tc.in); err != nil || got != tc.want {
			t.Errorf("realPath(%q) = %q, %v, want %q", tc.in, got, err, tc.want)
		}
	}
}
