package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/pipeline"
	"github.com/ducha/ducha/generator/project/source"
)

func runPDF(ctx context.Context, e *env, args []string) int {
	fs := flagSet(e, "pdf", "[-o file] [--as-of YYYY-MM-DD] [--strict] [project-dir]",
		"Pdf checks the project and, when it has no errors, writes only the PDF briefing\n"+
			"of its current campaign. The file is replaced only when it is complete.")
	out := fs.String("o", "briefing.pdf", "output `file`")
	asOf := fs.String("as-of", "", "judge rectification as of this `date` instead of the campaign's as_of")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	pos, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	dir, ok := projectDir(e, "pdf", pos)
	if !ok {
		return ExitUsage
	}
	opts, ok := renderOptions(e, "pdf", *asOf)
	if !ok {
		return ExitUsage
	}
	opts.Briefing = true
	start := time.Now()
	gc := tuneGCForBuild()
	defer gc.restore()
	ch, code, ok := checkProject(e, "pdf", dir, *strict, true)
	if !ok {
		return code
	}
	gc.checked(ch)
	var res pipeline.Result
	err := output.WriteFileAtomic(*out, func(w io.Writer) error {
		var err error
		res, err = pipeline.Render(ctx, source.Dir(dir), ch, &single{w: w}, opts)
		return err
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha pdf: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintf(e.stderr, "ducha pdf: %s: %s, %s in %s\n", res.Campaign.ID, count(res.PDFPages, "page"), filepath.ToSlash(*out), time.Since(start).Round(time.Millisecond))
	return ExitOK
}

// single is an output.Writer that takes exactly the briefing.
type single struct{ w io.Writer }

func (s *single) Create(name string) (io.WriteCloser, error) {
	if name != pipeline.BriefingName {
		return nil, fmt.Errorf("unexpected output file %s", name)
	}
	return nopCloser{s.w}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
