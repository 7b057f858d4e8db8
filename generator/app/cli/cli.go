// Package cli is ducha's command line: one file and one flag set per
// subcommand. Run is the whole program; package main only calls it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// Exit codes.
const (
	ExitOK       = 0 // success
	ExitData     = 1 // the user's data is wrong
	ExitUsage    = 2 // wrong usage of the command
	ExitInternal = 3 // an internal or I/O failure
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) int
}

// env is what a command runs with.
type env struct {
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{"check", "report every problem in the project's files", runCheck},
		{"build", "write the site and PDF briefing into public/", runBuild},
		{"pdf", "write only the PDF briefing", runPDF},
		{"serve", "preview the site, rebuilding as files change", runServe},
		{"init", "start a new project from the sample campaign", runInit},
		{"new", "add a finding, a province or a page to fill in", runNew},
		{"version", "print ducha's version", runVersion},
		{"help", "show help for ducha or a command", nil},
	}
}

// Run runs the ducha command line with args (without the program name) and
// returns the exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return run(ctx, &env{stdout: stdout, stderr: stderr}, args, commands())
}

// run runs the command of args among cmds.
func run(ctx context.Context, e *env, args []string, cmds []command) int {
	stderr := e.stderr
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return help(e, rest)
	case "-version", "--version":
		name = "version"
	}
	for _, c := range cmds {
		if c.name == name && c.run != nil {
			return runCommand(ctx, e, c, rest)
		}
	}
	fmt.Fprintf(stderr, "ducha: unknown command %q\n\n", name)
	usage(stderr)
	return ExitUsage
}

// runCommand runs c, turning a panic, which is a bug in ducha, into an
// internal error: one line asking to report it, then the stack.
func runCommand(ctx context.Context, e *env, c command, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(e.stderr, "ducha %s: internal error: %v; this is a bug in ducha: please report it, with the command you ran and the lines below\n", c.name, r)
			e.stderr.Write(debug.Stack())
			code = ExitInternal
		}
	}()
	return c.run(ctx, e, args)
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("ducha compiles a supervision campaign (YAML and Markdown in git) into a\nstatic site and a PDF briefing.\n\n")
	b.WriteString("Usage:\n\n\tducha <command> [flags] [project-dir]\n\nCommands:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "\t%-8s %s\n", c.name, c.summary)
	}
	b.WriteString("\nThe project directory defaults to the current directory.\n")
	b.WriteString("Run \"ducha help <command>\" for a command's flags, and \"ducha help figures\"\nfor the figures narrative can cite ({{problems}}) with their values.\n")
	b.WriteString("The data format is documented in docs/data-format.md.\n\n")
	b.WriteString("Exit codes: 0 ok, 1 the data has errors, 2 wrong usage, 3 internal or I/O failure.\n")
	io.WriteString(w, b.String())
}

func help(e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stdout)
		return ExitOK
	}
	if args[0] == "figures" {
		return runFigures(context.Background(), e, args[1:])
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			return runCommand(context.Background(), &env{stdout: e.stdout, stderr: e.stdout}, c, []string{"-h"})
		}
	}
	fmt.Fprintf(e.stderr, "ducha help: unknown command %q\n", args[0])
	return ExitUsage
}

// flagSet returns a flag set for a command whose usage line is usage.
func flagSet(e *env, name, usage, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: ducha %s %s\n\n%s\n", name, usage, about)
		var hasFlags bool
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(fs.Output(), "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses args, allowing flags before and after the positional
// arguments, and returns the positional ones. It returns ok false after
// printing a message (or the help, for -h).
func parse(fs *flag.FlagSet, args []string, maxPositional int) (pos []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ExitOK, false
			}
			return nil, ExitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) > maxPositional {
		fmt.Fprintf(fs.Output(), "ducha %s: too many arguments: %s\n", fs.Name(), strings.Join(pos, " "))
		fs.Usage()
		return nil, ExitUsage, false
	}
	return pos, ExitOK, true
}

// projectDir returns the project directory named by the positional
// arguments, "." by default, after checking that it is a directory.
func projectDir(e *env, cmd string, pos []string) (string, bool) {
	dir := "."
	if len(pos) > 0 {
		dir = pos[0]
	}
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		fmt.Fprintf(e.stderr, "ducha %s: %s is not a directory; give the project's directory (the one holding data/)\n", cmd, dir)
		return "", false
	}
	return dir, true
}
