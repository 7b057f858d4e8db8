package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ducha/ducha/generator/pipeline"
)

// check runs ducha's checker on fsys and fails on any diagnostic, error or
// warning. It returns the number of findings of the current campaign.
func check(t *testing.T, fsys fs.FS) int {
	t.Helper()
	ch, err := pipeline.Check(fsys, pipeline.CheckOptions{Briefing: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ch.Diags.Items() {
		t.Errorf("%s", d)
	}
	c := ch.Project.Current()
	if c == nil {
		t.Fatal("no current campaign")
	}
	return len(c.Findings())
}

func TestWriteChecks(t *testing.T) {
	for _, n := range []int{1, 10, 100, 1000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			dir := t.TempDir()
			if err := Write(dir, Options{Findings: n, Seed: 42}); err != nil {
				t.Fatal(err)
			}
			if got := check(t, os.DirFS(dir)); got != n {
				t.Errorf("%d findings, want %d", got, n)
			}
		})
	}
}

func TestFSChecks(t *testing.T) {
	for seed := range uint64(5) {
		fsys, err := FS(Options{Findings: 300, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		if got := check(t, fsys); got != 300 {
			t.Errorf("seed %d: %d findings, want 300", seed, got)
		}
	}
}

// hashTree hashes every file's path and content under root.
func hashTree(t *testing.T, fsys fs.FS) string {
	t.Helper()
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		h.Write([]byte(name + "\x00" + strconv.Itoa(len(data)) + "\x00"))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestDeterministic(t *testing.T) {
	write := func(opts Options) string {
		dir := t.TempDir()
		if err := Write(dir, opts); err != nil {
			t.Fatal(err)
		}
		return hashTree(t, os.DirFS(dir))
	}
	opts := Options{Findings: 2000, Seed: 7}
	a, b := write(opts), write(opts)
	if a != b {
		t.Errorf("same options, different trees: %s and %s", a, b)
	}
	fsys, err := FS(opts)
	if err != nil {
		t.Fatal(err)
	}
	if m := hashTree(t, fsys); m != a {
		t.Errorf("FS and Write differ: %s and %s", m, a)
	}
	if c := write(Options{Findings: 2000, Seed: 8}); c == a {
		t.Errorf("seeds 7 and 8 give the same tree %s", c)
	}
}

func TestWriteRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, Options{Findings: 10}); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Write into a non-empty directory: %v, want ErrNotEmpty", err)
	}
	// Force replaces an earlier, bigger project: no province file of it
	// may be left behind.
	if err := Write(dir, Options{Findings: 1000, Force: true}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, Options{Findings: 10, Force: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("-force removed a file it does not write: %v", err)
	}
	if err := os.Remove(keep); err != nil {
		t.Fatal(err)
	}
	if got := check(t, os.DirFS(dir)); got != 10 {
		t.Errorf("%d findings, want 10", got)
	}
}

func TestOptions(t *testing.T) {
	for _, n := range []int{-1, 0, MaxFindings + 1} {
		if _, err := FS(Options{Findings: n}); err == nil {
			t.Errorf("FS with %d findings: no error", n)
		}
	}
	for _, n := range []int{-1, 32} {
		if _, err := FS(Options{Findings: 10, Provinces: n}); err == nil {
			t.Errorf("FS with %d provinces: no error", n)
		}
	}
}

// TestProvinces: a campaign can visit as many provinces as asked, one
// making a project of a single province file with every finding.
func TestProvinces(t *testing.T) {
	for _, n := range []int{1, 2, 31} {
		fsys, err := FS(Options{Findings: 400, Provinces: n, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		files, _ := fs.Glob(fsys, "data/2015/provinces/*.yaml")
		if len(files) != n {
			t.Errorf("%d provinces: %d province files", n, len(files))
		}
		if got := check(t, fsys); got != 400 {
			t.Errorf("%d provinces: %d findings, want 400", n, got)
		}
	}
}

func TestShares(t *testing.T) {
	for _, total := range []int{0, 1, 7, 100, 99991} {
		got := shares(total, []int{5, 1, 3, 3, 10})
		sum := 0
		for _, x := range got {
			sum += x
		}
		if sum != total {
			t.Errorf("shares(%d) = %v, adding up to %d", total, got, sum)
		}
	}
}

func BenchmarkFS(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := FS(Options{Findings: n}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
