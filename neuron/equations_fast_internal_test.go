package neuron

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// TestEqFastSameBits: for every model the fused path (kernel.CommitStep)
// covers — a threshold on a state variable against a constant, a shared
// parameter or t, >= or >, refractory or not, frozen or not, resets that
// are one value for all or per neuron, a second state variable — it is
// chosen, and it gives the general path's state, spikes and last-spike
// steps bit for bit at every step, on 1003 neurons (a chunk tail of 235)
// split in two blocks.
func TestEqFastSameBits(t *testing.T) {
	lif := "dv/dt = (v_rest - v + input)/tau : 1 (unless refractory)\nv_rest : 1 (constant, shared)\ntau : 1\n"
	cases := []struct {
		name, text string
		p          EquationParams
	}{
		{"const", lif, EquationParams{Threshold: "v >= -50", Reset: "v = v_rest", Refractory: "3"}},
		{"gt shared", lif + "th : 1 (shared)\n", EquationParams{Threshold: "v > th", Reset: "v = v_rest", Refractory: "2"}},
		{"time", lif, EquationParams{Threshold: "v > -50 - t/100", Reset: "v = -60 + t/1000"}},
		{"no reset", lif, EquationParams{Threshold: "v >= -50", Refractory: "1"}},
		{"vector reset", lif, EquationParams{Threshold: "v >= -50", Reset: "v -= 8 + rand()", Refractory: "3"}},
		{"not frozen", "dv/dt = (v_rest - v + input)/tau : 1\nv_rest : 1 (constant, shared)\ntau : 1\n",
			EquationParams{Threshold: "v >= -50", Reset: "v = -58", Refractory: "3"}},
		{"two", "dv/dt = (v_rest - v + input - w)/tau : 1 (unless refractory)\ndw/dt = (0.2*(v - v_rest) - w)/50 : 1 (unless refractory)\nv_rest : 1 (constant, shared)\ntau : 1\n",
			EquationParams{Threshold: "v >= -50", Reset: "v = v_rest; w += 1", Refractory: "2", Method: "euler"}},
		{"two scalar", "dv/dt = (v_rest - v + input - w)/tau : 1 (unless refractory)\ndw/dt = (0.2*(v - v_rest) - w)/50 : 1\nv_rest : 1 (constant, shared)\ntau : 1\n",
			EquationParams{Threshold: "v >= -50", Reset: "w = 2; v = v_rest", Refractory: "2", Method: "rk2"}},
	}
	for _, c := range cases {
		c.p.Units = equations.UnitsNone
		c.p.Values = map[string]any{"v_rest": -60, "tau": initial.Uniform(10, 30), "v": initial.Uniform(-60, -50)}
		if c.name == "gt shared" {
			c.p.Values["th"] = -51
		}
		var pops [2]*EqPopulation
		for i := range pops {
			p, err := FromEquations(1003, c.text, c.p)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if err := p.Init(&sim.Env{Dt: 0.1, Key: 7, Bounds: []int{0, 600, 1003}}); err != nil {
				t.Fatal(err)
			}
			pops[i] = p
		}
		if pops[0].run.fast == nil {
			t.Fatalf("%s: the fused path is not chosen", c.name)
		}
		pops[1].run.fast = nil
		total := 0
		for k := int64(0); k < 400; k++ {
			var sp [2][]int32
			for i, p := range pops {
				for j := range p.run.input {
					p.run.input[j] = 5 + 10*float64(j%7) // some neurons never spike
				}
				sp[i] = p.Update(k, float64(k)*0.1, 0, 600, nil)
				sp[i] = p.Update(k, float64(k)*0.1, 600, 1003, sp[i])
			}
			total += len(sp[0])
			if len(sp[0]) != len(sp[1]) {
				t.Fatalf("%s step %d: %d spikes fused, %d general", c.name, k, len(sp[0]), len(sp[1]))
			}
			for q := range sp[0] {
				if sp[0][q] != sp[1][q] {
					t.Fatalf("%s step %d: spike %d at neuron %d fused, %d general", c.name, k, q, sp[0][q], sp[1][q])
				}
			}
			for a := range pops[0].run.arrays {
				x, y := pops[0].run.arrays[a], pops[1].run.arrays[a]
				for j := range x {
					if math.Float64bits(x[j]) != math.Float64bits(y[j]) {
						t.Fatalf("%s step %d: %s[%d] = %v fused, %v general", c.name, k, pops[0].layout.vars[a].Name, j, x[j], y[j])
					}
				}
			}
			for j, l := range pops[0].run.last {
				if l != pops[1].run.last[j] || pops[0].run.spike[j] != pops[1].run.spike[j] {
					t.Fatalf("%s step %d: neuron %d last spike or flag differ", c.name, k, j)
				}
			}
		}
		if total < 1000 {
			t.Errorf("%s: only %d spikes in 400 steps; the test needs spiking and refractory neurons", c.name, total)
		}
	}
}

// TestEqFastNotChosen: models outside the fused path's shape keep the
// general path.
func TestEqFastNotChosen(t *testing.T) {
	lif := "dv/dt = (v_rest - v + input)/tau : 1 (unless refractory)\nv_rest : 1 (constant, shared)\ntau : 1\nth : 1\n"
	for _, p := range []EquationParams{
		{Threshold: "v < -50", Reset: "v = -60"},                            // not >=, >
		{Threshold: "v > th", Reset: "v = -60"},                             // per-neuron threshold
		{Threshold: "v + 1 > -50", Reset: "v = -60"},                        // not a state variable
		{Threshold: "v > -50", Reset: "v = -60", Refractory: "tau/4"},       // per-neuron period
		{Threshold: "v > -50", Reset: "v = -60", Refractory: "v > -55"},     // a condition
		{Threshold: "v > -50 and v < 0", Reset: "v = -60", Refractory: "2"}, // not a comparison
	} {
		p.Units = equations.UnitsNone
		p.Values = map[string]any{"v_rest": -60, "tau": initial.Uniform(10, 30), "th": -50}
		q, err := FromEquations(10, lif, p)
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Init(&sim.Env{Dt: 0.1, Key: 7}); err != nil {
			t.Fatal(err)
		}
		if q.run.fast != nil {
			t.Errorf("threshold %q refractory %q: fused path chosen", p.Threshold, p.Refractory)
		}
	}
}

// TestEqFastNoAllocs: the fused path allocates nothing per Update.
func TestEqFastNoAllocs(t *testing.T) {
	p, err := FromEquations(700, "dv/dt = (v_rest - v + input)/tau : 1 (unless refractory)\nv_rest : 1 (constant, shared)\ntau : 1\nth : 1 (shared)\n",
		EquationParams{Threshold: "v > th", Reset: "v = v_rest", Refractory: "2", Units: equations.UnitsNone,
			Values: map[string]any{"v_rest": -60, "tau": initial.Uniform(10, 30), "th": -50, "v": initial.Uniform(-60, -50)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Init(&sim.Env{Dt: 0.1, Key: 1}); err != nil {
		t.Fatal(err)
	}
	if p.run.fast == nil {
		t.Fatal("the fused path is not chosen")
	}
	for j := range p.run.input {
		p.run.input[j] = 15
	}
	spikes := make([]int32, 0, 700)
	k, total := int64(0), 0
	if a := testing.AllocsPerRun(50, func() { k++; spikes = p.Update(k, float64(k)*0.1, 0, 700, spikes[:0]); total += len(spikes) }); a != 0 {
		t.Errorf("%v allocations per Update, want 0", a)
	}
	if total == 0 {
		t.Error("no spikes: the reset path was not exercised")
	}
}
