//go:build unix

package output

import (
	"os"
	"syscall"
)

// writeNew writes data into the file name, a new file with the
// permissions of the build's files. It makes the three system calls that
// this takes (open, write, close): os.OpenFile makes five more for a
// regular file, trying in vain to add it to the network poller, and
// 10,000 pages are 50,000 calls. A file already there is removed first,
// never written into: it may be a link to the previous build's file
// (reuse.go).
func writeNew(name string, data []byte) error {
	const flags = syscall.O_WRONLY | syscall.O_CREAT | syscall.O_EXCL | syscall.O_CLOEXEC
	fd, err := syscall.Open(name, flags, 0o644)
	if err == syscall.EEXIST {
		if err = syscall.Unlink(name); err == nil {
			fd, err = syscall.Open(name, flags, 0o644)
		}
	}
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}
