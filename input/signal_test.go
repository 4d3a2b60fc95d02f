package input_test

import (
	"testing"

	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/sim"
)

// TestSeriesThroughRunner drives a population with a per-step array: the
// input seen at step k is values[k], and 0 after the end of the array.
func TestSeriesThroughRunner(t *testing.T) {
	values, err := input.Section([]float64{1, 3}, []float64{0.2, 0.3}, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	for _, threads := range []int{1, 2} {
		res := run(t, 1, sim.Options{Threads: threads, Monitors: sim.Mon("S.input"),
			Inputs: []sim.Input{input.Series("S.input", values), sim.Const("S.input", 0.5)}},
			0.7, "S", &sink{n: 3})
		tr := res.Traces["S.input"]
		for c := range 3 {
			equal(t, "S.input", tr.Column(c), []float64{1.5, 1.5, 3.5, 3.5, 3.5, 0.5, 0.5})
		}
	}
}

// TestSignalSource checks a multi-channel Signal as a Source: channel i
// goes to neuron i, neurons past the channels and steps outside the signal
// get 0, Offset shifts the rows, and a second Run continues in time.
func TestSignalSource(t *testing.T) {
	sig := &input.Signal{N: 2, Data: []float64{1, 2, 3, 4, 5, 6}, Offset: 1}
	net := sim.NewNetwork(1)
	if err := net.Add("S", &sink{n: 3}); err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Threads: 2, Dt: 1, Monitors: sim.Mon("S.input"),
		Inputs: []sim.Input{{Target: "S.input", Source: sig}}})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{0, 0, 0}, {1, 2, 0}, {3, 4, 0}, {5, 6, 0}, {0, 0, 0}}
	for _, d := range []float64{2, 3} { // two runs: steps 0–1, then 2–4
		res, err := r.Run(d)
		if err != nil {
			t.Fatal(err)
		}
		tr := res.Traces["S.input"]
		for row := range tr.T {
			k := int(res.Start) + row
			for c := range 3 {
				if got := tr.At(row, c); got != want[k][c] {
					t.Errorf("step %d neuron %d: %v, want %v", k, c, got, want[k][c])
				}
			}
		}
	}
	if sig.Steps() != 3 || sig.At(2, 1) != 6 {
		t.Errorf("Steps = %d, At(2, 1) = %v; want 3, 6", sig.Steps(), sig.At(2, 1))
	}
	equal(t, "Channel(1)", sig.Channel(1), []float64{2, 4, 6})
	// a malformed signal gives zeros instead of panicking
	dst := []float64{9, 9}
	(&input.Signal{N: 0, Data: []float64{1}}).Values(0, 0, 0, 2, dst)
	equal(t, "N = 0", dst, []float64{0, 0})
}
