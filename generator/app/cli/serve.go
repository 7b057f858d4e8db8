package cli

import (
	"context"
	"fmt"

	"github.com/ducha/ducha/generator/app/serve"
)

func runServe(ctx context.Context, e *env, args []string) int {
	fs := flagSet(e, "serve", "[--addr host:port] [project-dir]",
		"Serve builds the project, serves the site for preview, and rebuilds whenever a\n"+
			"file of the project changes: open pages reload after a good build, and show every\n"+
			"problem over the last good page after a bad one. The briefing and the letters\n"+
			"are made when asked for. It listens on the local machine only unless --addr\n"+
			"says otherwise; port 0 picks a free port. Ctrl-C stops it.")
	addr := fs.String("addr", serve.DefaultAddr, "`host:port` to listen on")
	pos, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	dir, ok := projectDir(e, "serve", pos)
	if !ok {
		return ExitUsage
	}
	err := serve.Run(ctx, serve.Options{Dir: e.path(dir), Addr: *addr, Log: e.stderr}, func(url string) {
		fmt.Fprintf(e.stdout, "ducha serve: serving %s at %s (Ctrl-C to stop)\n", dir, url)
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "ducha serve: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}
