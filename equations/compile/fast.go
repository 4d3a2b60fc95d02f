package compile

import (
	"math"

	"github.com/brainsim/brainsim/equations"
)

// fast runs the operations that have a loop of their own besides add, sub,
// mul and div: comparisons, where and common functions. It reports false
// for the others (then generic runs them).
func fast(op opcode, d, x, y []float64, sx, sy float64) bool {
	switch op {
	case binOp(equations.OpGE):
		cmpGE(d, x, y, sx, sy)
	case binOp(equations.OpGT):
		cmpGT(d, x, y, sx, sy)
	case binOp(equations.OpLE):
		cmpLE(d, x, y, sx, sy)
	case binOp(equations.OpLT):
		cmpLT(d, x, y, sx, sy)
	case funcOp(equations.FuncExprel):
		if x == nil {
			return false
		}
		for j, v := range x {
			d[j] = exprel(v)
		}
	case funcOp(equations.FuncSqrt):
		if x == nil {
			return false
		}
		for j, v := range x {
			d[j] = math.Sqrt(v)
		}
	case funcOp(equations.FuncLog):
		if x == nil {
			return false
		}
		for j, v := range x {
			d[j] = math.Log(v)
		}
	case funcOp(equations.FuncAbs):
		if x == nil {
			return false
		}
		for j, v := range x {
			d[j] = math.Abs(v)
		}
	default:
		return false
	}
	return true
}

// The comparisons, one loop per operator and operand kind (a function
// argument would not be inlined).
func cmpGE(d, x, y []float64, sx, sy float64) {
	switch {
	case x != nil && y != nil:
		y, d = y[:len(x)], d[:len(x)]
		for j, v := range x {
			d[j] = b2f(v >= y[j])
		}
	case x != nil:
		d = d[:len(x)]
		for j, v := range x {
			d[j] = b2f(v >= sy)
		}
	default:
		d = d[:len(y)]
		for j, v := range y {
			d[j] = b2f(sx >= v)
		}
	}
}

func cmpGT(d, x, y []float64, sx, sy float64) {
	switch {
	case x != nil && y != nil:
		y, d = y[:len(x)], d[:len(x)]
		for j, v := range x {
			d[j] = b2f(v > y[j])
		}
	case x != nil:
		d = d[:len(x)]
		for j, v := range x {
			d[j] = b2f(v > sy)
		}
	default:
		d = d[:len(y)]
		for j, v := range y {
			d[j] = b2f(sx > v)
		}
	}
}

func cmpLE(d, x, y []float64, sx, sy float64) {
	switch {
	case x != nil && y != nil:
		y, d = y[:len(x)], d[:len(x)]
		for j, v := range x {
			d[j] = b2f(v <= y[j])
		}
	case x != nil:
		d = d[:len(x)]
		for j, v := range x {
			d[j] = b2f(v <= sy)
		}
	default:
		d = d[:len(y)]
		for j, v := range y {
			d[j] = b2f(sx <= v)
		}
	}
}

func cmpLT(d, x, y []float64, sx, sy float64) {
	switch {
	case x != nil && y != nil:
		y, d = y[:len(x)], d[:len(x)]
		for j, v := range x {
			d[j] = b2f(v < y[j])
		}
	case x != nil:
		d = d[:len(x)]
		for j, v := range x {
			d[j] = b2f(v < sy)
		}
	default:
		d = d[:len(y)]
		for j, v := range y {
			d[j] = b2f(sx < v)
		}
	}
}

// where3 is where(c, a, b) on three vectors.
func where3(d, c, a, b []float64) {
	a, b = a[:len(c)], b[:len(c)]
	for j, v := range c {
		if v != 0 {
			d[j] = a[j]
		} else {
			d[j] = b[j]
		}
	}
}
