package model

import (
	"os"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

func parseFile(t *testing.T, path string) *File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data, path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

const lifEquations = `dv/dt = (v_rest - v + R*input)/tau : volt (unless refractory)
v_rest : volt (constant, shared)
v_th : volt (constant, shared)
v_reset : volt (constant, shared)
R : ohm (constant, shared)
tau : second (constant)
`

// TestEquationTutorialMatchesGo: the tutorial network with E and I written
// as LIF equations in a file gives exactly the spikes of the same network
// built in Go with neuron.FromEquations.
func TestEquationTutorialMatchesGo(t *testing.T) {
	f := parseFile(t, "testdata/eq/tutorial_eq.yaml")
	net, opt, err := f.Build()
	if err != nil {
		t.Fatal(err)
	}
	want := sim.NewNetwork(1)
	pops := map[string]sim.Population{}
	for _, p := range []struct {
		name string
		n    int
	}{{"E", 3200}, {"I", 800}} {
		pop, err := neuron.FromEquations(p.n, lifEquations, neuron.EquationParams{Threshold: "v > v_th", Reset: "v = v_reset",
			Refractory: "5*ms", Method: "exact",
			Values: map[string]any{"v_rest": -60, "v_th": -50, "v_reset": -60, "R": 1, "tau": 20, "v": -60}})
		if err != nil {
			t.Fatal(err)
		}
		pops[p.name] = pop
		if err := want.Add(p.name, pop); err != nil {
			t.Fatal(err)
		}
	}
	for _, pj := range []struct {
		name, pre, post string
		e, g, tau       float64
	}{{"E2E", "E", "E", 0, 0.6, 5}, {"E2I", "E", "I", 0, 0.6, 5}, {"I2E", "I", "E", -80, 0.7, 10}, {"I2I", "I", "I", -80, 0.7, 10}} {
		proj, err := synapse.NewExpCOBA(pops[pj.pre], pops[pj.post], connect.FixedProb(0.02), synapse.ExpParams{E: pj.e, GMax: pj.g, Tau: pj.tau})
		if err != nil {
			t.Fatal(err)
		}
		if err := want.Add(pj.name, proj); err != nil {
			t.Fatal(err)
		}
	}
	wopt := sim.Options{Dt: 0.1, Monitors: sim.Mon("E.spike", "I.spike"), Inputs: []sim.Input{sim.Const("E.input", 20), sim.Const("I.input", 20)}}
	got := runSpikes(t, net, opt, f.Duration(), "E.spike")
	exp := runSpikes(t, want, wopt, f.Duration(), "E.spike")
	if len(exp.T) < 100 {
		t.Fatalf("only %d reference spikes", len(exp.T))
	}
	if !slices.Equal(got.T, exp.T) || !slices.Equal(got.I, exp.I) {
		t.Fatalf("%d spikes from the file, %d from Go: they differ", len(got.T), len(exp.T))
	}
}
