package compile

import (
	"math"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rng"
)

// Frame is the working memory of one goroutine running a Program: the
// bound input slices, the temporaries and the scalar registers. Binding
// and running allocate nothing.
type Frame struct {
	p      *Program
	vec    [][]float64
	sc     []float64
	n      int
	chains []chainFrame
	fuse   bool // run chains with kernel.Chain
	stride int  // the index step between neighbouring elements (SetStride)
}

// SetStride makes element j of a Run the neuron base + j·stride of the
// group (random draws keyed by it, the index i): a round-robin share of a
// population split over ranks. The default is 1.
func (f *Frame) SetStride(stride int) { f.stride = max(stride, 1) }

// NewFrame allocates a frame for p (Chunk values per temporary).
func (p *Program) NewFrame() *Frame {
	f := &Frame{p: p, vec: make([][]float64, p.nVecIn+p.nTemp), sc: make([]float64, p.nScIn+len(p.scInit)), stride: 1}
	for i := p.nVecIn; i < len(f.vec); i++ {
		f.vec[i] = make([]float64, Chunk)
	}
	copy(f.sc[p.nScIn:], p.scInit)
	f.chains, f.fuse = p.newChainFrames(), kernel.ChainOK()
	return f
}

// Bind sets vector input slot to x (at least as long as the next Run's n).
func (f *Frame) Bind(slot int, x []float64) { f.vec[slot] = x }

// SetScalar sets scalar input slot to x.
func (f *Frame) SetScalar(slot int, x float64) { f.sc[slot] = x }

// Out returns output i of the latest Run (n values, valid until the next
// Run on f).
func (f *Frame) Out(i int) []float64 {
	d := f.vec[f.p.outputs[i]][:f.n]
	if r := f.p.scOut[i]; r >= 0 {
		for j := range d {
			d[j] = f.sc[r]
		}
	}
	return d
}

// Scalar returns output i of the latest Run and true if it is the same for
// every neuron.
func (f *Frame) Scalar(i int) (float64, bool) {
	if r := f.p.scOut[i]; r >= 0 {
		return f.sc[r], true
	}
	return 0, false
}

// Run executes the program on n ≤ Chunk neurons: the neurons base …
// base+n−1 of a group of size neurons (every stride-th from base after
// SetStride), at step k (random draws use the counter k·size + index).
func (f *Frame) Run(k int64, base, n, size int) {
	f.n = n
	sc := f.sc
	for i := range f.p.scalar {
		in := &f.p.scalar[i]
		sc[in.dst] = scalarOp(in.op, sc[in.a[0]], sc[in.a[1]], sc[in.a[2]])
	}
	ctr := uint64(k)*uint64(size) + uint64(base)
	vec := f.p.vector
	for i := 0; i < len(vec); i++ {
		if c := f.p.chainAt[i]; c >= 0 && f.fuse {
			f.runChain(c, n)
			i = f.p.chains[c].end - 1
			continue
		}
		f.exec(&vec[i], n, ctr, base)
	}
}

// arg returns operand k of in: a vector (nil for a scalar) and a scalar.
func (f *Frame) arg(in *instr, k, n int) ([]float64, float64) {
	if in.vmask&(1<<k) != 0 {
		return f.vec[in.a[k]][:n], 0
	}
	return nil, f.sc[in.a[k]]
}

func (f *Frame) exec(in *instr, n int, ctr uint64, base int) {
	d := f.vec[in.dst][:n]
	x, sx := f.arg(in, 0, n)
	var y []float64
	var sy float64
	if in.nargs > 1 {
		y, sy = f.arg(in, 1, n)
	}
	switch in.op {
	case binOp(equations.OpAdd):
		add(d, x, y, sx, sy)
	case binOp(equations.OpSub):
		sub(d, x, y, sx, sy)
	case binOp(equations.OpMul):
		mul(d, x, y, sx, sy)
	case binOp(equations.OpDiv):
		div(d, x, y, sx, sy)
	case opcode(equations.OpNeg):
		kernel.Neg(d, x)
	case funcOp(equations.FuncExp):
		for j, v := range x {
			d[j] = math.Exp(v)
		}
	case funcOp(equations.FuncRandn):
		if s := uint64(f.stride); s != 1 {
			for j := range d {
				d[j] = rng.Normal(in.key, ctr+uint64(j)*s)
			}
			break
		}
		for j := range d {
			d[j] = rng.Normal(in.key, ctr+uint64(j))
		}
	case funcOp(equations.FuncRand):
		if s := uint64(f.stride); s != 1 {
			for j := range d {
				d[j] = rng.Uniform(in.key, ctr+uint64(j)*s)
			}
			break
		}
		for j := range d {
			d[j] = rng.Uniform(in.key, ctr+uint64(j))
		}
	case opIndex:
		s := f.stride
		for j := range d {
			d[j] = float64(base + j*s)
		}
	case opMov:
		copy(d, x)
	case opBcast:
		for j := range d {
			d[j] = sx
		}
	case funcOp(equations.FuncWhere):
		if in.vmask == 7 {
			where3(d, x, y, f.vec[in.a[2]][:n])
			return
		}
		f.generic(in, d, x, y, sx, sy, n)
	default:
		if in.nargs > 2 || !fast(in.op, d, x, y, sx, sy) {
			f.generic(in, d, x, y, sx, sy, n)
		}
	}
}

// generic runs any operation element by element through scalarOp.
func (f *Frame) generic(in *instr, d, x, y []float64, sx, sy float64, n int) {
	var z []float64
	var sz float64
	if in.nargs > 2 {
		z, sz = f.arg(in, 2, n)
	}
	for j := range d {
		a, b, c := sx, sy, sz
		if x != nil {
			a = x[j]
		}
		if y != nil {
			b = y[j]
		}
		if z != nil {
			c = z[j]
		}
		d[j] = scalarOp(in.op, a, b, c)
	}
}

// add, sub, mul and div run one arithmetic instruction with the
// element-wise kernels (AVX2 where available, the same bits as Go): x or
// y is nil for a scalar operand sx or sy.
func add(d, x, y []float64, sx, sy float64) {
	switch {
	case x != nil && y != nil:
		kernel.AddVV(d, x, y)
	case x != nil:
		kernel.AddVS(d, x, sy)
	default:
		kernel.AddVS(d, y, sx) // sx + v = v + sx exactly
	}
}

func sub(d, x, y []float64, sx, sy float64) {
	switch {
	case x != nil && y != nil:
		kernel.SubVV(d, x, y)
	case x != nil:
		kernel.SubVS(d, x, sy)
	default:
		kernel.SubSV(d, y, sx)
	}
}

func mul(d, x, y []float64, sx, sy float64) {
	switch {
	case x != nil && y != nil:
		kernel.MulVV(d, x, y)
	case x != nil:
		kernel.MulVS(d, x, sy)
	default:
		kernel.MulVS(d, y, sx) // sx·v = v·sx exactly
	}
}

func div(d, x, y []float64, sx, sy float64) {
	switch {
	case x != nil && y != nil:
		kernel.DivVV(d, x, y)
	case x != nil:
		kernel.DivVS(d, x, sy)
	default:
		kernel.DivSV(d, y, sx)
	}
}
