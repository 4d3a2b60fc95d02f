package neuron_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
)

const adexText = `
dV/dt = (-(V - V_rest) + delta_T*exp((V - V_T)/delta_T) - R*w + R*input)/tau : 1 (unless refractory)
dw/dt = (a*(V - V_rest) - w)/tau_w : 1
V_rest : 1 (constant)
V_T : 1 (constant)
delta_T : 1 (constant)
R : 1 (constant)
tau : 1 (constant)
tau_w : 1 (constant)
a : 1 (constant)
b : 1 (constant)
V_th : 1 (constant)
V_reset : 1 (constant)
`

// TestEquationsAdExMatchesAdExIF: the AdEx written as equations gives the
// V and w traces of neuron.AdExIF to 1e-9 over 500 ms with euler and rk4
// (both integrate V and w jointly with the input held for the step).
func TestEquationsAdExMatchesAdExIF(t *testing.T) {
	const dt, dur, I = 0.02, 500.0, 12.0
	for _, method := range []string{"euler", "rk4"} {
		p := neuron.DefaultAdExIF()
		p.Method, p.TauRef, p.V0, p.W0 = method, 2, initial.Constant(-65), initial.Constant(0)
		ref, err := neuron.NewAdExIF(1, p)
		if err != nil {
			t.Fatal(err)
		}
		eq, err := neuron.FromEquations(1, adexText, neuron.EquationParams{
			Threshold: "V >= V_th", Reset: "V = V_reset; w += b", Refractory: "2",
			Method: method, Units: equations.UnitsNone,
			Values: map[string]any{"V_rest": p.VRest, "V_T": p.VT, "delta_T": p.DeltaT, "R": p.R,
				"tau": p.Tau, "tau_w": p.TauW, "a": p.A, "b": p.B, "V_th": p.VTh, "V_reset": p.VReset, "V": -65.0}})
		if err != nil {
			t.Fatal(err)
		}
		want := run(t, ref, I, dur, dt, "V", "w")
		got := run(t, eq, I, dur, dt, "V", "w")
		if n := len(want.Spikes["P.spike"].T); n < 10 {
			t.Fatalf("%s: only %d spikes; the test needs a spiking trajectory", method, n)
		}
		if a, b := len(got.Spikes["P.spike"].T), len(want.Spikes["P.spike"].T); a != b {
			t.Fatalf("%s: %d spikes, AdExIF %d", method, a, b)
		}
		for _, v := range []string{"P.V", "P.w"} {
			g, w := got.Traces[v], want.Traces[v]
			worst := 0.0
			for k := range w.T {
				worst = math.Max(worst, math.Abs(g.At(k, 0)-w.At(k, 0)))
			}
			if worst > 1e-9 {
				t.Errorf("%s %s: max difference %g > 1e-9", method, v, worst)
			}
			t.Logf("%s %s: max difference %g", method, v, worst)
		}
	}
}
