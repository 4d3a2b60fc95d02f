// Package dual implements forward-mode automatic differentiation with dual
// numbers: a Num carries a value V and a derivative D with respect to one
// chosen direction, and every operation propagates both by the chain rule,
// so f(Num{x, 1}) returns {f(x), f'(x)} exactly (to rounding), with no
// truncation error as in a finite difference.
//
// brainsim uses it to obtain the diagonal of the Jacobian of a user's
// right-hand side for the exponential Euler method (package integrate), as
// BrainPy's exp_auto does with JAX. A right-hand side written over Num works
// for any method; only exp_euler and milstein read the derivative part.
//
// Arithmetic is spelled with methods (a.Add(b), a.MulC(2)) and elementary
// functions with package functions (Exp(a), Tanh(a)). Each function
// documents the derivative it propagates. Num is a small value type: every
// operation returns a new Num and nothing allocates.
package dual
