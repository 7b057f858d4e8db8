//go:build !unix

package source

import "errors"

// mkfifo fails: there are no named pipes here.
func mkfifo(path string) error { return errors.New("no named pipes on this system") }
