package compile

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/equations"
)

// System is a set of differential equations bound for one integration step.
type System struct {
	// Eqs are the equations (Model.Analysis().Eqs).
	Eqs []equations.EqAnalysis
	// X holds the value of each equation's variable at the start of the
	// step, T the time.
	X []Value
	T Value
	// Dt is the time step.
	Dt float64
	// Env binds every other name (parameters, dt, i, N).
	Env Env
}

// Methods are the method names Step accepts.
var Methods = []string{"exact", "linear", "exponential_euler", "euler", "euler_maruyama", "rk2", "rk4", "heun", "milstein"}

// Step returns the values of the variables after one step of method
// (a name of Methods; "auto" must be resolved with Model.Method first):
//
//	euler, euler_maruyama  x + dt·f + Σ g·√dt·ξ (Itô; euler_maruyama also for
//	                       multiplicative noise)
//	rk2                    the midpoint method
//	rk4                    the classical Runge–Kutta method
//	heun                   Brian2's stochastic Heun method (Stratonovich)
//	milstein               Brian2's derivative-free Milstein method (Itô)
//	exponential_euler      x + dt·exprel(A·dt)·f, A = ∂f/∂x (conditionally linear)
//	exact, linear          the exact solution (see Exact)
//
// All stages see the same noise draws ξ of the step.
func Step(l *Lowerer, method string, s System) ([]Value, error) {
	b := l.B
	dt, sq := b.Const(s.Dt), b.Const(math.Sqrt(s.Dt))
	f := func(x []Value, t Value) ([]Value, error) { return s.eval(l, x, t, nil) }
	axpy := func(x []Value, c float64, k []Value) []Value {
		out := make([]Value, len(x))
		for i := range x {
			out[i] = b.Add(x[i], b.Mul(b.Const(c), k[i]))
		}
		return out
	}
	tAt := func(c float64) Value { return b.Add(s.T, b.Const(c)) }
	switch method {
	case "euler", "euler_maruyama", "milstein":
		k, err := f(s.X, s.T)
		if err != nil {
			return nil, err
		}
		out := axpy(s.X, s.Dt, k)
		return s.addNoise(l, out, method == "milstein", k)
	case "rk2":
		k1, err := f(s.X, s.T)
		if err != nil {
			return nil, err
		}
		k2, err := f(axpy(s.X, s.Dt*0.5, k1), tAt(s.Dt*0.5))
		if err != nil {
			return nil, err
		}
		return axpy(s.X, s.Dt, k2), nil
	case "rk4":
		k1, err := f(s.X, s.T)
		if err != nil {
			return nil, err
		}
		k2, err := f(axpy(s.X, s.Dt*0.5, k1), tAt(s.Dt*0.5))
		if err != nil {
			return nil, err
		}
		k3, err := f(axpy(s.X, s.Dt*0.5, k2), tAt(s.Dt*0.5))
		if err != nil {
			return nil, err
		}
		k4, err := f(axpy(s.X, s.Dt, k3), tAt(s.Dt))
		if err != nil {
			return nil, err
		}
		out := axpy(s.X, s.Dt*(1.0/6), k1)
		out = axpy(out, s.Dt*(1.0/3), k2)
		out = axpy(out, s.Dt*(1.0/3), k3)
		return axpy(out, s.Dt*(1.0/6), k4), nil
	case "heun":
		return s.heun(l, dt, sq)
	case "exponential_euler":
		return s.expEuler(l)
	case "exact", "linear":
		return s.exact(l)
	}
	return nil, fmt.Errorf("compile: unknown method %q; methods: %v", method, Methods)
}

// bind returns the Env of the state x at time t.
func (s *System) bind(x []Value, t Value) Env {
	byVar := make(map[*equations.Var]Value, len(s.Eqs))
	for i, e := range s.Eqs {
		byVar[e.Var] = x[i]
	}
	return func(n *equations.Name) (Value, error) {
		if n.Kind == equations.KindState {
			if v, ok := byVar[n.Var]; ok {
				return v, nil
			}
		}
		if n.Kind == equations.KindTime {
			return t, nil
		}
		return s.Env(n)
	}
}

// eval returns f(x, t), or the noise factors of symbol sym if sym != nil.
func (s *System) eval(l *Lowerer, x []Value, t Value, sym *string) ([]Value, error) {
	env := s.bind(x, t)
	out := make([]Value, len(s.Eqs))
	for i, e := range s.Eqs {
		expr := e.F
		if sym != nil {
			expr = nil
			for _, nt := range e.Noise {
				if nt.Symbol == *sym {
					expr = nt.Factor
				}
			}
			if expr == nil {
				out[i] = l.B.Const(0)
				continue
			}
		}
		v, err := l.Lower(expr, env)
		if err != nil {
			return nil, fmt.Errorf("d%s/dt: %w", e.Var.Name, err)
		}
		out[i] = v
	}
	return out, nil
}

