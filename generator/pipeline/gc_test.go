package pipeline

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/ducha/ducha/generator/model"
)

// gcSettings reads the collector's percent (-1: off) and memory limit,
// without setting them.
func gcSettings() (int, int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int(int64(s[0].Value.Uint64())), int64(s[1].Value.Uint64())
}

// noGCEnv clears what would stop the tuning, for one test.
func noGCEnv(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
}

func checkedWith(findings int) *Checked {
	in := &model.Inspection{Findings: make([]*model.Finding, findings)}
	c := &model.Campaign{OnSite: []*model.Inspection{in}}
	return &Checked{Project: &model.Project{Campaigns: []*model.Campaign{c}}}
}

func TestGCOffThenRestored(t *testing.T) {
	noGCEnv(t)
	p0, l0 := gcSettings()
	var g gcTuner
	end := g.start(true)
	if p, l := gcSettings(); p != -1 || l != offHeapLimit {
		t.Errorf("during a build: GOGC %d, limit %d; want off, %d", p, l, offHeapLimit)
	}
	g.loaded(true, checkedWith(largeFindings)) // not large: stays off
	if p, _ := gcSettings(); p != -1 {
		t.Errorf("after checking %d findings: GOGC %d, want off", largeFindings, p)
	}
	end()
	end() // a second end does nothing
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("after the build: GOGC %d, limit %d; want %d, %d", p, l, p0, l0)
	}
}

func TestGCNotAsked(t *testing.T) {
	noGCEnv(t)
	p0, l0 := gcSettings()
	var g gcTuner
	end := g.start(false)
	g.loaded(false, checkedWith(largeFindings+1))
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("a build that does not tune: GOGC %d, limit %d; want %d, %d untouched", p, l, p0, l0)
	}
	end()
}

func TestGCLargeCampaign(t *testing.T) {
	noGCEnv(t)
	p0, l0 := gcSettings()
	var g gcTuner
	end := g.start(true)
	g.loaded(true, checkedWith(largeFindings+1))
	if p, l := gcSettings(); p != largeGOGC || l != l0 {
		t.Errorf("large campaign: GOGC %d, limit %d; want %d, %d", p, l, largeGOGC, l0)
	}
	end()
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("after the build: GOGC %d, limit %d; want %d, %d", p, l, p0, l0)
	}
}

func TestGCBuildsAtOnce(t *testing.T) {
	noGCEnv(t)
	p0, l0 := gcSettings()
	var g gcTuner
	a, b := g.start(true), g.start(true)
	a()
	if p, _ := gcSettings(); p != -1 {
		t.Errorf("one of two builds ended: GOGC %d, want still off", p)
	}
	b()
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("both ended: GOGC %d, limit %d; want %d, %d", p, l, p0, l0)
	}
}

func TestGCOnAtFirstCollection(t *testing.T) {
	noGCEnv(t)
	p0, _ := gcSettings()
	var g gcTuner
	defer g.start(true)()
	if p, _ := gcSettings(); p != -1 {
		t.Fatalf("before any collection: GOGC %d, want off", p)
	}
	// A collection stands for the heap reaching the limit; the cleanup
	// runs soon after it, on another goroutine.
	for range 100 {
		runtime.GC()
		if p, _ := gcSettings(); p == p0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	p, _ := gcSettings()
	t.Fatalf("after collections: GOGC %d, want %d again", p, p0)
}

func TestGCEnvironmentWins(t *testing.T) {
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(v, func(t *testing.T) {
			noGCEnv(t)
			t.Setenv(v, "100")
			p0, l0 := gcSettings()
			var g gcTuner
			end := g.start(true)
			g.loaded(true, checkedWith(largeFindings+1))
			if p, l := gcSettings(); p != p0 || l != l0 {
				t.Errorf("%s set: GOGC %d, limit %d; want %d, %d untouched", v, p, l, p0, l0)
			}
			end()
		})
	}
}

// TestGCStaleSentinel: a sentinel left by an earlier build, collected
// during a later one, does not turn the later one's collector on.
func TestGCStaleSentinel(t *testing.T) {
	noGCEnv(t)
	var g gcTuner
	g.start(true)() // its sentinel is still pending
	defer g.start(true)()
	g.mu.Lock()
	stale := g.turn - 1
	g.mu.Unlock()
	g.on(stale)
	if p, _ := gcSettings(); p != -1 {
		t.Errorf("a stale sentinel turned the collector on: GOGC %d", p)
	}
	g.on(stale + 1)
	if p, _ := gcSettings(); p == -1 {
		t.Error("the current sentinel left the collector off")
	}
}
