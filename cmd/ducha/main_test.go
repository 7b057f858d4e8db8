package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ducha/ducha/internal/golden"
)

// update is -update: rewrite the expected output in the test scripts.
var update = golden.Update

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"ducha": main})
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
		},
	})
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
