package equations

import (
	"fmt"
)

// Linearity classifies a system of differential equations (Brian2's
// exact.py and exponential_euler.py).
type Linearity uint8

const (
	// Linear: dX/dt = M·X + c with M and c free of the state variables, of
	// t and of random numbers; solvable exactly ('exact').
	Linear Linearity = iota
	// ConditionallyLinear: each dv/dt = A·v + B with A and B free of v (but
	// possibly depending on other variables); 'exponential_euler'.
	ConditionallyLinear
	// Nonlinear: neither.
	Nonlinear
)

func (l Linearity) String() string {
	return [...]string{"linear", "conditionally linear", "nonlinear"}[l]
}

// NoiseKind says how white noise (xi) enters the equations.
type NoiseKind uint8

const (
	NoNoise             NoiseKind = iota
	AdditiveNoise                 // noise factors free of state variables and t
	MultiplicativeNoise           // some factor depends on a state variable or t
)

func (n NoiseKind) String() string {
	return [...]string{"no noise", "additive noise", "multiplicative noise"}[n]
}

// NoiseTerm is Factor·Symbol in a differential equation (Symbol is xi,
// xi_1 ...).
type NoiseTerm struct {
	Symbol string
	Factor Expr
}

// EqAnalysis is one differential equation dv/dt = F + Σ Factor·xi.
type EqAnalysis struct {
	Var *Var
	// F is the deterministic part with subexpressions substituted.
	F     Expr
	Noise []NoiseTerm
	// A and B give F = A·v + B when F is linear in v (A and B free of v);
	// both nil otherwise. Exponential Euler steps v by
	// v ← (v + B/A)·exp(A·dt) − B/A (v + B·dt where A is 0).
	A, B Expr
}

// Analysis describes the differential equations for integration.
type Analysis struct {
	// Eqs are the equations integrated every time step (all but the
	// event-driven ones), in text order.
	Eqs []EqAnalysis
	// EventDriven are the synapse equations integrated at events.
	EventDriven []EqAnalysis
	Linearity   Linearity
	Noise       NoiseKind
	// Why says why the system is not linear (empty if it is).
	Why string
}

// Analysis returns the integration analysis made by Parse.
func (m *Model) Analysis() *Analysis { return m.analysis }

func analyze(m *Model, errs *errList) *Analysis {
	inlined := map[*Var]Expr{}
	memo := map[Expr]Expr{}
	repl := func(n *Name) Expr {
		if n.Kind == KindSubexpr && m.byName[n.Name] == n.Var {
			return inlined[n.Var]
		}
		return nil
	}
	for _, s := range m.Subexprs {
		inlined[s] = substitute(s.Expr, repl, memo)
	}
	a := &Analysis{}
	var clock, event []*Var
	for _, v := range m.States {
		if v.Has(FlagEventDriven) {
			event = append(event, v)
		} else {
			clock = append(clock, v)
		}
	}
	a.Eqs = splitSystem(clock, substituteAll(clock, repl, memo), errs)
	a.EventDriven = splitSystem(event, substituteAll(event, repl, memo), errs)
	a.Linearity, a.Why = classify(a.Eqs, clock)
	a.Noise = noiseKind(a.Eqs, clock)
	if l, why := classify(a.EventDriven, event); len(event) > 0 && l != Linear {
		v := event[0]
		errs.add(v.Pos, v.Stmt, "event-driven equations must be linear with constant coefficients (they are solved exactly between events): "+why)
	}
	for _, e := range a.EventDriven {
		if len(e.Noise) > 0 {
			errs.add(e.Var.Pos, e.Var.Stmt, "an event-driven equation cannot contain noise (xi)")
		}
	}
	return a
}

func substituteAll(vs []*Var, repl func(*Name) Expr, memo map[Expr]Expr) []Expr {
	out := make([]Expr, len(vs))
	for i, v := range vs {
		out[i] = substitute(v.Expr, repl, memo)
	}
	return out
}

// splitSystem separates the noise terms and finds A and B per equation.
func splitSystem(vs []*Var, fs []Expr, errs *errList) []EqAnalysis {
	out := make([]EqAnalysis, len(vs))
	for i, v := range vs {
		f := fs[i]
		syms := noiseSymbols(f)
		ea := EqAnalysis{Var: v}
		for _, s := range syms {
			g := Derivative(f, s)
			if nonSmooth(f, names(s)) || dependsOn(g, namesOf(syms)) {
				errs.add(v.Pos, v.Stmt, fmt.Sprintf("the noise %s must enter linearly (as factor*%s, with a factor free of noise)", s, s))
			}
			ea.Noise = append(ea.Noise, NoiseTerm{Symbol: s, Factor: g})
		}
		zeroNoise := func(n *Name) Expr {
			if n.Kind == KindNoise {
				return num(0)
			}
			return nil
		}
		ea.F = substitute(f, zeroNoise, map[Expr]Expr{})
		self := names(v.Name)
		if !nonSmooth(ea.F, self) {
			A := Derivative(ea.F, v.Name)
			if !dependsOn(A, self) {
				ea.A = A
				ea.B = substitute(ea.F, func(n *Name) Expr {
					if n.Name == v.Name {
						return num(0)
					}
					return nil
				}, map[Expr]Expr{})
			}
		}
		out[i] = ea
	}
	return out
}

func classify(eqs []EqAnalysis, vs []*Var) (Linearity, string) {
	states := namesOf(nil)
	for _, v := range vs {
		states[v.Name] = true
	}
	lin, why := Linear, ""
	for _, e := range eqs {
		if e.A == nil {
			return Nonlinear, fmt.Sprintf("d%s/dt is not linear in %s", e.Var.Name, e.Var.Name)
		}
		if lin != Linear {
			continue
		}
		if nonSmooth(e.F, states) {
			lin, why = ConditionallyLinear, fmt.Sprintf("d%s/dt uses a state variable in a piecewise function or condition", e.Var.Name)
			continue
		}
		for _, u := range vs {
			c := Derivative(e.F, u.Name)
			if dependsOn(c, states) || timeOrRandom(c) {
				lin, why = ConditionallyLinear, fmt.Sprintf("the coefficient of %s in d%s/dt is %s, which is not constant", u.Name, e.Var.Name, c)
				break
			}
		}
		if lin == Linear && timeOrRandom(e.B) {
			lin, why = ConditionallyLinear, fmt.Sprintf("d%s/dt depends on t or on random numbers", e.Var.Name)
		}
	}
	return lin, why
}

func noiseKind(eqs []EqAnalysis, vs []*Var) NoiseKind {
	k := NoNoise
	states := namesOf(nil)
	for _, v := range vs {
		states[v.Name] = true
	}
	states["t"] = true
	for _, e := range eqs {
		for _, n := range e.Noise {
			if dependsOn(n.Factor, states) {
				return MultiplicativeNoise
			}
			k = AdditiveNoise
		}
	}
	return k
}
