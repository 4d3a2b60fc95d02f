package synapse

import (
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// NMDAParams are the parameters of an NMDA projection.
//
//	A         binding rate a, 1/ms (> 0)              0.5
//	TauDecay  decay time constant τ_d, ms (> 0)      100
//	TauRise   rise time constant τ_r, ms (> 0)       2
//	GMax, WeightInit, Weights, Delay: as in ExponentialParams;
//	GMax                                             0.15
type NMDAParams struct {
	A, TauDecay, TauRise float64
	GMax                 float64
	WeightInit           initial.Init
	Weights              []float32
	Delay                float64
}

// DefaultNMDA returns BrainPy's NMDA: a = 0.5, τ_d = 100 ms, τ_r = 2 ms,
// GMax = 0.15.
func DefaultNMDA() NMDAParams { return NMDAParams{A: 0.5, TauDecay: 100, TauRise: 2, GMax: 0.15} }

// NMDA is the saturating NMDA receptor model of Brunel & Wang (2001)
// (BrainPy's NMDA; docs/semantics.md, “Synapse models”) with, by default, the
// Mg²⁺ block of Jahr & Stevens (1990) as output. For every pre neuron,
//
//	ds/dt = −s/τ_d + a·x·(1 − s),  dx/dt = −x/τ_r;  x ← x + 1 at each
//	arriving spike
//	g_post = Σ_pre w·s,  I_post = out(g_post, V_post)
//
// Within a step s advances by exponential Euler with x frozen at its value
// before the step (BrainPy's exp_auto on the joint equations: the exact
// solution of the frozen-x linear equation, s ← s∞ + (s − s∞)·e^{−r·dt},
// r = 1/τ_d + a·x, s∞ = a·x/r), then x ← x·e^{−dt/τ_r}, then the arrivals
// add 1 to x. So s is unchanged at the arrival step and, after one spike
// from rest, s = a/(1/τ_d + a)·(1 − e^{−(1/τ_d + a)·dt}) one step later.
// State per pre neuron (exact, see the package documentation).
//
// Receives spikes; sends current to the post "input" (reads "V" for the Mg
// block). Variables: "g" (post-sized), "s", "x" (pre-sized).
type NMDA struct{ alignPre }

// NewNMDA returns an NMDA projection; a nil out means DefaultMgBlock().
func NewNMDA(pre, post sim.Population, conn connect.Connector, p NMDAParams, out Output) (*NMDA, error) {
	const kind = "NMDA"
	if !(p.A > 0) || math.IsInf(p.A, 0) {
		return nil, paramErr(kind, "A", p.A, "must be finite and > 0 per ms")
	}
	if err := checkTau(kind, "TauDecay", p.TauDecay); err != nil {
		return nil, err
	}
	if err := checkTau(kind, "TauRise", p.TauRise); err != nil {
		return nil, err
	}
	n := &NMDA{alignPre{kind: kind, par: p, model: &nmdaModel{p: p},
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights, delay: p.Delay}}}
	if err := newAlignPre(&n.alignPre, pre, post, conn, out, DefaultMgBlock()); err != nil {
		return nil, err
	}
	return n, nil
}

type nmdaModel struct {
	p          NMDAParams
	dt, dd, dr float64
}

func (m *nmdaModel) setup(dt float64) error {
	m.dt, m.dd, m.dr = dt, math.Exp(-dt/m.p.TauDecay), math.Exp(-dt/m.p.TauRise)
	return nil
}

func (m *nmdaModel) hasX() bool { return true }

func (m *nmdaModel) step(_ int64, st *kinBlock, spikes []int32) {
	s, x := st.s, st.x[:len(st.s)]
	a, kd := m.p.A, 1/m.p.TauDecay
	for i, xi := range x {
		if xi == 0 {
			s[i] *= m.dd
		} else {
			r := kd + a*xi
			s[i] = relax(s[i], a*xi/r, math.Exp(-r*m.dt))
		}
		x[i] = xi * m.dr
	}
	for _, i := range spikes {
		x[i]++
	}
}

