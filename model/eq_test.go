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

// TestEquationSTDPFile: an STDP projection written as equations in a file
// builds and runs; the post neuron fires and the weights move from their
// initial values but stay in [0, gmax].
func TestEquationSTDPFile(t *testing.T) {
	f := parseFile(t, "testdata/eq/stdp_eq.yaml")
	net, opt, err := f.Build()
	if err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(f.Duration())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Spikes["out.spike"].T); n == 0 {
		t.Fatal("the post neuron never fired")
	}
	w := res.Traces["S.w"]
	if w == nil || len(w.T) < 2 || len(w.Index) != 1000 {
		t.Fatalf("S.w: %+v", w)
	}
	changed, end := 0, len(w.T)-1
	for c := range w.Index {
		if x := w.At(end, c); x < 0 || x > 0.01 {
			t.Fatalf("w[%d] = %g outside [0, gmax]", c, x)
		}
		if w.At(end, c) != w.At(0, c) {
			changed++
		}
	}
	if changed < len(w.Index)/2 {
		t.Fatalf("only %d of %d weights changed", changed, len(w.Index))
	}
}

// TestEquationSetAndResolved: --set reaches the parameters of a population
// written as equations, and Resolved writes a file that parses to the same
// model, equations included.
func TestEquationSetAndResolved(t *testing.T) {
	f := parseFile(t, "testdata/eq/tutorial_eq.yaml")
	if err := f.Set("E.params.tau", "10 ms"); err != nil {
		t.Fatal(err)
	}
	if err := f.Set("I.v_th", "-45 mV"); err != nil {
		t.Fatal(err)
	}
	pop := f.top.recs("populations")[0]
	if got := pop.sub("params").get("tau").init.a; got != 10 {
		t.Fatalf("E.params.tau = %v after --set, want 10", got)
	}
	out := f.Resolved()
	g, err := Parse(out, "resolved.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, p := range g.top.recs("populations") {
		if p.str("equations") != lifEquations || p.str("threshold") != "v > v_th" {
			t.Fatalf("population %s: equations %q, threshold %q", p.name, p.str("equations"), p.str("threshold"))
		}
	}
	if got := g.top.recs("populations")[1].sub("params").num("v_th"); got != -45 {
		t.Fatalf("I.v_th = %v after round trip, want -45", got)
	}
}
