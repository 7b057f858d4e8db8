package load

import (
	"reflect"
	"testing"
)

// TestFilesAreRoots: Files lists the very types the loader decodes files
// into, so that what is built on it describes every file.
func TestFilesAreRoots(t *testing.T) {
	files := Files()
	roots := roots()
	if len(files) != len(roots) {
		t.Fatalf("Files lists %d kinds of file, the loader reads %d", len(files), len(roots))
	}
	for i, r := range roots {
		if files[i].Type != reflect.TypeOf(r) {
			t.Errorf("Files()[%d] is %s, the loader's root is %T", i, files[i].Type, r)
		}
	}
}
