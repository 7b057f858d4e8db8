package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/ducha/ducha/generator/pipeline"
)

// The garbage collector's settings for the one-shot commands, build and
// pdf, which allocate and exit (docs/performance.md):
//
//   - A build starts with the collector off, as esbuild's do, bounded by a
//     soft memory limit of offHeapLimit. A small campaign's build, the
//     sample's among them, allocates less than that and never collects.
//   - The first time the heap reaches the limit, the collector goes back
//     to the settings the process had, so that a campaign whose live data
//     outgrows the limit is not collected over and over.
//   - A large campaign (more than largeFindings) is collected from the
//     moment it is loaded, at GOGC=largeGOGC instead of 100, which keeps
//     the peak of a build of 10,000 findings under 200 MB for about a
//     tenth more CPU time.
//
// GOGC or GOMEMLIMIT in the environment turn all of this off. The
// settings belong to the process: while commands run at once in one
// process (the tests), the first to start saves them and the last to end
// puts them back.
const (
	offHeapLimit  = 64 << 20
	largeFindings = 2000
	largeGOGC     = 40
)

var gcState struct {
	sync.Mutex
	commands int  // commands running that tune
	off      bool // the collector is off
	turn     int  // counts the times it was turned off
	percent  int  // the settings to go back to
	limit    int64
}

// gcTuning is one command's hold on the collector's settings.
type gcTuning struct{ enabled bool }

// tuneGCForBuild turns the collector off until the heap reaches
// offHeapLimit. Call restore when the command ends.
func tuneGCForBuild() *gcTuning {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return &gcTuning{}
	}
	gcState.Lock()
	defer gcState.Unlock()
	gcState.commands++
	if gcState.commands == 1 {
		gcState.percent = debug.SetGCPercent(-1)
		gcState.limit = debug.SetMemoryLimit(offHeapLimit)
		gcState.off = true
		gcState.turn++
		// The first collection, which only the limit can start, finds
		// the sentinel unreachable and runs the cleanup.
		runtime.AddCleanup(new(gcSentinel), gcOn, gcState.turn)
	}
	return &gcTuning{enabled: true}
}

// gcSentinel holds a pointer, so that it is allocated on its own, not in
// a block with other small objects, and its cleanup runs at the first
// collection after it is dropped.
type gcSentinel struct{ _ *int }

// gcOn turns the collector back on with the settings the process had, if
// it is still off since the given turn: a sentinel left from an earlier
// command does nothing.
func gcOn(turn int) {
	gcState.Lock()
	defer gcState.Unlock()
	if turn == gcState.turn {
		gcOnLocked()
	}
}

func gcOnLocked() {
	if gcState.off {
		gcPutBackLocked()
	}
}

// gcPutBackLocked puts back the settings the process had.
func gcPutBackLocked() {
	gcState.off = false
	debug.SetGCPercent(gcState.percent)
	debug.SetMemoryLimit(gcState.limit)
}

// checked sets the collector for the campaign that was loaded: a large
// campaign is collected from now on, and more often than by default.
func (g *gcTuning) checked(ch *pipeline.Checked) {
	if !g.enabled {
		return
	}
	if c := ch.Project.Current(); c != nil && len(c.Findings()) > largeFindings {
		gcState.Lock()
		defer gcState.Unlock()
		gcOnLocked()
		debug.SetGCPercent(largeGOGC)
	}
}

// restore ends the command's hold; the last command to end puts back the
// settings the process had before.
func (g *gcTuning) restore() {
	if !g.enabled {
		return
	}
	g.enabled = false
	gcState.Lock()
	defer gcState.Unlock()
	gcState.commands--
	if gcState.commands == 0 {
		gcPutBackLocked()
	}
}
