package pipeline

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ducha/ducha/generator/output"
	"github.com/ducha/ducha/internal/fixture"
)

// recorder is an Output that records what a build did with it.
type recorder struct {
	output.Memory
	committed, aborted int
	panicAt            string // a file whose Create panics
}

func (r *recorder) Create(name string) (io.WriteCloser, error) {
	if name == r.panicAt {
		panic("injected")
	}
	return r.Memory.Create(name)
}

func (r *recorder) Commit() error { r.committed++; return nil }

func (r *recorder) Abort() {
	if r.committed == 0 {
		r.aborted++
	}
}

// TestBuild: the pipeline opens the output only for a project with no
// errors, commits it only when everything was rendered, and otherwise
// aborts it; a panic while rendering, on any goroutine, is an error.
func TestBuild(t *testing.T) {
	broken := fixture.Minimal(t)
	broken["data/2015/groups.yaml"] = &fstest.MapFile{Data: []byte("- no: one\n")}
	openFails := errors.New("cannot open")
	for _, tc := range []struct {
		name      string
		fsys      fstest.MapFS
		out       *recorder
		openErr   error
		wantErr   string // "" for none
		committed bool
	}{
		{"ok", fixture.Minimal(t), &recorder{}, nil, "", true},
		{"data errors", broken, nil, nil, ErrData.Error(), false},
		{"output refused", fixture.Minimal(t), nil, openFails, openFails.Error(), false},
		{"site panics", fixture.Minimal(t), &recorder{panicAt: "index.html"}, nil, "internal error: injected", false},
		{"briefing panics", fixture.Minimal(t), &recorder{panicAt: BriefingName}, nil, "internal error: injected", false},
		{"letter panics", fixture.Minimal(t), &recorder{panicAt: "letters/zj.pdf"}, nil, "internal error: injected", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opened := false
			opts := Options{Site: true, Briefing: true, Letters: true, Open: func(*Checked) (Output, error) {
				opened = true
				if tc.openErr != nil {
					return nil, tc.openErr
				}
				return tc.out, nil
			}}
			b, err := new(Cache).Build(context.Background(), tc.fsys, opts)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("Build: %v, want %q", err, tc.wantErr)
			}
			if tc.name == "data errors" && opened {
				t.Error("the output was opened for a project with errors")
			}
			if tc.out == nil {
				return
			}
			if got := tc.out.committed == 1; got != tc.committed || tc.out.committed > 1 {
				t.Errorf("committed %d times, want %v", tc.out.committed, tc.committed)
			}
			if !tc.committed && tc.out.aborted == 0 {
				t.Error("a failed build did not abort its output")
			}
			if tc.committed && (b.Pages == 0 || b.PDFPages == 0 || b.Files != len(tc.out.Names())) {
				t.Errorf("built %d pages, %d PDF pages, %d files; the output has %d", b.Pages, b.PDFPages, b.Files, len(tc.out.Names()))
			}
		})
	}
}
