package synapse

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/sim"
)

// ExpParams are the parameters of an exponential synapse (BrainPy's
// ExpCOBA/ExpCUBA, bp.dyn.Expon): dg/dt = −g/τ, g += w on each arriving
// spike; COBA output I = g·(E − V_post), CUBA output I = g.
type ExpParams struct {
	// Tau is the decay time constant in ms (> 0).
	Tau float64
	// GMax is the weight of every synapse, used unless WeightInit or
	// Weights is set.
	GMax float64
	// WeightInit, if set, draws a float32 weight per synapse at build time.
	WeightInit initial.Init
	// Weights, if set, gives the float32 weight of every synapse in the
	// connector's CSR order; its length must equal the number of synapses.
	Weights []float32
	// E is the reversal potential in mV (COBA only).
	E float64
	// Delay is the transmission delay in ms: a spike at step j arrives at
	// step j + max(1, round(Delay/dt)). 0 means one step.
	Delay float64
}

// Exp is a projection with an exponentially decaying conductance per post
// neuron. Variables: "g" (post-sized conductance). It receives spikes from
// its pre population and adds current to its post population's "input".
type Exp struct {
	sim.Membership // a node belongs to one network
	kind           string
	coba           bool
	pre, post      sim.Population
	conn           connect.Connector
	p              ExpParams

	ch     sim.Channel // G is the conductance; Arrived collects the step's weights unless folded
	hosted bool        // the post population integrates ch itself
	scale  float64     // factor on arriving weights: 1/Decay if ch is folded, else 1
	vpost  []float64
	input  []float64
	lag    int
	rows   []kernel.Rows
	nnz    int
	wmax   float64 // the largest |per-synapse weight| of the whole connectivity (0: none)
	weight float64
	view   staticView
}

// NewExpCOBA returns a conductance-based exponential projection from pre to
// post: the post population needs variables "V" and "input".
func NewExpCOBA(pre, post sim.Population, conn connect.Connector, p ExpParams) (*Exp, error) {
	return newExp("ExpCOBA", true, pre, post, conn, p)
}

// NewExpCUBA returns a current-based exponential projection: the post
// population needs an "input" variable; E must be 0 (it is not used).
func NewExpCUBA(pre, post sim.Population, conn connect.Connector, p ExpParams) (*Exp, error) {
	if p.E != 0 {
		return nil, fmt.Errorf("synapse: ExpCUBA E = %v: ExpCUBA has no reversal potential (leave E 0 or use NewExpCOBA)", p.E)
	}
	return newExp("ExpCUBA", false, pre, post, conn, p)
}

func newExp(kind string, coba bool, pre, post sim.Population, conn connect.Connector, p ExpParams) (*Exp, error) {
	if err := checkEnds(kind, pre, post, conn); err != nil {
		return nil, err
	}
	switch {
	case !(p.Tau > 0) || math.IsInf(p.Tau, 0):
		return nil, fmt.Errorf("synapse: %s Tau = %v: must be a finite number of ms > 0", kind, p.Tau)
	case !finite(p.GMax):
		return nil, fmt.Errorf("synapse: %s GMax = %v: must be finite", kind, p.GMax)
	case !finite(p.E):
		return nil, fmt.Errorf("synapse: %s E = %v: must be finite", kind, p.E)
	case p.WeightInit != nil && p.Weights != nil:
		return nil, fmt.Errorf("synapse: %s: set at most one of WeightInit and Weights", kind)
	}
	if err := checkDelay(kind, p.Delay); err != nil {
		return nil, err
	}
	for q, w := range p.Weights {
		if !finite(float64(w)) {
			return nil, fmt.Errorf("synapse: %s Weights[%d] = %v: must be finite", kind, q, w)
		}
	}
	return &Exp{kind: kind, coba: coba, pre: pre, post: post, conn: conn, p: p}, nil
}

// Pre implements sim.Projection.
func (e *Exp) Pre() sim.Population { return e.pre }

// Post implements sim.Projection.
func (e *Exp) Post() sim.Population { return e.post }

