package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ducha/ducha/generator/app/cli"
	"github.com/ducha/ducha/internal/golden"
)

// update is -update: rewrite the expected output in the test scripts.
var update = golden.Update

// TestMain makes ducha a program the scripts can exec (as git's hooks
// do): a link named ducha to the test binary, which runs main when it is
// started by that name. It fails the tests when a run of ducha inside the
// test process wrote into the process's working directory, the package's
// folder: a file name not resolved against cli.Env's Dir.
//
// testscript.Main would install the program too, but would also make the
// script command "ducha" exec it, shadowing cmdDucha.
func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) == "ducha" {
		main()
		os.Exit(0)
	}
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	bin, err := os.MkdirTemp("", "ducha-test-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(bin)
	exe, err := os.Executable()
	if err == nil {
		err = os.Symlink(exe, filepath.Join(bin, "ducha"))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	os.Setenv("PATH", bin+string(filepath.ListSeparator)+os.Getenv("PATH"))
	before := listHere()
	code := m.Run()
	if after := listHere(); after != before {
		fmt.Fprintf(os.Stderr, "the tests left files in the package's folder, where ducha run inside the tests must not write:\nbefore: %s\nafter:  %s\n", before, after)
		return 1
	}
	return code
}

// listHere lists the names in the working directory.
func listHere() string {
	entries, _ := os.ReadDir(".")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// TestCheck runs the bad-input corpus: each script is a broken project and
// the exact messages ducha check must print for it.
func TestCheck(t *testing.T) { runScripts(t, "check") }

// TestCommands runs the scripts about the command line itself: usage,
// flags, exit codes, build and pdf.
func TestCommands(t *testing.T) { runScripts(t, "commands") }

func runScripts(t *testing.T, dir string) {
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("..", "..", "testdata", "script", dir),
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"project":    cmdProject,
			"treehash":   cmdTreehash,
			"startswith": cmdStartsWith,
			"mkfifo":     cmdMkfifo,
			"xlsx":       cmdXLSX,
			"hook":       cmdHook,
			"ducha":      cmdDucha,
		},
	})
}

// cmdDucha runs ducha inside the test process, in the script's folder,
// with its environment: "ducha check" is "exec ducha check" without
// starting a process, which is most of the time a script takes. "! ducha"
// expects a failure; the exit code is logged. Scripts that need a process
// of their own (a build in the background, a program name) use exec.
func cmdDucha(ts *testscript.TestScript, neg bool, args []string) {
	code := cli.Env{
		Dir:    ts.MkAbs("."),
		Getenv: ts.Getenv,
		Stdout: ts.Stdout(),
		Stderr: ts.Stderr(),
	}.Run(context.Background(), args)
	ts.Logf("[exit %d]", code)
	switch {
	case code == 0 && neg:
		ts.Fatalf("ducha %s succeeded, and should have failed", strings.Join(args, " "))
	case code != 0 && !neg:
		ts.Fatalf("ducha %s: exit code %d", strings.Join(args, " "), code)
	}
}

// cmdProject copies a fixture project into the script's work directory,
// leaving alone the files the script already has, so that a script needs
// to hold only the files it breaks:
//
//	project minimal   testdata/projects/minimal
//	project sample    the sample campaign at the repository's root
func cmdProject(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: project minimal|sample")
	}
	root := filepath.Join("..", "..")
	var srcs []string
	switch args[0] {
	case "sample":
		srcs = []string{"ducha.yaml", "data", "content"}
	default:
		root = filepath.Join(root, "testdata", "projects", args[0])
		srcs = []string{"."}
	}
	for _, src := range srcs {
		ts.Check(copyTree(filepath.Join(root, src), ts.MkAbs(src)))
	}
}

// cmdTreehash prints one line per file under a folder: its path and the
// SHA-256 of its bytes, so that a script can compare whole output trees.
//
//	treehash public
func cmdTreehash(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: treehash dir")
	}
	hashes, err := treeHash(ts.MkAbs(args[0]))
	ts.Check(err)
	fmt.Fprint(ts.Stdout(), hashes)
}

// treeHash returns one line per file under root: its SHA-256 and its path.
func treeHash(root string) (string, error) {
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(data), filepath.ToSlash(rel))
		return nil
	})
	return b.String(), err
}

// cmdStartsWith checks that a file begins with the bytes of another: what
// a command that only adds to a file must leave.
//
//	startswith data/2015/provinces/zj.yaml zj.before
func cmdStartsWith(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: startswith file prefix-file")
	}
	got, prefix := ts.ReadFile(args[0]), ts.ReadFile(args[1])
	if strings.HasPrefix(got, prefix) == neg {
		ts.Fatalf("%s starts with %s: %v", args[0], args[1], !neg)
	}
}

// copyTree copies the file or folder src to dst, skipping files that exist.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if _, err := os.Lstat(target); err == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
