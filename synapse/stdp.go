package synapse

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/sim"
)

// STDPParams are the parameters of an STDP projection.
//
//	Tau         conductance decay time constant, ms (> 0)            8
//	TauS        pre trace time constant τ_s, ms (> 0)                 16.8
//	TauT        post trace time constant τ_t, ms (> 0)                33.7
//	A1          potentiation amplitude (>= 0)                         0.96
//	A2          depression amplitude (>= 0)                           0.53
//	WMin, WMax  weight bounds; both 0 = unbounded (BrainPy None)      0, 0
//	GMax        initial weight of every synapse                       1
//	WeightInit, Weights, Delay: as in ExponentialParams
type STDPParams struct {
	Tau, TauS, TauT float64
	A1, A2          float64
	WMin, WMax      float64
	GMax            float64
	WeightInit      initial.Init
	Weights         []float32
	Delay           float64
}

// DefaultSTDP returns BrainPy's STDP_Song2000 parameters (τ_s = 16.8 ms,
// τ_t = 33.7 ms, A1 = 0.96, A2 = 0.53, no bounds) with an Expon synapse of
// τ = 8 ms and initial weights 1.
func DefaultSTDP() STDPParams {
	return STDPParams{Tau: 8, TauS: 16.8, TauT: 33.7, A1: 0.96, A2: 0.53, GMax: 1}
}

// STDP is an exponential synapse whose float32 per-synapse weights follow
// pair-based spike-timing-dependent plasticity in trace form (Song, Miller &
// Abbott 2000; BrainPy's STDP_Song2000; docs/semantics.md, “Plasticity”).
// Each pre neuron has a trace A_pre (τ_s) and each post neuron a trace A_post
// (τ_t); each spike adds 1 to its trace. Step k runs, for post block b:
//
//  1. for each post neuron j that spiked at step k−1: w_ij ← clip(w_ij +
//     A1·A_pre,i) for its synapses, then A_post,j += 1;
//  2. both traces decay by one step: A ← A·e^{−dt/τ};
//  3. for each pre spike arriving at step k (emitted at k − λ): w_ij ←
//     clip(w_ij − A2·A_post,j) for its synapses, then A_pre,i += 1;
//  4. g ← g·e^{−dt/τ} + Σ w_ij over the arrivals (with the updated
//     weights), and the output adds its current.
//
// Measuring Δt = t_post − t_arrival in whole steps (t_arrival = emission +
// λ·dt, the step whose conductance jumps; t_post the step the post neuron
// fired), an isolated pair changes the weight by
//
//	Δw = A1·e^{−Δt/τ_s}  for Δt >= 0 (post at or after the arrival)
//	Δw = −A2·e^{Δt/τ_t}  for Δt < 0
//
// Bounds are applied after every change (before rounding to float32).
// Weights start at GMax, WeightInit or Weights; the bounds do not clip them
// until they first change.
//
// The post spikes are read from the post population's spike flags; the
// pre trace is kept per pre neuron (one copy per block, advanced
// identically), the post trace per post neuron. A column (CSC) view of each
// block's synapses serves the potentiation; memory per synapse: 2 or 4
// bytes (index) + 4 (weight) + 8 (column view) + 4 (CSR position).
//
// Receives spikes from pre and reads spikes of post; sends current to the
// post "input". Variables: "g", "apost" (post-sized), "apre" (pre-sized)
// and "w" (the weights as float64 in the connector's CSR order; the view
// is allocated by the first Var("w") call, which monitors make when the
// runner is created, and from then on kept current at every change).
type STDP struct {
	sim.Membership // a node belongs to one network
	p              STDPParams
	kind           string
	pre, post      sim.Population
	conn           connect.Connector
	spec           wiringSpec
	out            Output

	lag        int
	rows       []kernel.Rows
	cols       []kernel.Cols
	pos        [][]uint32   // CSR position of each synapse of each block
	posts      kernel.Posts // the post share the blocks hold
	nnz        int
	apre       [][]float64 // per block copy, pre-sized
	apost, g   []float64
	in, v      []float64
	dg, ds, dt float64
	wlo, whi   float64
	view       []float64 // "w", allocated when first asked for
}

// NewSTDP returns an STDP projection; a nil out means CUBA.
func NewSTDP(pre, post sim.Population, conn connect.Connector, p STDPParams, out Output) (*STDP, error) {
	const kind = "STDP"
	if err := checkEnds(kind, pre, post, conn); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		n string
		v float64
	}{{"Tau", p.Tau}, {"TauS", p.TauS}, {"TauT", p.TauT}} {
		if err := checkTau(kind, f.n, f.v); err != nil {
			return nil, err
		}
	}
	switch {
	case !(p.A1 >= 0) || math.IsInf(p.A1, 0):
		return nil, paramErr(kind, "A1", p.A1, "must be finite and >= 0")
	case !(p.A2 >= 0) || math.IsInf(p.A2, 0):
		return nil, paramErr(kind, "A2", p.A2, "must be finite and >= 0")
	case math.IsNaN(p.WMin) || math.IsNaN(p.WMax) || p.WMin > p.WMax:
		return nil, fmt.Errorf("synapse: %s WMin = %v, WMax = %v: need WMin <= WMax (both 0 for no bounds; ±Inf for one bound)", kind, p.WMin, p.WMax)
	}
	s := &STDP{p: p, kind: kind, pre: pre, post: post, conn: conn,
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights, delay: p.Delay}}
	if err := s.spec.check(); err != nil {
		return nil, err
	}
	o, err := resolveOutput(kind, out, CUBA{})
	if err != nil {
		return nil, err
	}
	s.out = o
	return s, nil
}

