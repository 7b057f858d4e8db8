package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/pipeline"
	"github.com/ducha/ducha/generator/project/source"
)

func runBuild(ctx context.Context, e *env, args []string) int {
	fs := flagSet(e, "build", "[-o out-dir] [--force] [--as-of YYYY-MM-DD] [--no-pdf] [--stamp] [--changes-since REV] [--strict] [project-dir]",
		"Build checks the project and, when it has no errors, writes the site and the PDF\n"+
			"briefing of its current campaign into public/ (or -o), with the feedback letter\n"+
			"to each province visited under letters/, every other campaign's pages and\n"+
			"briefing under campaigns/<id>/, the comparisons across campaigns and the search.\n"+
			"The new output replaces the old one in one step: on any error, Ctrl-C or\n"+
			"SIGTERM the previous output is left as it was. A build of a folder that another\n"+
			"build is writing waits for it to finish. It lists the SHA-256 of every file it\n"+
			"writes in SHA256SUMS, beside them. --as-of judges the current campaign on another\n"+
			"date, each problem with the status its dates give it then.\n\n"+
			"Build replaces only a new or empty folder or an earlier build's output. It\n"+
			"refuses a file, a folder of other files (unless --force), a read-only folder,\n"+
			"and, even with --force, the project folder, a folder holding it, and its\n"+
			"inputs (ducha.yaml, data/, content/, templates/, fonts) or a folder inside them.")
	out := fs.String("o", "", "output `directory` (default: public/ in the project)")
	force := fs.Bool("force", false, "replace the -o folder even when it holds files that ducha did not write")
	asOf := fs.String("as-of", "", "judge rectification as of this `date` instead of the current campaign's as_of")
	noPDF := fs.Bool("no-pdf", false, "write the site only, without the PDF briefing and letters")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	since := fs.String("changes-since", "", "add a page and an annex of what changed since this git `revision` (or folder), e.g. the tag of the last briefing")
	stamp := fs.Bool("stamp", false, "print the git commit the project is at in the site's footer and on the briefing's last page")
	pos, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	dir, ok := projectDir(e, "build", pos)
	if !ok {
		return ExitUsage
	}
	opts, ok := renderOptions(e, "build", *asOf)
	if !ok {
		return ExitUsage
	}
	opts.Site, opts.Briefing, opts.Letters = true, !*noPDF, !*noPDF
	if *out == "" {
		*out = filepath.Join(dir, "public")
	}
	if *stamp {
		commit, dirty, err := commitOf(ctx, e.path(dir), e.path(*out))
		if err != nil {
			fmt.Fprintf(e.stderr, "ducha build: --stamp: %v; is %s in a git repository?\n", err, dir)
			return ExitUsage
		}
		opts.Commit, opts.Dirty = commit, dirty
	}
	if *since != "" {
		before, name, code, ok := loadState(ctx, e, "build", dir, *since)
		if !ok {
			return code
		}
		opts.Before, opts.ChangesSince = before, name
	}
	opts.Open = func(ch *pipeline.Checked) (pipeline.Output, error) {
		target, code, ok := outputTarget(e, "build", dir, *out, ch, "the site", filepath.Join(dir, "public"))
		if !ok {
			return nil, exitError(code)
		}
		return openOutput(ctx, e, "build", target, *out, *force)
	}
	start := time.Now()
	b, code, ok := build(ctx, e, "build", dir, *out, *strict, opts)
	if !ok {
		return code
	}
	fmt.Fprintf(e.stderr, "ducha build: %s: %s, %s, %s in %s\n", b.Campaign.ID,
		count(b.Pages, "page"), count(b.Files, "file"), filepath.ToSlash(*out), time.Since(start).Round(time.Millisecond))
	return ExitOK
}

// exitError ends a command with an exit code, its message printed.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit code %d", int(e)) }

