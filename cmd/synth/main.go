// Command synth writes a synthetic ducha project of a given size, for
// benchmarks and for trying ducha at scale:
//
//	go run ./cmd/synth -findings 10000 -o /tmp/big [-seed 1] [-provinces 1] [-force]
//
// With -hugo-from, it writes instead a Hugo project of the findings of a
// built ducha site, for the comparison in docs/performance.md:
//
//	go run ./cmd/synth -hugo-from /tmp/big/public/export/findings.json -o /tmp/big-hugo
//
// The same -findings and -seed always write the same bytes. See package
// github.com/ducha/ducha/internal/synth for what the project holds.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ducha/ducha/internal/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run runs the command and returns its exit code: 0 success, 2 wrong
// usage, 3 an I/O failure.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: synth -findings N -o DIR [-seed S] [-provinces P] [-force]")
		fmt.Fprintln(stderr, "\nSynth writes a valid synthetic ducha project with N findings into DIR.")
		fs.PrintDefaults()
	}
	var opts synth.Options
	fs.IntVar(&opts.Findings, "findings", 0, fmt.Sprintf("number of findings, 1 to %d (required)", synth.MaxFindings))
	fs.Uint64Var(&opts.Seed, "seed", 1, "random seed: the same seed and -findings write the same bytes")
	fs.IntVar(&opts.Provinces, "provinces", 0, "provinces visited, 1 to 31 (default: by the number of findings); 1 puts every finding into one file")
	fs.BoolVar(&opts.Force, "force", false, "write into a directory that is not empty, replacing its ducha.yaml, data/ and content/")
	dir := fs.String("o", "", "output directory (required)")
	hugoFrom := fs.String("hugo-from", "", "write a Hugo project of the findings in this `export/findings.json` instead")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *hugoFrom != "" && *dir != "" {
		if err := writeHugo(*hugoFrom, *dir); err != nil {
			fmt.Fprintf(stderr, "synth: %v\n", err)
			return 3
		}
		return 0
	}
	if *dir == "" || opts.Findings == 0 || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if err := synth.Write(*dir, opts); err != nil {
		fmt.Fprintf(stderr, "synth: %v\n", err)
		if errors.Is(err, synth.ErrNotEmpty) || opts.Findings < 1 || opts.Findings > synth.MaxFindings {
			return 2
		}
		return 3
	}
	return 0
}