// symbols lists the noise symbols of the system in order of appearance.
func (s *System) symbols() []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range s.Eqs {
		for _, nt := range e.Noise {
			if !seen[nt.Symbol] {
				seen[nt.Symbol] = true
				out = append(out, nt.Symbol)
			}
		}
	}
	return out
}

// addNoise adds Σ g·√dt·ξ to out (Euler–Maruyama) and, for Milstein, the
// derivative-free correction (g(x̃) − g(x))·√dt/2·(ξ² − 1) with
// x̃ = x + dt·f + √dt·g (Kloeden & Platen 1992, §11.1).
func (s *System) addNoise(l *Lowerer, out []Value, milstein bool, f []Value) ([]Value, error) {
	b := l.B
	sq := math.Sqrt(s.Dt)
	for _, sym := range s.symbols() {
		g, err := s.eval(l, s.X, s.T, &sym)
		if err != nil {
			return nil, err
		}
		z := l.Noise(sym)
		var corr []Value
		if milstein {
			sup := make([]Value, len(s.X))
			for i := range s.X {
				sup[i] = b.Add(b.Add(s.X[i], b.Mul(b.Const(s.Dt), f[i])), b.Mul(b.Const(sq), g[i]))
			}
			gs, err := s.eval(l, sup, s.T, &sym)
			if err != nil {
				return nil, err
			}
			z2 := b.Sub(b.Mul(z, z), b.Const(1))
			corr = make([]Value, len(s.X))
			for i := range s.X {
				corr[i] = b.Mul(b.Mul(b.Sub(gs[i], g[i]), b.Const(sq/2)), z2)
			}
		}
		for i := range out {
			if c, ok := b.IsConst(g[i]); ok && c == 0 {
				continue
			}
			out[i] = b.Add(out[i], b.Mul(b.Mul(g[i], b.Const(sq)), z))
			if corr != nil {
				out[i] = b.Add(out[i], corr[i])
			}
		}
	}
	return out, nil
}

// heun is Brian2's stochastic Heun method:
//
//	x̃ = x + dt·f(x, t) + √dt·g(x, t)·ξ,  k1 = dt·f(x, t),  k2 = dt·f(x + k1, t + dt)
//	x ← x + k1/2 + k2/2 + √dt/2·(g(x, t) + g(x̃, t + dt))·ξ
func (s *System) heun(l *Lowerer, dt, sq Value) ([]Value, error) {
	b := l.B
	t1 := b.Add(s.T, dt)
	f0, err := s.eval(l, s.X, s.T, nil)
	if err != nil {
		return nil, err
	}
	n := len(s.X)
	k1, pred := make([]Value, n), make([]Value, n)
	for i := range s.X {
		k1[i] = b.Mul(dt, f0[i])
		pred[i] = b.Add(s.X[i], k1[i])
	}
	f1, err := s.eval(l, pred, t1, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Value, n)
	half := b.Const(0.5)
	for i := range s.X {
		out[i] = b.Add(b.Add(s.X[i], b.Mul(k1[i], half)), b.Mul(b.Mul(dt, f1[i]), half))
	}
	for _, sym := range s.symbols() {
		g, err := s.eval(l, s.X, s.T, &sym)
		if err != nil {
			return nil, err
		}
		z := l.Noise(sym)
		sup := make([]Value, n)
		for i := range s.X {
			sup[i] = b.Add(pred[i], b.Mul(b.Mul(sq, g[i]), z))
		}
		gs, err := s.eval(l, sup, t1, &sym)
		if err != nil {
			return nil, err
		}
		for i := range out {
			out[i] = b.Add(out[i], b.Mul(b.Mul(b.Mul(sq, half), b.Add(g[i], gs[i])), z))
		}
	}
	return out, nil
}

// expEuler is x ← x + dt·exprel(A·dt)·f(x) for each variable, A = ∂f/∂x
// at the old state (exact where A and the rest of f are constant over the
// step; every variable sees the others at their old values).
func (s *System) expEuler(l *Lowerer) ([]Value, error) {
	b := l.B
	f, err := s.eval(l, s.X, s.T, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Value, len(s.X))
	for i, e := range s.Eqs {
		if e.A == nil {
			return nil, fmt.Errorf("exponential_euler: d%s/dt is not linear in %s", e.Var.Name, e.Var.Name)
		}
		a, err := s.lowerAt(l, e.A, s.X)
		if err != nil {
			return nil, err
		}
		dt := b.Const(s.Dt)
		out[i] = b.Add(s.X[i], b.Mul(b.Mul(dt, b.Call(equations.FuncExprel, b.Mul(a, dt))), f[i]))
	}
	return out, nil
}

// lowerAt lowers e with the state variables bound to x.
func (s *System) lowerAt(l *Lowerer, e equations.Expr, x []Value) (Value, error) {
	return l.Lower(e, s.bind(x, s.T))
}
