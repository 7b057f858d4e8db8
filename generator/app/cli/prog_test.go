package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProgName: messages name ducha as the user ran it: by a path as
// typed, or by its name when PATH finds that very program.
func TestProgName(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	other := filepath.Join(dir, "other")
	for _, d := range []string{bin, other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "ducha"), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	t.Chdir(dir)
	for _, tc := range []struct{ argv0, want string }{
		{"ducha", "ducha"},
		{"bin/ducha", "ducha"}, // the one PATH finds
		{filepath.Join(bin, "ducha"), "ducha"},
		{"other/ducha", "other/ducha"},
		{"./other/ducha", "./other/ducha"},
		{"", "ducha"},
	} {
		if got := ProgName(tc.argv0); got != tc.want {
			t.Errorf("ProgName(%q) = %q, want %q", tc.argv0, got, tc.want)
		}
	}
}

// TestRunAsNames: usage and the hints of init say the program as run.
func TestRunAsNames(t *testing.T) {
	var out, errs bytes.Buffer
	dir := filepath.Join(t.TempDir(), "proj")
	if code := RunAs(context.Background(), "bin/ducha", []string{"init", dir}, &out, &errs); code != ExitOK {
		t.Fatalf("init: %d %s", code, errs.String())
	}
	if want := "next: bin/ducha check " + dir; !strings.Contains(out.String(), want) {
		t.Errorf("init says %q, want %q", out.String(), want)
	}
	out.Reset()
	RunAs(context.Background(), "./ducha", []string{"help", "check"}, &out, &errs)
	if !strings.HasPrefix(out.String(), "Usage: ./ducha check") {
		t.Errorf("help check says %q", out.String())
	}
}
