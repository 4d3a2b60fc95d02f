package equations

import (
	"fmt"
	"math"
)

// checkVarDims checks one model statement for dimensional consistency.
func (r *resolver) checkVarDims(v *Var) {
	if v.Expr == nil {
		return
	}
	r.stmt = v.Stmt
	d, ok := r.dimOf(v.Expr)
	if !ok {
		return
	}
	switch v.Kind {
	case State:
		want := v.Dim.Div(dimSecond)
		if d != want {
			r.fail(start(v.Expr), "the right-hand side has units of %s, the left-hand side d%s/dt %s; %s",
				d, v.Name, want, r.hint(d, want))
		}
	case Subexpr:
		if d != v.Dim {
			r.fail(start(v.Expr), "the right-hand side has units of %s, but %s is declared as %s; %s",
				d, v.Name, v.Dim, r.hint(d, v.Dim))
		}
	}
}

// hint says what would turn a quantity of dimension have into one of want.
func (r *resolver) hint(have, want Dim) string { return r.hintFor(have, want, "") }

// hintFor is hint naming the expression to change ("multiply 'I' by R").
func (r *resolver) hintFor(have, want Dim, subject string) string {
	mul, div := "multiply by", "divide by"
	if subject != "" {
		mul, div = "multiply '"+subject+"' by", "divide '"+subject+"' by"
	}
	ratio := want.Div(have) // have * ratio == want
	inv := have.Div(want)
	for _, v := range r.m.Vars {
		if v.Kind != Param && v.Kind != Subexpr {
			continue
		}
		if v.Dim == ratio {
			return fmt.Sprintf("%s %s %s", mul, describeDim(ratio), v.Name)
		}
		if v.Dim == inv {
			return fmt.Sprintf("%s %s %s", div, describeDim(inv), v.Name)
		}
	}
	if ratio == Dimensionless.Div(dimSecond) {
		return div + " a time (e.g. a time constant tau : second)"
	}
	if ratio == dimSecond {
		return mul + " a time"
	}
	return fmt.Sprintf("%s a quantity with units of %s", mul, ratio)
}

// describeDim gives a word for common dimensions: "a time such as".
func describeDim(d Dim) string {
	words := map[Dim]string{dimSecond: "a time", dimVolt: "a voltage", dimOhm: "a resistance",
		dimSiemens: "a conductance", dimFarad: "a capacitance", baseDim(dimCurrent): "a current",
		dimHertz: "a rate"}
	if w, ok := words[d]; ok {
		return w + " such as"
	}
	return "a quantity of " + d.String() + " such as"
}

// nameDim is the dimension of a resolved name.
func nameDim(n *Name) Dim {
	switch n.Kind {
	case KindState, KindParam, KindSubexpr:
		return n.Var.Dim
	case KindTime, KindDt:
		return dimSecond
	case KindNoise:
		return dimNoise
	}
	return Dimensionless
}

// dimOf infers the dimension of e, reporting the first inconsistency.
func (r *resolver) dimOf(e Expr) (Dim, bool) {
	switch e := e.(type) {
	case *Num:
		return e.Dim, true
	case *Name:
		return nameDim(e), true
	case *Unary:
		d, ok := r.dimOf(e.X)
		if ok && e.Op == OpNot && d != Dimensionless {
			r.fail(e.At, "'not' needs a condition, but '%s' has units of %s", e.X, d)
			return d, false
		}
		return d, ok
	case *Binary:
		return r.binaryDim(e)
	case *Call:
		return r.callDim(e)
	}
	return Dimensionless, false
}

func (r *resolver) binaryDim(e *Binary) (Dim, bool) {
	x, ok1 := r.dimOf(e.X)
	y, ok2 := r.dimOf(e.Y)
	if !ok1 || !ok2 {
		return x, false
	}
	switch e.Op {
	case OpMul:
		return x.Mul(y), true
	case OpDiv:
		return x.Div(y), true
	case OpAdd, OpSub, OpMod, OpLT, OpLE, OpGT, OpGE, OpEQ, OpNE:
		if x != y {
			r.fail(e.At, "the operands of '%s' must have the same units: '%s' has units of %s, '%s' has units of %s; %s",
				e.Op, e.X, x, e.Y, y, r.hintFor(y, x, e.Y.String()))
			return x, false
		}
		if e.Op.IsComparison() {
			return Dimensionless, true
		}
		return x, true
	case OpFloorDiv:
		if x != Dimensionless || y != Dimensionless {
			r.fail(e.At, "'//' needs dimensionless operands, but '%s' has units of %s and '%s' %s", e.X, x, e.Y, y)
			return x, false
		}
		return x, true
	case OpAnd, OpOr:
		if x != Dimensionless || y != Dimensionless {
			r.fail(e.At, "'%s' needs conditions, but '%s' has units of %s and '%s' %s", e.Op, e.X, x, e.Y, y)
			return x, false
		}
		return x, true
	case OpPow:
		if y != Dimensionless {
			r.fail(e.At, "the exponent '%s' has units of %s; an exponent must be dimensionless", e.Y, y)
			return x, false
		}
		if x == Dimensionless {
			return x, true
		}
		val, isConst := constValue(e.Y)
		if !isConst {
			r.fail(e.At, "'%s' has units of %s, so its exponent must be a constant number, not '%s'", e.X, x, e.Y)
			return x, false
		}
		p, q, ok := ratApprox(val)
		var d Dim
		if ok {
			d, ok = x.Pow(p, q)
		}
		if !ok {
			r.fail(e.At, "cannot raise units of %s to the power %g (exponents must be multiples of 1/840 and at most 1000)", x, val)
			return x, false
		}
		return d, true
	}
	return x, false
}

func (r *resolver) callDim(e *Call) (Dim, bool) {
	ds := make([]Dim, len(e.Args))
	for i, a := range e.Args {
		d, ok := r.dimOf(a)
		if !ok {
			return d, false
		}
		ds[i] = d
	}
	same := func(i, j int) bool {
		if ds[i] != ds[j] {
			r.fail(e.At, "the arguments of %s must have the same units: '%s' has units of %s, '%s' has units of %s",
				e.Func, e.Args[i], ds[i], e.Args[j], ds[j])
			return false
		}
		return true
	}
	switch funcs[e.Func].rule {
	case fDimless:
		if ds[0] != Dimensionless {
			r.fail(e.At, "the argument of %s must be dimensionless, but '%s' has units of %s; divide it by a quantity of %s",
				e.Func, e.Args[0], ds[0], ds[0])
			return ds[0], false
		}
		return Dimensionless, true
	case fSame:
		return ds[0], true
	case fSqrt:
		d, ok := ds[0].Pow(1, 2)
		if !ok {
			r.fail(e.At, "cannot take the square root of units of %s", ds[0])
		}
		return d, ok
	case fClip:
		return ds[0], same(0, 1) && same(0, 2)
	case fWhere:
		if ds[0] != Dimensionless {
			r.fail(e.At, "the condition of where must be dimensionless, but '%s' has units of %s", e.Args[0], ds[0])
			return ds[1], false
		}
		return ds[1], same(1, 2)
	case fInt, fSign:
		return Dimensionless, true
	}
	return Dimensionless, true // rand(), randn()
}

// constValue evaluates e if it is built from numbers only.
func constValue(e Expr) (float64, bool) {
	ok := walk(e, func(x Expr) bool {
		switch x := x.(type) {
		case *Name:
			return false
		case *Call:
			return x.Func != FuncRand && x.Func != FuncRandn
		}
		return true
	})
	if !ok {
		return 0, false
	}
	v := eval(e, nil)
	return v, !math.IsNaN(v)
}
