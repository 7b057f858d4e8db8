package cli

import (
	"context"
	"fmt"
	"os"
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
	fs := flagSet(e, "build", "[-o out-dir] [--as-of YYYY-MM-DD] [--no-pdf] [--strict] [project-dir]",
		"Build checks the project and, when it has no errors, writes the site and the PDF\n"+
			"briefing of its current campaign into public/ (or -o), with every other campaign's\n"+
			"pages and briefing under campaigns/<id>/, the comparisons across campaigns and the\n"+
			"search. The new output replaces the old one in one step: on any error the\n"+
			"previous output is left as it was. --as-of judges the current campaign on another\n"+
			"date, each problem with the status its dates give it then.")
	out := fs.String("o", "", "output `directory` (default: public/ in the project)")
	asOf := fs.String("as-of", "", "judge rectification as of this `date` instead of the current campaign's as_of")
	noPDF := fs.Bool("no-pdf", false, "write the site only, without the PDF briefing")
	strict := fs.Bool("strict", false, "treat warnings as errors")
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
	opts.Site, opts.Briefing = true, !*noPDF
	if *out == "" {
		*out = filepath.Join(dir, "public")
	}
	start := time.Now()
	gc := tuneGCForBuild()
	defer gc.restore()
	ch, code, ok := checkProject(e, "build", dir, *strict, opts.Briefing)
	if !ok {
		return code
	}
	gc.checked(ch)
	w, err := output.NewDir(*out)
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha build: %v\n", err)
		return ExitInternal
	}
	res, err := pipeline.Render(ctx, source.Dir(dir), ch, w, opts)
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = w.Commit()
	} else {
		w.Abort()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha build: %v; %s is unchanged\n", err, *out)
		return ExitInternal
	}
	fmt.Fprintf(e.stderr, "ducha build: %s: %s, %s, %s in %s\n", res.Campaign.ID,
		count(res.Pages, "page"), count(res.Files, "file"), filepath.ToSlash(*out), time.Since(start).Round(time.Millisecond))
	return ExitOK
}

// checkProject runs the checks of a build, with or without a briefing,
// and prints any problems. ok is false when the build must stop, with the
// exit code.
func checkProject(e *env, cmd, dir string, strict, briefing bool) (*pipeline.Checked, int, bool) {
	ch, err := pipeline.Check(source.Dir(dir), pipeline.CheckOptions{Briefing: briefing})
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
	opts := pipeline.Options{PlainTemplates: os.Getenv("DUCHA_TMPLEXEC") == "off"}
	if asOf != "" {
		d, err := model.ParseDate(asOf)
		if err != nil {
			fmt.Fprintf(e.stderr, "ducha %s: --as-of: %v\n", cmd, err)
			return opts, false
		}
		opts.AsOf = d
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil || sec < 0 {
			fmt.Fprintf(e.stderr, "ducha %s: SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970\n", cmd, s)
			return opts, false
		}
		opts.Created = time.Unix(sec, 0).UTC()
	}
	return opts, true
}
