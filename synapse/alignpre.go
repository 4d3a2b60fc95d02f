package synapse

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/internal/guard"
	"github.com/brainsim/brainsim/sim"
)

// kinBlock is one block's copy of the per-pre-neuron kinetic state. Every
// block advances its own copy with the same spikes, so the copies stay
// identical (block 0's is exposed to monitors) and no block reads memory
// another block writes.
type kinBlock struct {
	s, x []float64 // gating variable and second state (NMDA, BioNMDA)
	last []int64   // step of the last arriving spike (transmitter pulse)
}

// kinModel is the kinetics of one pre neuron's synapses.
type kinModel interface {
	// setup computes the one-step constants for dt.
	setup(dt float64) error
	// hasX reports whether the model has the second state x.
	hasX() bool
	// step advances st by one step (step k) given the arriving spikes.
	step(k int64, st *kinBlock, spikes []int32)
}

// alignPre is the engine of the kinetic projections (AMPA, GABAa, NMDA,
// BioNMDA). Their gating dynamics are nonlinear in the spike train (the
// saturation term 1 − s), so the state cannot be summed per post neuron;
// but it depends only on the spikes of the pre neuron, so, with one delay
// for all synapses, every synapse of pre neuron i has the same state s_i.
// The projection keeps s per pre neuron (BrainPy's align-pre) and each step
// computes the post conductance g_j = Σ_i w_ij·s_i over the synapses of
// the block: this is exact, and costs one pass over the block's synapses
// whose pre state is nonzero.
type alignPre struct {
	sim.Membership // a node belongs to one network
	kind           string
	pre, post      sim.Population
	conn           connect.Connector
	spec           wiringSpec
	out            Output
	model          kinModel
	par            any // the parameter struct (Fingerprint)

	w      *wiring
	blocks []kinBlock
	g      []float64 // post conductance Σ w·s
	in, v  []float64
	view   staticView
}

func newAlignPre(p *alignPre, pre, post sim.Population, conn connect.Connector, out, def Output) error {
	if err := checkEnds(p.kind, pre, post, conn); err != nil {
		return err
	}
	if err := p.spec.check(); err != nil {
		return err
	}
	o, err := resolveOutput(p.kind, out, def)
	if err != nil {
		return err
	}
	p.pre, p.post, p.conn, p.out = pre, post, conn, o
	return nil
}

// Pre implements sim.Projection.
func (p *alignPre) Pre() sim.Population { return p.pre }

// Post implements sim.Projection.
func (p *alignPre) Post() sim.Population { return p.post }

// Init implements sim.Projection.
func (p *alignPre) Init(env *sim.Env) error {
	if p.in = p.post.Var("input"); p.in == nil {
		return fmt.Errorf("synapse: %s: the post population has no \"input\" variable", p.kind)
	}
	p.v = nil
	if p.out.NeedsV() {
		if p.v = p.post.Var("V"); p.v == nil {
			return fmt.Errorf("synapse: %s: the post population has no \"V\" variable for the output %s", p.kind, p.out)
		}
	}
	w, err := p.spec.build(p.pre, p.post, p.conn, env)
	if err != nil {
		return err
	}
	p.w = w
	p.view.initView(env)
	if err := p.model.setup(env.Dt); err != nil {
		return fmt.Errorf("synapse: %s %w", p.kind, err)
	}
	n := p.pre.Size()
	if err := env.Reserve(fmt.Sprintf("synapse: %s: kinetic state of %d pre neurons in %d blocks", p.kind, n, len(env.Bounds)-1),
		int64(len(env.Bounds)-1)*int64(n), 24); err != nil {
		return err
	}
	p.blocks = make([]kinBlock, len(env.Bounds)-1)
	for b := range p.blocks {
		st := &p.blocks[b]
		st.s, st.last = make([]float64, n), make([]int64, n)
		for i := range st.last {
			st.last[i] = math.MinInt64 / 2
		}
		if p.model.hasX() {
			st.x = make([]float64, n)
		}
	}
	p.g = make([]float64, env.Local())
	return nil
}

// MaxLag implements sim.Projection.
func (p *alignPre) MaxLag() int { return p.w.maxLag }

// Update implements sim.Projection: the pre states advance with the spikes
// arriving at step k, then g = Wᵀs over the block and the output current.
func (p *alignPre) Update(k int64, b, lo, hi int, hist sim.History) {
	st := &p.blocks[b]
	grp := &p.w.groups[0]
	p.model.step(k, st, hist.At(grp.lag))
	g := p.g[lo:hi]
	clear(g)
	if r := &grp.rows[b]; r.NNZ() > 0 {
		r.AddProduct(g, st.s, p.w.w)
	}
	var v []float64
	if p.v != nil {
		v = p.v[lo:hi]
	}
	p.out.Current(p.in[lo:hi], g, v)
}

// Var implements sim.Projection: "g" (post-sized conductance Σ w·s), "s"
// (pre-sized gating variable) and, for NMDA and BioNMDA, "x" (pre-sized).
func (p *alignPre) Var(name string) []float64 {
	switch name {
	case "g":
		return p.g
	case "s", "x":
		if len(p.blocks) == 0 {
			return nil
		}
		if name == "s" {
			return p.blocks[0].s
		}
		return p.blocks[0].x
	}
	return nil
}

// VarNames implements sim.Projection.
func (p *alignPre) VarNames() []string {
	if p.model.hasX() {
		return []string{"g", "s", "x"}
	}
	return []string{"g", "s"}
}

// NumSynapses returns the number of synapses this rank holds (all, on one
// rank; after Init).
func (p *alignPre) NumSynapses() int { return p.w.held() }

// Bytes returns the memory held by connectivity and weights (after Init).
func (p *alignPre) Bytes() int { return p.w.bytes() }

// pulseSteps is the number of steps the transmitter pulse lasts: BrainPy
// holds T while t − t_spike < T_dur, i.e. for the steps m with
// (m − a)·dt < T_dur after an arrival at step a.
func pulseSteps(tdur, dt float64) (int64, error) {
	return guard.Steps("TDur", tdur, dt, guard.Ceil, 0)
}

// relax returns the exponential-Euler step of dy/dt = r·(y∞ − y) over a
// step whose factor is d = e^{−r·dt}: exact for a constant rate.
func relax(y, yinf, d float64) float64 { return yinf + (y-yinf)*d }
