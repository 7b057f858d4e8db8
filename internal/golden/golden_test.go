package golden

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryPackage: every folder of the module with tests imports this
// package in them, so that go test ./... -update does not stop at a
// package without the flag. A new package's tests need a file
// update_test.go like the others'.
func TestEveryPackage(t *testing.T) {
	root := filepath.Join("..", "..")
	tests := map[string]bool{} // folder: imports golden in a test
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (name == "node_modules" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dir := filepath.Dir(p)
		tests[dir] = tests[dir] || bytes.Contains(data, []byte(`"github.com/ducha/ducha/internal/golden"`))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) < 10 {
		t.Fatalf("only %d folders with tests found: is the walk at the module's root?", len(tests))
	}
	for dir, ok := range tests {
		if !ok && dir != "." {
			t.Errorf("%s: its tests do not import internal/golden, so go test ./... -update fails there; add an update_test.go as in the other packages", dir)
		}
	}
}
