package cli

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is ducha's version. Release builds set it with
// -ldflags "-X github.com/ducha/ducha/generator/app/cli.Version=v1.2.3".
var Version = ""

func runVersion(_ context.Context, e *env, args []string) int {
	fs := flagSet(e, "version", "", "Version prints ducha's version and the Go version it was built with.")
	if _, code, ok := parse(fs, args, 0); !ok {
		return code
	}
	v := Version
	if v == "" {
		v = "devel"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "ducha %s %s\n", v, runtime.Version())
	return ExitOK
}