// BioNMDAParams are the parameters of a BioNMDA projection.
//
//	Alpha1  s activation rate α1, 1/ms (> 0)          2
//	Beta1   s deactivation rate β1, 1/ms (>= 0)       0.01
//	Alpha2  x activation rate α2, 1/(mM·ms) (> 0)     1
//	Beta2   x deactivation rate β2, 1/ms (>= 0)       0.5
//	T       transmitter concentration, mM (> 0)       1
//	TDur    pulse duration, ms (> 0)                  0.5
//	GMax, WeightInit, Weights, Delay: as in ExponentialParams;
//	GMax                                              0.15
type BioNMDAParams struct {
	Alpha1, Beta1, Alpha2, Beta2, T, TDur float64
	GMax                                  float64
	WeightInit                            initial.Init
	Weights                               []float32
	Delay                                 float64
}

// DefaultBioNMDA returns BrainPy's BioNMDA defaults.
func DefaultBioNMDA() BioNMDAParams {
	return BioNMDAParams{Alpha1: 2, Beta1: 0.01, Alpha2: 1, Beta2: 0.5, T: 1, TDur: 0.5, GMax: 0.15}
}

// BioNMDA is the second-order kinetic NMDA model (Destexhe, Mainen &
// Sejnowski 1994; Ermentrout & Terman 2010, p. 162; BrainPy's BioNMDA) with
// the Mg²⁺ block output by default. For every pre neuron,
//
//	ds/dt = α1·x·(1 − s) − β1·s,  dx/dt = α2·T(t)·(1 − x) − β2·x
//	g_post = Σ_pre w·s,  I_post = out(g_post, V_post)
//
// with the transmitter pulse T(t) of AMPA. Within a step the arrivals
// restart the pulse, then s and x advance by exponential Euler, each with
// the other frozen at its value before the step (BrainPy's exp_auto; both
// updates are the exact solutions of the frozen linear equations).
//
// Receives spikes; sends current to the post "input". Variables: "g"
// (post-sized), "s", "x" (pre-sized).
type BioNMDA struct{ alignPre }

// NewBioNMDA returns a BioNMDA projection; a nil out means DefaultMgBlock().
func NewBioNMDA(pre, post sim.Population, conn connect.Connector, p BioNMDAParams, out Output) (*BioNMDA, error) {
	const kind = "BioNMDA"
	for _, f := range []struct {
		name string
		v    float64
		zero bool
	}{{"Alpha1", p.Alpha1, false}, {"Beta1", p.Beta1, true}, {"Alpha2", p.Alpha2, false}, {"Beta2", p.Beta2, true}, {"T", p.T, false}, {"TDur", p.TDur, false}} {
		if math.IsInf(f.v, 0) || !(f.v > 0 || f.zero && f.v == 0) {
			allowed := "must be finite and > 0"
			if f.zero {
				allowed = "must be finite and >= 0"
			}
			return nil, paramErr(kind, f.name, f.v, allowed)
		}
	}
	n := &BioNMDA{alignPre{kind: kind, par: p, model: &bioModel{p: p},
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights, delay: p.Delay}}}
	if err := newAlignPre(&n.alignPre, pre, post, conn, out, DefaultMgBlock()); err != nil {
		return nil, err
	}
	return n, nil
}

type bioModel struct {
	p               BioNMDAParams
	dt, d1          float64 // step, e^{−β1·dt}
	n               int64   // pulse steps
	xinf, don, doff float64 // x∞ and x decay factors with the pulse on / off
}

func (m *bioModel) setup(dt float64) (err error) {
	r := m.p.Alpha2*m.p.T + m.p.Beta2
	m.dt, m.d1 = dt, math.Exp(-m.p.Beta1*dt)
	m.n, err = pulseSteps(m.p.TDur, dt)
	m.xinf, m.don, m.doff = m.p.Alpha2*m.p.T/r, math.Exp(-r*dt), math.Exp(-m.p.Beta2*dt)
	return err
}

func (m *bioModel) hasX() bool { return true }

func (m *bioModel) step(k int64, st *kinBlock, spikes []int32) {
	for _, i := range spikes {
		st.last[i] = k
	}
	s, x, last := st.s, st.x[:len(st.s)], st.last[:len(st.s)]
	a1, b1 := m.p.Alpha1, m.p.Beta1
	for i, xi := range x {
		if xi == 0 {
			s[i] *= m.d1
		} else {
			r := a1*xi + b1
			s[i] = relax(s[i], a1*xi/r, math.Exp(-r*m.dt))
		}
		if k-last[i] < m.n {
			x[i] = relax(xi, m.xinf, m.don)
		} else {
			x[i] = xi * m.doff
		}
	}
}
