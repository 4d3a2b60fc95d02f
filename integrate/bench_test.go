package integrate

import (
	"testing"

	"github.com/brainsim/brainsim/integrate/dual"
)

// The benchmarks step a population of 4000 leaky integrators,
// τ·V' = −(V − V_rest) + R·I_i, and report ns per element per step.
const benchN = 4000

var benchI = func() []float64 {
	I := make([]float64, benchN)
	for i := range I {
		I[i] = float64(i%20) - 5
	}
	return I
}()

func benchLIF(_ float64, V, dV []float64) {
	I := benchI[:len(V)]
	for i, v := range V {
		dV[i] = (-(v + 65) + I[i]) / 10
	}
}

func benchLIFDiag(_ float64, _, d []float64) {
	for i := range d {
		d[i] = -0.1
	}
}

func benchLIFDual(_ float64, V, dV []dual.Num) {
	I := benchI[:len(V)]
	for i, v := range V {
		dV[i] = v.AddC(65).Neg().AddC(I[i]).DivC(10)
	}
}

func benchState() []float64 {
	V := make([]float64, benchN)
	for i := range V {
		V[i] = -65 + float64(i%7)
	}
	return V
}

func runBench(b *testing.B, o *ODE) {
	V := benchState()
	for b.Loop() {
		if err := o.Step(0, 0.1, V); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchN, "ns/elem")
}

func BenchmarkStepEuler(b *testing.B) {
	o, _ := NewODE("euler", benchN, benchLIF)
	runBench(b, o)
}

func BenchmarkStepRK4(b *testing.B) {
	o, _ := NewODE("rk4", benchN, benchLIF)
	runBench(b, o)
}

func BenchmarkStepRKDP(b *testing.B) {
	o, _ := NewODE("rkdp", benchN, benchLIF)
	runBench(b, o)
}

func BenchmarkStepExpEuler(b *testing.B) {
	o, _ := NewODE("exp_euler", benchN, benchLIF, WithDiagJacobian(benchLIFDiag))
	runBench(b, o)
}

func BenchmarkStepExpEulerDual(b *testing.B) {
	o, _ := NewODEDual("exp_auto", 1, benchN, benchLIFDual)
	runBench(b, o)
}

func BenchmarkSDEStepEuler(b *testing.B) {
	g := func(_ float64, _, d []float64) {
		for i := range d {
			d[i] = 1
		}
	}
	s, _ := NewSDE("euler", benchN, benchLIF, g)
	V := benchState()
	var k uint64
	for b.Loop() {
		s.Step(0, 0.1, V, k)
		k++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchN, "ns/elem")
}
