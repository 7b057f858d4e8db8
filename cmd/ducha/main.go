// Command ducha compiles a supervision campaign, kept as YAML and Markdown
// files, into a static site and a PDF briefing. Run "ducha help" for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/ducha/ducha/generator/app/cli"
)

func main() {
	// Ctrl-C and SIGTERM (what CI runners, timeout and service managers
	// send) both stop a command cleanly: a build leaves the previous output.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.RunAs(ctx, cli.ProgName(os.Args[0]), os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
