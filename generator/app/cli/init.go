package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ducha/ducha"
)

func runInit(_ context.Context, e *env, args []string) int {
	fset := flagSet(e, "init", "project-dir",
		"Init starts a new project in project-dir (which must not exist, or be empty) from\n"+
			"the sample campaign embedded in ducha: ducha.yaml, data/ and content/. Its data is\n"+
			"illustrative; edit it, or replace it campaign by campaign (docs/data-format.md).")
	pos, code, ok := parse(fset, args, 1)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(e.stderr, "ducha init: give the folder of the new project")
		fset.Usage()
		return ExitUsage
	}
	dir := pos[0]
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(e.stderr, "ducha init: %s is not empty; give a new or empty folder\n", dir)
		return ExitUsage
	}
	if err := writeTree(dir, ducha.Sample); err != nil {
		fmt.Fprintf(e.stderr, "ducha init: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintf(e.stdout, "ducha init: wrote the sample campaign into %s\nnext: %[2]s check %[1]s && %[2]s serve %[1]s\n", dir, e.prog)
	return ExitOK
}

// writeTree copies the files of fsys into dir.
func writeTree(dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
