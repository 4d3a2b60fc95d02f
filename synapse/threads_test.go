package synapse_test

import (
	"slices"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// TestThreadsIdentical runs a recurrent spiking network (90 LIF neurons
// driven above threshold, 100 ms) through every new projection type, with random
// weights and delays where the type has them, and requires bit-identical
// spikes and projection variables for 1, 2 and 3 threads.
func TestThreadsIdentical(t *testing.T) {
	std, stp := synapse.DefaultSTD(), synapse.DefaultSTP()
	conn := func() connect.Connector { return connect.FixedProb(0.1) }
	makers := map[string]func(p sim.Population) (sim.Projection, error){
		"Exponential+STD": func(p sim.Population) (sim.Projection, error) {
			return synapse.NewExponential(p, p, conn(), synapse.ExponentialParams{Tau: 5, WeightInit: initial.Uniform(0.1, 0.5), STP: &std}, synapse.COBA{E: 0})
		},
		"Exponential+delays": func(p sim.Population) (sim.Projection, error) {
			return synapse.NewExponential(p, p, conn(), synapse.ExponentialParams{Tau: 5, GMax: 0.4, DelayInit: initial.Uniform(0, 3)}, nil)
		},
		"DualExp": func(p sim.Population) (sim.Projection, error) {
			return synapse.NewDualExp(p, p, conn(), synapse.DualExpParams{TauDecay: 5, TauRise: 1, WeightInit: initial.Uniform(0.5, 1.5), DelayInit: initial.Uniform(0.5, 1.5)}, synapse.DefaultMgBlock())
		},
		"Alpha+STP": func(p sim.Population) (sim.Projection, error) {
			return synapse.NewAlpha(p, p, conn(), synapse.AlphaParams{TauDecay: 3, GMax: 0.5, Method: "exact", STP: &stp}, synapse.COBA{E: -80})
		},
		"Delta": func(p sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(p, p, conn(), synapse.DeltaParams{GMax: 0.5, TauRef: 2, DelayInit: initial.Uniform(0, 2)})
		},
		"AMPA": func(p sim.Population) (sim.Projection, error) {
			return synapse.NewAMPA(p, p, conn(), synapse.DefaultAMPA(), nil)
		},
		"GABAa": func(p sim.Population) (sim.Projection, error) {
			q := synapse.DefaultGABAa()
			q.WeightInit = initial.Uniform(0, 1)
			return synapse.NewGABAa(p, p, conn(), q, nil)
		},
		"NMDA": func(p sim.Population) (sim.Projection, error) {
			return synapse.NewNMDA(p, p, conn(), synapse.DefaultNMDA(), nil)
		},
		"BioNMDA": func(p sim.Population) (sim.Projection, error) {
			q := synapse.DefaultBioNMDA()
			q.Delay = 0.5
			return synapse.NewBioNMDA(p, p, conn(), q, nil)
		},
		"STDP": func(p sim.Population) (sim.Projection, error) {
			q := synapse.DefaultSTDP()
			q.GMax, q.WMin, q.WMax, q.Tau = 0.3, 0, 1, 5
			return synapse.NewSTDP(p, p, conn(), q, synapse.COBA{E: 0})
		},
		"GapJunction": func(p sim.Population) (sim.Projection, error) {
			return synapse.NewGapJunction(p, p, conn(), synapse.GapParams{WeightInit: initial.Uniform(0, 0.05)})
		},
	}
	for name, mk := range makers {
		var ref *sim.Results
		for _, threads := range []int{1, 2, 3} {
			pop, err := neuron.NewLIF(90, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Uniform(-60, -50)})
			if err != nil {
				t.Fatal(err)
			}
			proj, err := mk(pop)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			net := sim.NewNetwork(5)
			_ = net.Add("P", pop)
			if err := net.Add("syn", proj); err != nil {
				t.Fatal(err)
			}
			mons := []string{"P.spike", "P.V"}
			for _, v := range proj.VarNames() {
				mons = append(mons, "syn."+v)
			}
			r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: threads, Monitors: sim.Mon(mons...),
				Inputs: []sim.Input{sim.Const("P.input", 15)}})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			res, err := r.Run(100)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Spikes["P.spike"].I) < 100 {
				t.Fatalf("%s: only %d spikes", name, len(res.Spikes["P.spike"].I))
			}
			if ref == nil {
				ref = res
				nonzero := false
				for _, k := range res.TraceKeys() {
					if k != "P.V" && slices.ContainsFunc(res.Traces[k].Data, func(x float64) bool { return x != 0 }) {
						nonzero = true
					}
				}
				if !nonzero && len(proj.VarNames()) > 0 {
					t.Errorf("%s: every projection variable stayed 0", name)
				}
				continue
			}
			a, b := ref.Spikes["P.spike"], res.Spikes["P.spike"]
			if !slices.Equal(a.I, b.I) || !slices.Equal(a.T, b.T) {
				t.Fatalf("%s: threads=%d changes the spikes (%d vs %d)", name, threads, len(b.I), len(a.I))
			}
			for _, k := range ref.TraceKeys() {
				if !slices.Equal(ref.Traces[k].Data, res.Traces[k].Data) {
					t.Fatalf("%s: threads=%d changes %s", name, threads, k)
				}
			}
		}
	}
}
