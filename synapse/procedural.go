package synapse

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// ExpProcedural is an Exp projection with procedural connectivity: it
// stores no synapses. In every step each worker regenerates, for every pre
// neuron whose spike arrives, only the part of its row that falls in the
// worker's post block (connect.RangeGenerator) and adds the scalar weight
// GMax there (Knight & Nowotny 2021, "Larger GPU-accelerated brain
// simulations with procedural connectivity", Nat. Comput. Sci. 1:136–142).
// The rows are those of conn.Connect, so the results are bit-identical to
// NewExpCOBA/NewExpCUBA with the same connector, for any number of threads;
// memory is O(neurons) instead of O(synapses), and the cost of a spike is a
// regeneration (a few ns per synapse) instead of a memory read.
//
// The dynamics, variables and Delay are those of Exp; per-synapse weights
// (WeightInit, Weights) are not supported.
type ExpProcedural struct {
	sim.Membership // a node belongs to one network
	*expCore
	pconn  connect.ProceduralConnector
	gen    connect.RangeGenerator
	bufs   [][]uint32 // per post block: the row range being delivered
	off    int        // the global index of the first post neuron held here
	stride int        // between those of neighbouring local posts
	local  int        // the posts held here

	countOnce sync.Once
	count     int
}

// NewExpCOBAProcedural returns a conductance-based exponential projection
// with procedural connectivity (see ExpProcedural and NewExpCOBA).
func NewExpCOBAProcedural(pre, post sim.Population, conn connect.ProceduralConnector, p ExpParams) (*ExpProcedural, error) {
	return newExpProcedural("ExpCOBAProcedural", true, pre, post, conn, p)
}

// NewExpCUBAProcedural returns a current-based exponential projection with
// procedural connectivity (see ExpProcedural and NewExpCUBA).
func NewExpCUBAProcedural(pre, post sim.Population, conn connect.ProceduralConnector, p ExpParams) (*ExpProcedural, error) {
	if p.E != 0 {
		return nil, fmt.Errorf("synapse: ExpCUBAProcedural E = %v: ExpCUBA has no reversal potential (leave E 0 or use NewExpCOBAProcedural)", p.E)
	}
	return newExpProcedural("ExpCUBAProcedural", false, pre, post, conn, p)
}

func newExpProcedural(kind string, coba bool, pre, post sim.Population, conn connect.ProceduralConnector, p ExpParams) (*ExpProcedural, error) {
	if conn == nil { // a typed nil would pass checkEnds
		return nil, fmt.Errorf("synapse: %s: connector is nil", kind)
	}
	if p.WeightInit != nil || p.Weights != nil {
		return nil, fmt.Errorf("synapse: %s: WeightInit and Weights are not supported with procedural connectivity: use the scalar GMax", kind)
	}
	e, err := newExp(kind, coba, pre, post, conn, p)
	if err != nil {
		return nil, err
	}
	return &ExpProcedural{expCore: e, pconn: conn}, nil
}

// Init implements sim.Projection: it prepares the row generator (seeded as
// Exp seeds its connector) and the conductance; no synapse is built.
func (e *ExpProcedural) Init(env *sim.Env) error {
	x := e.expCore
	x.input = x.post.Var("input")
	if x.input == nil {
		return fmt.Errorf("synapse: %s: the post population has no \"input\" variable", x.kind)
	}
	if x.coba {
		x.vpost = x.post.Var("V")
		if x.vpost == nil {
			return fmt.Errorf("synapse: %s: the post population has no \"V\" variable for the COBA driving force", x.kind)
		}
	}
	gen, err := e.pconn.Generator(x.pre.Size(), x.post.Size(), rng.String(env.Key, "conn"))
	if err != nil {
		return fmt.Errorf("synapse: %s connectivity %s: %w", x.kind, e.pconn, err)
	}
	e.gen, e.off, e.stride, e.local = gen, env.Offset, env.Step(), env.Local()
	if e.stride > 1 {
		env.Warn(fmt.Sprintf("procedural rows are regenerated over the span of the rank's posts, which a round-robin layout spreads over the whole population: every rank generates about every synapse of each spike (%d times the work of contiguous ranges)", e.stride))
	}
	e.bufs = make([][]uint32, len(env.Bounds)-1)
	if x.lag, err = lagSteps("synapse: "+x.kind+" Delay", x.p.Delay, env.Dt); err != nil {
		return err
	}
	x.rows, x.nnz = nil, 0
	x.view.initView(env)
	x.initChannel(env)
	e.countOnce = sync.Once{}
	return nil
}

var _ sim.Projection = (*ExpProcedural)(nil)

// expCore lets ExpProcedural embed Exp (its methods Pre, Post, MaxLag, Var,
// VarNames) without exporting the embedded value.
type expCore = Exp

// Update implements sim.Projection: the rows of the arriving spikes are
// regenerated over the block [lo, hi) and GMax is added per synapse
// (kernel.AddProcedural); the decay and output are Exp's.
func (e *ExpProcedural) Update(k int64, b, lo, hi int, hist sim.History) {
	x := e.expCore
	if s := hist.At(x.lag); len(s) > 0 {
		a := x.ch.Arrived
		if a == nil {
			a = x.ch.G
		}
		e.bufs[b] = kernel.AddProceduralStrided(a[lo:hi], e.off+lo*e.stride, e.stride, s, e.gen, x.weight, e.bufs[b])
	}
	x.integrate(lo, hi)
}

// NumSynapses returns the number of synapses onto the posts this rank
// holds (all, on one rank; after Init). The first call counts them by
// generating every row, in parallel.
func (e *ExpProcedural) NumSynapses() int {
	if e.gen == nil {
		return 0
	}
	n := 0
	for _, b := range e.bufs {
		_ = b
		n++
	}
	e.countOnce.Do(func() { e.count = countRows(e.gen, e.pre.Size(), e.off, e.stride, e.local) })
	return e.count
}

// Bytes returns the memory held for connectivity: the row buffers only.
func (e *ExpProcedural) Bytes() int {
	n := 0
	for _, b := range e.bufs {
		n += 4 * cap(b)
	}
	return n
}

// countRows counts the synapses of all rows onto the n posts first,
// first+stride, … (all posts on one rank) on GOMAXPROCS goroutines.
func countRows(g connect.RangeGenerator, nPre, first, stride, n int) int {
	if n == 0 {
		return 0
	}
	hi := first + (n-1)*stride + 1
	workers := min(runtime.GOMAXPROCS(0), max(nPre, 1))
	counts := make([]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var buf []uint32
			for i := w * nPre / workers; i < (w+1)*nPre/workers; i++ {
				buf = g.AppendRange(buf[:0], i, first, hi)
				if stride == 1 {
					counts[w] += len(buf)
					continue
				}
				for _, j := range buf {
					if (int(j)-first)%stride == 0 {
						counts[w]++
					}
				}
			}
		})
	}
	wg.Wait()
	total := 0
	for _, c := range counts {
		total += c
	}
	return total
}
