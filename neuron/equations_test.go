package neuron_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

const noisyText = `
dv/dt = (v_rest - v + input)/tau + sigma*xi/sqrt(tau) : 1 (unless refractory)
dth/dt = (th0 - th)/tau_th : 1
v_rest : 1 (constant, shared)
tau : 1
sigma : 1 (constant)
th0 : 1 (constant)
tau_th : 1 (constant)
`

func noisyPop(t testing.TB, n int) *neuron.EqPopulation {
	t.Helper()
	p, err := neuron.FromEquations(n, noisyText, neuron.EquationParams{
		Threshold: "v > th", Reset: "v = v_rest + 5*rand(); th += 2", Refractory: "2", Units: equations.UnitsNone,
		Values: map[string]any{"v_rest": -60, "tau": initial.Uniform(10, 30), "sigma": 4, "th0": -50, "tau_th": 50,
			"v": initial.Normal(-55, 3), "th": -50}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEquationsThreads: with noise, rand() in the reset and per-neuron
// tau, the spikes are the same for 1, 2 and 3 threads.
func TestEquationsThreads(t *testing.T) {
	var ref *sim.SpikeRecord
	for _, th := range []int{1, 2, 3} {
		net := sim.NewNetwork(3)
		if err := net.Add("P", noisyPop(t, 1000)); err != nil {
			t.Fatal(err)
		}
		r, err := sim.NewRunner(net, sim.Options{Threads: th, Monitors: sim.Mon("P.spike"), Inputs: []sim.Input{sim.Const("P.input", 12)}})
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Run(200)
		if err != nil {
			t.Fatal(err)
		}
		s := res.Spikes["P.spike"]
		if len(s.T) < 1000 {
			t.Fatalf("threads %d: only %d spikes", th, len(s.T))
		}
		if ref == nil {
			ref = s
		} else if !reflect.DeepEqual(s.T, ref.T) || !reflect.DeepEqual(s.I, ref.I) {
			t.Errorf("threads %d: spikes differ from 1 thread", th)
		}
	}
}

// TestEquationsUpdateNoAllocs: Update allocates nothing.
func TestEquationsUpdateNoAllocs(t *testing.T) {
	p := noisyPop(t, 700)
	initOnly(t, p)
	spikes := make([]int32, 0, 700)
	k := int64(0)
	if a := testing.AllocsPerRun(50, func() { k++; spikes = p.Update(k, float64(k)*0.1, 0, 700, spikes[:0]) }); a != 0 {
		t.Errorf("%v allocations per Update, want 0", a)
	}
}

// TestEquationsVars: every state variable and parameter is a variable.
func TestEquationsVars(t *testing.T) {
	p := noisyPop(t, 10)
	initOnly(t, p)
	want := []string{"v", "th", "v_rest", "tau", "sigma", "th0", "tau_th", "input"}
	if got := p.VarNames(); !reflect.DeepEqual(got, want) {
		t.Errorf("VarNames %v, want %v", got, want)
	}
	for _, n := range append(want, "V") {
		if len(p.Var(n)) != 10 {
			t.Errorf("Var(%q) has %d values, want 10", n, len(p.Var(n)))
		}
	}
	if p.Var("v_rest")[3] != -60 || p.Var("th")[0] != -50 {
		t.Errorf("values not filled: v_rest %v th %v", p.Var("v_rest")[3], p.Var("th")[0])
	}
	if tau := p.Var("tau"); tau[0] == tau[1] || tau[0] < 10 || tau[0] > 30 {
		t.Errorf("tau %v not drawn from Uniform(10, 30)", tau[:2])
	}
}

// TestEquationsErrors: bad input gives an error naming the field.
func TestEquationsErrors(t *testing.T) {
	base := neuron.EquationParams{Threshold: "V >= V_th", Reset: "V = V_reset", Units: equations.UnitsNone,
		Values: map[string]any{"V_rest": -60, "R": 1, "tau": 20, "V_th": -50, "V_reset": -60}}
	for _, c := range []struct {
		edit func(p *neuron.EquationParams) string
		want string
	}{
		{func(p *neuron.EquationParams) string { p.Threshold = "V > V_tth"; return lifText }, "neuron: FromEquations Threshold: line 1, col 5: V > V_tth: unknown name 'V_tth' (did you mean V_th?)"},
		{func(p *neuron.EquationParams) string { p.Reset = "V = "; return lifText }, "neuron: FromEquations Reset: line 1"},
		{func(p *neuron.EquationParams) string { p.Refractory = "V + 1"; return lifText }, "neuron: FromEquations Refractory"},
		{func(p *neuron.EquationParams) string { p.Method = "rk5"; return lifText }, `neuron: FromEquations Method: unknown integration method "rk5"`},
		{func(p *neuron.EquationParams) string { p.Method = "exact"; return lifText + "\ndz/dt = z*z : 1" }, `neuron: FromEquations Method: method "exact"`},
		{func(p *neuron.EquationParams) string { return strings.Replace(lifText, "/tau :", "/tau_m :", 1) }, "neuron: FromEquations text: line 2"},
		{func(p *neuron.EquationParams) string { delete(p.Values, "tau"); return lifText }, `Values["tau"]: missing`},
		{func(p *neuron.EquationParams) string { p.Values["tua"] = 1.0; return lifText }, `Values["tua"]: no such state variable or parameter`},
		{func(p *neuron.EquationParams) string { p.Values["input"] = 1.0; return lifText }, `Values["input"]: input is the population's input`},
		{func(p *neuron.EquationParams) string { p.Values["tau"] = []float64{1, 2}; return lifText }, `Values["tau"]: has 2 values: must have one per neuron, 3`},
		{func(p *neuron.EquationParams) string { p.Values["tau"] = "20"; return lifText }, `Values["tau"]: is a string`},
		{func(p *neuron.EquationParams) string { p.Values["V_th"] = math.NaN(); return lifText }, `Values["V_th"]: is NaN: must be finite`},
		{func(p *neuron.EquationParams) string { p.Reset = "input = 0"; return lifText }, "neuron: FromEquations Reset"},
		{func(p *neuron.EquationParams) string {
			p.Method, p.Values["tau"] = "exact", []float64{20, 20, 20}
			return coupled
		}, "coefficients are not constant"},
	} {
		p := base
		p.Values = map[string]any{}
		for k, v := range base.Values {
			p.Values[k] = v
		}
		text := c.edit(&p)
		pop, err := neuron.FromEquations(3, text, p)
		if err == nil && pop != nil {
			err = pop.Init(&sim.Env{Dt: 0.1, Key: 1})
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want it to contain %q", err, c.want)
		}
	}
}

// coupled has per-neuron coefficients in a coupled linear system: exact
// refuses it at Init.
const coupled = lifText + "\ndw/dt = (V - w)/tau : 1"

// TestEquationsJumpsAndRefractoryCondition: jumps onto v are added after
// integration and dropped while refractory; a refractory condition keeps
// the neuron refractory while it holds.
func TestEquationsJumpsAndRefractoryCondition(t *testing.T) {
	p := eqLIF(t, 1, -60.0)
	initOnly(t, p)
	j := p.Jumps()
	j[0] = 3
	p.Update(0, 0, 0, 1, nil)
	if v := p.Var("V")[0]; v != -57 {
		t.Errorf("V after a jump of 3 from rest: %v, want -57", v)
	}
	p.Var("V")[0] = -49
	p.Var("input")[0] = 0
	if s := p.Update(1, 0.1, 0, 1, nil); len(s) != 1 {
		t.Fatalf("no spike from V = -49")
	}
	j[0] = 30
	p.Update(2, 0.2, 0, 1, nil)
	if v := p.Var("V")[0]; v != -60 {
		t.Errorf("refractory V after a jump: %v, want -60 (frozen, jump dropped)", v)
	}
	c, err := neuron.FromEquations(1, "dv/dt = (20 - v)/10 : 1 (unless refractory)", neuron.EquationParams{
		Threshold: "v > 10", Reset: "v = 0", Refractory: "v < 5", Units: equations.UnitsNone})
	if err != nil {
		t.Fatal(err)
	}
	initOnly(t, c)
	c.Var("v")[0] = 11
	if s := c.Update(0, 0, 0, 1, nil); len(s) != 1 {
		t.Fatal("no spike from v = 11 before any spike")
	}
	for k := int64(1); k < 5; k++ {
		c.Update(k, 0, 0, 1, nil)
		if v := c.Var("v")[0]; v != 0 {
			t.Fatalf("step %d: v = %v, want frozen at 0 while v < 5", k, v)
		}
	}
}

// TestEquationStateValuesChecked: values given for state variables are
// checked like the parameters' (they were once read without checking).
func TestEquationStateValuesChecked(t *testing.T) {
	text := "dv/dt = -v/tau : volt\ntau : second"
	for _, c := range []struct {
		v    any
		want string
	}{
		{math.NaN(), `Values["v"]: is NaN: must be finite`},
		{"abc", `Values["v"]: is a string`},
		{[]float64{1, 2}, `Values["v"]: has 2 values: must have one per neuron, 3`},
	} {
		_, err := neuron.FromEquations(3, text, neuron.EquationParams{Values: map[string]any{"tau": 10, "v": c.v}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("v = %v: error %v, want %q", c.v, err, c.want)
		}
	}
}
