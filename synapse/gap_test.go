package synapse_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// TestGapJunctionPair couples two quiet LIF neurons (V_rest = −60, τ = 20,
// R = 1, V0 = −70 and −50) both ways with conductance w. The currents
// w·(V_1 − V_0) and w·(V_0 − V_1), computed from the previous step's V, are
// equal and opposite; the LIF step V ← V∞ + (V − V∞)·d with V∞ = −60 + I
// then gives for D = V_0 − V_1
//
//	D_k = d·D_{k−1} − 2w(1 − d)·D_{k−1} = (d − 2w(1 − d))^{k+1}·D_{−1}
//
// (D_{−1} = −20), against d^{k+1}·D_{−1} uncoupled, and the mean relaxes to
// −60 as without coupling. Both as one population with symmetric
// connectivity (pre == post) and as two populations with two junctions.
func TestGapJunctionPair(t *testing.T) {
	const w = 0.3
	d := math.Exp(-dt / 20)
	q := d - 2*w*(1-d)
	lif := func(v0 ...float64) *neuron.LIF {
		l, err := neuron.NewLIF(len(v0), neuron.LIFParams{VRest: -60, VTh: 1e9, VReset: -60, Tau: 20, V0: initial.Values(v0)})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	check := func(name string, V0, V1, I0, I1 func(k int) float64) {
		for k := 0; k < 300; k++ {
			if I0(k) != -I1(k) {
				t.Fatalf("%s step %d: currents %v and %v are not opposite", name, k, I0(k), I1(k))
			}
			if k > 0 && I1(k) != w*(V0(k-1)-V1(k-1)) {
				t.Fatalf("%s step %d: current into 1 = %v, want w·(V0 − V1) = %v", name, k, I1(k), w*(V0(k-1)-V1(k-1)))
			}
			D := -20 * math.Pow(q, float64(k+1))
			const mean = -60.0 // the initial mean is V_rest: the currents cancel in it, so it stays
			if !near(V0(k)-V1(k), D, 1e-12) || !near((V0(k)+V1(k))/2, mean, 1e-12) {
				t.Fatalf("%s step %d: V = %v, %v: difference %v (want %v), mean %v (want %v)", name, k, V0(k), V1(k), V0(k)-V1(k), D, (V0(k)+V1(k))/2, mean)
			}
		}
	}
	for _, threads := range []int{1, 2} {
		pop := lif(-70, -50)
		res, proj := run(t, pop, pop, 300, threads, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewGapJunction(pre, post, rowsConn{{1}, {0}}, synapse.GapParams{GMax: w})
		}, "pre.V", "syn.i")
		if !proj.(sim.PreStateReader).ReadsPreState() {
			t.Fatal("GapJunction must report that it reads pre state")
		}
		V, I := res.Traces["pre.V"], res.Traces["syn.i"]
		check("pre == post", func(k int) float64 { return V.At(k, 0) }, func(k int) float64 { return V.At(k, 1) },
			func(k int) float64 { return I.At(k, 0) }, func(k int) float64 { return I.At(k, 1) })
	}
	// two populations, one junction each way
	a, b := lif(-70), lif(-50)
	ab, err := synapse.NewGapJunction(a, b, connect.One2One(), synapse.GapParams{GMax: w})
	if err != nil {
		t.Fatal(err)
	}
	ba, err := synapse.NewGapJunction(b, a, connect.One2One(), synapse.GapParams{GMax: w})
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(1)
	for _, x := range []struct {
		n string
		v any
	}{{"A", a}, {"B", b}, {"AB", ab}, {"BA", ba}} {
		if err := net.Add(x.n, x.v); err != nil {
			t.Fatal(err)
		}
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Monitors: sim.Mon("A.V", "B.V", "AB.i", "BA.i")})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(300 * dt)
	if err != nil {
		t.Fatal(err)
	}
	tr := res.Traces
	check("two populations", func(k int) float64 { return tr["A.V"].At(k, 0) }, func(k int) float64 { return tr["B.V"].At(k, 0) },
		func(k int) float64 { return tr["BA.i"].At(k, 0) }, func(k int) float64 { return tr["AB.i"].At(k, 0) })
}
