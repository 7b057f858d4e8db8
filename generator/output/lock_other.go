//go:build !unix

package output

import (
	"context"
	"os"
)

// lockFile takes no lock where the system has no flock: held is false,
// and builds of one folder are not kept apart, nor leftovers removed.
func lockFile(ctx context.Context, f *os.File, waiting func()) (held bool, err error) {
	return false, ctx.Err()
}
