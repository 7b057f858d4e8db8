package output

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// openFolder opens the folder dir, not through a link, or returns nil.
func openFolder(dir string) *os.File {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(fd), dir)
}

// openReusable opens the file name in the folder dir for reading, if it
// may be reused (reuse.go): a regular file reached without a symbolic
// link and without leaving dir, with no other link to it, owned by the
// effective user, with the permissions perm and size bytes long.
func openReusable(dir *os.File, name string, size int64, perm os.FileMode) (io.ReadCloser, bool) {
	fd, err := unix.Openat2(int(dir.Fd()), name, &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_NOCTTY,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS | unix.RESOLVE_NO_XDEV,
	})
	if err != nil {
		return nil, false
	}
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Nlink != 1 || st.Size != size ||
		int(st.Uid) != os.Geteuid() || os.FileMode(st.Mode&0o7777) != perm {
		unix.Close(fd)
		return nil, false
	}
	return fdReader(fd), true
}

// fdReader reads a file by its descriptor.
type fdReader int

func (f fdReader) Read(p []byte) (int, error) {
	n, err := unix.Read(int(f), p)
	switch {
	case err != nil:
		return 0, err
	case n == 0 && len(p) > 0:
		return 0, io.EOF
	}
	return n, nil
}

func (f fdReader) Close() error { return unix.Close(int(f)) }

// linkAt makes dst a link to the file name in the folder dir.
func linkAt(dir *os.File, name, dst string) error {
	return unix.Linkat(int(dir.Fd()), name, unix.AT_FDCWD, dst, 0)
}
