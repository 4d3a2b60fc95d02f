package integrate

import "math"

// phi1 returns φ₁(z) = (e^z − 1)/z with φ₁(0) = 1. math.Expm1 keeps full
// relative accuracy as z → 0, so no series switch is needed (BrainPy uses
// 1 + z/2 + z²/6 below |z| = 1e-8 in float64, which agrees to rounding).
func phi1(z float64) float64 {
	if z == 0 {
		return 1
	}
	return math.Expm1(z) / z
}

// expStep is the exponential (Rosenbrock–)Euler step of BrainPy's exp_auto
// (Hochbruck & Ostermann 2010, §2.4):
//
//	y_{n+1} = y_n + dt·φ₁(dt·L)·f(t_n, y_n),  L_i = ∂f_i/∂y_i (t_n, y_n),
//
// exact for y' = a − b·y with constant a, b, first order in general.
func (o *ODE) expStep(t, dt float64, y []float64) {
	o.fd(t, y, o.k[0], o.diag)
	o.evals++
	expUpdate(y, dt, o.k[0], o.diag)
}

func expUpdate(y []float64, dt float64, f, diag []float64) {
	f, diag = f[:len(y)], diag[:len(y)]
	for i := range y {
		y[i] += dt * phi1(dt*diag[i]) * f[i]
	}
}
