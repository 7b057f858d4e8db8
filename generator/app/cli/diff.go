package cli

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing/fstest"

	"github.com/ducha/ducha/generator/derive/changes"
	"github.com/ducha/ducha/generator/i18n"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/load"
	"github.com/ducha/ducha/generator/project/source"
	"github.com/ducha/ducha/generator/project/validate"
)

func runDiff(ctx context.Context, e *env, args []string) int {
	fset := flagSet(e, "diff", "OLD [NEW] [-C project-dir]",
		"Diff lists what changed in the current campaign between two states of the project:\n"+
			"findings added and removed, rectification statuses, deadlines moved, severities,\n"+
			"indicator values and the campaign's figures. OLD and NEW are git revisions of the\n"+
			"project's repository (HEAD~1, a tag such as briefing-2016-03, a commit), read with\n"+
			"git archive, or folders that hold a project. Without NEW, OLD is compared with the\n"+
			"project's files as they are now.\n\n"+
			"Example: ducha diff briefing-2016-03 (what changed since the last printed briefing)")
	dir := fset.String("C", ".", "the project `directory`, whose repository the revisions are of")
	pos, code, ok := parse(fset, args, 2)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(e.stderr, "ducha diff: say what to compare: ducha diff HEAD~1, ducha diff v1 v2, or two folders")
		return ExitUsage
	}
	if _, ok := projectDir(e, "diff", []string{*dir}); !ok {
		return ExitUsage
	}
	before, fromName, code, ok := loadState(ctx, e, "diff", *dir, pos[0])
	if !ok {
		return code
	}
	after, toName := (*model.Project)(nil), ""
	if len(pos) > 1 {
		if after, toName, code, ok = loadState(ctx, e, "diff", *dir, pos[1]); !ok {
			return code
		}
	} else if after, code, ok = loadProject(e, "diff", source.Dir(e.path(*dir)), *dir); !ok {
		return code
	}
	if toName == "" {
		toName = i18n.Tr(after.Config.Lang(), "changes.worktree")
	}
	c := after.Current()
	if c == nil {
		fmt.Fprintf(e.stderr, "ducha diff: %s has no campaign\n", toName)
		return ExitData
	}
	ch := changes.Compare(before.Campaign(c.ID), c, after.Config.Lang(), model.Date{})
	if err := ch.WriteText(e.stdout, fromName, toName); err != nil {
		return ExitInternal
	}
	return ExitOK
}

// loadState loads the project as it is in the folder or at the git
// revision rev of the repository of dir, and names it.
func loadState(ctx context.Context, e *env, cmd, dir, rev string) (*model.Project, string, int, bool) {
	if fi, err := os.Stat(e.path(rev)); err == nil && fi.IsDir() {
		p, code, ok := loadProject(e, cmd, source.Dir(e.path(rev)), rev)
		return p, rev, code, ok
	}
	fsys, name, err := revision(ctx, e.path(dir), rev)
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha %s: %s is neither a folder nor a revision of the repository of %s: %v\n", cmd, rev, dir, err)
		return nil, "", ExitUsage, false
	}
	p, code, ok := loadProject(e, cmd, fsys, name)
	return p, name, code, ok
}

// loadProject loads and validates a project; its problems are warned of,
// not an error: what they touch may be missing from a comparison.
func loadProject(e *env, cmd string, fsys fs.FS, name string) (*model.Project, int, bool) {
	p, diags, err := load.Load(fsys)
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha %s: %s: %v\n", cmd, name, err)
		return nil, ExitInternal, false
	}
	validate.Project(p, diags)
	if errs, _ := diags.Count(); errs > 0 {
		fmt.Fprintf(e.stderr, "ducha %s: warning: %s has %s (ducha check lists them); what they touch may be missing from the changes\n", cmd, name, count(errs, "error"))
	}
	return p, ExitOK, true
}

// revision returns the project in dir as it is at the git revision rev,
// read with git archive, and names the revision with its commit.
func revision(ctx context.Context, dir, rev string) (fs.FS, string, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, "", errors.New("a revision does not start with -")
	}
	commit, err := git(ctx, dir, "rev-parse", "--verify", "--short=12", rev+"^{commit}")
	if err != nil {
		return nil, "", err
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		return nil, "", err
	}
	lines := strings.SplitN(strings.TrimRight(string(top), "\n"), "\n", 2)
	prefix := ""
	if len(lines) == 2 {
		prefix = lines[1]
	}
	data, err := git(ctx, lines[0], "archive", "--format=tar", strings.TrimSpace(string(commit))+":"+prefix)
	if err != nil {
		return nil, "", err
	}
	fsys, err := untar(data)
	if err != nil {
		return nil, "", err
	}
	return fsys, rev + " (" + strings.TrimSpace(string(commit)) + ")", nil
}

// untar reads the regular files of a tar archive, as git archive writes
// it, into memory. Links are left out: the project read from disk would
// refuse one that leads outside it, and one inside it is rare in a
// repository.
func untar(data []byte) (fs.FS, error) {
	out := fstest.MapFS{}
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg || !fs.ValidPath(h.Name) || h.Size > source.MaxFileSize {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		out[h.Name] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
}
