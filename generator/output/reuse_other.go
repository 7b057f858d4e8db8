//go:build !linux

package output

import (
	"errors"
	"io"
	"os"
)

// openFolder returns nil: files are reused only where openReusable can
// tell that they may be (reuse_linux.go).
func openFolder(dir string) *os.File { return nil }

func openReusable(dir *os.File, name string, size int64, perm os.FileMode) (io.ReadCloser, bool) {
	return nil, false
}

func linkAt(dir *os.File, name, dst string) error { return errors.ErrUnsupported }
