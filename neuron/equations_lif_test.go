package neuron_test

import (
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
)

// lifText is neuron.LIF written as equations (brainsim's units).
const lifText = `
dV/dt = (V_rest - V + R*input)/tau : 1 (unless refractory)
V_rest : 1 (constant)
R : 1 (constant)
tau : 1 (constant)
V_th : 1 (constant)
V_reset : 1 (constant)
`

func eqLIF(t testing.TB, n int, v0 any) *neuron.EqPopulation {
	t.Helper()
	p, err := neuron.FromEquations(n, lifText, neuron.EquationParams{
		Threshold: "V >= V_th", Reset: "V = V_reset", Refractory: "5", Units: equations.UnitsNone,
		Values: map[string]any{"V_rest": -60, "R": 1, "tau": 20, "V_th": -50, "V_reset": -60, "V": v0}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEquationsLIFOracle: the LIF as equations spikes at exactly the steps
// of neuron.LIF on the single-neuron oracle, with exact chosen by auto.
func TestEquationsLIFOracle(t *testing.T) {
	for _, c := range []struct {
		v0   float64
		want []int64
	}{{-60, []int64{138, 327, 516}}, {0, []int64{0, 189, 378}}} {
		p := eqLIF(t, 1, c.v0)
		if p.Method() != "exact" {
			t.Fatalf("auto chose %q, want exact", p.Method())
		}
		got, _ := runOne(t, p, 20, 55, 0.1)
		if len(got) != len(c.want) {
			t.Fatalf("V0=%v: spikes at steps %v, want %v", c.v0, got, c.want)
		}
		for q := range got {
			if got[q] != c.want[q] {
				t.Errorf("V0=%v: spike %d at step %d, want %d", c.v0, q, got[q], c.want[q])
			}
		}
	}
}

// TestEquationsLIFSweep: over an f–I sweep the spike steps equal those of
// neuron.LIF, and V agrees to 1e-12 mV at every step.
func TestEquationsLIFSweep(t *testing.T) {
	for _, I := range []float64{9.9, 10.5, 11, 12, 15, 20, 30, 50, 100} {
		lp := seedLIF()
		lp.V0 = initial.Constant(-60)
		lif, _ := neuron.NewLIF(1, lp)
		want, wtr := runOne(t, lif, I, 1000, 0.1)
		got, gtr := runOne(t, eqLIF(t, 1, -60.0), I, 1000, 0.1)
		if len(got) != len(want) {
			t.Fatalf("I=%v: %d spikes, LIF %d", I, len(got), len(want))
		}
		for q := range got {
			if got[q] != want[q] {
				t.Fatalf("I=%v: spike %d at step %d, LIF at %d", I, q, got[q], want[q])
			}
		}
		for k := 0; k < len(wtr.T); k++ {
			if d := gtr.At(k, 0) - wtr.At(k, 0); d > 1e-12 || d < -1e-12 {
				t.Fatalf("I=%v step %d: V %v, LIF %v", I, k, gtr.At(k, 0), wtr.At(k, 0))
			}
		}
	}
}
