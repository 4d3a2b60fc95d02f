package integrate

import (
	"fmt"
	"math"
)

// Func is a right-hand side: it writes dy/dt at time t into dydt. Both y and
// dydt have the integrator's length n; Func must not keep them after it
// returns, and must not modify y.
//
// Layout convention: a model with K state variables over N neurons stores
// them as K consecutive blocks of length N, y = [x₁(0..N−1), x₂(0..N−1), …],
// so variable k of neuron i is y[k·N+i]. The explicit Runge–Kutta methods
// accept any layout; the dual-number constructors rely on this one.
type Func func(t float64, y, dydt []float64)

// ODE integrates y' = f(t, y) with one method chosen by name. Its buffers
// are allocated once by the constructor, so Step does not allocate. An ODE
// is not safe for concurrent use; use one per goroutine.
type ODE struct {
	method string
	n      int
	f      Func
	fd     func(t float64, y, dydt, diag []float64) // value and ∂f_i/∂y_i (exp methods)
	tab    *tableau                                 // nil for exp methods
	fixed  int                                      // stages of a fixed step
	k      [][]float64                              // stage derivatives
	tmp    []float64
	ynew   []float64 // adaptive: candidate solution
	diag   []float64 // exp: Jacobian diagonal
	stage  []plan    // stage i input = y + Σ coef·k
	final  plan      // y + dt Σ b_j k_j
	errp   plan      // dt Σ (b_j − b̂_j) k_j
	cfg    config
	evals  int
}

// plan is a precomputed sparse linear combination Σ_m coef[m]·ks[m], where
// coef[m] = dt·w[m] is filled at each step.
type plan struct {
	w    []float64
	coef []float64
	ks   [][]float64
}

func newPlan(weights []float64, k [][]float64) plan {
	var p plan
	for j, w := range weights {
		if w != 0 {
			p.w = append(p.w, w)
			p.ks = append(p.ks, k[j])
		}
	}
	p.coef = make([]float64, len(p.w))
	return p
}

func (p *plan) scale(dt float64) []float64 {
	for m, w := range p.w {
		p.coef[m] = dt * w
	}
	return p.coef
}

// NewODE returns an integrator of n coupled equations y' = f(t, y) by
// method name (see ODEMethods and the package documentation). The
// exponential Euler methods also need WithDiagJacobian.
func NewODE(method string, n int, f Func, opts ...Option) (*ODE, error) {
	if err := checkSize("n", n); err != nil {
		return nil, err
	}
	if f == nil {
		return nil, fmt.Errorf("integrate: f is nil: a right-hand side is required")
	}
	cfg, err := applyOptions(false, opts)
	if err != nil {
		return nil, err
	}
	var fd func(t float64, y, dydt, diag []float64)
	if isExp(method) {
		if cfg.diag == nil {
			return nil, fmt.Errorf("integrate: method %q needs the Jacobian diagonal: pass WithDiagJacobian or use NewODEDual", method)
		}
		d := cfg.diag
		fd = func(t float64, y, dydt, diag []float64) { f(t, y, dydt); d(t, y, diag) }
	}
	return newODE(method, n, f, fd, cfg)
}

func newODE(method string, n int, f Func, fd func(t float64, y, dydt, diag []float64), cfg config) (*ODE, error) {
	o := &ODE{method: method, n: n, f: f, fd: fd, cfg: cfg, tmp: make([]float64, n)}
	if isExp(method) {
		o.k = [][]float64{make([]float64, n)}
		o.diag = make([]float64, n)
		return o, nil
	}
	o.tab = newTableau(method)
	if o.tab == nil {
		return nil, unknownMethod("ODE", method, odeNames[:])
	}
	s := len(o.tab.b)
	o.fixed = o.tab.fixedStages()
	o.k = make([][]float64, s)
	for i := range o.k {
		o.k[i] = make([]float64, n)
	}
	o.stage = make([]plan, s)
	for i := 1; i < s; i++ {
		o.stage[i] = newPlan(o.tab.a[i], o.k)
	}
	o.final = newPlan(o.tab.b, o.k)
	if o.tab.bhat != nil {
		e := make([]float64, s)
		for j := range e {
			e[j] = o.tab.b[j] - o.tab.bhat[j]
		}
		o.errp = newPlan(e, o.k)
		o.ynew = make([]float64, n)
	}
	return o, nil
}

