package compile

import (
	"fmt"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/rng"
)

// Env tells Lower what a name of an expression stands for: a state
// variable, a parameter, t, dt, i or N. Subexpressions are expanded by
// Lower itself (with the same Env), so Env never sees them.
type Env func(n *equations.Name) (Value, error)

// Lowerer turns expression trees of package equations into values of a
// Builder. Each rand() or randn() call of the model text is a stream of
// its own, keyed by Key and the call's rank, so that the same call gives
// the same draw wherever it is used within a step.
type Lowerer struct {
	B     *Builder
	Key   uint64
	sites map[*equations.Call]uint64
}

// NewLowerer returns a Lowerer onto b with random key key.
func NewLowerer(b *Builder, key uint64) *Lowerer {
	return &Lowerer{B: b, Key: key, sites: map[*equations.Call]uint64{}}
}

// Noise returns the standard normal draw of white-noise symbol sym (xi,
// xi_1 …) for the current step: one draw per neuron and step, the same
// in every stage of an integrator.
func (l *Lowerer) Noise(sym string) Value {
	return l.B.Random(rng.String(l.Key, "xi:"+sym), true)
}

// Lower returns the value of e with names bound by env.
func (l *Lowerer) Lower(e equations.Expr, env Env) (Value, error) {
	memo := map[equations.Expr]Value{}
	return l.lower(e, env, memo, 0)
}

func (l *Lowerer) lower(e equations.Expr, env Env, memo map[equations.Expr]Value, depth int) (Value, error) {
	if v, ok := memo[e]; ok {
		return v, nil
	}
	if depth > 10000 {
		return 0, fmt.Errorf("compile: expression nested too deeply")
	}
	var v Value
	var err error
	switch e := e.(type) {
	case *equations.Num:
		v = l.B.Const(e.Value)
	case *equations.Name:
		switch {
		case e.Kind == equations.KindSubexpr && e.Var != nil:
			v, err = l.lower(e.Var.Expr, env, memo, depth+1)
		case e.Kind == equations.KindNoise:
			err = fmt.Errorf("compile: white noise %s outside a differential equation", e.Name)
		default:
			v, err = env(e)
		}
	case *equations.Unary:
		var x Value
		if x, err = l.lower(e.X, env, memo, depth+1); err == nil {
			v = l.B.Unary(e.Op, x)
		}
	case *equations.Binary:
		var x, y Value
		if x, err = l.lower(e.X, env, memo, depth+1); err == nil {
			if y, err = l.lower(e.Y, env, memo, depth+1); err == nil {
				v = l.B.Binary(e.Op, x, y)
			}
		}
	case *equations.Call:
		v, err = l.call(e, env, memo, depth)
	default:
		err = fmt.Errorf("compile: unknown expression %T", e)
	}
	if err != nil {
		return 0, err
	}
	memo[e] = v
	return v, nil
}

func (l *Lowerer) call(e *equations.Call, env Env, memo map[equations.Expr]Value, depth int) (Value, error) {
	if e.Func == equations.FuncRand || e.Func == equations.FuncRandn {
		s, ok := l.sites[e]
		if !ok {
			s = uint64(len(l.sites))
			l.sites[e] = s
		}
		return l.B.Random(rng.Mix(rng.String(l.Key, "rand"), s), e.Func == equations.FuncRandn), nil
	}
	if len(e.Args) != e.Func.Arity() || len(e.Args) > 3 {
		return 0, fmt.Errorf("compile: %s takes %d arguments, not %d", e.Func, e.Func.Arity(), len(e.Args))
	}
	var args [3]Value
	for i, a := range e.Args {
		x, err := l.lower(a, env, memo, depth+1)
		if err != nil {
			return 0, err
		}
		args[i] = x
	}
	return l.B.Call(e.Func, args[:len(e.Args)]...), nil
}
