//go:build unix

package source

import (
	"os"
	"syscall"
)

// openFlags open a file for reading without blocking: opening a named
// pipe otherwise waits for a writer, forever.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
