package compile

import (
	"math"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/internal/kernel"
)

// A chain is a run of consecutive arithmetic vector instructions (+, −, ·,
// /, unary −) in which each instruction after the first uses the result
// of the one before, and only it does (the value is dead afterwards and
// not an output). With AVX2 a chain runs as one kernel.Chain pass that
// keeps the intermediate values in registers, 32 neurons at a time (then 4),
// instead of one pass per instruction through the temporaries: the same
// IEEE operations on each element in the same order, so the same bits.
// The intermediate temporaries are then not written, which is safe since
// nothing reads them.

// chain is the template of one chain: instructions [start, end) of the
// program and its steps.
type chain struct {
	start, end int
	steps      []chainStep
}

// chainStep is a kernel.ChainStep with the operand as a register: a vector
// register, or a scalar register if !vec (none for ChainNeg).
type chainStep struct {
	op  int64
	reg int32
	vec bool
}

func chainable(op opcode) bool {
	switch op {
	case binOp(equations.OpAdd), binOp(equations.OpSub), binOp(equations.OpMul), binOp(equations.OpDiv), opcode(equations.OpNeg):
		return true
	}
	return false
}

// continues reports whether instruction n (node) continues a chain ended
// by prev: both arithmetic, prev used once by n and by nothing after it.
func continues(n, prev *node, prevIdx Value, lastUse, idx int, isOut bool) (accPos int, ok bool) {
	if !chainable(n.op) || !chainable(prev.op) || lastUse != idx || isOut {
		return 0, false
	}
	pos := -1
	for k, a := range n.arg[:n.nargs] {
		if a == prevIdx {
			if pos >= 0 {
				return 0, false // x·x
			}
			pos = k
		}
	}
	return pos, pos >= 0
}

// stepOps maps an opcode to the chain op with the accumulator on the
// left, and on the right.
func stepOps(op opcode) (left, right int64) {
	switch op {
	case binOp(equations.OpAdd):
		return kernel.ChainAdd, kernel.ChainAdd // a + x = x + a exactly
	case binOp(equations.OpSub):
		return kernel.ChainSub, kernel.ChainRSub
	case binOp(equations.OpMul):
		return kernel.ChainMul, kernel.ChainMul
	case binOp(equations.OpDiv):
		return kernel.ChainDiv, kernel.ChainRDiv
	}
	return kernel.ChainNeg, kernel.ChainNeg
}

// operand returns the chain step of operand k of in with op.
func operand(in *instr, k int, op int64) chainStep {
	return chainStep{op: op, reg: in.a[k], vec: in.vmask&(1<<k) != 0}
}

// buildChains finds the chains of p from acc (per vector instruction: the
// argument position of the accumulator it continues, or −1).
func (p *Program) buildChains(acc []int8) {
	p.chainAt = make([]int32, len(p.vector))
	for i := range p.chainAt {
		p.chainAt[i] = -1
	}
	for s := 0; s < len(p.vector); {
		e := s + 1
		for e < len(p.vector) && acc[e] >= 0 {
			e++
		}
		if e-s < 2 {
			s = e
			continue
		}
		first := &p.vector[s]
		c := chain{start: s, end: e, steps: []chainStep{operand(first, 0, kernel.ChainLoad)}}
		left, _ := stepOps(first.op)
		if first.nargs > 1 {
			c.steps = append(c.steps, operand(first, 1, left))
		} else {
			c.steps = append(c.steps, chainStep{op: left})
		}
		for i := s + 1; i < e; i++ {
			in := &p.vector[i]
			left, right := stepOps(in.op)
			switch {
			case in.nargs == 1:
				c.steps = append(c.steps, chainStep{op: left})
			case acc[i] == 0:
				c.steps = append(c.steps, operand(in, 1, left))
			default:
				c.steps = append(c.steps, operand(in, 0, right))
			}
		}
		p.chainAt[s] = int32(len(p.chains))
		p.chains = append(p.chains, c)
		s = e
	}
}

// chainFrame is a frame's working memory for one chain.
type chainFrame struct {
	steps []kernel.ChainStep
	bcast [][kernel.ChainBroadcast]float64 // per step
}

func (p *Program) newChainFrames() []chainFrame {
	out := make([]chainFrame, len(p.chains))
	for i, c := range p.chains {
		out[i] = chainFrame{steps: make([]kernel.ChainStep, len(c.steps)), bcast: make([][kernel.ChainBroadcast]float64, len(c.steps))}
		for k, s := range c.steps {
			out[i].steps[k].Op = s.op
			out[i].steps[k].X = &out[i].bcast[k][0] // scalar operands: Mask 0
		}
	}
	return out
}

// runChain runs chain c on n neurons: kernel.Chain on the multiple of
// kernel.ChainBlock, the rest element by element in Go.
func (f *Frame) runChain(ci int32, n int) {
	c, cf := &f.p.chains[ci], &f.chains[ci]
	dst := f.vec[f.p.vector[c.end-1].dst][:n]
	nb := n &^ (kernel.ChainBlock - 1)
	if nb > 0 {
		for k, s := range c.steps {
			st := &cf.steps[k]
			switch {
			case s.op == kernel.ChainNeg:
			case s.vec:
				st.X, st.Mask = &f.vec[s.reg][:n][0], -1
			default: // the buffer was set up by newChainFrames; refill it if the value changed
				b, x := &cf.bcast[k], f.sc[s.reg]
				if math.Float64bits(b[0]) != math.Float64bits(x) {
					for j := range b {
						b[j] = x
					}
				}
			}
		}
		kernel.Chain(cf.steps, &dst[0], nb)
	}
	for j := nb; j < n; j++ {
		var a float64
		for _, s := range c.steps {
			var x float64
			switch {
			case s.op == kernel.ChainNeg:
			case s.vec:
				x = f.vec[s.reg][j]
			default:
				x = f.sc[s.reg]
			}
			switch s.op {
			case kernel.ChainLoad:
				a = x
			case kernel.ChainAdd:
				a += x
			case kernel.ChainSub:
				a -= x
			case kernel.ChainRSub:
				a = x - a
			case kernel.ChainMul:
				a *= x
			case kernel.ChainDiv:
				a /= x
			case kernel.ChainRDiv:
				a = x / a
			case kernel.ChainNeg:
				a = -a
			}
		}
		dst[j] = a
	}
}
