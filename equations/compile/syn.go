package compile

import (
	"fmt"

	"github.com/brainsim/brainsim/equations"
)

// Assigned is a block of statements (a reset, on_pre or on_post) lowered
// as one transformation: the final value of every variable it assigns.
type Assigned struct {
	// Targets are the variables assigned, as written (w, g_post), in the
	// order of their first assignment; Vars their variables.
	Targets []string
	Vars    []*equations.Var
	// Values are the values the targets hold after the block.
	Values []Value
	// Deltas are, for targets assigned only with += and -=, the total added
	// (the value minus the old value, built without reading the old
	// value); 0 (invalid) for the others. A caller that scatters into an
	// array with repeated indices adds Deltas instead of storing Values.
	Deltas []Value
	// Additive reports, per target, whether Deltas holds its increment.
	Additive []bool
}

// Statements lowers stmts, run in order for every element: a statement
// sees the values the earlier ones assigned. Names are bound by env, which
// is asked for a target's old value with a Name of the target's spelling.
func Statements(l *Lowerer, stmts []equations.Statement, env Env) (*Assigned, error) {
	b := l.B
	a := &Assigned{}
	at := map[string]int{}
	cur := func(n *equations.Name) (Value, error) {
		if i, ok := at[n.Name]; ok {
			return a.Values[i], nil
		}
		return env(n)
	}
	for _, s := range stmts {
		rhs, err := l.Lower(s.Expr, cur)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Pos, err)
		}
		i, seen := at[s.Target]
		if !seen {
			kind := equations.KindParam
			if s.Var.Kind == equations.State {
				kind = equations.KindState
			}
			old, err := env(&equations.Name{At: s.Pos, Name: s.Target, Kind: kind, Var: s.Var})
			if err != nil {
				return nil, fmt.Errorf("%s: %w", s.Pos, err)
			}
			i = len(a.Targets)
			at[s.Target] = i
			a.Targets, a.Vars = append(a.Targets, s.Target), append(a.Vars, s.Var)
			a.Values, a.Deltas = append(a.Values, old), append(a.Deltas, b.Const(0))
			a.Additive = append(a.Additive, true)
		}
		switch s.Op {
		case equations.AddAssign:
			a.Values[i], a.Deltas[i] = b.Add(a.Values[i], rhs), b.Add(a.Deltas[i], rhs)
		case equations.SubAssign:
			a.Values[i], a.Deltas[i] = b.Sub(a.Values[i], rhs), b.Sub(a.Deltas[i], rhs)
		case equations.MulAssign:
			a.Values[i], a.Additive[i] = b.Mul(a.Values[i], rhs), false
		case equations.DivAssign:
			a.Values[i], a.Additive[i] = b.Div(a.Values[i], rhs), false
		default:
			a.Values[i], a.Additive[i] = rhs, false
		}
	}
	return a, nil
}

// Advance returns the values of the decoupled linear equations
// dx/dt = A·x + B (each with A and B free of every state variable, as
// Model.Analysis gives them for event-driven synapse variables) after an
// elapsed time h, exactly:
//
//	x(h) = x·e^{A·h} + B·h·exprel(A·h)
//
// x holds the values at the start, h may differ between elements, env
// binds the parameters A and B use.
func Advance(l *Lowerer, eqs []equations.EqAnalysis, x []Value, h Value, env Env) ([]Value, error) {
	b := l.B
	out := make([]Value, len(eqs))
	for i, e := range eqs {
		if e.A == nil || e.B == nil {
			return nil, fmt.Errorf("d%s/dt is not linear in %s", e.Var.Name, e.Var.Name)
		}
		A, err := l.Lower(e.A, env)
		if err != nil {
			return nil, fmt.Errorf("d%s/dt: %w", e.Var.Name, err)
		}
		B, err := l.Lower(e.B, env)
		if err != nil {
			return nil, fmt.Errorf("d%s/dt: %w", e.Var.Name, err)
		}
		ah := b.Mul(A, h)
		v := b.Mul(x[i], b.Call(equations.FuncExp, ah))
		if c, ok := b.IsConst(B); !ok || c != 0 {
			v = b.Add(v, b.Mul(b.Mul(B, h), b.Call(equations.FuncExprel, ah)))
		}
		out[i] = v
	}
	return out, nil
}
