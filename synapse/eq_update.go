package synapse

import (
	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/sim"
)

// Update implements sim.Projection (see FromEquations for the order).
func (s *EqSynapses) Update(k int64, b, lo, hi int, hist sim.History) {
	r := s.run
	blk := &r.blocks[b]
	if r.onPost != nil && k > 0 {
		c := &blk.cols
		for j, f := range s.post.Spike()[lo:hi] {
			if f {
				for _, q := range c.Syn[c.Ptr[j]:c.Ptr[j+1]] {
					s.event(r, blk, r.onPost, blk.fPost, q, k-1)
				}
			}
		}
		s.flush(r, blk, r.onPost, blk.fPost, k-1)
	}
	if r.clock != nil {
		s.sweep(r, blk, r.clock, blk.fClock, k)
	}
	if r.onPre != nil {
		for g, lag := range r.lags {
			spikes := hist.At(lag)
			for _, i := range spikes {
				if blk.groups == nil {
					for q := blk.rows.Ptr[i]; q < blk.rows.Ptr[i+1]; q++ {
						s.event(r, blk, r.onPre, blk.fPre, q, k)
					}
					continue
				}
				ptr := blk.gptr[g]
				for _, q := range blk.groups[g][ptr[i]:ptr[i+1]] {
					s.event(r, blk, r.onPre, blk.fPre, q, k)
				}
			}
		}
		s.flush(r, blk, r.onPre, blk.fPre, k)
	}
	if r.sum != nil {
		for _, acc := range blk.acc {
			clear(acc)
		}
		s.sweep(r, blk, r.sum, blk.fSum, k)
		for v, a := range r.sumArr {
			a = a[lo:hi]
			if r.sumAdd[v] {
				for j, x := range blk.acc[v] {
					a[j] += x
				}
			} else {
				copy(a, blk.acc[v])
			}
		}
	}
}

// local returns the block-local post neuron of synapse q.
func (blk *synBlock) local(q uint32) uint32 {
	if blk.rows.Idx16 != nil {
		return uint32(blk.rows.Idx16[q])
	}
	return blk.rows.Idx32[q]
}

// gatherEnds fills the post and pre slots of f for n synapses whose local
// posts are post(e) and pre neurons pre(e).
func (s *EqSynapses) gatherEnds(r *synRun, blk *synBlock, sp *synProg, f *compile.Frame, n int, post func(e int) uint32, pre func(e int) uint32) {
	sm := r.sm
	for _, slot := range sp.slots {
		g := blk.gath[slot][:n]
		switch {
		case slot < sm.nStored || slot == sm.slotH:
			continue
		case slot < sm.nStored+len(sm.post):
			a := r.postArr[slot-sm.nStored][blk.lo:blk.hi]
			for e := range g {
				g[e] = a[post(e)]
			}
		case slot < sm.slotI:
			a := r.preArr[slot-sm.nStored-len(sm.post)]
			for e := range g {
				g[e] = a[pre(e)]
			}
		default:
			for e := range g {
				g[e] = float64(pre(e))
			}
		}
		f.Bind(slot, g)
	}
}

// sweep runs a clock-driven or summed program over every synapse of the
// block, a chunk at a time.
func (s *EqSynapses) sweep(r *synRun, blk *synBlock, sp *synProg, f *compile.Frame, k int64) {
	n := len(blk.pos)
	f.SetScalar(0, float64(k)*r.dt)
	for a := 0; a < n; a += compile.Chunk {
		m := min(compile.Chunk, n-a)
		for _, slot := range sp.slots {
			if slot < r.sm.nStored {
				f.Bind(slot, blk.arr[slot][a:a+m])
			}
		}
		s.gatherEnds(r, blk, sp, f, m, func(e int) uint32 { return blk.local(uint32(a + e)) },
			func(e int) uint32 { return blk.pre[a+e] })
		f.Run(k, a, m, r.nnz)
		for o, out := range sp.outs {
			res := f.Out(o)
			switch out.kind {
			case toSyn:
				if r.f32[out.slot] {
					roundF32(res)
				}
				copy(blk.arr[out.slot][a:a+m], res)
				if v := r.views[out.slot]; v != nil {
					for e, x := range res {
						v[blk.pos[a+e]] = x
					}
				}
			case toSum:
				acc := blk.acc[out.slot]
				for e, x := range res {
					acc[blk.local(uint32(a+e))] += x
				}
			}
		}
	}
}

// event queues synapse q for the pathway sp at step kt.
func (s *EqSynapses) event(r *synRun, blk *synBlock, sp *synProg, f *compile.Frame, q uint32, kt int64) {
	blk.ev = append(blk.ev, q)
	if len(blk.ev) == compile.Chunk {
		s.flush(r, blk, sp, f, kt)
	}
}

// flush runs the pathway sp for the queued synapses, at step kt: gather,
// run, scatter (post increments in queue order).
func (s *EqSynapses) flush(r *synRun, blk *synBlock, sp *synProg, f *compile.Frame, kt int64) {
	ev := blk.ev
	n := len(ev)
	if n == 0 {
		return
	}
	sm := r.sm
	f.SetScalar(0, float64(kt)*r.dt)
	for _, slot := range sp.slots {
		g := blk.gath[slot][:n]
		switch {
		case slot < sm.nStored:
			a := blk.arr[slot]
			for e, q := range ev {
				g[e] = a[q]
			}
			f.Bind(slot, g)
		case slot == sm.slotH:
			for e, q := range ev {
				g[e] = float64(kt-blk.last[q]) * r.dt
			}
			f.Bind(slot, g)
		}
	}
	s.gatherEnds(r, blk, sp, f, n, func(e int) uint32 { return blk.local(ev[e]) },
		func(e int) uint32 { return blk.pre[ev[e]] })
	f.Run(kt, 0, n, r.nnz)
	for o, out := range sp.outs {
		res := f.Out(o)
		switch out.kind {
		case toSyn:
			a, v := blk.arr[out.slot], r.views[out.slot]
			if r.f32[out.slot] {
				roundF32(res)
			}
			for e, q := range ev {
				a[q] = res[e]
			}
			if v != nil {
				for e, q := range ev {
					v[blk.pos[q]] = res[e]
				}
			}
		case toPost:
			a := r.postArr[out.slot][blk.lo:blk.hi]
			for e, q := range ev {
				a[blk.local(q)] += res[e]
			}
		}
	}
	if blk.last != nil {
		for _, q := range ev {
			blk.last[q] = kt
		}
		if r.lastView != nil {
			for _, q := range ev {
				r.lastView[blk.pos[q]] = float64(kt) * r.dt
			}
		}
	}
	blk.ev = blk.ev[:0]
}