// Pre implements sim.Projection.
func (s *STDP) Pre() sim.Population { return s.pre }

// Post implements sim.Projection.
func (s *STDP) Post() sim.Population { return s.post }

// Init implements sim.Projection.
func (s *STDP) Init(env *sim.Env) error {
	if s.in = s.post.Var("input"); s.in == nil {
		return fmt.Errorf("synapse: %s: the post population has no \"input\" variable", s.kind)
	}
	s.v = nil
	if s.out.NeedsV() {
		if s.v = s.post.Var("V"); s.v == nil {
			return fmt.Errorf("synapse: %s: the post population has no \"V\" variable for the output %s", s.kind, s.out)
		}
	}
	csr, w, err := s.spec.connectCSR(s.pre, s.post, s.conn, env)
	if err != nil {
		return err
	}
	if w == nil {
		w = make([]float32, csr.NNZ())
		for q := range w {
			w[q] = float32(s.p.GMax)
		}
	}
	s.posts = postsOf(env)
	if s.rows, err = kernel.Split(csr, s.posts, w, env.Reserve); err != nil {
		return fmt.Errorf("synapse: %s: %w", s.kind, err)
	}
	if s.pos, err = kernel.Positions(csr, s.posts); err != nil {
		return fmt.Errorf("synapse: %s: %w", s.kind, err)
	}
	s.cols = make([]kernel.Cols, len(s.rows))
	s.apre = make([][]float64, len(s.rows))
	for b := range s.rows {
		s.cols[b] = s.rows[b].Columns()
		s.apre[b] = make([]float64, s.pre.Size())
	}
	n := env.Local()
	s.nnz, s.view = csr.NNZ(), nil
	if s.lag, err = lagSteps("synapse: STDP Delay", s.p.Delay, env.Dt); err != nil {
		return err
	}
	s.apost, s.g = make([]float64, n), make([]float64, n)
	s.dg, s.ds, s.dt = math.Exp(-env.Dt/s.p.Tau), math.Exp(-env.Dt/s.p.TauS), math.Exp(-env.Dt/s.p.TauT)
	s.wlo, s.whi = math.Inf(-1), math.Inf(1)
	if s.p.WMin != 0 || s.p.WMax != 0 {
		s.wlo, s.whi = s.p.WMin, s.p.WMax
	}
	return nil
}

// MaxLag implements sim.Projection.
func (s *STDP) MaxLag() int { return s.lag }

// set stores the clipped weight x of synapse q of block b.
func (s *STDP) set(b int, r *kernel.Rows, q uint32, x float64) {
	x = min(max(x, s.wlo), s.whi)
	r.W[q] = float32(x)
	if s.view != nil {
		s.view[s.pos[b][q]] = float64(r.W[q])
	}
}

// Update implements sim.Projection.
func (s *STDP) Update(k int64, b, lo, hi int, hist sim.History) {
	r, c, ap := &s.rows[b], &s.cols[b], s.apre[b]
	apost := s.apost[lo:hi]
	for j, f := range s.post.Spike()[lo:hi] {
		if !f {
			continue
		}
		for e := c.Ptr[j]; e < c.Ptr[j+1]; e++ {
			q := c.Syn[e]
			s.set(b, r, q, float64(r.W[q])+s.p.A1*ap[c.Pre[e]])
		}
		apost[j]++
	}
	for i := range ap {
		ap[i] *= s.ds
	}
	for j := range apost {
		apost[j] *= s.dt
	}
	spikes := hist.At(s.lag)
	for _, i := range spikes {
		for q := r.Ptr[i]; q < r.Ptr[i+1]; q++ {
			var j int
			if r.Idx16 != nil {
				j = int(r.Idx16[q])
			} else {
				j = int(r.Idx32[q])
			}
			s.set(b, r, q, float64(r.W[q])-s.p.A2*apost[j])
		}
		ap[i]++
	}
	g := s.g[lo:hi]
	for j := range g {
		g[j] *= s.dg
	}
	if len(spikes) > 0 && r.NNZ() > 0 {
		r.AddWeighted(g, spikes)
	}
	var v []float64
	if s.v != nil {
		v = s.v[lo:hi]
	}
	s.out.Current(s.in[lo:hi], g, v)
}

// Var implements sim.Projection.
func (s *STDP) Var(name string) []float64 {
	switch name {
	case "g":
		return s.g
	case "apost":
		return s.apost
	case "apre":
		if len(s.apre) > 0 {
			return s.apre[0]
		}
	case "w":
		if s.rows == nil {
			return nil
		}
		if s.view == nil {
			s.view = make([]float64, s.nnz)
			for q, w := range s.Weights() {
				s.view[q] = float64(w)
			}
		}
		return s.view
	}
	return nil
}

// VarNames implements sim.Projection.
func (s *STDP) VarNames() []string { return []string{"g", "apost", "apre", "w"} }

// Weights returns a copy of the current weights in the connector's CSR
// order (after Init).
func (s *STDP) Weights() []float32 {
	out := make([]float32, s.nnz)
	for b := range s.rows {
		for q, p := range s.pos[b] {
			out[p] = s.rows[b].W[q]
		}
	}
	return out
}

// NumSynapses returns the number of synapses this rank holds (all, on one
// rank; after Init).
func (s *STDP) NumSynapses() int { return heldIn(s.rows) }

// Bytes returns the memory held by connectivity, weights, column views and
// positions (after Init).
func (s *STDP) Bytes() int {
	n := rowsBytes(s.rows)
	for b := range s.cols {
		n += s.cols[b].Bytes() + 4*len(s.pos[b])
	}
	return n
}
