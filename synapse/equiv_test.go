package synapse_test

import (
	"math"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// recurrent runs 200 LIF neurons (V0 uniform, input 12) for 100 ms with the
// projection mk makes onto themselves and returns the spikes and "syn.g".
func recurrent(t testing.TB, threads int, mk func(p sim.Population) (sim.Projection, error)) *sim.Results {
	pop, err := neuron.NewLIF(200, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Uniform(-60, -50)})
	if err != nil {
		t.Fatal(err)
	}
	proj, err := mk(pop)
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(3)
	_ = net.Add("P", pop)
	_ = net.Add("syn", proj)
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: threads, Monitors: sim.Mon("P.spike", "syn.g"),
		Inputs: []sim.Input{sim.Const("P.input", 12)}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(100)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestExponentialMatchesExpCOBA checks that Exponential with a COBA output,
// a uniform delay and no STP computes what ExpCOBA computes (the same
// decay-then-add step and current): identical spikes in a recurrent
// network with per-synapse weights and a delay, conductances equal to
// 1e-12. Zero-spread per-synapse delays equal to the uniform delay give
// the same result through the latency-grouped path.
func TestExponentialMatchesExpCOBA(t *testing.T) {
	conn := func() connect.Connector { return connect.FixedProb(0.05).WithSeed(9) }
	ref := recurrent(t, 2, func(p sim.Population) (sim.Projection, error) {
		return synapse.NewExpCOBA(p, p, conn(), synapse.ExpParams{Tau: 5, WeightInit: initial.Uniform(0.2, 0.8), E: 0, Delay: 0.3})
	})
	for _, grouped := range []bool{false, true} {
		res := recurrent(t, 2, func(p sim.Population) (sim.Projection, error) {
			q := synapse.ExponentialParams{Tau: 5, WeightInit: initial.Uniform(0.2, 0.8), Delay: 0.3}
			if grouped {
				q.Delay, q.DelayInit = 0, initial.Constant(0.3)
			}
			return synapse.NewExponential(p, p, conn(), q, synapse.COBA{E: 0})
		})
		a, b := ref.Spikes["P.spike"], res.Spikes["P.spike"]
		if len(a.I) < 200 || !slices.Equal(a.I, b.I) || !slices.Equal(a.T, b.T) {
			t.Fatalf("grouped=%v: %d spikes vs ExpCOBA's %d, or different", grouped, len(b.I), len(a.I))
		}
		for q, x := range ref.Traces["syn.g"].Data {
			if y := res.Traces["syn.g"].Data[q]; math.Abs(x-y) > 1e-12*math.Max(1, math.Abs(x)) {
				t.Fatalf("grouped=%v: g differs: %v vs %v", grouped, y, x)
			}
		}
	}
}
