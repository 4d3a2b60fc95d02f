package neuron

import (
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/internal/kernel"
)

// eqFast is the fused end of a step for the common model shape: the
// threshold is "x >= c" or "x > c" with x a state variable and c the same
// for every neuron (a constant, a shared parameter, t), and the refractory
// period is the same for every neuron (or there is none). Then one kernel
// pass (kernel.CommitStep) writes x's new values, freezes refractory
// neurons, tests the threshold and, when every reset value is the same
// for all neurons, resets x — the operations of the general path in the
// same order, so the results are the same bits. A population that takes
// voltage jumps (a Jumps accumulator was asked for, by a Delta or a
// "P.jump" input) takes the general path.
type eqFast struct {
	x      int              // the state variable of the threshold
	gt     bool             // x > c, else x >= c
	c      float64          // c, if constant
	cProg  *compile.Program // else: c, a program with one scalar output
	scalar bool             // every reset output is one value for all neurons
	resetX int              // the reset output that is x, or −1
	others bool             // a state variable other than x is (unless refractory)
}

// compileFast sets r.fast when the model has the shape eqFast covers.
func (q *EqPopulation) compileFast(r *eqRun, dt float64, key uint64) error {
	c, ok := q.thr.(*equations.Binary)
	if !ok || c.Op != equations.OpGE && c.Op != equations.OpGT || q.ref != nil && q.ref.Condition != nil || r.refSteps != nil {
		return nil
	}
	b := compile.NewBuilder()
	l := compile.NewLowerer(b, key)
	env := q.env(b, dt, nil)
	x, err := l.Lower(c.X, env)
	if err != nil {
		return err
	}
	y, err := l.Lower(c.Y, env)
	if err != nil || b.IsVector(y) {
		return err
	}
	fs := &eqFast{x: -1, gt: c.Op == equations.OpGT, resetX: -1}
	for s := range q.model.States {
		if x == b.Vector(q.layout.slot[s]) {
			fs.x = s
		}
	}
	if fs.x < 0 {
		return nil
	}
	if v, ok := b.IsConst(y); ok {
		fs.c = v
	} else if fs.cProg, err = b.Compile([]compile.Value{y}, q.layout.nVec, q.layout.nScal); err != nil {
		return err
	}
	fs.scalar = true
	if r.reset != nil {
		f := r.reset.NewFrame()
		for o, to := range r.resetTo {
			_, ok := f.Scalar(o)
			fs.scalar = fs.scalar && ok
			if to == fs.x {
				fs.resetX = o
			}
		}
	}
	for s, frozen := range r.frozen {
		fs.others = fs.others || frozen && s != fs.x
	}
	r.fast = fs
	return nil
}

// fastChunk is chunk's work after the channels for a model with r.fast,
// when no jumps arrive.
func (q *EqPopulation) fastChunk(r *eqRun, blk *eqBlock, k int64, t float64, a, b int, spikes []int32) []int32 {
	fs, n := r.fast, b-a
	ref := blk.ref[:n]
	anyRef := fs.others && q.refractory(r, blk, k, t, a, b)
	f := blk.step
	q.bind(f, r, a, b, t)
	f.Run(k, q.global(a), n, q.n)
	for s, frozen := range r.frozen {
		if s == fs.x {
			continue
		}
		dst, out := r.arrays[s][a:b], f.Out(s)
		if frozen && anyRef {
			for j, x := range out {
				if !ref[j] {
					dst[j] = x
				}
			}
		} else {
			copy(dst, out)
		}
	}
	p := kernel.Commit{VTh: fs.c, Ref: -1, K: k}
	if r.hasRef {
		p.Ref = r.refConst
	}
	if !r.frozen[fs.x] {
		p.Keep = -1
	}
	if fs.gt {
		p.GT = -1
	}
	if fs.cProg != nil {
		g := blk.c
		q.bind(g, r, a, b, t)
		g.Run(k, q.global(a), 0, q.n)
		p.VTh, _ = g.Scalar(0)
	}
	h := blk.reset
	if h != nil && fs.scalar {
		q.bind(h, r, a, b, t)
		h.Run(k, q.global(a), 0, q.n) // scalar instructions only
		if fs.resetX >= 0 {
			p.VReset, _ = h.Scalar(fs.resetX)
			p.Reset = -1
		}
	}
	idx := blk.spk[:n]
	ns := kernel.CommitStep(&p, r.arrays[fs.x][a:b], f.Out(fs.x), r.last[a:b], r.spike[a:b], idx, 0)
	if ns == 0 {
		return spikes
	}
	idx = idx[:ns]
	switch {
	case h != nil && fs.scalar:
		for o, to := range r.resetTo {
			if o == fs.resetX {
				continue
			}
			dst := r.arrays[to][a:b]
			c, _ := h.Scalar(o)
			for _, j := range idx {
				dst[j] = c
			}
		}
	case h != nil:
		q.bind(h, r, a, b, t)
		h.Run(k, q.global(a), n, q.n)
		for o, to := range r.resetTo {
			dst, out := r.arrays[to][a:b], h.Out(o)
			for _, j := range idx {
				dst[j] = out[j]
			}
		}
	}
	for _, j := range idx {
		spikes = append(spikes, int32(a)+j)
	}
	return spikes
}
