package synapse_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// fuzzNet is a small network with a node of every state layout: LIF,
// AdEx, PoissonGroup, ExpCOBA (hosted), Exponential+STP, AMPA, NMDA, STDP
// (per-synapse weights) and a Delta with per-synapse delays.
func fuzzNet(tb testing.TB) *sim.Network {
	ok := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	l, err := neuron.NewLIF(12, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Uniform(-60, -50)})
	ok(err)
	a, err := neuron.NewAdExIF(7, neuron.DefaultAdExIF())
	ok(err)
	g, err := input.NewPoissonGroup(5, 50)
	ok(err)
	stp, q := synapse.DefaultSTP(), synapse.DefaultSTDP()
	q.WeightInit = initial.Uniform(0, 1)
	e1, err := synapse.NewExpCOBA(g, l, fp(0.5), synapse.ExpParams{Tau: 5, GMax: 1, Delay: 0.3})
	ok(err)
	e2, err := synapse.NewExponential(l, a, fp(0.5), synapse.ExponentialParams{Tau: 5, GMax: 1, STP: &stp}, nil)
	ok(err)
	e3, err := synapse.NewAMPA(l, l, fp(0.5), synapse.DefaultAMPA(), nil)
	ok(err)
	e4, err := synapse.NewNMDA(a, l, fp(0.5), synapse.DefaultNMDA(), nil)
	ok(err)
	e5, err := synapse.NewSTDP(l, a, fp(0.5), q, nil)
	ok(err)
	e6, err := synapse.NewDelta(g, a, fp(0.5), synapse.DeltaParams{GMax: 1, DelayInit: initial.Uniform(0, 1)})
	ok(err)
	eq := eqPop(tb)
	e7, err := synapse.FromEquations(l, eq, fp(0.5), synapse.SynapseEquations{
		Model: "w : 1\ndapre/dt = -apre/20 : 1 (event-driven)", OnPre: "input_post += w; apre += 1; w = clip(w - 0.01*apre, 0, 1)",
		Units: equations.UnitsNone, Values: map[string]any{"w": initial.Uniform(0, 1)}})
	ok(err)
	net := sim.NewNetwork(3)
	for _, x := range []struct {
		name string
		node any
	}{{"L", l}, {"A", a}, {"G", g}, {"Q", eq}, {"GL", e1}, {"LA", e2}, {"LL", e3}, {"AL", e4}, {"stdp", e5}, {"GA", e6}, {"LQ", e7}} {
		ok(net.Add(x.name, x.node))
	}
	return net
}

// FuzzRestoreZoo: no checkpoint bytes make Restore panic in the state
// readers of the package's nodes; a valid checkpoint restores.
func FuzzRestoreZoo(f *testing.F) {
	opt := sim.Options{Dt: dt, Threads: 2, Inputs: []sim.Input{sim.Const("L.input", 15), sim.Const("A.input", 20)}}
	r, err := sim.NewRunner(fuzzNet(f), opt)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := r.Run(5); err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Checkpoint(&buf); err != nil {
		f.Fatal(err)
	}
	if _, err := sim.Restore(fuzzNet(f), opt, bytes.NewReader(buf.Bytes())); err != nil {
		f.Fatalf("a valid checkpoint: %v", err)
	}
	ck := buf.Bytes()
	f.Add(ck)
	f.Add(ck[:len(ck)/2])
	f.Add(append([]byte(nil), ck[:40]...))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = sim.Restore(fuzzNet(t), opt, bytes.NewReader(b))
	})
}

// FuzzRestoreZooRanks: the same on 2 in-process ranks, where every rank
// reads its share of each per-neuron record (StateReader's window); a
// valid checkpoint restores on both.
func FuzzRestoreZooRanks(f *testing.F) {
	opt := sim.Options{Dt: dt, Inputs: []sim.Input{sim.Const("L.input", 15), sim.Const("A.input", 20)}}
	r, err := sim.NewRunner(fuzzNet(f), opt)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := r.Run(5); err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Checkpoint(&buf); err != nil {
		f.Fatal(err)
	}
	restore := func(t testing.TB, b []byte) []error {
		trs, err := dist.InProcess(2)
		if err != nil {
			t.Fatal(err)
		}
		errs := make([]error, 2)
		var wg sync.WaitGroup
		for q := range 2 {
			wg.Go(func() {
				o := opt
				o.Transport = trs[q]
				_, errs[q] = sim.Restore(fuzzNet(t), o, bytes.NewReader(b))
			})
		}
		wg.Wait()
		return errs
	}
	for q, err := range restore(f, buf.Bytes()) {
		if err != nil {
			f.Fatalf("a valid checkpoint, rank %d: %v", q, err)
		}
	}
	ck := buf.Bytes()
	f.Add(ck)
	f.Add(ck[:len(ck)/2])
	f.Fuzz(func(t *testing.T, b []byte) { restore(t, b) })
}
