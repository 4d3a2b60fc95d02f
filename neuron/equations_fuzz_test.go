package neuron_test

import (
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// FuzzFromEquations: no model text, threshold, reset or refractory period
// makes FromEquations, Init or Update panic.
func FuzzFromEquations(f *testing.F) {
	f.Add(lifText, "V >= V_th", "V = V_reset", "5")
	f.Add(noisyText, "v > th", "v = v_rest; th += 2", "v < 3")
	f.Add("dv/dt = -v/tau + xi*v : 1\ntau : 1", "v > 1", "v = 0", "tau")
	f.Add("dx/dt = y : 1\ndy/dt = -x : 1", "x > 0.5", "x *= 0.5; y /= 2", "")
	f.Fuzz(func(t *testing.T, text, thr, reset, ref string) {
		vals := map[string]any{}
		p, err := neuron.FromEquations(3, text, neuron.EquationParams{Threshold: thr, Reset: reset, Refractory: ref, Units: equations.UnitsNone})
		if err != nil {
			// retry with every parameter set to 1
			m, perr := equations.Parse(text+"\ninput : 1", equations.Options{Units: equations.UnitsNone})
			if perr != nil {
				return
			}
			for _, v := range m.Params {
				if v.Name != "input" {
					vals[v.Name] = 1.0
				}
			}
			if p, err = neuron.FromEquations(3, text, neuron.EquationParams{Threshold: thr, Reset: reset, Refractory: ref, Units: equations.UnitsNone, Values: vals}); err != nil {
				return
			}
		}
		if err := p.Init(&sim.Env{Dt: 0.1, Key: 1}); err != nil {
			return
		}
		for k := int64(0); k < 3; k++ {
			p.Update(k, float64(k)*0.1, 0, 3, nil)
		}
	})
}
