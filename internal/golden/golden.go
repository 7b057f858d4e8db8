// Package golden holds the -update flag of the tests, so that
// go test ./... -update works: the packages with golden files or test
// scripts rewrite them (reading Update), and every other package's tests
// accept the flag and ignore it, importing this package for that alone
// (a file update_test.go). Without it, go test would stop every package
// that does not define the flag with "flag provided but not defined".
//
// Since every test binary imports it, it also sets their garbage
// collector: see init.
package golden

import (
	"flag"
	"os"
	"runtime/debug"
)

// init has the collector of every test binary run at GOGC=400 instead of
// 100, unless GOGC is set. The tests render many small projects, each
// allocating much and keeping little, as ducha build does, which runs a
// small campaign's build with the collector off (pipeline/gc.go); at 100
// the tests' binaries spent about a quarter of their time collecting.
// Measured: go test -short -count=1 of briefing, pipeline and site took
// 8.6 s of CPU time at 100 and 6.5 s at 400.
func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// Update is the -update flag: rewrite the golden files and the expected
// output of the test scripts instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite the golden files and the expected output of the test scripts")
