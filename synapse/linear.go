package synapse

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/sim"
)

// dynKind selects the post-aligned dynamics of a linear projection.
type dynKind int

const (
	dynExp   dynKind = iota // g ← g·d + arrivals
	dynDual                 // g ← g·d_g + c·h; h ← h·d_h + a·arrivals
	dynDelta                // V ← V + arrivals
)

// linear is the engine of the post-aligned projections (Exponential,
// DualExp, Alpha, Delta): linear dynamics whose state is kept per post
// neuron, so spikes are delivered event-driven over the CSR rows of the
// pre neurons that fired. With linear dynamics this is exact: the response
// of a post neuron is the sum of the responses to every synapse's spikes.
type linear struct {
	sim.Membership // a node belongs to one network
	kind           string
	pre, post      sim.Population
	conn           connect.Connector
	spec           wiringSpec
	stp            *ShortTerm
	out            Output
	dyn            dynKind
	tauD           float64 // decay time constant (Exponential, DualExp, Alpha)
	tauR           float64 // rise time constant (DualExp; = tauD for Alpha)
	alpha          bool    // Alpha's g' = (h − g)/τ instead of g' = −g/τ_d + h
	amp            float64 // DualExp A; 0 = peak-normalised
	exact          bool
	tauRef         float64 // Delta without a JumpTarget: post refractory period, ms
	toJumps        bool    // Delta: a is the post population's Jumps accumulator
	par            any     // the parameter struct (Fingerprint)

	w       *wiring
	st      *stpState
	g, h, a []float64
	in, v   []float64
	dg, dh  float64 // one-step decay factors of g and h
	c       float64 // h → g coupling over one step
	scale   float64 // h jump per unit weight
	last    []int64 // Delta without a JumpTarget: step of the last post spike
	ref     int64
	view    staticView
}

// methodExact parses the Method field of DualExp and Alpha.
func methodExact(kind, m string) (bool, error) {
	switch m {
	case "", "exp_auto", "exp_euler", "exp_euler_auto", "exponential_euler":
		return false, nil
	case "exact":
		return true, nil
	}
	return false, fmt.Errorf("synapse: %s Method = %q: must be \"exp_auto\" (the default, BrainPy's exponential Euler) or \"exact\"", kind, m)
}

func checkTau(kind, field string, tau float64) error {
	if !(tau > 0) || math.IsInf(tau, 0) {
		return fmt.Errorf("synapse: %s %s = %v: must be a finite number of ms > 0", kind, field, tau)
	}
	return nil
}

// newLinear checks what every linear projection shares.
func newLinear(l *linear, pre, post sim.Population, conn connect.Connector) error {
	if err := checkEnds(l.kind, pre, post, conn); err != nil {
		return err
	}
	if err := l.spec.check(); err != nil {
		return err
	}
	if l.stp != nil {
		c := *l.stp // the caller may reuse its ShortTerm
		l.stp = &c
		if err := l.stp.check(l.kind); err != nil {
			return err
		}
		if l.spec.heterogeneous() {
			return fmt.Errorf("synapse: %s: short-term plasticity needs one delay for all synapses (its state is per pre neuron); remove Delays/DelayInit or STP", l.kind)
		}
	}
	l.pre, l.post, l.conn = pre, post, conn
	return nil
}

// Pre implements sim.Projection.
func (l *linear) Pre() sim.Population { return l.pre }

// Post implements sim.Projection.
func (l *linear) Post() sim.Population { return l.post }

// Init implements sim.Projection: it builds the connectivity, weights and
// latencies (seeded from env.Key unless the connector has its own seed),
// split by post block, and resets the state.
func (l *linear) Init(env *sim.Env) error {
	n := env.Local()
	if l.dyn == dynDelta {
		if err := l.initDelta(env); err != nil {
			return err
		}
	} else {
		if l.in = l.post.Var("input"); l.in == nil {
			return fmt.Errorf("synapse: %s: the post population has no \"input\" variable", l.kind)
		}
		if l.out.NeedsV() {
			if l.v = l.post.Var("V"); l.v == nil {
				return fmt.Errorf("synapse: %s: the post population has no \"V\" variable for the output %s", l.kind, l.out)
			}
		}
	}
	w, err := l.spec.build(l.pre, l.post, l.conn, env)
	if err != nil {
		return err
	}
	l.w = w
	l.view.initView(env)
	if !l.toJumps {
		l.a = make([]float64, n)
	}
	l.st = nil
	if l.stp != nil {
		l.st = newSTPState(*l.stp, l.pre.Size(), len(env.Bounds)-1, env.Dt)
	}
	dt := env.Dt
	switch l.dyn {
	case dynExp:
		l.g, l.dg = make([]float64, n), math.Exp(-dt/l.tauD)
	case dynDual:
		l.g, l.h = make([]float64, n), make([]float64, n)
		l.dualConstants(dt)
	case dynDelta:
		var err error
		if l.ref, err = env.Steps("synapse: Delta TauRef", l.tauRef, sim.Round); err != nil {
			return err
		}
		l.last = nil
		if !l.toJumps {
			l.last = make([]int64, n)
			for j := range l.last {
				l.last[j] = math.MinInt64 / 2
			}
		}
	}
	return nil
}

