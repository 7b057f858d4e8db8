package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/scaffold"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/project/validate"
)

// campaign writes data/<id>/, the campaign after n.c.
func (n *newEntry) campaign(id string) int {
	if !validate.ValidID(id) {
		fmt.Fprintf(n.stderr, "ducha new campaign: %q is not a campaign's ID: use lower-case letters, digits and \"-\", such as the year: 2016\n", id)
		return ExitUsage
	}
	for _, name := range n.p.Unparsed {
		if strings.HasPrefix(name, "data/"+n.c.ID+"/") && !strings.HasPrefix(name, "data/"+n.c.ID+"/provinces/") {
			fmt.Fprintf(n.stderr, "ducha new campaign: %s is not valid YAML; run %s check and fix it first\n", name, n.prog)
			return ExitData
		}
	}
	fsys := source.Dir(n.dir)
	read := func(name string) ([]byte, error) { return fs.ReadFile(fsys, path.Join("data", n.c.ID, name)) }
	files, notes, err := scaffold.NextCampaign(n.p, n.c, id, read)
	if err != nil {
		var r *source.RefusedError
		if errors.As(err, &r) {
			fmt.Fprintf(n.stderr, "%s: %s\n", model.ShowPath(r.Name), r.Why)
			return ExitData
		}
		fmt.Fprintf(n.stderr, "ducha new campaign: data/%s/%v\n", n.c.ID, err)
		return ExitData
	}
	if code := writeCampaign(n.env, fsys, n.dir, id, files); code != ExitOK {
		return code
	}
	fmt.Fprintf(n.stdout, "data/%s/: added campaign %s from %s: %s\n", id, id, n.c.ID, strings.Join(sortedNames(files), ", "))
	for _, note := range notes {
		fmt.Fprintf(n.stdout, "note: %s\n", note)
	}
	if n.p.Config.Campaign != "" {
		fmt.Fprintf(n.stdout, "note: ducha.yaml publishes campaign %s; set campaign: %q there to publish this one\n", n.p.Config.Campaign, id)
	}
	fmt.Fprintf(n.stdout, "next: %s check %s, then add what the groups find: %s new finding --province <id>\n", n.prog, n.dir, n.prog)
	return ExitOK
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// writeCampaign writes the files of a new campaign into data/<id>/ of the
// project in dir, all or none: into a hidden folder beside it, renamed
// into place once every file is written. The folder must not exist.
func writeCampaign(e *env, fsys *source.FS, dir, id string, files map[string][]byte) int {
	name := path.Join("data", id)
	if _, err := fsys.Lstat(name); err == nil {
		fmt.Fprintf(e.stderr, "ducha new campaign: %s already exists; give another ID, or remove it first\n", name)
		return ExitData
	}
	if fi, err := fs.Stat(fsys, "data"); err != nil || !fi.IsDir() {
		var r *source.RefusedError
		if errors.As(err, &r) {
			fmt.Fprintf(e.stderr, "%s: %s\n", model.ShowPath(r.Name), r.Why)
			return ExitData
		}
		fmt.Fprintf(e.stderr, "ducha new campaign: %s has no data/ folder\n", dir)
		return ExitData
	}
	data := filepath.Join(dir, "data")
	tmp, err := os.MkdirTemp(data, "."+id+".new-")
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha new campaign: %v\n", err)
		return ExitInternal
	}
	defer os.RemoveAll(tmp)
	for _, rel := range sortedNames(files) {
		file := filepath.Join(tmp, filepath.FromSlash(rel))
		if err = os.MkdirAll(filepath.Dir(file), 0o755); err == nil {
			err = os.WriteFile(file, files[rel], 0o644)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "ducha new campaign: %v\n", err)
			return ExitInternal
		}
	}
	if _, err := os.Lstat(filepath.Join(data, id)); err == nil {
		fmt.Fprintf(e.stderr, "ducha new campaign: %s already exists; give another ID, or remove it first\n", name)
		return ExitData
	}
	if err := os.Rename(tmp, filepath.Join(data, id)); err != nil {
		fmt.Fprintf(e.stderr, "ducha new campaign: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}