// Init implements sim.Projection: it builds the connectivity (seeded from
// env.Key unless the connector has its own seed) and splits it by post block.
func (e *Exp) Init(env *sim.Env) error {
	e.input = e.post.Var("input")
	if e.input == nil {
		return fmt.Errorf("synapse: %s: the post population has no \"input\" variable", e.kind)
	}
	if e.coba {
		e.vpost = e.post.Var("V")
		if e.vpost == nil {
			return fmt.Errorf("synapse: %s: the post population has no \"V\" variable for the COBA driving force", e.kind)
		}
	}
	var err error
	if e.lag, err = lagSteps("synapse: "+e.kind+" Delay", e.p.Delay, env.Dt); err != nil {
		return err
	}
	rows, nnz, wmax, err := buildRows(e.kind, e.pre, e.post, e.conn, env, e.p.WeightInit, e.p.Weights)
	if err != nil {
		return err
	}
	e.rows, e.nnz, e.wmax = rows, nnz, wmax
	e.view.initView(env)
	e.initChannel(env)
	return nil
}

// initChannel makes the conductance channel, folded (sim.Channel) unless
// the largest weight divided by the decay factor would overflow, and
// attaches it to the post population if that can host it.
func (e *Exp) initChannel(env *sim.Env) {
	n := env.Local()
	d := math.Exp(-env.Dt / e.p.Tau)
	e.ch = sim.Channel{G: make([]float64, n), Decay: d, E: e.p.E, COBA: e.coba}
	e.scale, e.weight = 1, e.p.GMax
	if wmax := e.maxWeight(); finite(wmax / d) {
		e.scale = 1 / d
		e.weight = e.p.GMax * e.scale
	} else {
		e.ch.Arrived = make([]float64, n)
	}
	e.hosted = false
	if h, ok := e.post.(sim.ChannelHost); ok {
		e.hosted = h.Attach(&e.ch)
	}
}

// maxWeight returns the largest |weight| the projection delivers, over
// the whole connectivity (not this rank's share: the choice of arithmetic
// must be the same on every rank).
func (e *Exp) maxWeight() float64 { return max(math.Abs(e.p.GMax), e.wmax) }

// MaxLag implements sim.Projection.
func (e *Exp) MaxLag() int { return e.lag }

// Update implements sim.Projection: the weights of the spikes arriving at
// step k are summed per post neuron, then g ← g·e^{−dt/τ} + arrived and the
// output current is added to the post input (BrainPy's
// g = Expon(comm(s)), decay first, then add). When the post population hosts
// the channel (sim.ChannelHost), it does the second part in its own loop.
func (e *Exp) Update(_ int64, b, lo, hi int, hist sim.History) {
	if s := hist.At(e.lag); len(s) > 0 {
		r := &e.rows[b]
		if r.W != nil {
			r.AddWeightedTimes(e.arrivals(lo, hi), s, e.scale)
		} else {
			r.AddScalar(e.arrivals(lo, hi), s, e.weight)
		}
	}
	e.integrate(lo, hi)
}

// arrivals returns where the weights arriving at post block [lo, hi) go:
// G itself if the channel is folded, else Arrived.
func (e *Exp) arrivals(lo, hi int) []float64 {
	if e.ch.Arrived == nil {
		return e.ch.G[lo:hi]
	}
	return e.ch.Arrived[lo:hi]
}

// integrate decays the conductance of post block [lo, hi), adds the
// arrived weights and the output current, unless the post population
// hosts the channel.
func (e *Exp) integrate(lo, hi int) {
	if !e.hosted {
		e.ch.Integrate(e.input, e.vpost, lo, hi)
	}
}

// Var implements sim.Projection.
func (e *Exp) Var(name string) []float64 {
	if name == "g" {
		return e.ch.G
	}
	return nil
}

// VarNames implements sim.Projection.
func (e *Exp) VarNames() []string { return []string{"g"} }

// NumSynapses returns the number of synapses this rank holds (all, on one
// rank; after Init).
func (e *Exp) NumSynapses() int { return heldIn(e.rows) }

// Bytes returns the memory held by connectivity and weights (after Init).
func (e *Exp) Bytes() int { return rowsBytes(e.rows) }
