package input_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/input"
	chk "github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/sim"
)

// TestPoissonGroupResume: a PoissonGroup whose "rate" an input raises every
// step, checkpointed after 300 steps and restored with 3 threads, gives the
// spikes and rates of the uninterrupted run; a group of other rates is
// refused.
func TestPoissonGroupResume(t *testing.T) {
	build := func(hz float64) *sim.Network {
		g, err := input.NewPoissonGroup(50, hz)
		if err != nil {
			t.Fatal(err)
		}
		net := sim.NewNetwork(8)
		if err := net.Add("G", g); err != nil {
			t.Fatal(err)
		}
		return net
	}
	opt := func(th int) sim.Options {
		return sim.Options{Dt: 0.1, Threads: th, Monitors: sim.Mon("G.spike", "G.rate"),
			Inputs: []sim.Input{{Target: "G.rate", Value: 0.5, Op: "+"}}}
	}
	whole, err := sim.NewRunner(build(10), opt(1))
	if err != nil {
		t.Fatal(err)
	}
	all, err := whole.Run(50)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := sim.NewRunner(build(10), opt(1))
	first, err := r.Run(30)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Checkpoint(&buf); err != nil {
		t.Fatal(err)
	}
	r2, err := sim.Restore(build(10), opt(3), bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rest, err := r2.Run(20)
	if err != nil {
		t.Fatal(err)
	}
	a, b, w := first.Spikes["G.spike"], rest.Spikes["G.spike"], all.Spikes["G.spike"]
	if len(a.I) == 0 || len(b.I) == 0 {
		t.Fatalf("%d and %d spikes: the group must fire in both parts", len(a.I), len(b.I))
	}
	if !slices.Equal(append(slices.Clone(a.I), b.I...), w.I) || !slices.Equal(append(slices.Clone(a.T), b.T...), w.T) {
		t.Errorf("resumed spikes differ (%d+%d, want %d)", len(a.I), len(b.I), len(w.I))
	}
	if got := append(slices.Clone(first.Traces["G.rate"].Data), rest.Traces["G.rate"].Data...); !slices.Equal(got, all.Traces["G.rate"].Data) {
		t.Errorf("resumed rates differ")
	}
	if r := rest.Traces["G.rate"].Data; r[len(r)-1] != 10+0.5*500 {
		t.Errorf("rate after 500 steps = %v, want 260", r[len(r)-1])
	}
	_, err = sim.Restore(build(11), opt(1), bytes.NewReader(buf.Bytes()))
	chk.Err(t, "other rates", err, "another model")
}
