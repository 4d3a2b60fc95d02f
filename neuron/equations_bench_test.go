package neuron_test

import (
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
)

// BenchmarkUpdateEqLIF is BenchmarkUpdateLIF's population written as
// equations (exact, chosen by auto), with the refractory period of the
// COBA benchmark: compare the two to see the cost of compiled equations.
func BenchmarkUpdateEqLIF(b *testing.B) {
	p, err := neuron.FromEquations(benchN, lifText, neuron.EquationParams{
		Threshold: "V >= V_th", Reset: "V = V_reset", Refractory: "5", Units: equations.UnitsNone,
		Values: map[string]any{"V_rest": 0, "R": 1, "tau": 10, "V_th": 20, "V_reset": -5, "V": initial.Uniform(-5, 20)}})
	if err != nil {
		b.Fatal(err)
	}
	benchUpdate(b, p, 25)
}

// BenchmarkUpdateEqNoisy is a model the fused paths do not cover: two
// variables, white noise, a threshold on a variable and a random reset.
func BenchmarkUpdateEqNoisy(b *testing.B) {
	benchUpdate(b, noisyPop(b, benchN), 12)
}

// BenchmarkUpdateEqAdEx is the AdEx as equations (rk4).
func BenchmarkUpdateEqAdEx(b *testing.B) {
	p, err := neuron.FromEquations(benchN, adexText, neuron.EquationParams{
		Threshold: "V >= V_th", Reset: "V = V_reset; w += b", Refractory: "2", Method: "rk4", Units: equations.UnitsNone,
		Values: map[string]any{"V_rest": -70, "V_T": -50, "delta_T": 2, "R": 0.5, "tau": 20, "tau_w": 100, "a": 0.5, "b": 7,
			"V_th": 0, "V_reset": -55, "V": initial.Uniform(-70, -50)}})
	if err != nil {
		b.Fatal(err)
	}
	benchUpdate(b, p, 20)
}
