package pipeline

import (
	"context"
	"io/fs"

	"github.com/ducha/ducha/generator/output"
)

// render renders the checked project ch into out, as Build does once it
// has checked the project: for tests that look at the check first.
func render(ctx context.Context, fsys fs.FS, ch *Checked, out output.Writer, opts Options) (*Built, error) {
	b := &Built{Checked: ch}
	var err error
	if b.Rendering, err = prepare(ctx, fsys, ch, opts); err != nil {
		return b, err
	}
	return b, b.write(ctx, out, opts)
}
