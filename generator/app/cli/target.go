package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/pipeline"
)

// projectPaths are the paths of a project that no output may be written
// over or into, with every link resolved: the project folder itself and
// what the project reads.
type projectPaths struct {
	root   string
	inputs []input
}

// input is a file or folder the project reads: its resolved path, and its
// name as the user knows it, relative to the project.
type input struct{ path, name string }

// inputNames are the files and folders a build of a project reads,
// relative to the project: ducha.yaml, data/, content/, templates/ and
// the briefing's fonts, which cfg names.
func inputNames(cfg model.Config) []string {
	names := []string{"ducha.yaml", "data/", "content/", "templates/"}
	for _, role := range cfg.PDF.Font.Roles() {
		for _, f := range role.Files {
			if f != "" {
				names = append(names, path.Clean(filepath.ToSlash(f)))
			}
		}
	}
	return names
}

// readProjectPaths resolves the paths of the project in dir, including
// what links inside its input folders point at.
func readProjectPaths(dir string, cfg model.Config) (projectPaths, error) {
	root, err := realPath(dir)
	if err != nil {
		return projectPaths{}, err
	}
	pp := projectPaths{root: root}
	for _, name := range inputNames(cfg) {
		p, err := realPath(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			return projectPaths{}, err
		}
		pp.inputs = append(pp.inputs, input{p, name})
		pp.inputs = append(pp.inputs, linked(p, name)...)
	}
	return pp, nil
}

// linked returns what the links under the folder dir, named name, point
// at: a project may keep its data elsewhere and link to it.
func linked(dir, name string) []input {
	var in []input
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if real, err := filepath.EvalSymlinks(p); err == nil {
			rel, _ := filepath.Rel(dir, p)
			in = append(in, input{real, path.Join(name, filepath.ToSlash(rel))})
		}
		return nil
	})
	return in
}

// clash says how target, a resolved path, meets the project's own files,
// as the rest of a sentence whose subject is the target, or "" when it
// does not.
func (pp projectPaths) clash(target string) string {
	switch {
	case target == pp.root:
		return "is the project folder"
	case within(target, pp.root):
		return "contains the project folder " + pp.root
	}
	for _, in := range pp.inputs {
		switch {
		case target == in.path:
			return "is the project's " + in.name
		case within(in.path, target):
			return "lies inside the project's " + in.name
		case within(target, in.path):
			return "contains the project's " + in.name
		}
	}
	return ""
}

// within reports whether p lies inside the folder dir.
func within(dir, p string) bool {
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(p, dir)
}

// realPath returns name as an absolute path with every link resolved, as
// the system would follow it, also when name, or its last elements, do
// not exist yet.
func realPath(name string) (string, error) {
	if !filepath.IsAbs(name) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		name = wd + string(filepath.Separator) + name // not Join: a link's ".." is the system's
	}
	var missing []string
	for {
		p, err := filepath.EvalSymlinks(name)
		if err == nil {
			return filepath.Join(append([]string{p}, missing...)...), nil
		}
		i := strings.LastIndexByte(name, filepath.Separator)
		if !errors.Is(err, fs.ErrNotExist) || i < 0 {
			return "", err
		}
		missing = append([]string{name[i+1:]}, missing...)
		name = name[:i]
		if name == filepath.VolumeName(name) {
			name += string(filepath.Separator)
		}
	}
}

// outputTarget resolves out, where the command cmd writes what ("the
// site"), and refuses it when the output would replace or mix with the
// project's own files: ok is false after a message, with the exit code.
// def is the default of -o.
func outputTarget(e *env, cmd, dir, out string, ch *pipeline.Checked, what, def string) (target string, code int, ok bool) {
	target, err := realPath(e.path(out))
	var pp projectPaths
	if err == nil {
		pp, err = readProjectPaths(e.path(dir), ch.Project.Config)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha %s: %v\n", cmd, err)
		return "", ExitInternal, false
	}
	if clash := pp.clash(target); clash != "" {
		fmt.Fprintf(e.stderr, "ducha %s: %s %s: %s must not replace or mix with the project's own files; write it elsewhere, such as %s (the default)\n", cmd, out, clash, what, def)
		return "", ExitUsage, false
	}
	return target, ExitOK, true
}
