package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/generator/pipeline"
	"github.com/ducha/ducha/generator/project/sheet"
	"github.com/ducha/ducha/generator/project/source"
)

func runImport(_ context.Context, e *env, args []string) int {
	fset := flagSet(e, "import", "[--dry-run] FILE.xlsx [project-dir]",
		"Import reads a spreadsheet of findings, a template from ducha template filled in,\n"+
			"into the current campaign: a row with an ID updates that finding where the sheet\n"+
			"differs (its status, deadline, closed date, progress, and any other column); a row\n"+
			"without one adds a finding with the next free ID. The province files change only\n"+
			"there: every other byte stays as it was. Every problem is reported at its cell,\n"+
			"FILE.xlsx:Sheet!C12: message, and the project is checked as it would be after\n"+
			"the import: with any problem, nothing is written.")
	dry := fset.Bool("dry-run", false, "say what would change, and write nothing")
	pos, code, ok := parse(fset, args, 2)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(e.stderr, "ducha import: give the spreadsheet to import: ducha import 2015-zj.xlsx")
		return ExitUsage
	}
	file := pos[0]
	dir, ok := projectDir(e, "import", pos[1:])
	if !ok {
		return ExitUsage
	}
	data, err := readSheet(e.path(file))
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha import: %v\n", err)
		return ExitUsage
	}
	book, probs := sheet.Read(data)
	if len(probs) > 0 {
		return sheetProblems(e, file, probs)
	}
	p, c, code, ok := checkedCampaign(e, "import", dir)
	if !ok {
		return code
	}
	if book.Campaign != "" && book.Campaign != c.ID {
		if c = p.Campaign(book.Campaign); c == nil {
			fmt.Fprintf(e.stderr, "%s: the sheet is for campaign %s, which the project does not have\n", file, book.Campaign)
			return ExitData
		}
	}
	fsys := source.Dir(e.path(dir))
	changes, notes, probs := sheet.Plan(book, p, c, func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
	if len(probs) > 0 {
		return sheetProblems(e, file, probs)
	}
	for _, n := range notes {
		fmt.Fprintf(e.stdout, "%s:%s\n", file, n)
	}
	if len(changes) == 0 {
		fmt.Fprintf(e.stdout, "ducha import: %s: nothing to change; the project already holds what the sheet says\n", file)
		return ExitOK
	}
	if code, ok := checkAfter(e, file, fsys, changes); !ok {
		return code
	}
	verb, dryNote := "changed", ""
	if *dry {
		verb, dryNote = "would change", " (nothing was written: --dry-run)"
	} else if code := writeChanges(e, fsys, dir, changes); code != ExitOK {
		return code
	}
	for _, ch := range changes {
		for _, d := range ch.Done {
			fmt.Fprintln(e.stdout, d)
		}
	}
	fmt.Fprintf(e.stdout, "ducha import: %s %s%s\n", verb, count(len(changes), "file"), dryNote)
	if !*dry {
		fmt.Fprintf(e.stdout, "next: %s serve %s to look at the result, then commit it\n", e.prog, dir)
	}
	return ExitOK
}

// readSheet reads the workbook file, a regular file of a sensible size.
func readSheet(file string) ([]byte, error) {
	fi, err := os.Stat(file)
	switch {
	case err != nil:
		return nil, err
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a file", file)
	case fi.Size() > source.MaxFileSize:
		return nil, fmt.Errorf("%s is larger than %d MiB; a sheet of findings is not", file, source.MaxFileSize>>20)
	}
	return os.ReadFile(file)
}

// sheetProblems prints the problems of a workbook.
func sheetProblems(e *env, file string, probs []sheet.Problem) int {
	sheet.SortProblems(probs)
	for _, p := range probs {
		fmt.Fprintln(e.stderr, p.Format(file))
	}
	fmt.Fprintf(e.stderr, "ducha import: %s in %s; nothing was written\n", count(len(probs), "problem"), file)
	return ExitData
}

// checkAfter checks the project as it would be with the changes made.
func checkAfter(e *env, file string, fsys *source.FS, changes []sheet.Change) (int, bool) {
	o := &overlay{FS: fsys, files: map[string][]byte{}}
	for _, ch := range changes {
		o.files[ch.File] = ch.Data
	}
	after, err := pipeline.Check(o, pipeline.CheckOptions{})
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha import: %v\n", err)
		return ExitInternal, false
	}
	if !after.Diags.HasErrors(false) {
		return ExitOK, true
	}
	diag.Write(e.stderr, diag.Text, after.Diags.Items())
	errs, _ := after.Diags.Count()
	fmt.Fprintf(e.stderr, "ducha import: with %s, the project would have %s (above, where they would be); correct the sheet; nothing was written\n", file, count(errs, "error"))
	return ExitData, false
}

// writeChanges writes the changed files, each in one step; it refuses a
// file that is not a regular file of the project, before writing any.
func writeChanges(e *env, fsys *source.FS, dir string, changes []sheet.Change) int {
	for _, ch := range changes {
		fi, err := fsys.Lstat(ch.File)
		if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			fi, err = fsys.Stat(ch.File) // refuses a link that leads outside
		}
		var r *source.RefusedError
		switch {
		case errors.As(err, &r):
			fmt.Fprintf(e.stderr, "%s: %s; nothing was written\n", model.ShowPath(r.Name), r.Why)
			return ExitData
		case err != nil:
			fmt.Fprintf(e.stderr, "ducha import: %v; nothing was written\n", err)
			return ExitInternal
		case !fi.Mode().IsRegular():
			fmt.Fprintf(e.stderr, "%s: not a regular file; nothing was written\n", model.ShowPath(ch.File))
			return ExitData
		}
	}
	for _, ch := range changes {
		if err := output.ReplaceFile(filepath.Join(e.path(dir), filepath.FromSlash(ch.File)), ch.Data); err != nil {
			fmt.Fprintf(e.stderr, "ducha import: %v\n", err)
			return ExitInternal
		}
	}
	return ExitOK
}
