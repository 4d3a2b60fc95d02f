package equations

import "math"

// eval computes e with names valued by env (NaN where env is nil or a
// random function is called). It serves constant folding and the tests;
// the simulator compiles expressions instead of interpreting them.
func eval(e Expr, env func(*Name) float64) float64 {
	switch e := e.(type) {
	case *Num:
		return e.Value
	case *Name:
		if env == nil {
			return math.NaN()
		}
		return env(e)
	case *Unary:
		x := eval(e.X, env)
		if e.Op == OpNot {
			return b2f(x == 0)
		}
		return -x
	case *Binary:
		return evalBinary(e.Op, eval(e.X, env), eval(e.Y, env))
	case *Call:
		a := make([]float64, len(e.Args))
		for i, x := range e.Args {
			a[i] = eval(x, env)
		}
		return evalCall(e.Func, a)
	}
	return math.NaN()
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func evalBinary(op Op, x, y float64) float64 {
	switch op {
	case OpAdd:
		return x + y
	case OpSub:
		return x - y
	case OpMul:
		return x * y
	case OpDiv:
		return x / y
	case OpFloorDiv:
		return math.Floor(x / y)
	case OpMod: // Python: result has the sign of y
		return x - math.Floor(x/y)*y
	case OpPow:
		return math.Pow(x, y)
	case OpLT:
		return b2f(x < y)
	case OpLE:
		return b2f(x <= y)
	case OpGT:
		return b2f(x > y)
	case OpGE:
		return b2f(x >= y)
	case OpEQ:
		return b2f(x == y)
	case OpNE:
		return b2f(x != y)
	case OpAnd:
		return b2f(x != 0 && y != 0)
	case OpOr:
		return b2f(x != 0 || y != 0)
	}
	return math.NaN()
}

func evalCall(f Func, a []float64) float64 {
	switch f {
	case FuncExp:
		return math.Exp(a[0])
	case FuncLog:
		return math.Log(a[0])
	case FuncLog10:
		return math.Log10(a[0])
	case FuncSqrt:
		return math.Sqrt(a[0])
	case FuncAbs:
		return math.Abs(a[0])
	case FuncSin:
		return math.Sin(a[0])
	case FuncCos:
		return math.Cos(a[0])
	case FuncTan:
		return math.Tan(a[0])
	case FuncTanh:
		return math.Tanh(a[0])
	case FuncSinh:
		return math.Sinh(a[0])
	case FuncCosh:
		return math.Cosh(a[0])
	case FuncArcsin:
		return math.Asin(a[0])
	case FuncArccos:
		return math.Acos(a[0])
	case FuncArctan:
		return math.Atan(a[0])
	case FuncFloor:
		return math.Floor(a[0])
	case FuncCeil:
		return math.Ceil(a[0])
	case FuncClip:
		return math.Min(math.Max(a[0], a[1]), a[2])
	case FuncInt:
		return math.Trunc(a[0])
	case FuncSign:
		switch {
		case a[0] > 0:
			return 1
		case a[0] < 0:
			return -1
		}
		return 0
	case FuncWhere:
		if a[0] != 0 {
			return a[1]
		}
		return a[2]
	case FuncExprel:
		if a[0] == 0 {
			return 1
		}
		return math.Expm1(a[0]) / a[0]
	}
	return math.NaN() // rand, randn: not a constant
}
