package neuron_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
)

// refRK4 integrates x' = f(x) with classic RK4 and step h for T ms; written
// independently of the package.
func refRK4(f func([]float64) []float64, x0 []float64, T, h float64) []float64 {
	x := append([]float64(nil), x0...)
	n := int(math.Round(T / h))
	tmp := make([]float64, len(x))
	stage := func(c float64, k []float64) []float64 {
		for i := range x {
			tmp[i] = x[i] + c*k[i]
		}
		return f(tmp)
	}
	for s := 0; s < n; s++ {
		k1 := f(x)
		k2 := stage(h/2, k1)
		k3 := stage(h/2, k2)
		k4 := stage(h, k3)
		for i := range x {
			x[i] += h / 6 * (k1[i] + 2*k2[i] + 2*k3[i] + k4[i])
		}
	}
	return x
}

// observedOrders returns log2(e(dt)/e(dt/2)) for successive errors.
func observedOrders(errs []float64) []float64 {
	var o []float64
	for q := 1; q < len(errs); q++ {
		o = append(o, math.Log2(errs[q-1]/errs[q]))
	}
	return o
}

var orderCases = []struct {
	method string
	order  float64
}{
	{"exp_auto", 0}, {"euler", 1}, {"midpoint", 2}, {"heun2", 2}, {"ralston2", 2}, {"rk2", 2},
	{"rk3", 3}, {"heun3", 3}, {"ralston3", 3}, {"ssprk3", 3}, {"rk4", 4}, {"rk4_38rule", 4}, {"ralston4", 4},
}

// TestConvergenceOrder checks the order of every method on subthreshold
// trajectories of a nonlinear one-variable model (ExpIF) and a coupled
// two-variable one (AdExIF), against an independent RK4 reference with a
// 1000x finer step: halving dt divides the error at t = 40 ms by ≈ 2^p
// (|observed − p| ≤ 0.25). exp_auto with the exact derivative is the
// exponential Rosenbrock–Euler method, second order for a scalar equation
// (Hochbruck, Ostermann & Schweitzer 2009, SIAM J. Numer. Anal. 47:786); with
// only the diagonal of a coupled system's Jacobian it is first order.
func TestConvergenceOrder(t *testing.T) {
	const T, I = 40.0, 1.0
	e := neuron.DefaultExpIF()
	a := neuron.DefaultAdExIF()
	refE := refRK4(func(x []float64) []float64 {
		return []float64{(-(x[0] - e.VRest) + e.DeltaT*math.Exp((x[0]-e.VT)/e.DeltaT) + e.R*I) / e.Tau}
	}, []float64{-75}, T, 1e-4)
	refA := refRK4(func(x []float64) []float64 {
		return []float64{
			(-(x[0] - a.VRest) + a.DeltaT*math.Exp((x[0]-a.VT)/a.DeltaT) - a.R*x[1] + a.R*I) / a.Tau,
			(a.A*(x[0]-a.VRest) - x[1]) / a.TauW,
		}
	}, []float64{-75, 3}, T, 1e-4)
	for _, c := range orderCases {
		var errE, errA []float64
		for _, dt := range []float64{0.8, 0.4, 0.2} {
			e.V0, e.Method = initial.Constant(-75), c.method
			res := run(t, must(neuron.NewExpIF(1, e)), I, T, dt, "V")
			errE = append(errE, math.Abs(res.Traces["P.V"].Data[len(res.Traces["P.V"].Data)-1]-refE[0]))
			a.V0, a.W0, a.Method = initial.Constant(-75), initial.Constant(3), c.method
			res = run(t, must(neuron.NewAdExIF(1, a)), I, T, dt, "V", "w")
			n := len(res.Traces["P.V"].Data) - 1
			errA = append(errA, math.Hypot(res.Traces["P.V"].Data[n]-refA[0], res.Traces["P.w"].Data[n]-refA[1]))
		}
		for name, errs := range map[string][]float64{"ExpIF": errE, "AdExIF": errA} {
			want := c.order
			if want == 0 { // exp_auto
				want = map[string]float64{"ExpIF": 2, "AdExIF": 1}[name]
			}
			for _, o := range observedOrders(errs) {
				if math.Abs(o-want) > 0.25 {
					t.Errorf("%s %s: observed order %.3f, want %v (errors %.3g)", name, c.method, o, want, errs)
				}
			}
		}
	}
}
