package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/app/cli"
	"github.com/ducha/ducha/generator/project/scaffold"
)

// TestGuide runs the commands of docs/guide.md, in order, in a fresh
// folder laid out as a clone of the repository: each line of a ```sh
// block (bin/ducha in this process, anything else with sh), and the notes
// of its <!-- guide-test --> comments, which do what a person does by
// hand there (fill in a spreadsheet, edit a file). make build and ducha
// serve are left out: the test is the build, and the preview never ends.
func TestGuide(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	guide, err := os.ReadFile(filepath.Join("..", "..", "docs", "guide.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	for k, v := range map[string]string{
		"HOME": dir, "GIT_CONFIG_NOSYSTEM": "1", "SOURCE_DATE_EPOCH": "1490918400",
		"GIT_AUTHOR_NAME": "staff", "GIT_AUTHOR_EMAIL": "staff@example.invalid",
		"GIT_COMMITTER_NAME": "staff", "GIT_COMMITTER_EMAIL": "staff@example.invalid",
	} {
		t.Setenv(k, v)
	}
	steps := 0
	for _, s := range guideSteps(string(guide)) {
		steps++
		t.Logf("%s", s)
		switch {
		case s == "make build", strings.HasPrefix(s, "bin/ducha serve"):
			continue
		case strings.HasPrefix(s, "bin/ducha "):
			var out, errs bytes.Buffer
			if code := cli.RunAs(context.Background(), "bin/ducha", shellWords(strings.TrimPrefix(s, "bin/ducha ")), &out, &errs); code != 0 {
				t.Fatalf("%s: exit %d\n%s%s", s, code, out.String(), errs.String())
			}
		case strings.HasPrefix(s, "fill "):
			fill(t, strings.Fields(strings.TrimPrefix(s, "fill ")))
		case strings.HasPrefix(s, "set "):
			set(t, strings.SplitN(strings.TrimPrefix(s, "set "), " ", 4))
		default:
			if out, err := exec.Command("sh", "-c", s).CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", s, err, out)
			}
		}
	}
	if steps < 20 {
		t.Fatalf("the guide has %d steps; is docs/guide.md as this test reads it?", steps)
	}
}

// guideSteps returns the commands of the ```sh blocks and the notes of
// the <!-- guide-test --> comments of a guide, in order.
func guideSteps(guide string) []string {
	var steps []string
	in := ""
	sc := bufio.NewScanner(strings.NewReader(guide))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case in == "" && line == "```sh":
			in = "sh"
		case in == "" && line == "<!-- guide-test":
			in = "note"
		case in == "sh" && line == "```", in == "note" && line == "-->":
			in = ""
		case in != "" && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#"):
			steps = append(steps, line)
		}
	}
	return steps
}

// shellWords splits a command line into words as sh does for the simple
// lines of the guide: at spaces, with "double quotes" around a word that
// has spaces.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	quoted, has := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, has = !quoted, true
		case r == ' ' && !quoted:
			if has {
				words = append(words, w.String())
				w.Reset()
				has = false
			}
		default:
			w.WriteRune(r)
			has = true
		}
	}
	if has {
		words = append(words, w.String())
	}
	return words
}

// fill fills in cells of the findings sheet of a workbook: FILE C2=value...
func fill(t *testing.T, args []string) {
	t.Helper()
	f, err := excelize.OpenFile(args[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, a := range args[1:] {
		cell, v, _ := strings.Cut(a, "=")
		if err := f.SetCellStr("问题和整改", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// set sets a value of a finding in a province file, as a person does in
// an editor: FILE ID KEY VALUE, the key of the rectification's values
// prefixed rectification.
func set(t *testing.T, args []string) {
	t.Helper()
	if len(args) != 4 {
		t.Fatalf("set FILE ID KEY VALUE: %q", args)
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := scaffold.ParseDoc(src)
	if err != nil {
		t.Fatal(err)
	}
	var entry *yaml.Node
	_, list := scaffold.Lookup(d.Root(), "findings")
	for _, f := range list.Content {
		if _, id := scaffold.Lookup(f, "id"); id != nil && id.Value == args[1] {
			entry = f
		}
	}
	if entry == nil {
		t.Fatalf("no finding %s in %s", args[1], args[0])
	}
	key := args[2]
	if k, ok := strings.CutPrefix(key, "rectification."); ok {
		_, entry = scaffold.Lookup(entry, "rectification")
		key = k
	}
	v := scaffold.TextValue(args[3])
	if key == "date" || key == "deadline" || key == "closed" || key == "status" {
		v = scaffold.Raw(args[3])
	}
	if err := d.Set(entry, key, v); err != nil {
		t.Fatal(err)
	}
	out, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(args[0], out, 0o644); err != nil {
		t.Fatal(err)
	}
}
