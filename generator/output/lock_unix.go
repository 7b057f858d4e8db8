//go:build unix

package output

import (
	"context"
	"errors"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// lockPoll is how often a build waiting for another tries the lock again.
const lockPoll = 50 * time.Millisecond

// lockFile takes an exclusive lock on f, waiting while another holds it,
// calling waiting each time it must (the caller makes it act once), until
// ctx is done. held is always true here.
func lockFile(ctx context.Context, f *os.File, waiting func()) (held bool, err error) {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, unix.EWOULDBLOCK) && !errors.Is(err, unix.EINTR) {
			return false, err
		}
		waiting()
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}
