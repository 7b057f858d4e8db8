package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "project")
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{nil, 2, "usage: synth"},
		{[]string{"-findings", "10"}, 2, "usage: synth"},
		{[]string{"-o", out}, 2, "usage: synth"},
		{[]string{"-findings", "-3", "-o", out}, 2, "give 1 to"},
		{[]string{"-findings", "10", "-o", out, "extra"}, 2, "usage: synth"},
		{[]string{"-findings", "10", "-o", out}, 0, ""},
		{[]string{"-findings", "10", "-o", out}, 2, "not empty"},
		{[]string{"-findings", "20", "-seed", "3", "-o", out, "-force"}, 0, ""},
	} {
		var stderr strings.Builder
		code := run(tc.args, &stderr)
		if code != tc.code || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("synth %s: exit %d, stderr %q; want exit %d, stderr with %q", strings.Join(tc.args, " "), code, stderr.String(), tc.code, tc.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "data", "2015", "campaign.yaml")); err != nil {
		t.Error(err)
	}
}