// build runs the pipeline on the project in dir into the output that
// opts.Open opens, named out by the user, and prints its problems and any
// failure. ok is false when the command must stop, with the exit code.
func build(ctx context.Context, e *env, cmd, dir, out string, strict bool, opts pipeline.Options) (*pipeline.Built, int, bool) {
	opts.Strict, opts.TuneGC = strict, e.process
	b, err := new(pipeline.Cache).Build(ctx, source.Dir(e.path(dir)), opts)
	if b.Checked != nil {
		diag.Write(e.stderr, diag.Text, b.Checked.Diags.Items())
	}
	var exit exitError
	var commitErr *pipeline.CommitError
	switch {
	case err == nil:
		return b, ExitOK, true
	case errors.Is(err, pipeline.ErrData):
		errs, warns := b.Checked.Diags.Count()
		fmt.Fprintf(e.stderr, "ducha %s: %s, %s; nothing was written\n", cmd, count(errs, "error"), count(warns, "warning"))
		return b, ExitData, false
	case errors.As(err, &exit):
		return b, int(exit), false
	case errors.As(err, &commitErr):
		fmt.Fprintf(e.stderr, "ducha %s: %v\n", cmd, err) // it says what became of out
	default:
		fmt.Fprintf(e.stderr, "ducha %s: %v; %s is unchanged\n", cmd, interrupted(err), out)
	}
	return b, ExitInternal, false
}

// openOutput starts the build of the output folder target, named out by
// the user, for the command cmd, waiting, with a line to say so, while
// another build of it is under way. It refuses a folder that is not an
// earlier build's unless force; the error is then an exitError, its
// message printed.
func openOutput(ctx context.Context, e *env, cmd, target, out string, force bool) (pipeline.Output, error) {
	w, err := output.NewDir(ctx, target, output.DirOptions{Force: force, Waiting: func() {
		fmt.Fprintf(e.stderr, "ducha %s: waiting for another build of %s to finish\n", cmd, out)
	}})
	switch {
	case err == nil:
		return w, nil
	case errors.Is(err, output.ErrNotFolder):
		fmt.Fprintf(e.stderr, "ducha %s: %s is a file, which the build would replace with a folder; give a new or empty folder\n", cmd, out)
		return nil, exitError(ExitUsage)
	case errors.Is(err, output.ErrForeign):
		fmt.Fprintf(e.stderr, "ducha %s: %s holds files that ducha did not write, which the build would delete; %s\n", cmd, out, forceHint(cmd))
		return nil, exitError(ExitUsage)
	case errors.Is(err, output.ErrReadOnly):
		fmt.Fprintf(e.stderr, "ducha %s: %s is read-only, so it is left as it is; make it writable (chmod u+w %[2]s) or give another folder with -o\n", cmd, out)
		return nil, exitError(ExitInternal)
	}
	return nil, err // reported by build, with "is unchanged"
}

// forceHint says how to replace a folder of other files with the output
// of the command cmd: build has --force, pdf --letters does not.
func forceHint(cmd string) string {
	if cmd == "build" {
		return "give a new or empty folder, or add --force to replace it"
	}
	return "give a new or empty folder"
}

// interrupted names a cancelled context as the user caused it.
func interrupted(err error) error {
	if errors.Is(err, context.Canceled) {
		return errors.New("interrupted")
	}
	return err
}

// checkProject runs the checks of a build, with or without a briefing,
// and prints any problems. ok is false when the build must stop, with the
// exit code.
func checkProject(e *env, cmd, dir string, strict, briefing bool) (*pipeline.Checked, int, bool) {
	ch, err := pipeline.Check(source.Dir(e.path(dir)), pipeline.CheckOptions{Briefing: briefing})
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha %s: %v\n", cmd, err)
		return nil, ExitInternal, false
	}
	diag.Write(e.stderr, diag.Text, ch.Diags.Items())
	if ch.Diags.HasErrors(strict) {
		errs, warns := ch.Diags.Count()
		fmt.Fprintf(e.stderr, "ducha %s: %s, %s; nothing was written\n", cmd, count(errs, "error"), count(warns, "warning"))
		return nil, ExitData, false
	}
	return ch, ExitOK, true
}

// renderOptions reads the --as-of flag, SOURCE_DATE_EPOCH, and
// DUCHA_TMPLEXEC=off, which has html/template execute the site's
// templates without the faster executor.
func renderOptions(e *env, cmd, asOf string) (pipeline.Options, bool) {
	opts := pipeline.Options{PlainTemplates: e.getenv("DUCHA_TMPLEXEC") == "off"}
	if asOf != "" {
		d, err := model.ParseDate(asOf)
		if err != nil {
			fmt.Fprintf(e.stderr, "ducha %s: --as-of: %v\n", cmd, err)
			return opts, false
		}
		opts.AsOf = d
	}
	if s := e.getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil || sec < 0 {
			fmt.Fprintf(e.stderr, "ducha %s: SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970\n", cmd, s)
			return opts, false
		}
		opts.Created = time.Unix(sec, 0).UTC()
	}
	return opts, true
}
