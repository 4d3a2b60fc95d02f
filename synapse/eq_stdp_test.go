package synapse_test

import (
	"math"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// stdpEquations is synapse.STDP written as equations: per-synapse
// event-driven traces (the sums of the per-neuron traces of the built-in),
// potentiation at the post spike's time t_{k−1} with the pre trace of that
// time, depression at the arrival with the post trace of that time, the
// weights clipped after every change and kept in float32 as the built-in
// keeps them.
var stdpEquations = synapse.SynapseEquations{
	Model: `w : 1
dapre/dt = -apre/taus : 1 (event-driven)
dapost/dt = -apost/taut : 1 (event-driven)
taus : 1
taut : 1
A1 : 1
A2 : 1
wmin : 1
wmax : 1`,
	OnPre:   "w = clip(w - A2*apost, wmin, wmax); apre += 1; g_post += w",
	OnPost:  "w = clip(w + A1*apre, wmin, wmax); apost += 1",
	Units:   equations.UnitsNone,
	Float32: []string{"w"},
}

// drivenPost is a population of regular spikers whose rates do not depend
// on their input (so that both projections see the same post spikes), with
// a conductance g for the synapses to add to.
func drivenPost(t testing.TB, n int) *neuron.EqPopulation {
	t.Helper()
	p, err := neuron.FromEquations(n, `dv/dt = (I0 - v)/tau : 1
dg/dt = -g/taug : 1
I0 : 1
tau : 1 (constant)
taug : 1 (constant)`, neuron.EquationParams{Threshold: "v > 1", Reset: "v = 0", Units: equations.UnitsNone,
		Values: map[string]any{"I0": initial.Uniform(1.05, 1.6), "tau": 10, "taug": 5, "v": initial.Uniform(0, 1)}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// stdpRun runs Poisson pre neurons onto drivenPost through the projection
// mk makes, for ms, and returns the projection, the results and the post
// population.
func stdpRun(t testing.TB, threads int, ms float64, mk func(pre, post sim.Population) (sim.Projection, error), mons ...sim.Monitor) (sim.Projection, *sim.Results) {
	t.Helper()
	pre, err := input.NewPoissonGroup(40, 30)
	if err != nil {
		t.Fatal(err)
	}
	post := drivenPost(t, 30)
	proj, err := mk(pre, post)
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(3)
	for _, n := range []struct {
		name string
		node any
	}{{"pre", pre}, {"post", post}, {"syn", proj}} {
		if err := net.Add(n.name, n.node); err != nil {
			t.Fatal(err)
		}
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: threads, Monitors: append(sim.Mon("post.spike", "pre.spike"), mons...)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(ms)
	if err != nil {
		t.Fatal(err)
	}
	return proj, res
}

func stdpValues() map[string]any {
	return map[string]any{"w": 0.5, "taus": 16.8, "taut": 33.7, "A1": 0.02, "A2": 0.021, "wmin": 0.0, "wmax": 1.0}
}

// TestEquationsSTDPMatchesBuiltin drives the same pre and post spikes
// through synapse.STDP and its equation form and requires the same weights
// to 1e-9 after 2 s, for 1, 2 and 3 threads.
func TestEquationsSTDPMatchesBuiltin(t *testing.T) {
	conn := func() connect.Connector { return connect.FixedProb(0.3) }
	p := synapse.DefaultSTDP()
	p.A1, p.A2, p.WMin, p.WMax, p.GMax = 0.02, 0.021, 0, 1, 0.5
	ref, refRes := stdpRun(t, 1, 2000, func(pre, post sim.Population) (sim.Projection, error) {
		return synapse.NewSTDP(pre, post, conn(), p, nil)
	})
	want := ref.(*synapse.STDP).Weights()
	if n := len(refRes.Spikes["post.spike"].I); n < 1000 {
		t.Fatalf("only %d post spikes", n)
	}
	moved := 0
	for _, w := range want {
		if math.Abs(float64(w)-0.5) > 0.01 && w > 0 && w < 1 {
			moved++
		}
	}
	if moved < len(want)/2 {
		t.Fatalf("only %d of %d weights moved by more than 0.01 and stayed inside the bounds: the run does not exercise STDP", moved, len(want))
	}
	for _, threads := range []int{1, 2, 3} {
		q := stdpEquations
		q.Values = stdpValues()
		idx := []int{0, 7, 100, 356}
		proj, res := stdpRun(t, threads, 2000, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.FromEquations(pre, post, conn(), q)
		}, sim.Monitor{Name: "syn.w", Index: idx, Every: 1000}, sim.Monitor{Name: "syn.w", Index: idx, Key: "all"})
		if !slices.Equal(res.Spikes["post.spike"].I, refRes.Spikes["post.spike"].I) {
			t.Fatal("the post spikes differ: the test needs post spikes independent of the synapses")
		}
		got := proj.(*synapse.EqSynapses).SynapseVar("w")
		if len(got) != len(want) {
			t.Fatalf("threads=%d: %d weights, want %d", threads, len(got), len(want))
		}
		worst := 0.0
		for q := range got {
			worst = max(worst, math.Abs(got[q]-float64(want[q])))
		}
		tr := res.Traces["syn.w"]
		if len(tr.T) != 20 {
			t.Fatalf("monitor syn.w: %d samples, want 20", len(tr.T))
		}
		all := res.Traces["all"]
		for c, i := range idx {
			for row := range tr.T {
				if tr.Data[row*len(idx)+c] != all.Data[row*1000*len(idx)+c] {
					t.Fatalf("monitor syn.w (Every 1000) row %d differs from the every-step record", row)
				}
			}
			if w := all.Data[len(all.Data)-len(idx)+c]; w != got[i] {
				t.Errorf("monitor syn.w: last sample of synapse %d is %g, the view holds %g", i, w, got[i])
			}
			if tr.Data[c] == tr.Data[len(tr.Data)-len(idx)+c] {
				t.Errorf("monitor syn.w: synapse %d did not change between the first and last samples", i)
			}
		}
		t.Logf("threads=%d: %d synapses, %d moved, worst %g", threads, len(got), moved, worst)
		if worst > 1e-9 {
			t.Errorf("threads=%d: weights differ from synapse.STDP by up to %g (tolerance 1e-9)", threads, worst)
		}
	}
}
