package equations

// Builders that fold constants and drop neutral terms (0+x, 1*x, x**1 ...).
// They are enough to make the derivatives of model equations readable and
// to let the linearity tests see that a coefficient is free of a variable.

func num(v float64) *Num { return &Num{Value: v} }

func numVal(e Expr) (float64, bool) {
	if n, ok := e.(*Num); ok {
		return n.Value, true
	}
	return 0, false
}

func isNum(e Expr, v float64) bool {
	x, ok := numVal(e)
	return ok && x == v
}

func mkAdd(x, y Expr) Expr {
	a, okA := numVal(x)
	b, okB := numVal(y)
	switch {
	case okA && okB:
		return &Num{Value: a + b, Dim: x.(*Num).Dim}
	case okA && a == 0:
		return y
	case okB && b == 0:
		return x
	}
	if u, ok := y.(*Unary); ok && u.Op == OpNeg {
		return mkSub(x, u.X)
	}
	return &Binary{At: x.Pos(), Op: OpAdd, X: x, Y: y}
}

func mkSub(x, y Expr) Expr {
	a, okA := numVal(x)
	b, okB := numVal(y)
	switch {
	case okA && okB:
		return &Num{Value: a - b, Dim: x.(*Num).Dim}
	case okB && b == 0:
		return x
	case okA && a == 0:
		return mkNeg(y)
	case equal(x, y):
		return num(0)
	}
	return &Binary{At: x.Pos(), Op: OpSub, X: x, Y: y}
}

func mkNeg(x Expr) Expr {
	switch x := x.(type) {
	case *Num:
		return &Num{Value: -x.Value, Dim: x.Dim}
	case *Unary:
		if x.Op == OpNeg {
			return x.X
		}
	}
	return &Unary{At: x.Pos(), Op: OpNeg, X: x}
}

func mkMul(x, y Expr) Expr {
	a, okA := numVal(x)
	b, okB := numVal(y)
	switch {
	case okA && okB:
		return &Num{Value: a * b, Dim: x.(*Num).Dim.Mul(y.(*Num).Dim)}
	case okA && a == 0 || okB && b == 0:
		return num(0)
	case okA && a == 1:
		return y
	case okB && b == 1:
		return x
	case okA && a == -1:
		return mkNeg(y)
	case okB && b == -1:
		return mkNeg(x)
	}
	return &Binary{At: x.Pos(), Op: OpMul, X: x, Y: y}
}

func mkDiv(x, y Expr) Expr {
	a, okA := numVal(x)
	b, okB := numVal(y)
	switch {
	case okA && okB && b != 0:
		return &Num{Value: a / b, Dim: x.(*Num).Dim.Div(y.(*Num).Dim)}
	case okA && a == 0:
		return num(0)
	case okB && b == 1:
		return x
	}
	return &Binary{At: x.Pos(), Op: OpDiv, X: x, Y: y}
}

func mkPow(x, y Expr) Expr {
	switch {
	case isNum(y, 1):
		return x
	case isNum(y, 0):
		return num(1)
	}
	return mkOther(OpPow, x, y)
}

func mkBinary(op Op, x, y Expr) Expr {
	switch op {
	case OpAdd:
		return mkAdd(x, y)
	case OpSub:
		return mkSub(x, y)
	case OpMul:
		return mkMul(x, y)
	case OpDiv:
		return mkDiv(x, y)
	case OpPow:
		return mkPow(x, y)
	}
	return mkOther(op, x, y)
}

func mkOther(op Op, x, y Expr) Expr {
	a, okA := numVal(x)
	b, okB := numVal(y)
	if okA && okB {
		return num(evalBinary(op, a, b))
	}
	return &Binary{At: x.Pos(), Op: op, X: x, Y: y}
}

func mkCall(f Func, args ...Expr) Expr {
	vals := make([]float64, len(args))
	allNum := f != FuncRand && f != FuncRandn
	for i, a := range args {
		v, ok := numVal(a)
		allNum = allNum && ok
		vals[i] = v
	}
	if allNum {
		return num(evalCall(f, vals))
	}
	if f == FuncWhere {
		if c, ok := numVal(args[0]); ok {
			if c != 0 {
				return args[1]
			}
			return args[2]
		}
		if equal(args[1], args[2]) {
			return args[1]
		}
	}
	var at Pos
	if len(args) > 0 {
		at = args[0].Pos()
	}
	return &Call{At: at, Func: f, Args: args}
}

// equal reports whether a and b are structurally the same expression.
func equal(a, b Expr) bool {
	if a == b {
		return true
	}
	switch a := a.(type) {
	case *Num:
		b, ok := b.(*Num)
		return ok && a.Value == b.Value
	case *Name:
		b, ok := b.(*Name)
		return ok && a.Name == b.Name
	case *Unary:
		b, ok := b.(*Unary)
		return ok && a.Op == b.Op && equal(a.X, b.X)
	case *Binary:
		b, ok := b.(*Binary)
		return ok && a.Op == b.Op && equal(a.X, b.X) && equal(a.Y, b.Y)
	case *Call:
		b, ok := b.(*Call)
		if !ok || a.Func != b.Func || len(a.Args) != len(b.Args) {
			return false
		}
		for i := range a.Args {
			if !equal(a.Args[i], b.Args[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// Simplify folds constants and removes neutral terms; the result computes
// the same values as e.
func Simplify(e Expr) Expr { return substitute(e, nil, map[Expr]Expr{}) }

// substitute rebuilds e through the simplifying builders, replacing names
// for which repl returns non-nil. memo maps visited nodes to their results,
// so shared subtrees are rebuilt once.
func substitute(e Expr, repl func(*Name) Expr, memo map[Expr]Expr) Expr {
	if r, ok := memo[e]; ok {
		return r
	}
	var r Expr
	switch e := e.(type) {
	case *Num:
		r = e
	case *Name:
		r = e
		if repl != nil {
			if x := repl(e); x != nil {
				r = x
			}
		}
	case *Unary:
		x := substitute(e.X, repl, memo)
		if e.Op == OpNeg {
			r = mkNeg(x)
		} else if v, ok := numVal(x); ok {
			r = num(b2f(v == 0))
		} else {
			r = &Unary{At: e.At, Op: e.Op, X: x}
		}
	case *Binary:
		r = mkBinary(e.Op, substitute(e.X, repl, memo), substitute(e.Y, repl, memo))
	case *Call:
		args := make([]Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = substitute(a, repl, memo)
		}
		r = mkCall(e.Func, args...)
	}
	memo[e] = r
	return r
}
