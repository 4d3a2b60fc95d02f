package compile

import (
	"math"

	"github.com/brainsim/brainsim/equations"
)

// Value is a node of a Builder's expression graph: a constant, an input
// (vector or scalar), or an operation on other values.
type Value int32

// opcode is an operation: the binary and unary operators of package
// equations keep their numbers (OpAdd … OpNot), functions follow at
// opFunc+Func, then the operations the compiler adds.
type opcode uint8

const (
	opFunc  opcode = 32
	opIndex opcode = 80 + iota // the neuron index i
	opMov                      // copy
	opBcast                    // scalar → vector
)

func binOp(o equations.Op) opcode    { return opcode(o) }
func funcOp(f equations.Func) opcode { return opFunc + opcode(f) }

const (
	kConst uint8 = iota
	kScalarIn
	kVecIn
	kOp
)

type node struct {
	kind  uint8
	op    opcode
	nargs uint8
	arg   [3]Value
	val   float64 // constant
	slot  int     // input slot
	key   uint64  // random stream of rand/randn
	vec   bool    // the value differs between neurons
}

// key identifies a node for common-subexpression elimination.
type key struct {
	kind uint8
	op   opcode
	arg  [3]Value
	bits uint64
	slot int
}

// Builder builds an expression graph with constant folding and
// common-subexpression elimination: a value is created once however often
// it is asked for. Its methods are not safe for concurrent use.
type Builder struct {
	nodes []node
	memo  map[key]Value
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return &Builder{memo: map[key]Value{}} }

func (b *Builder) add(n node) Value {
	k := key{kind: n.kind, op: n.op, arg: n.arg, bits: math.Float64bits(n.val) ^ n.key, slot: n.slot}
	if v, ok := b.memo[k]; ok {
		return v
	}
	b.nodes = append(b.nodes, n)
	v := Value(len(b.nodes) - 1)
	b.memo[k] = v
	return v
}

// Const returns the constant x.
func (b *Builder) Const(x float64) Value { return b.add(node{kind: kConst, val: x}) }

// Vector returns the vector input of slot (one value per neuron, bound per
// chunk with Frame.Bind).
func (b *Builder) Vector(slot int) Value { return b.add(node{kind: kVecIn, slot: slot, vec: true}) }

// Scalar returns the scalar input of slot (one value for all neurons, set
// with Frame.SetScalar).
func (b *Builder) Scalar(slot int) Value { return b.add(node{kind: kScalarIn, slot: slot}) }

// Index returns the neuron index i.
func (b *Builder) Index() Value { return b.add(node{kind: kOp, op: opIndex, vec: true}) }

// Random returns one draw per neuron and step from the counter-based stream
// key (rng.Normal if normal, else rng.Uniform), at counter k·N + i.
func (b *Builder) Random(key uint64, normal bool) Value {
	op := funcOp(equations.FuncRand)
	if normal {
		op = funcOp(equations.FuncRandn)
	}
	return b.add(node{kind: kOp, op: op, key: key, vec: true})
}

// IsConst reports whether v is a constant, and its value.
func (b *Builder) IsConst(v Value) (float64, bool) {
	n := &b.nodes[v]
	return n.val, n.kind == kConst
}

// IsVector reports whether v differs between neurons.
func (b *Builder) IsVector(v Value) bool { return b.nodes[v].vec }

// Binary returns x op y for a binary operator of package equations.
func (b *Builder) Binary(op equations.Op, x, y Value) Value {
	cx, okx := b.IsConst(x)
	cy, oky := b.IsConst(y)
	switch {
	case okx && oky:
		return b.Const(scalarOp(binOp(op), cx, cy, 0))
	case op == equations.OpAdd && okx && cx == 0, op == equations.OpMul && okx && cx == 1:
		return y
	case (op == equations.OpAdd || op == equations.OpSub) && oky && cy == 0,
		(op == equations.OpMul || op == equations.OpDiv || op == equations.OpPow) && oky && cy == 1:
		return x
	case op == equations.OpPow && oky && cy == 2:
		return b.Binary(equations.OpMul, x, x)
	case op == equations.OpSub && okx && cx == 0:
		return b.Unary(equations.OpNeg, y)
	}
	return b.op(binOp(op), x, y)
}

// Unary returns -x or not x.
func (b *Builder) Unary(op equations.Op, x Value) Value {
	if c, ok := b.IsConst(x); ok {
		return b.Const(scalarOp(opcode(op), c, 0, 0))
	}
	if n := &b.nodes[x]; op == equations.OpNeg && n.kind == kOp && n.op == opcode(equations.OpNeg) {
		return n.arg[0]
	}
	return b.op(opcode(op), x)
}

// Call returns f(args...) for a deterministic function (rand and randn are
// Random).
func (b *Builder) Call(f equations.Func, args ...Value) Value {
	all := true
	var c [3]float64
	for i, a := range args {
		var ok bool
		c[i], ok = b.IsConst(a)
		all = all && ok
	}
	if all {
		return b.Const(scalarOp(funcOp(f), c[0], c[1], c[2]))
	}
	if f == equations.FuncWhere {
		if c, ok := b.IsConst(args[0]); ok {
			if c != 0 {
				return args[1]
			}
			return args[2]
		}
		if args[1] == args[2] {
			return args[1]
		}
	}
	return b.op(funcOp(f), args...)
}

func (b *Builder) op(op opcode, args ...Value) Value {
	n := node{kind: kOp, op: op, nargs: uint8(len(args))}
	for i, a := range args {
		n.arg[i] = a
		n.vec = n.vec || b.nodes[a].vec
	}
	return b.add(n)
}

// Add, Sub, Mul and Div are Binary with OpAdd, OpSub, OpMul and OpDiv.
func (b *Builder) Add(x, y Value) Value { return b.Binary(equations.OpAdd, x, y) }
func (b *Builder) Sub(x, y Value) Value { return b.Binary(equations.OpSub, x, y) }
func (b *Builder) Mul(x, y Value) Value { return b.Binary(equations.OpMul, x, y) }
func (b *Builder) Div(x, y Value) Value { return b.Binary(equations.OpDiv, x, y) }
