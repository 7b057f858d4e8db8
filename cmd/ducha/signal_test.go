//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ducha/ducha/internal/synth"
)

// TestStoppedBuild starts the real program on a project big enough to be
// stopped mid-build. SIGTERM (what CI runners and timeout send) and
// SIGINT (Ctrl-C) stop it cleanly: the previous output is whole and
// nothing is left beside it. SIGKILL cannot be caught: the previous
// output is whole all the same, and the next build removes what the
// killed one left.
func TestStoppedBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	bin, err := exec.LookPath("ducha") // put on $PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "big")
	if err := synth.Write(big, synth.Options{Findings: 2000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	minimal := filepath.Join("..", "..", "testdata", "projects", "minimal")

	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			runDucha(t, bin, "build", "-o", out, minimal)
			previous := hashTree(t, out)
			stderr := stopMidBuild(t, exec.Command(bin, "build", "-o", out, big), dir, sig)
			if got := hashTree(t, out); got != previous {
				t.Errorf("the previous output changed:\n%s\nwant:\n%s", got, previous)
			}
			left := leftBeside(t, dir)
			if sig != syscall.SIGKILL {
				if want := "ducha build: interrupted; " + out + " is unchanged\n"; !strings.HasSuffix(stderr, want) {
					t.Errorf("stderr ends:\n%s\nwant:\n%s", stderr, want)
				}
				if len(left) > 0 {
					t.Errorf("left beside the output: %v", left)
				}
				return
			}
			if len(left) == 0 {
				t.Error("the killed build left nothing: it was not killed mid-build")
			}
			runDucha(t, bin, "build", "-o", out, minimal)
			if got := hashTree(t, out); got != previous {
				t.Errorf("the next build differs from the previous output")
			}
			if got := leftBeside(t, dir); len(got) > 0 {
				t.Errorf("the next build left %v (the killed one left %v)", got, left)
			}
		})
	}
}

// stopMidBuild starts cmd, a build into dir/out, sends it sig once the
// build has begun writing, and returns its stderr.
func stopMidBuild(t *testing.T, cmd *exec.Cmd, dir string, sig syscall.Signal) string {
	t.Helper()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for !writing(dir) {
		select {
		case err := <-done:
			t.Fatalf("the build ended (%v) before it could be stopped: make the project bigger\n%s", err, stderr.String())
		case <-time.After(time.Millisecond):
		}
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil {
		t.Fatalf("the build was not stopped by %v:\n%s", sig, stderr.String())
	}
	return stderr.String()
}

// writing reports whether a build has begun writing files into its new
// folder beside dir/out.
func writing(dir string) bool {
	news, _ := filepath.Glob(filepath.Join(dir, ".out.new-*", "*"))
	return len(news) > 1
}

// leftBeside returns what is in dir besides the output.
func leftBeside(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if e.Name() != "out" {
			left = append(left, e.Name())
		}
	}
	return left
}

func runDucha(t *testing.T, bin string, args ...string) {
	t.Helper()
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("ducha %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func hashTree(t *testing.T, dir string) string {
	t.Helper()
	h, err := treeHash(dir)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
