// Package integrate provides the numerical integrators for user-defined
// models: explicit Runge–Kutta methods, embedded pairs with adaptive steps,
// the exponential Euler method of BrainPy's exp_auto, and Itô SDE schemes,
// all chosen by their BrainPy names (see docs/semantics.md, “Numerical
// integration”).
//
// # Writing a model
//
// The right-hand side is a Func, f(t, y, dydt), over flat slices. A model
// with K state variables over N neurons stores them as K consecutive blocks
// of length N: variable k of neuron i is y[k·N+i]. NewODE(method, n, f)
// builds an integrator whose Step(t, dt, y) advances y in place; all buffers
// are allocated by the constructor, so Step does not allocate. Step checks
// len(y), dt and t (a few comparisons) and returns an error rather than
// panicking on bad input.
//
// # ODE methods
//
//	name        order  stages  tableau source
//	euler         1      1     Butcher (2016), §20
//	midpoint      2      2     Butcher (2016), §23 (b = (0, 1))
//	heun2         2      2     Butcher (2016), §23 (c₂ = 1)
//	ralston2      2      2     Ralston (1962) (c₂ = 2/3)
//	rk2           2      2     generic 2nd order with BrainPy's β = 2/3 (= ralston2)
//	rk3           3      3     Kutta's third order, Butcher (2016), §23
//	heun3         3      3     Heun (1900), Butcher (2016), §23
//	ralston3      3      3     Ralston (1962)
//	ssprk3        3      3     Shu & Osher (1988)
//	rk4           4      4     classical Runge–Kutta, Butcher (2016), §23
//	ralston4      4      4     Ralston (1962), exact coefficients in √5
//	rk4_38rule    4      4     Kutta's 3/8 rule, Butcher (2016), §23
//	rkf45         5(4)   6     Fehlberg (1969)
//	rkdp          5(4)   7     Dormand & Prince (1980); 6 stages in a fixed step
//	exp_euler     1      1     exponential Rosenbrock–Euler, Hochbruck & Ostermann (2010)
//
// exp_auto, exp_euler_auto and exponential_euler are aliases of exp_euler.
// One explicit Runge–Kutta engine serves every tableau; each tableau is
// checked against all Butcher order conditions up to its order, and the
// observed convergence orders are tested.
//
// # Embedded pairs and adaptive steps
//
// rkf45 and rkdp advance with their fifth-order weights, both in a fixed
// Step (as BrainPy's adaptive=False) and adaptively. StepAdaptive(t, dt, y)
// attempts one step and returns the next step size and whether the step was
// accepted, using the scaled RMS error norm with WithTolerance(rtol, atol)
// and the controller dt·clamp(0.9·err^−1/5, 0.2, 5) of Hairer, Nørsett &
// Wanner (1993), §II.4. Integrate(t0, t1, y) loops StepAdaptive to land on
// t1 and reports Stats. (BrainPy's own adaptive mode sums absolute errors
// against one tolerance and never rejects a step; the standard controller
// is used here instead.) Dormand–Prince's FSAL property is not exploited:
// an adaptive rkdp step costs 7 evaluations.
//
// # Exponential Euler (exp_auto)
//
// One step is y_{n+1} = y_n + dt·φ₁(dt·L)·f(t_n, y_n), φ₁(z) = (e^z − 1)/z,
// where L_i = ∂f_i/∂y_i at (t_n, y_n) is the diagonal of the Jacobian (see
// docs/semantics.md, “Numerical integration”). It is exact for y' = a − b·y
// with constant a and b (LIF with constant input, exponential synapses) for
// any dt. Otherwise it is first order; for an autonomous equation in one
// variable, whose Jacobian it then uses exactly, it is second order (both are
// tested).
//
// L comes from WithDiagJacobian, or automatically from NewODEDual, where the
// right-hand side is written over dual numbers (package dual) with the
// layout above, vars blocks of size neurons. The derivative is computed by
// forward mode with vars evaluations per step, each seeding one variable's
// block with derivative 1. This is exact under one documented assumption:
// f is element-wise across neurons (f for neuron i reads only neuron i's
// variables). As in BrainPy's JointEq, each variable uses only its own
// derivative, the others held at their old values. A small fully coupled
// system (no neuron axis) uses size = 1, vars = n.
//
// # SDEs
//
// NewSDE(method, n, f, g) integrates the Itô system dy = f dt + g dW with
// diagonal noise (an independent Wiener process per component), using
// (Kloeden & Platen 1992) euler (Euler–Maruyama, strong order 0.5),
// milstein (strong order 1; ∂g_i/∂y_i from WithNoiseDerivative or
// NewSDEDual) or exp_euler (the drift step above plus g·dW). Step(t, dt, y,
// k) draws the increments from a Noise for step index k; the default
// CounterNoise makes the draws a pure function of (seed, k, component), so
// results are reproducible whatever the evaluation order. StepIncrement
// takes the increments directly (e.g. to follow one Brownian path at
// several step sizes).
//
// # Differences from BrainPy
//
//   - rkf45 uses c₆ = 1/2 (Fehlberg's value); BrainPy's table has 1/3.
//   - ralston4 uses the exact coefficients; BrainPy's are rounded to 8
//     decimals (differences up to 1.2e-8).
//   - φ₁ uses math.Expm1, accurate for every z, instead of a series switch.
//
// # References
//
//   - J. C. Butcher (2016), Numerical Methods for Ordinary Differential
//     Equations, 3rd ed., Wiley.
//   - A. Ralston (1962), Runge–Kutta methods with minimum error bounds,
//     Math. Comp. 16:431–437.
//   - C.-W. Shu, S. Osher (1988), Efficient implementation of essentially
//     non-oscillatory shock-capturing schemes, J. Comput. Phys. 77:439–471.
//   - E. Fehlberg (1969), Low-order classical Runge–Kutta formulas with
//     stepsize control, NASA TR R-315.
//   - J. R. Dormand, P. J. Prince (1980), A family of embedded Runge–Kutta
//     formulae, J. Comput. Appl. Math. 6:19–26.
//   - E. Hairer, S. P. Nørsett, G. Wanner (1993), Solving Ordinary
//     Differential Equations I, 2nd ed., Springer.
//   - M. Hochbruck, A. Ostermann (2010), Exponential integrators, Acta
//     Numerica 19:209–286.
//   - P. E. Kloeden, E. Platen (1992), Numerical Solution of Stochastic
//     Differential Equations, Springer.
//   - D. J. Higham (2001), An algorithmic introduction to numerical
//     simulation of stochastic differential equations, SIAM Review 43:525–546.
package integrate
