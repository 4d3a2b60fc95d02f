package compile

import (
	"math"

	"github.com/brainsim/brainsim/equations"
)

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// scalarOp computes one operation on scalars: constant folding, the scalar
// part of a program and the generic vector loop all use it, so that every
// path computes the same values. Booleans are 1 and 0.
func scalarOp(op opcode, x, y, z float64) float64 {
	switch op {
	case binOp(equations.OpAdd):
		return x + y
	case binOp(equations.OpSub):
		return x - y
	case binOp(equations.OpMul):
		return x * y
	case binOp(equations.OpDiv):
		return x / y
	case binOp(equations.OpFloorDiv):
		return math.Floor(x / y)
	case binOp(equations.OpMod): // Python: the sign of y
		return x - math.Floor(x/y)*y
	case binOp(equations.OpPow):
		return math.Pow(x, y)
	case binOp(equations.OpLT):
		return b2f(x < y)
	case binOp(equations.OpLE):
		return b2f(x <= y)
	case binOp(equations.OpGT):
		return b2f(x > y)
	case binOp(equations.OpGE):
		return b2f(x >= y)
	case binOp(equations.OpEQ):
		return b2f(x == y)
	case binOp(equations.OpNE):
		return b2f(x != y)
	case binOp(equations.OpAnd):
		return b2f(x != 0 && y != 0)
	case binOp(equations.OpOr):
		return b2f(x != 0 || y != 0)
	case opcode(equations.OpNeg):
		return -x
	case opcode(equations.OpNot):
		return b2f(x == 0)
	case opMov, opBcast:
		return x
	}
	return scalarFunc(equations.Func(op-opFunc), x, y, z)
}

func scalarFunc(f equations.Func, x, y, z float64) float64 {
	switch f {
	case equations.FuncExp:
		return math.Exp(x)
	case equations.FuncLog:
		return math.Log(x)
	case equations.FuncLog10:
		return math.Log10(x)
	case equations.FuncSqrt:
		return math.Sqrt(x)
	case equations.FuncAbs:
		return math.Abs(x)
	case equations.FuncSin:
		return math.Sin(x)
	case equations.FuncCos:
		return math.Cos(x)
	case equations.FuncTan:
		return math.Tan(x)
	case equations.FuncTanh:
		return math.Tanh(x)
	case equations.FuncSinh:
		return math.Sinh(x)
	case equations.FuncCosh:
		return math.Cosh(x)
	case equations.FuncArcsin:
		return math.Asin(x)
	case equations.FuncArccos:
		return math.Acos(x)
	case equations.FuncArctan:
		return math.Atan(x)
	case equations.FuncFloor:
		return math.Floor(x)
	case equations.FuncCeil:
		return math.Ceil(x)
	case equations.FuncClip:
		return math.Min(math.Max(x, y), z)
	case equations.FuncInt:
		return math.Trunc(x)
	case equations.FuncSign:
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		}
		return 0
	case equations.FuncWhere:
		if x != 0 {
			return y
		}
		return z
	case equations.FuncExprel:
		return exprel(x)
	}
	return math.NaN()
}

// exprel is (e^x − 1)/x, 1 at x = 0.
func exprel(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Expm1(x) / x
}
