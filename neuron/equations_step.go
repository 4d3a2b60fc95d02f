package neuron

import (
	"sort"

	"github.com/brainsim/brainsim/equations"

	"github.com/brainsim/brainsim/equations/compile"
)

// bind points the inputs of f at neurons [a, b) and sets t.
func (q *EqPopulation) bind(f *compile.Frame, r *eqRun, a, b int, t float64) {
	f.SetScalar(0, t)
	for i, c := range q.layout.class {
		switch c {
		case cVector:
			f.Bind(q.layout.slot[i], r.arrays[i][a:b])
		case cShared:
			f.SetScalar(q.layout.slot[i], r.arrays[i][0])
		}
	}
}

// block returns the block of the run's partition that holds neuron lo.
func (r *eqRun) block(lo int) *eqBlock {
	b := sort.SearchInts(r.bounds, lo+1) - 1
	return &r.blocks[min(max(b, 0), len(r.blocks)-1)]
}

// Update implements sim.Population: chunk by chunk, the channels, the
// refractory test, the integration step, the jumps, the threshold and the
// reset (see EqPopulation).
func (q *EqPopulation) Update(k int64, t float64, lo, hi int, spikes []int32) []int32 {
	r := q.run
	blk := r.block(lo)
	for a := lo; a < hi; a += compile.Chunk {
		spikes = q.chunk(r, blk, k, t, a, min(a+compile.Chunk, hi), spikes)
	}
	return spikes
}

func (q *EqPopulation) chunk(r *eqRun, blk *eqBlock, k int64, t float64, a, b int, spikes []int32) []int32 {
	n := b - a
	if len(q.list) > 0 {
		q.apply(r.input, r.arrays[q.volt], a, b)
	}
	if r.fast != nil && r.jump == nil {
		return q.fastChunk(r, blk, k, t, a, b, spikes)
	}
	ref, last := blk.ref[:n], r.last[a:b]
	anyRef := q.refractory(r, blk, k, t, a, b)
	f := blk.step
	q.bind(f, r, a, b, t)
	f.Run(k, q.global(a), n, q.n)
	for s, frozen := range r.frozen {
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
	if r.jump != nil {
		v, jp := r.arrays[q.volt][a:b], r.jump[a:b]
		for j, d := range jp {
			if !ref[j] {
				v[j] += d
			}
			jp[j] = 0
		}
	}
	spk := r.spike[a:b]
	if r.thr == nil {
		clear(spk)
		return spikes
	}
	g := blk.thr
	q.bind(g, r, a, b, t)
	g.Run(k, q.global(a), n, q.n)
	ns := crossed(r.thrOp, g, blk.spk[:n], ref)
	clear(spk)
	for _, j := range blk.spk[:ns] {
		spk[j], last[j] = true, k
	}
	if ns == 0 {
		return spikes
	}
	if h := blk.reset; h != nil {
		q.bind(h, r, a, b, t)
		h.Run(k, q.global(a), n, q.n)
		for o, to := range r.resetTo {
			dst, out := r.arrays[to][a:b], h.Out(o)
			for _, j := range blk.spk[:ns] {
				dst[j] = out[j]
			}
		}
	}
	for _, j := range blk.spk[:ns] {
		spikes = append(spikes, int32(a)+j)
	}
	return spikes
}

// refractory fills blk.ref for neurons [a, b) and reports whether any is
// refractory at step k.
func (q *EqPopulation) refractory(r *eqRun, blk *eqBlock, k int64, t float64, a, b int) bool {
	ref, last := blk.ref[:b-a], r.last[a:b]
	anyRef := false
	switch {
	case !r.hasRef:
		clear(ref)
	case blk.refc != nil:
		f := blk.refc
		q.bind(f, r, a, b, t)
		f.Run(k, q.global(a), b-a, q.n)
		for j, c := range f.Out(0) {
			ref[j] = c != 0 && last[j] != never
			anyRef = anyRef || ref[j]
		}
	case r.refSteps != nil:
		steps := r.refSteps[a:b]
		for j, l := range last {
			ref[j] = k-l <= steps[j]
			anyRef = anyRef || ref[j]
		}
	default:
		for j, l := range last {
			ref[j] = k-l <= r.refConst
			anyRef = anyRef || ref[j]
		}
	}
	return anyRef
}

// crossed writes to idx the chunk indices of the neurons whose threshold
// holds and that are not refractory, and returns how many.
func crossed(op equations.Op, g *compile.Frame, idx []int32, ref []bool) int {
	ns := 0
	x := g.Out(0)
	ref = ref[:len(x)]
	if s, ok := g.Scalar(1); ok && op == equations.OpGE {
		for j, v := range x {
			if v >= s && !ref[j] {
				idx[ns] = int32(j)
				ns++
			}
		}
		return ns
	}
	var y []float64
	if op != equations.OpNE {
		y = g.Out(1)[:len(x)]
	}
	for j, v := range x {
		var c bool
		switch op {
		case equations.OpLT:
			c = v < y[j]
		case equations.OpLE:
			c = v <= y[j]
		case equations.OpGT:
			c = v > y[j]
		case equations.OpGE:
			c = v >= y[j]
		default:
			c = v != 0
		}
		if c && !ref[j] {
			idx[ns] = int32(j)
			ns++
		}
	}
	return ns
}
