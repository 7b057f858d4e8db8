package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ducha/ducha/generator/output"
)

// TestExitCodes pins the exit code of each kind of outcome.
func TestExitCodes(t *testing.T) {
	minimal := filepath.Join("..", "..", "..", "testdata", "projects", "minimal")
	broken := t.TempDir()
	os.MkdirAll(filepath.Join(broken, "data"), 0o755)
	os.WriteFile(filepath.Join(broken, "data", "provinces.yaml"), []byte("- id: [\n"), 0o644)
	unreadable := t.TempDir()
	os.MkdirAll(filepath.Join(unreadable, "data", "units.yaml"), 0o755) // a folder where a file belongs
	// A copy of minimal: a wrong answer below would delete it.
	project := t.TempDir()
	if err := os.CopyFS(project, os.DirFS(minimal)); err != nil {
		t.Fatal(err)
	}
	others := t.TempDir()
	os.WriteFile(filepath.Join(others, "notes.txt"), []byte("mine"), 0o644)
	readOnly := filepath.Join(t.TempDir(), "out")
	os.Mkdir(readOnly, 0o555)
	t.Cleanup(func() { os.Chmod(readOnly, 0o755) })

	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"check", minimal}, ExitOK},
		{[]string{"version"}, ExitOK},
		{[]string{"help"}, ExitOK},
		{[]string{"help", "build"}, ExitOK},
		{[]string{"check", "-h"}, ExitOK},
		{[]string{"check", broken}, ExitData},
		{[]string{"build", "-o", filepath.Join(t.TempDir(), "out"), broken}, ExitData},
		{[]string{"pdf", "-o", filepath.Join(t.TempDir(), "b.pdf"), broken}, ExitData},
		{nil, ExitUsage},
		{[]string{"nope"}, ExitUsage},
		{[]string{"check", "--format", "xml", minimal}, ExitUsage},
		{[]string{"check", "--nope"}, ExitUsage},
		{[]string{"check", "a", "b"}, ExitUsage},
		{[]string{"check", filepath.Join(minimal, "ducha.yaml")}, ExitUsage},
		{[]string{"build", "--as-of", "2016-02-30", minimal}, ExitUsage},
		{[]string{"build", "-o", project, project}, ExitUsage},
		{[]string{"build", "--force", "-o", filepath.Join(project, "data"), project}, ExitUsage},
		{[]string{"build", "-o", others, project}, ExitUsage},
		{[]string{"build", "--force", "-o", filepath.Join(others, "notes.txt"), project}, ExitUsage},
		{[]string{"pdf", "-o", filepath.Join(project, "data", "2015", "campaign.yaml"), project}, ExitUsage},
		{[]string{"pdf", "-o", filepath.Join(others, "notes.txt"), project}, ExitUsage},
		{[]string{"pdf", "-o", others, project}, ExitUsage},
		{[]string{"check", unreadable}, ExitInternal},
		{[]string{"build", "--no-pdf", "-o", readOnly, project}, ExitInternal},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			if got := Run(context.Background(), tc.args, &out, &errOut); got != tc.want {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", got, tc.want, out.String(), errOut.String())
			}
		})
	}
}

// TestCheckWritesNothing makes sure check leaves the project as it was.
func TestCheckWritesNothing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "..", "testdata", "projects", "minimal")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	var out, errOut bytes.Buffer
	if code := Run(context.Background(), []string{"check", "--strict", dir}, &out, &errOut); code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	if after := listing(t, dir); after != before {
		t.Errorf("check changed the project:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, _ := d.Info()
		b.WriteString(p + " " + info.ModTime().String() + "\n")
		return nil
	})
	return b.String()
}

// TestPanicIsInternalError: a command that panics ends with exit code 3
// and a line asking to report the bug, never a bare Go crash.
func TestPanicIsInternalError(t *testing.T) {
	cmds := []command{{name: "boom", run: func(context.Context, *env, []string) int {
		var m map[string]int
		m["x"]++ // a nil map: a runtime error, as a bug would be
		return ExitOK
	}}}
	var out, errOut bytes.Buffer
	code := run(context.Background(), &env{stdout: &out, stderr: &errOut}, []string{"boom"}, cmds)
	if code != ExitInternal {
		t.Errorf("exit code %d, want %d", code, ExitInternal)
	}
	first, _, _ := strings.Cut(errOut.String(), "\n")
	want := "ducha boom: internal error: assignment to entry in nil map; this is a bug in ducha: please report it, with the command you ran and the lines below"
	if first != want {
		t.Errorf("first line of stderr:\n%s\nwant:\n%s", first, want)
	}
}

// TestBuildWaitsForAnotherBuild: a build of a folder that another build
// is writing says, in one line, that it waits, and builds when the other
// is done.
func TestBuildWaitsForAnotherBuild(t *testing.T) {
	minimal := filepath.Join("..", "..", "..", "testdata", "projects", "minimal")
	out := filepath.Join(t.TempDir(), "out")
	other, err := output.NewDir(context.Background(), out, output.DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "ducha build: waiting for another build of " + out + " to finish\n"
	stderr := &watcher{want: want, seen: make(chan struct{})}
	code := make(chan int)
	go func() {
		code <- Run(context.Background(), []string{"build", "--no-pdf", "-o", out, minimal}, io.Discard, stderr)
	}()
	select {
	case <-stderr.seen:
	case c := <-code:
		t.Fatalf("the build ended (exit code %d) without waiting: %s", c, stderr)
	}
	other.Abort()
	if c := <-code; c != ExitOK {
		t.Fatalf("exit code %d: %s", c, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
	if n := strings.Count(stderr.String(), "waiting"); n != 1 {
		t.Errorf("%d lines about waiting, want 1:\n%s", n, stderr)
	}
}

// watcher is an io.Writer, safe for concurrent use, that closes seen when
// what was written holds want.
type watcher struct {
	mu   sync.Mutex
	b    strings.Builder
	want string
	seen chan struct{}
	once sync.Once
}

func (w *watcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if strings.Contains(w.b.String(), w.want) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

func (w *watcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}
