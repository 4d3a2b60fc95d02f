package neuron_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/sim"
)

// run runs pop (named "P") for dur ms at time step dt with the constant
// input I, recording spikes and the listed variables of every neuron.
func run(t testing.TB, pop sim.Population, I, dur, dt float64, vars ...string) *sim.Results {
	t.Helper()
	net := sim.NewNetwork(7)
	if err := net.Add("P", pop); err != nil {
		t.Fatal(err)
	}
	mons := []string{"P.spike"}
	for _, v := range vars {
		mons = append(mons, "P."+v)
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: 1, Monitors: sim.Mon(mons...),
		Inputs: []sim.Input{sim.Const("P.input", I)}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(dur)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// spikeTimes returns the spike times (ms) of neuron i.
func spikeTimes(res *sim.Results, i int32) []float64 {
	var ts []float64
	sp := res.Spikes["P.spike"]
	for q, j := range sp.I {
		if j == i {
			ts = append(ts, sp.T[q])
		}
	}
	return ts
}

// isis returns the intervals between consecutive times.
func isis(ts []float64) []float64 {
	var d []float64
	for q := 1; q < len(ts); q++ {
		d = append(d, ts[q]-ts[q-1])
	}
	return d
}

// after returns the times > t0.
func after(ts []float64, t0 float64) []float64 {
	var out []float64
	for _, t := range ts {
		if t > t0 {
			out = append(out, t)
		}
	}
	return out
}

// maxOf returns the largest element.
func maxOf(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		m = math.Max(m, x)
	}
	return m
}

// minOf returns the smallest element.
func minOf(xs []float64) float64 {
	m := math.Inf(1)
	for _, x := range xs {
		m = math.Min(m, x)
	}
	return m
}

// must returns v and panics (failing the test) on err; for constructors
// whose arguments are known to be valid.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// mean returns the arithmetic mean.
func mean(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// initOnly initialises pop as a runner would (dt = 0.1, seed key 1, one
// block) without stepping it.
func initOnly(t testing.TB, pop sim.Population) {
	t.Helper()
	if err := pop.Init(&sim.Env{Dt: 0.1, Key: 1, Bounds: []int{0, pop.Size()}}); err != nil {
		t.Fatal(err)
	}
}
