package cli

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// git runs the git command in dir and returns what it prints. ducha reads
// git through the command, not a library: the project's own git, with its
// configuration.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out.Bytes(), nil
}

// commitOf returns the commit checked out in dir, abbreviated to 12
// characters, and whether the project (dir and below) has changes not
// committed, the folder out excepted: the build's own output.
func commitOf(ctx context.Context, dir, out string) (commit string, dirty bool, err error) {
	head, err := git(ctx, dir, "rev-parse", "--short=12", "HEAD")
	if err != nil {
		return "", false, err
	}
	args := []string{"status", "--porcelain", "--untracked-files=normal", "--", "."}
	if rel, err := filepath.Rel(dir, out); err == nil && filepath.IsLocal(rel) {
		args = append(args, ":(exclude)"+filepath.ToSlash(rel))
	}
	status, err := git(ctx, dir, args...)
	if err != nil {
		return "", false, err
	}
	return strings.TrimSpace(string(head)), len(bytes.TrimSpace(status)) > 0, nil
}
