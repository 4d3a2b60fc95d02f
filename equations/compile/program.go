package compile

import "fmt"

// Chunk is the number of neurons a program processes per instruction: a
// few kilobytes per register, so that the registers of a chunk stay in L1.
const Chunk = 256

// instr is one instruction: dst ← op(a[0], a[1], a[2]). In a vector
// instruction bit i of vmask says that operand i is a vector register
// (otherwise a scalar register); dst is a vector register. In a scalar
// instruction everything is a scalar register.
type instr struct {
	op    opcode
	vmask uint8
	nargs uint8
	dst   int32
	a     [3]int32
	key   uint64
}

// Program is a compiled list of vector operations over chunks of neurons,
// plus the scalar operations (shared parameters, t) computed once per run
// of a chunk. It is immutable; each goroutine runs it on its own Frame.
type Program struct {
	scalar  []instr
	vector  []instr
	nVecIn  int       // vector registers [0, nVecIn) are the bound inputs
	nTemp   int       // then nTemp temporaries of Chunk values
	nScIn   int       // scalar registers [0, nScIn) are the inputs
	scInit  []float64 // the scalar file with constants filled in
	outputs []int32   // vector register of each output
	scOut   []int32   // scalar register of each scalar output, else −1
	chains  []chain   // runs of vector instructions fused into one pass (chain.go)
	chainAt []int32   // per vector instruction: the chain starting there, else −1
}

// Compile turns the values outs of b into a program whose output i is
// outs[i]. Only the values the outputs need are computed, each once; a
// register is reused as soon as its value is dead. nVec and nScalar are
// the numbers of vector and scalar input slots the values use.
func (b *Builder) Compile(outs []Value, nVec, nScalar int) (*Program, error) {
	need := make([]bool, len(b.nodes))
	for _, o := range outs {
		if int(o) < 0 || int(o) >= len(b.nodes) {
			return nil, fmt.Errorf("compile: output value %d does not exist", o)
		}
		need[o] = true
	}
	for i := len(b.nodes) - 1; i >= 0; i-- { // arguments precede their users
		if need[i] {
			n := &b.nodes[i]
			for _, a := range n.arg[:n.nargs] {
				need[a] = true
			}
		}
	}
	p := &Program{nVecIn: nVec, nScIn: nScalar}
	sreg := make([]int32, len(b.nodes)) // scalar register of a scalar node
	vreg := make([]int32, len(b.nodes)) // vector register of a vector node
	last := make([]int, len(b.nodes))   // index of the last vector instruction using the node
	for i := range b.nodes {
		n := &b.nodes[i]
		if !need[i] {
			continue
		}
		switch {
		case n.kind == kVecIn || n.kind == kScalarIn:
			if n.kind == kVecIn && n.slot >= nVec || n.kind == kScalarIn && n.slot >= nScalar || n.slot < 0 {
				return nil, fmt.Errorf("compile: input slot %d out of range", n.slot)
			}
			sreg[i], vreg[i] = int32(n.slot), int32(n.slot)
		case !n.vec:
			sreg[i] = int32(nScalar + len(p.scInit))
			p.scInit = append(p.scInit, n.val)
			if n.kind == kOp {
				in := instr{op: n.op, nargs: n.nargs, dst: sreg[i]}
				for k, a := range n.arg[:n.nargs] {
					in.a[k] = sreg[a]
				}
				p.scalar = append(p.scalar, in)
			}
		}
	}
	// Vector instructions in node order, with liveness-based registers.
	var order []int
	for i := range b.nodes {
		if need[i] && b.nodes[i].vec && b.nodes[i].kind == kOp {
			for _, a := range b.nodes[i].arg[:b.nodes[i].nargs] {
				last[a] = len(order)
			}
			order = append(order, i)
		}
	}
	isOut := make([]bool, len(b.nodes))
	for _, o := range outs {
		isOut[o] = true
	}
	var free []int32
	alloc := func() int32 {
		if len(free) > 0 {
			r := free[len(free)-1]
			free = free[:len(free)-1]
			return r
		}
		p.nTemp++
		return int32(nVec + p.nTemp - 1)
	}
	acc := make([]int8, 0, len(order)) // per instruction: the chain argument it continues, or −1
	for idx, i := range order {
		n := &b.nodes[i]
		in := instr{op: n.op, nargs: n.nargs, key: n.key}
		pos := -1
		if idx > 0 {
			prev := order[idx-1]
			if k, ok := continues(n, &b.nodes[prev], Value(prev), last[prev], idx, isOut[prev]); ok {
				pos = k
			}
		}
		acc = append(acc, int8(pos))
		for k, a := range n.arg[:n.nargs] {
			if b.nodes[a].vec {
				in.vmask |= 1 << k
				in.a[k] = vreg[a]
				if b.nodes[a].kind == kOp && last[a] == idx && !isOut[a] && !dupArg(n, k) {
					free = append(free, vreg[a])
				}
			} else {
				in.a[k] = sreg[a]
			}
		}
		in.dst = alloc()
		vreg[i] = in.dst
		p.vector = append(p.vector, in)
	}
	// Outputs live in temporaries of their own.
	for _, o := range outs {
		n := &b.nodes[o]
		switch {
		case n.kind == kOp && n.vec:
			p.outputs = append(p.outputs, vreg[o])
		case n.vec: // a bound input: copy it, so that writing the input back is safe
			in := instr{op: opMov, nargs: 1, vmask: 1, a: [3]int32{vreg[o]}, dst: alloc()}
			p.vector = append(p.vector, in)
			p.outputs = append(p.outputs, in.dst)
		default: // broadcast by Out when asked for
			p.outputs = append(p.outputs, alloc())
			p.scOut = append(p.scOut, sreg[o])
			continue
		}
		p.scOut = append(p.scOut, -1)
	}
	for len(acc) < len(p.vector) { // the copies of inputs start no chain
		acc = append(acc, -1)
	}
	p.buildChains(acc)
	return p, nil
}

// dupArg reports whether argument k of n also appears at a later position
// (then the register is freed there).
func dupArg(n *node, k int) bool {
	for j := k + 1; j < int(n.nargs); j++ {
		if n.arg[j] == n.arg[k] {
			return true
		}
	}
	return false
}

// Stats describes a program: its vector and scalar instructions and the
// temporary vector registers it needs.
type Stats struct{ Vector, Scalar, Registers int }

// Stats returns the size of p.
func (p *Program) Stats() Stats { return Stats{len(p.vector), len(p.scalar), p.nTemp} }

// Outputs returns the number of outputs.
func (p *Program) Outputs() int { return len(p.outputs) }
