package synapse

import (
	"fmt"
	"slices"

	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// synRun is the state of an EqSynapses for one run.
type synRun struct {
	dt                        float64
	nnz                       int
	lags                      []int // distinct latencies, ascending
	sm                        *slotMap
	blocks                    []synBlock
	postArr, preArr           [][]float64
	clock, onPre, onPost, sum *synProg
	sumArr                    [][]float64 // target of each summed variable
	sumAdd                    []bool      // add to it (input) rather than store
	hasEvent                  bool
	f32                       []bool      // per stored variable: rounded to float32
	views                     [][]float64 // per stored variable, CSR order; nil until asked
	lastView                  []float64
	key                       uint64
	off, stride, nLocal       int // the post neurons held here: off + j·stride for j < nLocal
}

// synBlock is one post block's synapses and working memory.
type synBlock struct {
	lo, hi int // the block's post neurons (local indices)
	rows   kernel.Rows
	pre    []uint32 // pre neuron of each synapse (block order)
	cols   kernel.Cols
	groups [][]uint32 // per latency: rows of synapse indices (ptr then syn), nil for one latency
	gptr   [][]uint32
	arr    [][]float64 // per stored variable
	last   []int64     // step of each synapse's last event
	pos    []uint32    // CSR position of each synapse
	acc    [][]float64 // per summed variable, per post
	fClock *compile.Frame
	fPre   *compile.Frame
	fPost  *compile.Frame
	fSum   *compile.Frame
	gath   [][]float64 // per vector slot, Chunk values
	ev     []uint32
}

// Pre implements sim.Projection.
func (s *EqSynapses) Pre() sim.Population { return s.pre }

// Post implements sim.Projection.
func (s *EqSynapses) Post() sim.Population { return s.post }

// MaxLag implements sim.Projection.
func (s *EqSynapses) MaxLag() int {
	if s.run == nil || len(s.run.lags) == 0 {
		return 1
	}
	return s.run.lags[len(s.run.lags)-1]
}

// ReadsPreState implements sim.PreStateReader: true when the model reads a
// pre variable.
func (s *EqSynapses) ReadsPreState() bool { return len(s.layoutSlots().pre) > 0 }

// Init implements sim.Projection.
func (s *EqSynapses) Init(env *sim.Env) error {
	const kind = "FromEquations"
	sm := s.layoutSlots()
	r := &synRun{dt: env.Dt, sm: sm, key: env.Key, hasEvent: len(s.model.Analysis().EventDriven) > 0, off: env.Offset, stride: env.Step(), nLocal: env.Local()}
	var err error
	if r.postArr, err = endVars("post", s.post, r.nLocal, sm.post); err != nil {
		return err
	}
	// The pre variables of the rank's share: over ranks the runner hands
	// over copies of the whole population (MirrorPre).
	if r.preArr, err = endVars("pre", s.pre, -1, sm.pre); err != nil {
		return err
	}
	spec := wiringSpec{kind: kind}
	csr, _, err := spec.connectCSR(s.pre, s.post, s.conn, env)
	if err != nil {
		return err
	}
	nnz := csr.NNZ()
	r.nnz = nnz
	each := int64(8*sm.nStored + 4 + 4 + 8)
	if err := env.Reserve(fmt.Sprintf("synapse: %s: %d synapses × %d variables", kind, nnz, sm.nStored), int64(nnz), each); err != nil {
		return err
	}
	rows, err := kernel.Split(csr, postsOf(env), nil, env.Reserve)
	if err != nil {
		return fmt.Errorf("synapse: %s: %w", kind, err)
	}
	pos, err := kernel.Positions(csr, postsOf(env)) // checks nnz <= MaxUint32
	if err != nil {
		return fmt.Errorf("synapse: %s: %w", kind, err)
	}
	init := make([][]float64, sm.nStored)
	for i := range s.vars {
		x := &s.vars[i]
		if x.stored {
			if init[x.slot], err = x.fill(nnz, rng.String(env.Key, "values")); err != nil {
				return err
			}
		}
	}
	var lags []int // per synapse (CSR order) with per-synapse delays
	lag, err := lagSteps("synapse: FromEquations Delay", s.p.Delay, env.Dt)
	if err != nil {
		return err
	}
	r.lags = []int{lag}
	if s.delayVar >= 0 {
		lags = make([]int, nnz)
		for q, d := range init[s.vars[s.delayVar].slot] {
			if lags[q], err = lagSteps(fmt.Sprintf("synapse: FromEquations delay of synapse %d", q), d, env.Dt); err != nil {
				return err
			}
		}
		r.lags = slices.Compact(slices.Sorted(slices.Values(lags)))
	}
	if r.clock, err = s.compileClock(sm, env.Dt, nnz); err != nil {
		return err
	}
	if r.sum, err = s.compileSummed(sm, env.Dt, nnz); err != nil {
		return err
	}
	if r.onPre, err = s.compileEvent("OnPre", s.onPre, sm, env.Dt, nnz); err != nil {
		return err
	}
	if r.onPost, err = s.compileEvent("OnPost", s.onPost, sm, env.Dt, nnz); err != nil {
		return err
	}
	if err := s.initSummed(r); err != nil {
		return err
	}
	r.blocks = make([]synBlock, len(rows))
	for b := range rows {
		s.initBlock(r, &r.blocks[b], rows[b], pos[b], init, lags)
	}
	r.views = make([][]float64, sm.nStored)
	r.f32 = make([]bool, sm.nStored)
	for _, x := range s.vars {
		if x.stored {
			r.f32[x.slot] = x.f32
		}
	}
	s.run = r
	return nil
}

// endVars returns the variables names of population p, which holds n
// neurons here (n < 0: any number).
func endVars(side string, p sim.Population, n int, names []string) ([][]float64, error) {
	out := make([][]float64, len(names))
	for i, name := range names {
		if out[i] = p.Var(name); out[i] == nil || n >= 0 && len(out[i]) != n {
			return nil, fmt.Errorf("synapse: FromEquations: the %s population has no variable %q of length %d (it has %v)", side, name, n, p.VarNames())
		}
	}
	return out, nil
}

func (s *EqSynapses) initSummed(r *synRun) error {
	r.sumArr, r.sumAdd = nil, nil
	for _, t := range s.sumTo {
		a := s.post.Var(t)
		if a == nil || len(a) != r.nLocal {
			return fmt.Errorf("synapse: FromEquations: the post population has no variable %q for the summed variable %s_post", t, t)
		}
		r.sumArr, r.sumAdd = append(r.sumArr, a), append(r.sumAdd, t == "input")
	}
	return nil
}

func (s *EqSynapses) initBlock(r *synRun, blk *synBlock, rows kernel.Rows, pos []uint32, init [][]float64, lags []int) {
	sm := r.sm
	n := rows.NNZ()
	*blk = synBlock{lo: rows.Lo, hi: rows.Hi, rows: rows, pos: pos, arr: make([][]float64, sm.nStored)}
	for v := range blk.arr {
		blk.arr[v] = make([]float64, n)
		for q, p := range pos {
			blk.arr[v][q] = init[v][p]
		}
	}
	npre := len(rows.Ptr) - 1
	if len(sm.pre) > 0 || sm.usesI {
		blk.pre = make([]uint32, n)
		for i := 0; i < npre; i++ {
			for q := rows.Ptr[i]; q < rows.Ptr[i+1]; q++ {
				blk.pre[q] = uint32(i)
			}
		}
	}
	if r.onPost != nil {
		blk.cols = rows.Columns()
	}
	if r.hasEvent {
		blk.last = make([]int64, n)
	}
	if r.sum != nil {
		blk.acc = make([][]float64, len(s.summed))
		for v := range blk.acc {
			blk.acc[v] = make([]float64, rows.Hi-rows.Lo)
		}
	}
	if len(r.lags) > 1 {
		for _, lag := range r.lags {
			ptr := make([]uint32, npre+1)
			var syn []uint32
			for i := 0; i < npre; i++ {
				for q := rows.Ptr[i]; q < rows.Ptr[i+1]; q++ {
					if lags[pos[q]] == lag {
						syn = append(syn, q)
					}
				}
				ptr[i+1] = uint32(len(syn))
			}
			blk.gptr, blk.groups = append(blk.gptr, ptr), append(blk.groups, syn)
		}
	}
	for _, p := range []struct {
		sp *synProg
		f  **compile.Frame
	}{{r.clock, &blk.fClock}, {r.onPre, &blk.fPre}, {r.onPost, &blk.fPost}, {r.sum, &blk.fSum}} {
		if p.sp != nil {
			*p.f = p.sp.p.NewFrame()
		}
	}
	blk.gath = make([][]float64, sm.nVec)
	for v := range blk.gath {
		blk.gath[v] = make([]float64, compile.Chunk)
	}
	blk.ev = make([]uint32, 0, compile.Chunk)
}
