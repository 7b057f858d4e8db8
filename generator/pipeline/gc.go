package pipeline

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// The garbage collector's settings for the commands that build once and
// exit, build and pdf (Options.TuneGC; docs/performance.md):
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
// GOGC or GOMEMLIMIT in the environment turn all of this off. The settings
// belong to the process, and a gcTuner (one per Cache) changes them for
// one build at a time: builds of one Cache that overlap leave them to the
// first, which the last to end puts back.
const (
	offHeapLimit  = 64 << 20
	largeFindings = 2000
	largeGOGC     = 40
)

// gcTuner tunes the collector for the builds of one Cache. The zero
// gcTuner is ready to use.
type gcTuner struct {
	mu      sync.Mutex
	builds  int   // builds running that tune
	off     bool  // the collector is off
	turn    int   // counts the times it was turned off
	percent int   // the settings to go back to
	limit   int64 //
}

// start turns the collector off until the heap reaches offHeapLimit, for
// a build that tunes, and returns what puts the settings back when the
// build ends.
func (g *gcTuner) start(tune bool) (end func()) {
	if !tune || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.builds++
	if g.builds == 1 {
		g.percent = debug.SetGCPercent(-1)
		g.limit = debug.SetMemoryLimit(offHeapLimit)
		g.off = true
		g.turn++
		// The first collection, which only the limit can start, finds
		// the sentinel unreachable and runs the cleanup.
		runtime.AddCleanup(new(gcSentinel), g.on, g.turn)
	}
	var once sync.Once
	return func() { once.Do(g.end) }
}

// gcSentinel holds a pointer, so that it is allocated on its own, not in
// a block with other small objects, and its cleanup runs at the first
// collection after it is dropped.
type gcSentinel struct{ _ *int }

// on turns the collector back on with the settings the process had, if it
// is still off since the given turn: a sentinel left from an earlier build
// does nothing.
func (g *gcTuner) on(turn int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if turn == g.turn && g.off {
		g.putBack()
	}
}

// putBack puts back the settings the process had; g.mu is held.
func (g *gcTuner) putBack() {
	g.off = false
	debug.SetGCPercent(g.percent)
	debug.SetMemoryLimit(g.limit)
}

// loaded sets the collector for the campaign that was loaded: a large
// campaign is collected from now on, and more often than by default.
func (g *gcTuner) loaded(tune bool, ch *Checked) {
	c := ch.Project.Current()
	if !tune || c == nil || len(c.Findings()) <= largeFindings {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.builds == 0 {
		return // the environment set the collector
	}
	if g.off {
		g.putBack()
	}
	debug.SetGCPercent(largeGOGC)
}

// end ends a build's hold; the last build to end puts back the settings
// the process had before.
func (g *gcTuner) end() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.builds--
	if g.builds == 0 {
		g.putBack()
	}
}
