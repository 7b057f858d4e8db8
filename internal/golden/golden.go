// Package golden holds the -update flag of the tests, so that
// go test ./... -update works: the packages with golden files or test
// scripts rewrite them (reading Update), and every other package's tests
// accept the flag and ignore it, importing this package for that alone
// (a file update_test.go). Without it, go test would stop every package
// that does not define the flag with "flag provided but not defined".
package golden

import "flag"

// Update is the -update flag: rewrite the golden files and the expected
// output of the test scripts instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite the golden files and the expected output of the test scripts")
