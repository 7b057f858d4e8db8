// Package synth writes synthetic ducha projects: complete, valid campaigns
// of any size, for benchmarks and for trying ducha at scale.
//
// A project holds one campaign, "2015", the eighth supervision of the
// sample project, with Options.Findings findings. The number of findings
// decides the rest:
//
//   - provinces visited: 3 for the smallest projects, about one for
//     every 16 findings, and all 31 from 496 findings;
//   - groups: one a province up to six provinces (as in the notice), then
//     about three provinces a group (11 groups for 31 provinces), each on
//     site one province after another within the campaign's period;
//   - visits: a visit for about eight findings of a province, at least
//     four, the first a work report to the provincial government;
//   - findings: shared out among the provinces visited by a weight for
//     their number of migrant workers (1 for Xizang to 10 for Guangdong)
//     times a random factor of 0.6 to 1.4, at least one each; then drawn
//     one by one: the item by fixed shares (labour rights 26%, social
//     insurance 15%, public services 14%, down to settlement 7%) tilted
//     per province; about 70% problems and 30% good practices; the
//     severity by the item (about 19% high, 45% medium, 36% low overall,
//     labour rights most often high); the evidence one to three visits,
//     mostly at the kind of site the item is found at, or for one finding
//     in twenty no visit but a date; the rectification's deadline at the
//     end of the month one to six months out, sooner for high severity;
//     the status more often done or closed when the deadline has passed
//     by the campaign's as_of date, so that about one problem in four is
//     overdue.
//
// Titles, details (Markdown: paragraphs, sometimes a list) and notes are
// written in Chinese and English from phrase templates filled with the
// place and with figures drawn for each finding. The Chinese text uses only
// characters of GB 2312. The narrative (overview, summary, a few pages for
// groups, provinces and items, a method page and an English summary) is
// written from the counts of what the province files hold.
//
// # Determinism
//
// The output depends only on Options: the same findings and seed give the
// same bytes. Every part of a project draws from its own stream of
// math/rand/v2's PCG generator, seeded with the seed and a fixed number for
// the part, and uses no floating point, so parts can be written in
// parallel and the result does not depend on the machine.
package synth

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing/fstest"
)

// MaxFindings is the largest number of findings a project can have.
const MaxFindings = 1_000_000

// ErrNotEmpty is returned by Write for a directory that is not empty.
var ErrNotEmpty = errors.New("directory is not empty")

// Options say what project to write.
type Options struct {
	// Findings is the number of findings, 1 to MaxFindings.
	Findings int
	// Seed chooses the random data; zero is a seed like any other.
	Seed uint64
	// Provinces is the number of provinces visited, 1 to 31; zero
	// chooses it by the number of findings, as above. With 1, every
	// finding is in one province file: the case of a single large file.
	Provinces int
	// Force lets Write write into a directory that is not empty: it
	// removes the directory's ducha.yaml, data/ and content/ first, and
	// keeps any other file. FS ignores it.
	Force bool
}

func (o Options) check() error {
	if o.Findings < 1 || o.Findings > MaxFindings {
		return fmt.Errorf("synth: %d findings: give 1 to %d", o.Findings, MaxFindings)
	}
	if o.Provinces < 0 || o.Provinces > len(provinces) {
		return fmt.Errorf("synth: %d provinces: give 1 to %d, or 0 to choose by the number of findings", o.Provinces, len(provinces))
	}
	return nil
}

// Write writes the project opts describes into dir, creating dir if it
// does not exist. A dir that is not empty is refused with ErrNotEmpty,
// unless opts.Force is set.
func Write(dir string, opts Options) error {
	if err := opts.check(); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case len(entries) > 0 && !opts.Force:
		return fmt.Errorf("synth: %s: %w; choose another directory, or use -force to replace its ducha.yaml, data/ and content/", dir, ErrNotEmpty)
	case len(entries) > 0:
		for _, name := range []string{"ducha.yaml", "data", "content"} {
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				return err
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return generate(opts, dirSink(dir))
}

// FS returns the project opts describes, in memory: about 1.2 KB a
// finding.
func FS(opts Options) (fstest.MapFS, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	s := &mapSink{fs: fstest.MapFS{}}
	if err := generate(opts, s); err != nil {
		return nil, err
	}
	return s.fs, nil
}

// A sink stores the files of a project.
type sink interface {
	// write stores the file name (a slash-separated path), which fill
	// writes.
	write(name string, fill func(*yamlWriter)) error
}

// file is a file of the project, and what writes it.
type file struct {
	name  string
	write func(*yamlWriter)
}

// generate writes the project opts describes to s: the scope files and the
// province files in parallel, then the narrative, which counts what the
// province files hold.
func generate(opts Options, s sink) error {
	p := newPlan(opts)
	dir := "data/" + campaignID + "/"
	tallies := make([]*tally, len(p.stops))
	var submitted int
	files := []file{
		{"ducha.yaml", p.writeConfig},
		{"data/provinces.yaml", writeProvinces},
		{"data/units.yaml", writeUnits},
		{dir + "campaign.yaml", p.writeCampaign},
		{dir + "items.yaml", writeItems},
		{dir + "groups.yaml", p.writeGroups},
		{dir + "self-exam.yaml", func(w *yamlWriter) { submitted = p.writeSelfExams(w) }},
	}
	// The largest files first, so that no core is left with a big one at
	// the end.
	order := make([]int, len(p.stops))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return p.stops[b].findings - p.stops[a].findings })
	for _, i := range order {
		st := p.stops[i]
		files = append(files, file{dir + "provinces/" + st.prov.id + ".yaml", func(w *yamlWriter) { tallies[i] = p.writeProvince(w, st) }})
	}
	if err := writeAll(s, files); err != nil {
		return err
	}
	return writeAll(s, newNarrative(p, tallies, submitted).files())
}

// writeAll writes files to s, using every core, and returns the first
// error.
func writeAll(s sink, files []file) error {
	work := make(chan file)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			for f := range work {
				if err := s.write(f.name, f.write); err != nil && errs[i] == nil {
					errs[i] = err
				}
			}
		})
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	return errors.Join(errs...)
}

// dirSink writes files under a directory.
type dirSink string

func (d dirSink) write(name string, fill func(*yamlWriter)) error {
	path := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	fill(&yamlWriter{Writer: bw})
	err = bw.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// mapSink keeps files in memory.
type mapSink struct {
	mu sync.Mutex
	fs fstest.MapFS
}

func (m *mapSink) write(name string, fill func(*yamlWriter)) error {
	var buf bytes.Buffer
	bw := bufio.NewWriterSize(&buf, 64<<10)
	fill(&yamlWriter{Writer: bw})
	if err := bw.Flush(); err != nil {
		return err
	}
	m.mu.Lock()
	m.fs[name] = &fstest.MapFile{Data: buf.Bytes(), Mode: 0o644}
	m.mu.Unlock()
	return nil
}
