package compile

import (
	"fmt"
	"math"
	"strings"

	"github.com/brainsim/brainsim/equations"
)

// exact integrates a linear system dX/dt = M·X + c exactly.
//
// Uncoupled equations (M diagonal), whose coefficients may differ between
// neurons, step each variable by x ← x + dt·exprel(a·dt)·f(x), which is
// x∞ + (x − x∞)·e^{a·dt} with x∞ = −c/a, and x + c·dt at a = 0. A coupled
// system needs M to be the same for every neuron (constants and
// constant shared parameters): then X ← Φ·X + Γ·c with Φ = e^{M·dt} and
// Γ = ∫₀^dt e^{M·s} ds, both computed once, from the exponential of the
// block matrix [[M, I], [0, 0]]·dt; c may differ between neurons.
func (s *System) exact(l *Lowerer) ([]Value, error) {
	b := l.B
	n := len(s.Eqs)
	coupled := false
	m := make([]float64, n*n)
	var perNeuron []string
	for i, e := range s.Eqs {
		for k, u := range s.Eqs {
			d := equations.Derivative(e.F, u.Var.Name)
			v, err := s.lowerAt(l, d, s.X)
			if err != nil {
				return nil, err
			}
			c, isConst := b.IsConst(v)
			if i != k && !(isConst && c == 0) {
				coupled = true
			}
			if !isConst {
				perNeuron = append(perNeuron, fmt.Sprintf("∂(d%s/dt)/∂%s = %s", e.Var.Name, u.Var.Name, d))
			}
			m[i*n+k] = c
		}
	}
	if !coupled {
		p, err := s.expEuler(l) // uncoupled linear: exponential Euler is exact
		if err != nil {
			return nil, fmt.Errorf("exact: %w", err)
		}
		return p, nil
	}
	if len(perNeuron) > 0 {
		return nil, fmt.Errorf("exact: the equations are coupled and their coefficients are not constant (%s); give the parameters in them the flags (constant, shared), or use exponential_euler or rk4", strings.Join(perNeuron, ", "))
	}
	zero := make([]Value, n)
	for i := range zero {
		zero[i] = b.Const(0)
	}
	c, err := s.eval(l, zero, s.T, nil)
	if err != nil {
		return nil, err
	}
	phi, gamma, err := expmIntegral(m, n, s.Dt)
	if err != nil {
		return nil, err
	}
	out := make([]Value, n)
	for i := range out {
		acc := b.Const(0)
		for k := 0; k < n; k++ {
			if p := phi[i*n+k]; p != 0 {
				acc = b.Add(acc, b.Mul(b.Const(p), s.X[k]))
			}
			if g := gamma[i*n+k]; g != 0 {
				acc = b.Add(acc, b.Mul(b.Const(g), c[k]))
			}
		}
		out[i] = acc
	}
	return out, nil
}

// expmIntegral returns Φ = e^{M·h} and Γ = ∫₀^h e^{M·s} ds for the n×n
// matrix m (row-major), by scaling and squaring a Taylor series of the
// block matrix [[M, I], [0, 0]]·h.
func expmIntegral(m []float64, n int, h float64) (phi, gamma []float64, err error) {
	N := 2 * n
	a := make([]float64, N*N)
	norm := 0.0
	for i := 0; i < n; i++ {
		row := 0.0
		for k := 0; k < n; k++ {
			a[i*N+k] = m[i*n+k] * h
			row += math.Abs(a[i*N+k])
		}
		a[i*N+n+i] = h
		norm = max(norm, row+h)
	}
	if !(norm < 1e300) {
		return nil, nil, fmt.Errorf("exact: the coefficient matrix times dt is not finite (norm %g)", norm)
	}
	sq := 0
	for norm > 0.5 {
		norm /= 2
		sq++
	}
	scale := math.Ldexp(1, -sq)
	for i := range a {
		a[i] *= scale
	}
	// e = I + a + a²/2! + … (norm ≤ 1/2: 20 terms reach rounding).
	e, term := identity(N), identity(N)
	for k := 1; k <= 20; k++ {
		term = matmul(term, a, N)
		for i := range term {
			term[i] /= float64(k)
			e[i] += term[i]
		}
	}
	for ; sq > 0; sq-- {
		e = matmul(e, e, N)
	}
	phi, gamma = make([]float64, n*n), make([]float64, n*n)
	for i := 0; i < n; i++ {
		for k := 0; k < n; k++ {
			phi[i*n+k] = e[i*N+k]
			gamma[i*n+k] = e[i*N+n+k]
		}
	}
	for _, x := range append(phi, gamma...) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, nil, fmt.Errorf("exact: e^(M·dt) overflows; the system grows too fast for dt = %g", h)
		}
	}
	return phi, gamma, nil
}

func identity(n int) []float64 {
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		a[i*n+i] = 1
	}
	return a
}

func matmul(x, y []float64, n int) []float64 {
	z := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for k := 0; k < n; k++ {
			if v := x[i*n+k]; v != 0 {
				for j := 0; j < n; j++ {
					z[i*n+j] += v * y[k*n+j]
				}
			}
		}
	}
	return z
}
