package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/pipeline"
	"github.com/ducha/ducha/generator/project/source"
)

func runCheck(ctx context.Context, e *env, args []string) int {
	fs := flagSet(e, "check", "[--format text|json|github] [--strict] [project-dir]",
		"Check reads every file of the project and reports every problem at once, sorted,\n"+
			"as path:line:col: message. It writes nothing. Exit code 1 when there are errors\n"+
			"(or, with --strict, warnings).")
	format := fs.String("format", "text", "output format: text, json or github (GitHub Actions annotations)")
	strict := fs.Bool("strict", false, "treat warnings (such as files nothing reads) as errors")
	pos, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	if !slices.Contains(diag.Formats(), *format) {
		fmt.Fprintf(e.stderr, "ducha check: unknown format %q; use one of %s\n", *format, strings.Join(diag.Formats(), ", "))
		return ExitUsage
	}
	dir, ok := projectDir(e, "check", pos)
	if !ok {
		return ExitUsage
	}
	// Check reports what would stop any build, the briefing's included.
	ch, err := pipeline.Check(source.Dir(e.path(dir)), pipeline.CheckOptions{Briefing: true})
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha check: %v\n", err)
		return ExitInternal
	}
	p, diags := ch.Project, ch.Diags
	if err := diag.Write(e.stdout, diag.Format(*format), diags.Items()); err != nil {
		return ExitInternal
	}
	errs, warns := diags.Count()
	if *format == "text" {
		fmt.Fprintln(e.stderr, summary(errs, warns, len(p.Campaigns)))
	}
	if diags.HasErrors(*strict) {
		return ExitData
	}
	return ExitOK
}

func summary(errs, warns, campaigns int) string {
	if errs == 0 && warns == 0 {
		return fmt.Sprintf("ducha check: ok (%s)", count(campaigns, "campaign"))
	}
	return fmt.Sprintf("ducha check: %s, %s", count(errs, "error"), count(warns, "warning"))
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
