package sim_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// fuzzNet is a network of one 3-neuron LIF population "E".
func fuzzNet(t *testing.T) *sim.Network {
	lif, err := neuron.NewLIF(3, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5})
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(1)
	if err := net.Add("E", lif); err != nil {
		t.Fatal(err)
	}
	return net
}

// FuzzMonitorName: a monitor name is either refused with an error quoting
// it, or recorded under that key with one value per neuron and step.
func FuzzMonitorName(f *testing.F) {
	for _, s := range []string{"E.spike", "E.V", "E.input", "E", "", ".", "E.", ".V", "E.V.x", "I.spike", "E.spike\x00", "E.v"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		r, err := sim.NewRunner(fuzzNet(t), sim.Options{Monitors: sim.Mon(name)})
		if err != nil {
			if !strings.Contains(err.Error(), strconv.Quote(name)) {
				t.Fatalf("NewRunner: error %q does not quote the name %q", err, name)
			}
			return
		}
		res, err := r.Run(1)
		if err != nil {
			t.Fatalf("Run with monitor %q: %v", name, err)
		}
		if s, ok := res.Spikes[name]; ok {
			if len(s.T) != len(s.I) {
				t.Fatalf("%q: %d times, %d indices", name, len(s.T), len(s.I))
			}
			return
		}
		tr, ok := res.Traces[name]
		if !ok {
			t.Fatalf("accepted monitor %q is not in the results", name)
		}
		if len(tr.Index) != 3 || int64(len(tr.T)) != res.Steps || int64(len(tr.Data)) != res.Steps*3 {
			t.Fatalf("%q: %d columns, %d times, %d values; want 3, %d and %d", name, len(tr.Index), len(tr.T), len(tr.Data), res.Steps, res.Steps*3)
		}
	})
}

// FuzzInputTarget: an input target is either refused with an error quoting
// it, or the run succeeds.
func FuzzInputTarget(f *testing.F) {
	for _, s := range []string{"E.input", "E.V", "E.spike", "E", "", ".input", "E.", "I.input", "E.input.x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		r, err := sim.NewRunner(fuzzNet(t), sim.Options{Inputs: []sim.Input{sim.Const(target, 1)}})
		if err != nil {
			if !strings.Contains(err.Error(), strconv.Quote(target)) {
				t.Fatalf("NewRunner: error %q does not quote the target %q", err, target)
			}
			return
		}
		if _, err := r.Run(1); err != nil {
			t.Fatalf("Run with input %q: %v", target, err)
		}
	})
}