// Method returns the method name given to the constructor.
func (o *ODE) Method() string { return o.method }

// Len returns n, the length of the state.
func (o *ODE) Len() int { return o.n }

// Order returns the order of accuracy of a fixed step.
func (o *ODE) Order() int {
	if o.tab == nil {
		return 1
	}
	return o.tab.order
}

// Adaptive reports whether the method has an embedded error estimate, as
// needed by StepAdaptive and Integrate.
func (o *ODE) Adaptive() bool { return o.tab != nil && o.tab.bhat != nil }

// Evals returns the number of evaluations of f so far (a dual-number
// evaluation for the Jacobian counts as one).
func (o *ODE) Evals() int { return o.evals }

// Step advances y in place from t to t+dt by one fixed step. Embedded pairs
// (rkf45, rkdp) use their fifth-order weights, as BrainPy does with
// adaptive=False. It returns an error, and leaves y untouched, if
// len(y) ≠ n, dt is not finite and positive, or t is not finite.
func (o *ODE) Step(t, dt float64, y []float64) error {
	if err := checkStep("Step", o.n, t, dt, y); err != nil {
		return err
	}
	if o.tab == nil {
		o.expStep(t, dt, y)
		return nil
	}
	o.stages(t, dt, y, o.fixed)
	lincomb(y, y, o.final.scale(dt), o.final.ks)
	return nil
}

// stages evaluates the first s stage derivatives k_0..k_{s−1} from (t, y).
func (o *ODE) stages(t, dt float64, y []float64, s int) {
	o.f(t, y, o.k[0])
	for i := 1; i < s; i++ {
		p := &o.stage[i]
		lincomb(o.tmp, y, p.scale(dt), p.ks)
		o.f(t+o.tab.c[i]*dt, o.tmp, o.k[i])
	}
	o.evals += s
}

func checkStep(op string, n int, t, dt float64, y []float64) error {
	if len(y) != n {
		return fmt.Errorf("integrate: %s len(y) = %d: must equal n = %d", op, len(y), n)
	}
	if !(dt > 0) || math.IsInf(dt, 1) {
		return fmt.Errorf("integrate: %s dt = %g: must be finite and > 0", op, dt)
	}
	if math.IsNaN(t) || math.IsInf(t, 0) {
		return fmt.Errorf("integrate: %s t = %g: must be finite", op, t)
	}
	return nil
}

// lincomb sets dst[i] = y[i] + Σ_m c[m]·ks[m][i]; dst may alias y. Up to
// four terms are fused into one pass over memory.
func lincomb(dst, y, c []float64, ks [][]float64) {
	n := len(dst)
	y = y[:n]
	switch len(c) {
	case 0:
		copy(dst, y)
	case 1:
		c0, k0 := c[0], ks[0][:n]
		for i := range dst {
			dst[i] = y[i] + c0*k0[i]
		}
	case 2:
		c0, c1, k0, k1 := c[0], c[1], ks[0][:n], ks[1][:n]
		for i := range dst {
			dst[i] = y[i] + c0*k0[i] + c1*k1[i]
		}
	case 3:
		c0, c1, c2 := c[0], c[1], c[2]
		k0, k1, k2 := ks[0][:n], ks[1][:n], ks[2][:n]
		for i := range dst {
			dst[i] = y[i] + c0*k0[i] + c1*k1[i] + c2*k2[i]
		}
	default:
		c0, c1, c2, c3 := c[0], c[1], c[2], c[3]
		k0, k1, k2, k3 := ks[0][:n], ks[1][:n], ks[2][:n], ks[3][:n]
		for i := range dst {
			dst[i] = y[i] + c0*k0[i] + c1*k1[i] + c2*k2[i] + c3*k3[i]
		}
		if len(c) > 4 {
			lincomb(dst, dst, c[4:], ks[4:])
		}
	}
}
