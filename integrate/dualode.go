package integrate

import (
	"fmt"

	"github.com/brainsim/brainsim/integrate/dual"
)

// DualFunc is a right-hand side written over dual numbers, with the layout
// of Func: K variables × N neurons as K consecutive blocks of length N. It
// must compute dydt[i] by dual-number arithmetic from y (package dual), so
// that derivatives propagate.
type DualFunc func(t float64, y, dydt []dual.Num)

// dualEval evaluates a DualFunc, seeding one variable block at a time.
type dualEval struct {
	f          DualFunc
	vars, size int
	y, dy      []dual.Num
}

func newDualEval(f DualFunc, vars, size int) *dualEval {
	n := vars * size
	return &dualEval{f: f, vars: vars, size: size, y: make([]dual.Num, n), dy: make([]dual.Num, n)}
}

// value computes f(t, y) with zero derivative seeds.
func (d *dualEval) value(t float64, y, dydt []float64) {
	for i, v := range y {
		d.y[i] = dual.Num{V: v}
	}
	d.f(t, d.y, d.dy)
	dual.Values(dydt, d.dy)
}

// valueDiag computes f(t, y) and diag[i] = ∂f_i/∂y_i by K evaluations:
// evaluation k seeds D = 1 on variable block k and 0 elsewhere, so for i in
// block k the derivative part is Σ_{j∈block k} ∂f_i/∂y_j, which equals
// ∂f_i/∂y_i because neurons are assumed not to interact within f.
func (d *dualEval) valueDiag(t float64, y, dydt, diag []float64) {
	for k := 0; k < d.vars; k++ {
		lo, hi := k*d.size, (k+1)*d.size
		for i, v := range y {
			d.y[i] = dual.Num{V: v}
		}
		for i := lo; i < hi; i++ {
			d.y[i].D = 1
		}
		d.f(t, d.y, d.dy)
		if k == 0 {
			dual.Values(dydt, d.dy)
		}
		dual.Derivs(diag[lo:hi], d.dy[lo:hi])
	}
}

func checkLayout(vars, size int) error {
	if err := checkSize("vars", vars); err != nil {
		return err
	}
	if err := checkSize("size", size); err != nil {
		return err
	}
	if int64(size) > (1<<40)/int64(vars) {
		return fmt.Errorf("integrate: vars×size = %d×%d: too large", vars, size)
	}
	return nil
}

// NewODEDual is NewODE for a right-hand side over dual numbers, with the
// state laid out as vars blocks of size neurons (n = vars·size). Any method
// may be used; the exponential Euler methods obtain L_i = ∂f_i/∂y_i by
// forward-mode differentiation, with vars evaluations of f per step (one per
// variable block, each seeding that block).
//
// The derivative is exact under the documented assumption that f is
// element-wise across neurons: f_{k·N+i} may depend on every variable of
// neuron i but on no variable of another neuron j ≠ i. This is BrainPy's
// JointEq semantics (see docs/semantics.md, “Numerical integration”): each
// variable is advanced with its own diagonal derivative, the other variables
// held at their old values. For a small fully coupled system (no neuron axis)
// use size = 1 and vars = n, which gives the exact diagonal at n evaluations
// per step.
//
// WithDiagJacobian is not accepted: the dual numbers provide the derivative.
func NewODEDual(method string, vars, size int, f DualFunc, opts ...Option) (*ODE, error) {
	if err := checkLayout(vars, size); err != nil {
		return nil, err
	}
	if f == nil {
		return nil, fmt.Errorf("integrate: f is nil: a right-hand side is required")
	}
	cfg, err := applyOptions(false, opts)
	if err != nil {
		return nil, err
	}
	if cfg.diag != nil {
		return nil, fmt.Errorf("integrate: WithDiagJacobian is not allowed with NewODEDual: the dual numbers give the derivative")
	}
	d := newDualEval(f, vars, size)
	var fd func(t float64, y, dydt, diag []float64)
	if isExp(method) {
		fd = d.valueDiag
	}
	return newODE(method, vars*size, d.value, fd, cfg)
}
