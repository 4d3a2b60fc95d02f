package neuron

import (
	"fmt"
	"math"
	"strconv"
)

// linearMethods maps integrator names (BrainPy's) to the order p of their
// stability polynomial. For a linear ODE x' = λ(x − x∞) with constant
// coefficients every explicit Runge–Kutta method with s = p ≤ 4 stages steps
// x_{n+1} − x∞ = R(hλ)(x_n − x∞) with R(z) = Σ_{k≤p} z^k/k! (Butcher 2016,
// §23), so one factor per run reproduces the method exactly. Order 0 marks the
// exponential Euler method, exact for such equations: R(z) = e^z.
func linearOrder(method string) (int, bool) {
	switch method {
	case "", "exp_auto", "exp_euler", "exp_euler_auto", "exponential_euler":
		return 0, true
	case "euler":
		return 1, true
	case "midpoint", "heun2", "ralston2", "rk2":
		return 2, true
	case "rk3", "heun3", "ralston3", "ssprk3":
		return 3, true
	case "rk4", "ralston4", "rk4_38rule":
		return 4, true
	}
	return 0, false
}

// LinearMethods lists the method names accepted by the linear models (LIF,
// leaky integrator).
const LinearMethods = "exp_auto (default), exp_euler, exp_euler_auto, exponential_euler, euler, midpoint, heun2, ralston2, rk2, rk3, heun3, ralston3, ssprk3, rk4, ralston4, rk4_38rule"

// stepFactor returns R(z) for method at z = −dt/τ.
func stepFactor(model, method string, z float64) (float64, error) {
	p, ok := linearOrder(method)
	if !ok {
		return 0, fmt.Errorf("neuron: %s Method = %q: must be one of %s", model, method, LinearMethods)
	}
	if p == 0 {
		return math.Exp(z), nil
	}
	r, term := 1.0, 1.0
	for k := 1; k <= p; k++ {
		term *= z / float64(k)
		r += term
	}
	if math.Abs(r) >= 1 {
		return 0, fmt.Errorf("neuron: %s Method = %q is unstable for dt/tau = %g (|R| = %.3g >= 1): use exp_auto or a smaller dt", model, method, -z, math.Abs(r))
	}
	return r, nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// paramError formats a parameter validation error.
func paramError(model, field string, v any, allowed string) error {
	return fmt.Errorf("neuron: %s %s = %v: %s", model, field, v, allowed)
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
