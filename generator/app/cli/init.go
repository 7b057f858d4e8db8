package cli

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"time"

	"github.com/ducha/ducha"
	"github.com/ducha/ducha/generator/project/jsonschema"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/scaffold"
)

func runInit(_ context.Context, e *env, args []string) int {
	fset := flagSet(e, "init", "[--empty [--year YYYY]] project-dir",
		"Init starts a new project in project-dir (which must not exist, or be empty) from\n"+
			"the sample campaign embedded in ducha: ducha.yaml, data/ and content/. Its data is\n"+
			"illustrative; edit it, or replace it campaign by campaign (docs/data-format.md).\n\n"+
			"With --empty, the project has the 31 provinces and the member units of the\n"+
			"sample (data/provinces.yaml, data/units.yaml) and one blank campaign, data/<year>/,\n"+
			"whose scope holds stand-ins to replace, and no key items or groups yet.")
	empty := fset.Bool("empty", false, "start with one blank campaign instead of the sample")
	year := fset.Int("year", time.Now().Year(), "--empty: the `year` of the blank campaign, its ID")
	pos, code, ok := parse(fset, args, 1)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(e.stderr, "ducha init: give the folder of the new project")
		fset.Usage()
		return ExitUsage
	}
	yearSet := false
	fset.Visit(func(f *flag.Flag) { yearSet = yearSet || f.Name == "year" })
	if yearSet && !*empty {
		fmt.Fprintln(e.stderr, "ducha init: --year is for a blank campaign; add --empty")
		return ExitUsage
	}
	if *year < 1000 || *year > 9999 {
		fmt.Fprintf(e.stderr, "ducha init: --year %d is not a year; give four digits: 2016\n", *year)
		return ExitUsage
	}
	dir := pos[0]
	if entries, err := os.ReadDir(e.path(dir)); err == nil && len(entries) > 0 {
		fmt.Fprintf(e.stderr, "ducha init: %s is not empty; give a new or empty folder\n", dir)
		return ExitUsage
	}
	tree, what := fs.FS(ducha.Sample), "the sample campaign"
	if *empty {
		var err error
		if tree, err = blankProject(*year); err != nil {
			fmt.Fprintf(e.stderr, "ducha init: %v\n", err)
			return ExitInternal
		}
		what = "a blank campaign, data/" + strconv.Itoa(*year) + "/,"
	}
	if err := writeTree(e.path(dir), tree); err != nil {
		fmt.Fprintf(e.stderr, "ducha init: %v\n", err)
		return ExitInternal
	}
	if err := writeTree(e.path(dir), editorFiles()); err != nil {
		fmt.Fprintf(e.stderr, "ducha init: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintf(e.stdout, "ducha init: wrote %s into %s\n", what, dir)
	fmt.Fprintf(e.stdout, "ducha init: wrote %s/ and .vscode/: VS Code's YAML extension completes keys and underlines wrong values\n", jsonschema.Dir)
	if *empty {
		fmt.Fprintf(e.stdout, "next: replace the stand-ins in %s, then add key items and groups (docs/guide.md)\n",
			filepath.ToSlash(filepath.Join(dir, "data", strconv.Itoa(*year), scaffold.CampaignFile)))
	}
	fmt.Fprintf(e.stdout, "next: %[2]s check %[1]s && %[2]s serve %[1]s\n", dir, e.prog)
	return ExitOK
}

// blankProject returns the files of a project with one blank campaign in
// year: the sample's configuration, provinces and units, and nothing of
// its campaign.
func blankProject(year int) (fs.FS, error) {
	p, _, err := load.Load(ducha.Sample)
	if err != nil {
		return nil, err
	}
	tree := mapFS{}
	for _, name := range []string{"ducha.yaml", "data/provinces.yaml", "data/units.yaml"} {
		if tree[name], err = fs.ReadFile(ducha.Sample, name); err != nil {
			return nil, err
		}
	}
	for name, data := range scaffold.BlankCampaign(year, p.Provinces) {
		tree[path.Join("data", strconv.Itoa(year), name)] = data
	}
	return tree.fs(), nil
}

// editorFiles are the JSON Schemas of the file format and the VS Code
// settings that use them, and a .gitignore that leaves the output out of
// git.
func editorFiles() fs.FS {
	tree := mapFS{
		".gitignore":              []byte("# What ducha build writes: made again from the data at any time.\npublic/\n"),
		".vscode/settings.json":   jsonschema.VSCodeSettings(jsonschema.Dir),
		".vscode/extensions.json": jsonschema.VSCodeExtensions(),
	}
	for _, f := range jsonschema.Files() {
		tree[path.Join(jsonschema.Dir, f.Name)] = f.Schema.JSON()
	}
	return tree.fs()
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
