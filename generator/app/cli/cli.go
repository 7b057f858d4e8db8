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
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/ducha/ducha/generator/suggest"
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
	// prog is the command as the user ran it (ducha, bin/ducha,
	// ./ducha), for the messages that say what to run next.
	prog string
	// dir is the folder the file names the user gives are relative to;
	// "" is the process's working directory.
	dir string
	// environ looks up an environment variable; nil is os.Getenv.
	environ func(string) string
	// process is true when ducha is the process, and may set what belongs
	// to it: the garbage collector's settings.
	process bool
}

// path returns the file name the user gave, as it is to be opened: one
// relative to the run's folder, when it has one, is joined to it. The
// messages keep the name as given.
func (e *env) path(name string) string {
	if e.dir == "" || name == "" || filepath.IsAbs(name) {
		return name
	}
	return e.dir + string(filepath.Separator) + name // not Join: a link's ".." is the system's
}

// getenv returns the value of the environment variable key.
func (e *env) getenv(key string) string {
	if e.environ == nil {
		return os.Getenv(key)
	}
	return e.environ(key)
}

func commands() []command {
	return []command{
		{"check", "report every problem in the project's files", runCheck},
		{"build", "write the site and PDF briefing into public/", runBuild},
		{"pdf", "write only the PDF briefing, or the feedback letters", runPDF},
		{"serve", "preview the site, rebuilding as files change", runServe},
		{"init", "start a new project from the sample campaign", runInit},
		{"new", "add a finding, a province or a page to fill in", runNew},
		{"template", "write a spreadsheet of findings for a group or province", runTemplate},
		{"import", "read a filled-in spreadsheet into the findings", runImport},
		{"diff", "list what changed between two revisions of the data", runDiff},
		{"schema", "write JSON Schema of the files, for editors", runSchema},
		{"version", "print ducha's version", runVersion},
		{"help", "show help for ducha or a command", nil},
	}
}

// Run runs the ducha command line with args (without the program name) and
// returns the exit code. Messages name the program ducha.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return RunAs(ctx, "ducha", args, stdout, stderr)
}

// RunAs is Run for a program the user ran as prog (see ProgName): the
// messages that say what to run next name it so, so that they can be
// copied as they are.
func RunAs(ctx context.Context, prog string, args []string, stdout, stderr io.Writer) int {
	return run(ctx, &env{stdout: stdout, stderr: stderr, prog: prog, process: true}, args, commands())
}

// Env is where ducha runs when it is not the process but a part of
// another program (a test, an editor's plugin): its folder, environment
// and output. Env.Run reads and writes no process-wide state: not the
// working directory, the environment or the garbage collector's settings,
// so that runs with different Envs may overlap.
type Env struct {
	Prog           string              // how the messages name ducha; "" is ducha
	Dir            string              // the folder file names are relative to; "" is the working directory
	Getenv         func(string) string // the environment; nil is os.Getenv
	Stdout, Stderr io.Writer
}

// Run runs the ducha command line with args (without the program name) in
// x and returns the exit code.
func (x Env) Run(ctx context.Context, args []string) int {
	prog := x.Prog
	if prog == "" {
		prog = "ducha"
	}
	return run(ctx, &env{stdout: x.Stdout, stderr: x.Stderr, prog: prog, dir: x.Dir, environ: x.Getenv}, args, commands())
}

// run runs the command of args among cmds.
func run(ctx context.Context, e *env, args []string, cmds []command) int {
	stderr := e.stderr
	if len(args) == 0 {
		usage(e, stderr)
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
	usage(e, stderr)
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

// ProgName returns how the user ran ducha, from argv0 (os.Args[0]): as
// given (bin/ducha, ./ducha), or its base name when that is the program
// the shell finds on PATH by that name.
func ProgName(argv0 string) string {
	if argv0 == "" {
		return "ducha"
	}
	if !strings.ContainsRune(argv0, '/') && !strings.ContainsRune(argv0, filepath.Separator) {
		return argv0
	}
	base := filepath.Base(argv0)
	found, err := exec.LookPath(base)
	if err != nil {
		return argv0
	}
	a, errA := os.Stat(found)
	b, errB := os.Stat(argv0)
	if errA == nil && errB == nil && os.SameFile(a, b) {
		return base
	}
	return argv0
}

func usage(e *env, w io.Writer) {
	var b strings.Builder
	b.WriteString("ducha compiles a supervision campaign (YAML and Markdown in git) into a\nstatic site and a PDF briefing.\n\n")
	fmt.Fprintf(&b, "Usage:\n\n\t%s <command> [flags] [project-dir]\n\nCommands:\n\n", e.prog)
	for _, c := range commands() {
		fmt.Fprintf(&b, "\t%-8s %s\n", c.name, c.summary)
	}
	b.WriteString("\nThe project directory defaults to the current directory.\n")
	fmt.Fprintf(&b, "Run \"%[1]s help <command>\" for a command's flags, and \"%[1]s help figures\"\nfor the figures narrative can cite ({{problems}}) with their values.\n", e.prog)
	b.WriteString("The data format is documented in docs/data-format.md.\n\n")
	b.WriteString("Exit codes: 0 ok, 1 the data has errors, 2 wrong usage, 3 internal or I/O failure.\n")
	io.WriteString(w, b.String())
}

func help(e *env, args []string) int {
	if len(args) == 0 {
		usage(e, e.stdout)
		return ExitOK
	}
	switch args[0] {
	case "figures":
		return runFigures(context.Background(), e, args[1:])
	case "help":
		fmt.Fprintf(e.stdout, "Usage: %[1]s help [command | figures]\n\n"+
			"Help lists the commands, or shows a command's usage and flags. \"%[1]s help figures\"\n"+
			"lists the figures narrative can cite ({{problems}}), with their values.\n", e.prog)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			he := *e
			he.stderr = e.stdout
			return runCommand(context.Background(), &he, c, []string{"-h"})
		}
	}
	fmt.Fprintf(e.stderr, "ducha help: unknown command %q%s\n", args[0], suggest.DidYouMean(args[0], commandNames()))
	return ExitUsage
}

// commandNames lists the commands, and the topics of help.
func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return append(names, "figures")
}

// flagSet returns a flag set for a command whose usage line is usage.
func flagSet(e *env, name, usage, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s %s %s\n\n%s\n", e.prog, name, usage, strings.ReplaceAll(about, "ducha ", e.prog+" "))
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
	fi, err := os.Stat(e.path(dir))
	if err != nil || !fi.IsDir() {
		fmt.Fprintf(e.stderr, "ducha %s: %s is not a directory; give the project's directory (the one holding data/)\n", cmd, dir)
		return "", false
	}
	return dir, true
}
