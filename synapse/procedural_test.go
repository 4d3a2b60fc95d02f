package synapse_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// runEI runs a small COBA-like E–I network (800 E + 200 I LIF, V0 ~
// Normal(−55, 2), input 20, p = 0.05, weights scaled to the in-degree of the
// COBA benchmark) for 150 ms on threads workers. I2I is current-based and
// E2I has a 1.5 ms delay, so every path of ExpProcedural is used. With
// procedural false the same connectors are stored (NewExpCOBA/NewExpCUBA).
func runEI(t *testing.T, procedural bool, threads int) *sim.Results {
	t.Helper()
	lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Normal(-55, 2)}
	E, err := neuron.NewLIF(800, lif)
	if err != nil {
		t.Fatal(err)
	}
	I, err := neuron.NewLIF(200, lif)
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(3)
	_ = net.Add("E", E)
	_ = net.Add("I", I)
	const p = 0.05 // in-degree 40 from E, 10 from I (COBA: 64 and 16)
	exc := synapse.ExpParams{Tau: 5, GMax: 0.6 * 64 / 40, E: 0}
	inh := synapse.ExpParams{Tau: 10, GMax: 6.7 * 16 / 10, E: -80}
	for _, x := range []struct {
		name      string
		pre, post *neuron.LIF
		par       synapse.ExpParams
		cuba      bool
	}{
		{"E2E", E, E, exc, false},
		{"E2I", E, I, synapse.ExpParams{Tau: 5, GMax: exc.GMax, Delay: 1.5}, false},
		{"I2E", I, E, inh, false},
		{"I2I", I, I, synapse.ExpParams{Tau: 10, GMax: -0.4}, true},
	} {
		conn := connect.ProceduralFixedProb(p).SegmentWidth(64)
		var proj sim.Projection
		switch {
		case procedural && x.cuba:
			proj, err = synapse.NewExpCUBAProcedural(x.pre, x.post, conn, x.par)
		case procedural:
			proj, err = synapse.NewExpCOBAProcedural(x.pre, x.post, conn, x.par)
		case x.cuba:
			proj, err = synapse.NewExpCUBA(x.pre, x.post, conn, x.par)
		default:
			proj, err = synapse.NewExpCOBA(x.pre, x.post, conn, x.par)
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := net.Add(x.name, proj); err != nil {
			t.Fatal(err)
		}
	}
	r, err := sim.NewRunner(net, sim.Options{Threads: threads, Monitors: sim.Mon("E.spike", "I.spike", "E2E.g", "I2I.g"),
		Inputs: []sim.Input{sim.Const("E.input", 20), sim.Const("I.input", 20)}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(150)
	if err != nil {
		t.Fatal(err)
	}
	if procedural {
		for _, name := range net.ProjectionNames() {
			pp := net.Projection(name).(*synapse.ExpProcedural)
			if pp.Bytes() > 4*800 {
				t.Errorf("%s holds %d bytes: want at most one row range buffer per block", name, pp.Bytes())
			}
		}
	}
	return res
}

// TestProceduralMatchesStored checks that regenerating rows per block gives
// bit-identical spikes and conductances to storing the same connector's
// synapses, for 1, 2 and 3 threads (blocks of 800/3 neurons cut the
// 64-wide segments), and that the network is active enough for this to
// mean something.
func TestProceduralMatchesStored(t *testing.T) {
	ref := runEI(t, false, 1)
	if n := len(ref.Spikes["E.spike"].T) + len(ref.Spikes["I.spike"].T); n < 500 {
		t.Fatalf("only %d spikes in 150 ms: the comparison would be weak", n)
	} else {
		t.Logf("%d spikes in 150 ms", n)
	}
	for _, threads := range []int{1, 2, 3} {
		for _, proc := range []bool{false, true} {
			res := runEI(t, proc, threads)
			for _, k := range []string{"E.spike", "I.spike"} {
				a, b := ref.Spikes[k], res.Spikes[k]
				if !slices.Equal(a.T, b.T) || !slices.Equal(a.I, b.I) {
					t.Errorf("procedural=%v threads=%d: %s differs from stored, 1 thread (%d vs %d events)", proc, threads, k, len(b.T), len(a.T))
				}
			}
			for _, k := range []string{"E2E.g", "I2I.g"} {
				if !slices.Equal(ref.Traces[k].Data, res.Traces[k].Data) {
					t.Errorf("procedural=%v threads=%d: %s differs from stored, 1 thread", proc, threads, k)
				}
			}
		}
	}
}

// TestProceduralCounts checks NumSynapses against the stored projection of
// the same connector, and the construction and Init errors.
func TestProceduralCounts(t *testing.T) {
	conn := connect.ProceduralFixedProb(0.03).SegmentWidth(100)
	pops := func() (pre, post sim.Population) { return quietLIF(t, 300, -65), quietLIF(t, 500, -65) }
	pre, post := pops()
	pp, err := synapse.NewExpCOBAProcedural(pre, post, conn, synapse.ExpParams{Tau: 5, GMax: 1})
	if err != nil {
		t.Fatal(err)
	}
	pre2, post2 := pops()
	st, err := synapse.NewExpCOBA(pre2, post2, conn, synapse.ExpParams{Tau: 5, GMax: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		name      string
		pre, post sim.Population
		proj      sim.Projection
	}{{"proc", pre, post, pp}, {"stored", pre2, post2, st}} {
		net := sim.NewNetwork(1)
		_ = net.Add("A", x.pre)
		_ = net.Add("B", x.post)
		_ = net.Add("AB", x.proj)
		if _, err := sim.NewRunner(net, sim.Options{Threads: 2}); err != nil {
			t.Fatal(err)
		}
	}
	// both were named "AB" in a network of seed 1: same connectivity seed
	if pp.NumSynapses() != st.NumSynapses() || st.NumSynapses() == 0 {
		t.Errorf("procedural NumSynapses = %d, stored %d", pp.NumSynapses(), st.NumSynapses())
	}
	// 300·500·0.03 = 4500 expected, sd √(4500·0.97) ≈ 66
	if n := pp.NumSynapses(); n < 4500-5*66 || n > 4500+5*66 {
		t.Errorf("NumSynapses = %d, want 4500 ± 330", n)
	}

	for _, c := range []struct {
		mk   func() (sim.Projection, error)
		want string
	}{
		{func() (sim.Projection, error) {
			return synapse.NewExpCOBAProcedural(pre, post, conn, synapse.ExpParams{Tau: 5, WeightInit: initial.Constant(1)})
		}, "WeightInit and Weights are not supported"},
		{func() (sim.Projection, error) {
			return synapse.NewExpCUBAProcedural(pre, post, conn, synapse.ExpParams{Tau: 5, E: -80})
		}, "ExpCUBAProcedural E = -80"},
		{func() (sim.Projection, error) {
			return synapse.NewExpCOBAProcedural(pre, post, conn, synapse.ExpParams{Tau: -1})
		}, "ExpCOBAProcedural Tau = -1"},
		{func() (sim.Projection, error) {
			return synapse.NewExpCOBAProcedural(pre, post, nil, synapse.ExpParams{Tau: 1})
		}, "connector is nil"},
	} {
		if _, err := c.mk(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want %q", err, c.want)
		}
	}
	pre, post = pops()
	bad, err := synapse.NewExpCOBAProcedural(pre, post, connect.ProceduralFixedProb(2), synapse.ExpParams{Tau: 5})
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(1)
	_ = net.Add("A", pre)
	_ = net.Add("B", post)
	_ = net.Add("AB", bad)
	if _, err := sim.NewRunner(net, sim.Options{}); err == nil || !strings.Contains(err.Error(), "ProceduralFixedProb prob = 2") {
		t.Errorf("bad prob: error %v", err)
	}
}
