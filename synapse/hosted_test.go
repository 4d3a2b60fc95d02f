package synapse_test

import (
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// unhosted hides the LIF's channel hosting, forcing the projection to
// update its conductance and current itself.
type unhosted struct{ *neuron.LIF }

func (unhosted) Attach(*sim.Channel) bool { return false }

// TestHostedEqualsUnhosted checks that the fused path (the post population
// integrates the conductances) gives bit-identical conductances, inputs and
// spikes to the projection's own update, in a recurrent random network.
func TestHostedEqualsUnhosted(t *testing.T) {
	run := func(wrap bool) *sim.Results {
		p := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Uniform(-60, -50)}
		a, _ := neuron.NewLIF(300, p)
		var pop sim.Population = a
		if wrap {
			pop = unhosted{a}
		}
		exc, _ := synapse.NewExpCOBA(pop, pop, connect.FixedProb(0.1), synapse.ExpParams{Tau: 5, GMax: 0.5, E: 0})
		inh, _ := synapse.NewExpCUBA(pop, pop, connect.FixedProb(0.05), synapse.ExpParams{Tau: 10, WeightInit: initial.Uniform(-2, 0), Delay: 0.5})
		net := sim.NewNetwork(5)
		for _, x := range []struct {
			n string
			v any
		}{{"P", pop}, {"exc", exc}, {"inh", inh}} {
			if err := net.Add(x.n, x.v); err != nil {
				t.Fatal(err)
			}
		}
		r, err := sim.NewRunner(net, sim.Options{Threads: 2, Monitors: sim.Mon("P.spike", "P.input", "exc.g", "inh.g"),
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
	a, b := run(false), run(true)
	if n := len(a.Spikes["P.spike"].T); n < 100 {
		t.Fatalf("only %d spikes: the comparison would be weak", n)
	}
	for _, key := range []string{"P.input", "exc.g", "inh.g"} {
		x, y := a.Traces[key].Data, b.Traces[key].Data
		for q := range x {
			if x[q] != y[q] {
				t.Fatalf("%s: value %d is %v hosted, %v unhosted", key, q, x[q], y[q])
			}
		}
	}
	if len(a.Spikes["P.spike"].T) != len(b.Spikes["P.spike"].T) {
		t.Fatal("different spike counts")
	}
}
