package integrate_test

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/integrate"
	"github.com/brainsim/brainsim/integrate/dual"
)

// Integrate y' = −y from y(0) = 1 to t = 1 with rk4 and dt = 0.01; the exact
// value is e^{−1}.
func Example() {
	decay := func(_ float64, y, dydt []float64) { dydt[0] = -y[0] }
	ode, err := integrate.NewODE("rk4", 1, decay)
	if err != nil {
		panic(err)
	}
	y := []float64{1}
	const dt = 0.01
	for k := 0; k < 100; k++ {
		if err := ode.Step(float64(k)*dt, dt, y); err != nil {
			panic(err)
		}
	}
	fmt.Printf("rk4 %.6f, exact %.6f\n", y[0], math.Exp(-1))
	// Output: rk4 0.367879, exact 0.367879
}

// A leaky integrator τ·V' = −(V − V_rest) + R·I for three neurons, written
// over dual numbers. exp_auto takes ∂f/∂V = −1/τ from the dual numbers and
// is exact for this linear equation, even with a step as large as τ:
// V(τ) = V∞ + (V₀ − V∞)e^{−1} with V∞ = V_rest + R·I.
func ExampleNewODEDual() {
	const tau, vRest, R = 10.0, -65.0, 1.0
	current := []float64{0, 10, 20}
	lif := func(_ float64, V, dV []dual.Num) {
		for i, v := range V {
			dV[i] = v.SubC(vRest).Neg().AddC(R * current[i]).DivC(tau)
		}
	}
	ode, err := integrate.NewODEDual("exp_auto", 1, len(current), lif)
	if err != nil {
		panic(err)
	}
	V := []float64{-65, -65, -65}
	if err := ode.Step(0, tau, V); err != nil {
		panic(err)
	}
	for i, v := range V {
		vInf := vRest + R*current[i]
		fmt.Printf("%.9f %.9f\n", v, vInf+(-65-vInf)*math.Exp(-1))
	}
	// Output:
	// -65.000000000 -65.000000000
	// -58.678794412 -58.678794412
	// -52.357588823 -52.357588823
}

// Adaptive Dormand–Prince over y' = −200(t − 5)y², whose solution
// 1/(1 + 100(t − 5)²) has a sharp peak at t = 5.
func ExampleODE_Integrate() {
	bump := func(t float64, y, dydt []float64) { dydt[0] = -200 * (t - 5) * y[0] * y[0] }
	ode, err := integrate.NewODE("rkdp", 1, bump, integrate.WithTolerance(1e-10, 1e-14))
	if err != nil {
		panic(err)
	}
	y := []float64{1.0 / 2501}
	st, err := ode.Integrate(0, 5, y)
	if err != nil {
		panic(err)
	}
	fmt.Printf("y(5) = %.6f, exact 1; steps adapted: %v\n", y[0], st.MaxStep > 10*st.MinStep)
	// Output: y(5) = 1.000000, exact 1; steps adapted: true
}

// An Ornstein–Uhlenbeck process dX = (1 − X)dt + 0.5dW over 100000
// independent components with exp_euler: the sample mean at t = 1 estimates
// 1 − e^{−1} ≈ 0.632 (standard error about 0.001).
func ExampleNewSDE() {
	const n = 100000
	drift := func(_ float64, x, dx []float64) {
		for i, v := range x {
			dx[i] = 1 - v
		}
	}
	diffusion := func(_ float64, _, g []float64) {
		for i := range g {
			g[i] = 0.5
		}
	}
	slope := func(_ float64, _, d []float64) {
		for i := range d {
			d[i] = -1
		}
	}
	sde, err := integrate.NewSDE("exp_euler", n, drift, diffusion,
		integrate.WithDiagJacobian(slope), integrate.WithSeed(2024))
	if err != nil {
		panic(err)
	}
	x := make([]float64, n)
	const dt = 0.1
	for k := uint64(0); k < 10; k++ {
		if err := sde.Step(float64(k)*dt, dt, x, k); err != nil {
			panic(err)
		}
	}
	var mean float64
	for _, v := range x {
		mean += v / n
	}
	fmt.Printf("mean %.2f, theory %.2f\n", mean, 1-math.Exp(-1))
	// Output: mean 0.63, theory 0.63
}

// Unknown method names are reported with the list of valid ones.
func ExampleNewODE_unknownMethod() {
	_, err := integrate.NewODE("rk45", 1, func(_ float64, y, dy []float64) {})
	fmt.Println(err)
	// Output: integrate: ODE method = "rk45": unknown; valid methods: euler, midpoint, heun2, ralston2, rk2, rk3, heun3, ralston3, ssprk3, rk4, ralston4, rk4_38rule, rkf45, rkdp, exp_euler, exp_auto, exp_euler_auto, exponential_euler
}
