package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/project/jsonschema"
)

func runSchema(_ context.Context, e *env, args []string) int {
	fset := flagSet(e, "schema", "[-o dir] [project-dir]",
		"Schema writes a JSON Schema for every kind of file of a project, and for the\n"+
			"front matter of its pages, into .ducha/schema/ (or -o), with descriptions in\n"+
			"Chinese and English. When the project has no .vscode/settings.json, it writes\n"+
			"one that has VS Code's YAML extension (redhat.vscode-yaml) use them: a key\n"+
			"completes as it is typed, and a wrong value is underlined. ducha init does\n"+
			"this for a new project; run it again after updating ducha.")
	out := fset.String("o", "", "write the schemas into this `directory` only (default: .ducha/schema in the project, and .vscode/ settings)")
	pos, code, ok := parse(fset, args, 1)
	if !ok {
		return code
	}
	dir, ok := projectDir(e, "schema", pos)
	if !ok {
		return ExitUsage
	}
	if *out != "" {
		if err := writeSchemas(e.path(*out)); err != nil {
			fmt.Fprintf(e.stderr, "ducha schema: %v\n", err)
			return ExitInternal
		}
		fmt.Fprintf(e.stdout, "ducha schema: wrote %d schemas into %s\n", len(jsonschema.Files()), *out)
		return ExitOK
	}
	return wireSchemas(e, e.path(dir))
}

// writeSchemas writes every schema into dir.
func writeSchemas(dir string) error {
	for _, f := range jsonschema.Files() {
		data := f.Schema.JSON()
		err := output.WriteFileAtomic(filepath.Join(dir, f.Name), func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// wireSchemas writes the schemas into the project in dir, and the VS Code
// settings that use them when it has none.
func wireSchemas(e *env, dir string) int {
	if err := writeSchemas(filepath.Join(dir, filepath.FromSlash(jsonschema.Dir))); err != nil {
		fmt.Fprintf(e.stderr, "ducha schema: %v\n", err)
		return ExitInternal
	}
	for _, f := range jsonschema.Files() {
		fmt.Fprintf(e.stdout, "%s: %s\n", path.Join(jsonschema.Dir, f.Name), f.Pattern)
	}
	settings := filepath.Join(dir, ".vscode", "settings.json")
	old, err := os.ReadFile(settings)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		for name, data := range map[string][]byte{"settings.json": jsonschema.VSCodeSettings(jsonschema.Dir), "extensions.json": jsonschema.VSCodeExtensions()} {
			file := filepath.Join(dir, ".vscode", name)
			if _, err := os.Lstat(file); err == nil {
				continue
			}
			if err := output.WriteFileAtomic(file, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
				fmt.Fprintf(e.stderr, "ducha schema: %v\n", err)
				return ExitInternal
			}
		}
		fmt.Fprintln(e.stdout, ".vscode/settings.json: the YAML extension checks each file against its schema")
	case err != nil:
		fmt.Fprintf(e.stderr, "ducha schema: %v\n", err)
		return ExitInternal
	case !strings.Contains(string(old), jsonschema.Dir):
		fmt.Fprintf(e.stdout, "note: .vscode/settings.json is yours and was left as it is; add the \"yaml.schemas\" of this to it:\n%s", jsonschema.VSCodeSettings(jsonschema.Dir))
	}
	return ExitOK
}
