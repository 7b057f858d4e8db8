package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/pipeline"
)

func runPDF(ctx context.Context, e *env, args []string) int {
	fs := flagSet(e, "pdf", "[-o file] [--letters] [--as-of YYYY-MM-DD] [--strict] [project-dir]",
		"Pdf checks the project and, when it has no errors, writes only the PDF briefing\n"+
			"of its current campaign. The file is replaced only when it is complete. It\n"+
			"refuses a folder, a file that is not a PDF, and the project's own files.\n"+
			"The letters, and a Chinese project's briefing, follow GB/T 9704 (3号 body on a\n"+
			"grid, headings 一、（一）1.（1）, page numbers — N —, 期号 and 版记); pdf.layout:\n"+
			"compact in ducha.yaml gives the briefing the denser layout, the default in\n"+
			"English.\n\n"+
			"With --letters it writes instead the feedback letter (督查反馈意见) to each\n"+
			"province visited on site, <province>.pdf, with their SHA256SUMS, into the\n"+
			"folder -o (default letters/), which it replaces whole as build replaces its\n"+
			"output: it refuses a file, a folder of other files and the project's own. ducha\n"+
			"build writes the same letters into letters/ of the site.")
	out := fs.String("o", "", "output `file` (default briefing.pdf), or folder with --letters (default letters)")
	letters := fs.Bool("letters", false, "write the feedback letter to each province visited, into the folder -o")
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
	if *letters {
		return runLetters(ctx, e, dir, *out, *strict, opts)
	}
	if *out == "" {
		*out = "briefing.pdf"
	}
	opts.Briefing = true
	opts.Open = func(ch *pipeline.Checked) (pipeline.Output, error) {
		target, code, ok := outputTarget(e, "pdf", dir, *out, ch, "the briefing", "briefing.pdf")
		if ok {
			code, ok = checkPDFTarget(e, target, *out)
		}
		if !ok {
			return nil, exitError(code)
		}
		return &output.File{Path: target, Want: pipeline.BriefingName}, nil
	}
	start := time.Now()
	b, code, ok := build(ctx, e, "pdf", dir, *out, *strict, opts)
	if !ok {
		return code
	}
	fmt.Fprintf(e.stderr, "ducha pdf: %s: %s, %s in %s\n", b.Campaign.ID, count(b.PDFPages, "page"), filepath.ToSlash(*out), time.Since(start).Round(time.Millisecond))
	return ExitOK
}

// runLetters writes the feedback letters of the project in dir into the
// folder out (ducha pdf --letters).
func runLetters(ctx context.Context, e *env, dir, out string, strict bool, opts pipeline.Options) int {
	if out == "" {
		out = pipeline.LettersDir
	}
	opts.Letters = true
	opts.Open = func(ch *pipeline.Checked) (pipeline.Output, error) {
		if c := ch.Project.Current(); c != nil && len(c.OnSite) == 0 {
			fmt.Fprintf(e.stderr, "ducha pdf: campaign %s has no province visited on site (data/%[1]s/provinces/ is empty), so there is no letter to write; nothing was written\n", c.ID)
			return nil, exitError(ExitData)
		}
		target, code, ok := outputTarget(e, "pdf", dir, out, ch, "the letters", pipeline.LettersDir)
		if !ok {
			return nil, exitError(code)
		}
		return openOutput(ctx, e, "pdf", target, out, false)
	}
	start := time.Now()
	b, code, ok := build(ctx, e, "pdf", dir, out, strict, opts)
	if !ok {
		return code
	}
	fmt.Fprintf(e.stderr, "ducha pdf: %s: %s, %s in %s\n", b.Campaign.ID, count(b.Letters, "letter"), filepath.ToSlash(out), time.Since(start).Round(time.Millisecond))
	return ExitOK
}

// checkPDFTarget refuses to write the briefing over target, named out by
// the user, when that is a folder or a file other than a PDF, whose
// contents would be lost: ok is false after a message, with the exit
// code.
func checkPDFTarget(e *env, target, out string) (code int, ok bool) {
	fi, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ExitOK, true
	case err != nil:
		fmt.Fprintf(e.stderr, "ducha pdf: %v\n", err)
		return ExitInternal, false
	case fi.IsDir():
		fmt.Fprintf(e.stderr, "ducha pdf: %s is a folder; give the briefing's file name, such as %s\n", out, filepath.Join(out, pipeline.BriefingName))
	case !fi.Mode().IsRegular():
		fmt.Fprintf(e.stderr, "ducha pdf: %s is not a regular file, and the briefing would replace it; give the briefing's file name, such as %s\n", out, pipeline.BriefingName)
	case !isPDF(target, fi.Size()):
		fmt.Fprintf(e.stderr, "ducha pdf: %s is a file that is not a PDF, which the briefing would overwrite; give another name, or remove the file first\n", out)
	default:
		return ExitOK, true
	}
	return ExitUsage, false
}

// isPDF reports whether the file name, of size bytes, is a PDF or empty:
// a file the briefing may replace.
func isPDF(name string, size int64) bool {
	if size == 0 {
		return true
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 5)
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == "%PDF-"
}