// dualConstants sets the one-step propagator of (g, h).
func (l *linear) dualConstants(dt float64) {
	td, tr := l.tauD, l.tauR
	l.dg, l.dh = math.Exp(-dt/td), math.Exp(-dt/tr)
	switch {
	case l.alpha && l.exact: // ∫₀^dt e^{−(dt−s)/τ}·e^{−s/τ}/τ ds
		l.c = l.dg * dt / td
	case l.alpha: // exponential Euler of g' = (h − g)/τ with h frozen
		l.c = -math.Expm1(-dt / td)
	case l.exact: // ∫₀^dt e^{−(dt−s)/τ_d}·e^{−s/τ_r} ds
		l.c = l.dg * dt * exprel(dt/td-dt/tr)
	default: // exponential Euler of g' = −g/τ_d + h with h frozen
		l.c = -td * math.Expm1(-dt/td)
	}
	switch {
	case l.alpha:
		l.scale = 1
	case l.amp != 0:
		l.scale = (td - tr) / (tr * td) * l.amp
	default: // peak of the continuous response = 1 per unit weight
		x := tr/td - 1
		l.scale = math.Exp(tr/td*log1pRatio(x)) / tr
	}
}

// exprel returns (e^z − 1)/z (1 at z = 0).
func exprel(z float64) float64 {
	if z == 0 {
		return 1
	}
	return math.Expm1(z) / z
}

// log1pRatio returns log(1 + x)/x (1 at x = 0).
func log1pRatio(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Log1p(x) / x
}

// MaxLag implements sim.Projection.
func (l *linear) MaxLag() int { return l.w.maxLag }

// Update implements sim.Projection.
func (l *linear) Update(k int64, b, lo, hi int, hist sim.History) {
	a := l.a[lo:hi]
	arrived := false
	if l.st != nil {
		grp := &l.w.groups[0]
		s := hist.At(grp.lag)
		eff := l.st.step(b, s)
		if r := &grp.rows[b]; len(s) > 0 && r.NNZ() > 0 {
			r.AddScaled(a, s, eff, l.w.w)
			arrived = true
		}
	} else {
		arrived = l.w.deliver(a, b, hist)
	}
	switch l.dyn {
	case dynDelta:
		if !l.toJumps { // else the weights went straight into the post's Jumps
			l.jump(k, lo, hi, a, arrived)
		}
		return
	case dynExp:
		g, d := l.g[lo:hi], l.dg
		g = g[:len(a)]
		for j := range g {
			g[j] = g[j]*d + a[j]
			a[j] = 0
		}
	case dynDual:
		g, h := l.g[lo:hi], l.h[lo:hi]
		g, h = g[:len(a)], h[:len(a)]
		dg, dh, c, sc := l.dg, l.dh, l.c, l.scale
		for j := range g {
			g[j] = g[j]*dg + c*h[j]
			h[j] = h[j]*dh + sc*a[j]
			a[j] = 0
		}
	}
	var v []float64
	if l.v != nil {
		v = l.v[lo:hi]
	}
	l.out.Current(l.in[lo:hi], l.g[lo:hi], v)
}

// Var implements sim.Projection: "g" and "h" (post-sized), and with
// short-term plasticity "u" (STP only) and "x" (pre-sized).
func (l *linear) Var(name string) []float64 {
	switch name {
	case "g":
		return l.g
	case "h":
		return l.h
	}
	if l.st != nil {
		u, x := l.st.vars()
		switch name {
		case "u":
			return u
		case "x":
			return x
		}
	}
	return nil
}

// VarNames implements sim.Projection.
func (l *linear) VarNames() []string {
	var s []string
	switch l.dyn {
	case dynExp:
		s = []string{"g"}
	case dynDual:
		s = []string{"g", "h"}
	}
	if l.stp != nil {
		if l.stp.Facilitating {
			s = append(s, "u")
		}
		s = append(s, "x")
	}
	return s
}

// NumSynapses returns the number of synapses this rank holds (all, on one
// rank; after Init).
func (l *linear) NumSynapses() int { return l.w.held() }

// Bytes returns the memory held by connectivity and weights (after Init).
func (l *linear) Bytes() int { return l.w.bytes() }
