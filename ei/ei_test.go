package ei_test

import (
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

func run(t *testing.T, c ei.Config, threads int, dur float64) *sim.Results {
	t.Helper()
	net, err := ei.Build(c)
	if err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Threads: threads, Monitors: sim.Mon("E.spike", "I.spike"), Inputs: c.Inputs()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(dur)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestTutorialFirstVolley checks docs/semantics.md, “The tutorial network”:
// with V0 = 0 every one of the 4000 neurons spikes at step 0, and none spikes
// again before step 51 (refractory through step 50).
func TestTutorialFirstVolley(t *testing.T) {
	res := run(t, ei.Tutorial(), 2, 10)
	for _, key := range []string{"E.spike", "I.spike"} {
		s := res.Spikes[key]
		at0 := map[int32]bool{}
		for q, tm := range s.T {
			switch k := int(math.Round(tm / res.Dt)); {
			case k == 0:
				at0[s.I[q]] = true
			case k <= 50:
				t.Fatalf("%s: neuron %d spiked at step %d, inside the refractory period", key, s.I[q], k)
			}
		}
		if len(at0) != s.N {
			t.Errorf("%s: %d of %d neurons spiked at step 0", key, len(at0), s.N)
		}
	}
}

// TestDeterministicAcrossThreads checks that the same seed gives the same
// spikes on repeated runs and for every thread count and GOMAXPROCS.
func TestDeterministicAcrossThreads(t *testing.T) {
	c := ei.COBA(1)
	ref := run(t, c, 1, 100)
	if n := len(ref.Spikes["E.spike"].T); n < 1000 {
		t.Fatalf("only %d E spikes in 100 ms: the comparison would be weak", n)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, threads := range []int{1, 2, 3, 4} {
			got := run(t, c, threads, 100)
			for _, key := range []string{"E.spike", "I.spike"} {
				a, b := ref.Spikes[key], got.Spikes[key]
				if len(a.T) != len(b.T) {
					t.Fatalf("GOMAXPROCS=%d threads=%d %s: %d spikes, want %d", procs, threads, key, len(b.T), len(a.T))
				}
				for q := range a.T {
					if a.T[q] != b.T[q] || a.I[q] != b.I[q] {
						t.Fatalf("GOMAXPROCS=%d threads=%d %s: event %d is (%v, %d), want (%v, %d)", procs, threads, key, q, b.T[q], b.I[q], a.T[q], a.I[q])
					}
				}
			}
		}
	}
	other := c
	other.Seed = 2
	if o := run(t, other, 1, 100); len(o.Spikes["E.spike"].T) == len(ref.Spikes["E.spike"].T) {
		t.Logf("seed 2 gave the same number of E spikes (%d); checking events", len(o.Spikes["E.spike"].T))
		same := true
		for q := range o.Spikes["E.spike"].I {
			same = same && o.Spikes["E.spike"].I[q] == ref.Spikes["E.spike"].I[q]
		}
		if same {
			t.Error("seed 2 gave exactly the spikes of seed 1")
		}
	}
}

// TestCOBARates checks the benchmark's activity against the range reported
// for this network (Brette et al. 2007 and BrainPy's COBA example: an
// asynchronous irregular state of a few to a few tens of Hz); a broken
// synapse sign or scale leaves it silent or saturated near 1/tau_ref = 200 Hz.
func TestCOBARates(t *testing.T) {
	res := run(t, ei.COBA(1), 2, 500)
	for _, key := range []string{"E.spike", "I.spike"} {
		s := res.Spikes[key]
		rate := float64(len(s.T)) / float64(s.N) / 0.5
		if rate < 1 || rate > 60 {
			t.Errorf("%s: mean rate %.2f Hz outside [1, 60] Hz", key, rate)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	c := ei.Tutorial()
	c.Scale = 0
	if _, err := ei.Build(c); err == nil || !strings.Contains(err.Error(), "Scale = 0") {
		t.Errorf("Scale 0: %v", err)
	}
	c = ei.Tutorial()
	c.Prob = 1.5
	net, err := ei.Build(c)
	if err == nil {
		_, err = sim.NewRunner(net, sim.Options{})
	}
	if err == nil || !strings.Contains(err.Error(), "1.5") {
		t.Errorf("Prob 1.5: %v", err)
	}
}
