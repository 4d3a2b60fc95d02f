package equations

import "math"

// Derivative returns ∂e/∂name, simplified. Names are matched by spelling
// (v, v_post, xi_1 ...). Piecewise-constant parts (floor, ceil, int, sign,
// comparisons, and/or/not, the floor in % and //) have derivative 0 where it
// exists; abs, clip and where differentiate branch by branch.
func Derivative(e Expr, name string) Expr {
	d := &deriver{name: name, memo: map[Expr]Expr{}, has: map[Expr]bool{}}
	return d.d(e)
}

type deriver struct {
	name string
	memo map[Expr]Expr
	has  map[Expr]bool
}

// contains reports whether e uses the name (memoised for shared subtrees).
func (d *deriver) contains(e Expr) bool {
	if r, ok := d.has[e]; ok {
		return r
	}
	r := false
	switch e := e.(type) {
	case *Name:
		r = e.Name == d.name
	case *Unary:
		r = d.contains(e.X)
	case *Binary:
		r = d.contains(e.X) || d.contains(e.Y)
	case *Call:
		for _, a := range e.Args {
			r = r || d.contains(a)
		}
	}
	d.has[e] = r
	return r
}

func (d *deriver) d(e Expr) Expr {
	if !d.contains(e) {
		return num(0)
	}
	if r, ok := d.memo[e]; ok {
		return r
	}
	var r Expr
	switch e := e.(type) {
	case *Name:
		r = num(1)
	case *Unary:
		r = num(0)
		if e.Op == OpNeg {
			r = mkNeg(d.d(e.X))
		}
	case *Binary:
		r = d.binary(e)
	case *Call:
		r = d.call(e)
	}
	d.memo[e] = r
	return r
}

func (d *deriver) binary(e *Binary) Expr {
	x, y := e.X, e.Y
	switch e.Op {
	case OpAdd:
		return mkAdd(d.d(x), d.d(y))
	case OpSub:
		return mkSub(d.d(x), d.d(y))
	case OpMul:
		return mkAdd(mkMul(d.d(x), y), mkMul(x, d.d(y)))
	case OpDiv:
		return mkSub(mkDiv(d.d(x), y), mkDiv(mkMul(x, d.d(y)), mkPow(y, num(2))))
	case OpPow:
		if !d.contains(y) { // y * x**(y-1) * x'
			return mkMul(mkMul(y, mkPow(x, mkSub(y, num(1)))), d.d(x))
		}
		// x**y * (y' log x + y x'/x)
		return mkMul(e, mkAdd(mkMul(d.d(y), mkCall(FuncLog, x)), mkDiv(mkMul(y, d.d(x)), x)))
	case OpMod: // x - floor(x/y)*y
		return mkSub(d.d(x), mkMul(mkCall(FuncFloor, mkDiv(x, y)), d.d(y)))
	}
	return num(0) // comparisons, and, or, //
}

func (d *deriver) call(e *Call) Expr {
	a := e.Args
	if e.Func == FuncWhere {
		return mkCall(FuncWhere, a[0], d.d(a[1]), d.d(a[2]))
	}
	if e.Func == FuncClip {
		return mkCall(FuncWhere, mkOther(OpLT, a[0], a[1]), d.d(a[1]),
			mkCall(FuncWhere, mkOther(OpGT, a[0], a[2]), d.d(a[2]), d.d(a[0])))
	}
	if len(a) != 1 {
		return num(0) // rand(), randn()
	}
	x := a[0]
	var outer Expr // d f / d x
	sq1mx2 := func() Expr { return mkCall(FuncSqrt, mkSub(num(1), mkPow(x, num(2)))) }
	switch e.Func {
	case FuncExp:
		outer = e
	case FuncLog:
		outer = mkDiv(num(1), x)
	case FuncLog10:
		outer = mkDiv(num(1), mkMul(x, num(math.Ln10)))
	case FuncSqrt:
		outer = mkDiv(num(1), mkMul(num(2), e))
	case FuncAbs:
		outer = mkCall(FuncSign, x)
	case FuncSin:
		outer = mkCall(FuncCos, x)
	case FuncCos:
		outer = mkNeg(mkCall(FuncSin, x))
	case FuncTan:
		outer = mkDiv(num(1), mkPow(mkCall(FuncCos, x), num(2)))
	case FuncTanh:
		outer = mkSub(num(1), mkPow(e, num(2)))
	case FuncSinh:
		outer = mkCall(FuncCosh, x)
	case FuncCosh:
		outer = mkCall(FuncSinh, x)
	case FuncArcsin:
		outer = mkDiv(num(1), sq1mx2())
	case FuncArccos:
		outer = mkDiv(num(-1), sq1mx2())
	case FuncArctan:
		outer = mkDiv(num(1), mkAdd(num(1), mkPow(x, num(2))))
	case FuncExprel: // ((x-1) e^x + 1) / x^2
		outer = mkDiv(mkAdd(mkMul(mkSub(x, num(1)), mkCall(FuncExp, x)), num(1)), mkPow(x, num(2)))
	default: // floor, ceil, int, sign: piecewise constant
		return num(0)
	}
	return mkMul(outer, d.d(x))
}
