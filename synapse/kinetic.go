package synapse

import (
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// AMPAParams are the parameters of an AMPA projection.
//
//	Alpha  binding rate α, 1/(mM·ms) (> 0)                    0.98
//	Beta   unbinding rate β, 1/ms (>= 0)                      0.18
//	T      transmitter concentration of a pulse, mM (> 0)     0.5
//	TDur   pulse duration, ms (> 0)                           0.5
//	GMax, WeightInit, Weights, Delay: as in ExponentialParams;
//	GMax                                                       0.42
type AMPAParams struct {
	Alpha, Beta, T, TDur float64
	GMax                 float64
	WeightInit           initial.Init
	Weights              []float32
	Delay                float64
}

// DefaultAMPA returns BrainPy's AMPA: α = 0.98, β = 0.18, T = 0.5 mM,
// T_dur = 0.5 ms, GMax = 0.42.
func DefaultAMPA() AMPAParams {
	return AMPAParams{Alpha: 0.98, Beta: 0.18, T: 0.5, TDur: 0.5, GMax: 0.42}
}

// AMPA is the two-state kinetic receptor model of Destexhe, Mainen &
// Sejnowski (1994) (BrainPy's AMPA; docs/semantics.md, “Synapse models”). For
// every pre neuron,
//
//	ds/dt = α·T(t)·(1 − s) − β·s,  T(t) = T for T_dur after the last
//	arriving spike, else 0
//	g_post = Σ_pre w·s,  I_post = out(g_post, V_post)
//
// The pulse is on at the steps m with (m − a)·dt < T_dur after an arrival at
// step a (integer steps; BrainPy compares float times). Within a step the
// arrivals restart the pulse, then s advances by the exact solution for the
// step's constant T (BrainPy's exp_auto): s ← s∞ + (s − s∞)·e^{−(αT+β)dt}
// with s∞ = αT/(αT + β) while the pulse is on, s ← s·e^{−β·dt} otherwise.
// State per pre neuron (exact, see the package documentation).
//
// Receives spikes; sends current to the post "input". Variables: "g"
// (post-sized), "s" (pre-sized).
type AMPA struct{ alignPre }

// NewAMPA returns an AMPA projection; a nil out means COBA{E: 0} (BrainPy's
// default).
func NewAMPA(pre, post sim.Population, conn connect.Connector, p AMPAParams, out Output) (*AMPA, error) {
	a := &AMPA{}
	if err := newPulse(&a.alignPre, "AMPA", pre, post, conn, p, out, COBA{E: 0}); err != nil {
		return nil, err
	}
	return a, nil
}

// GABAaParams are the parameters of a GABAa projection: the fields of
// AMPAParams with BrainPy's GABAa defaults α = 0.53, β = 0.18, T = 1 mM,
// T_dur = 1 ms, GMax = 0.04.
type GABAaParams AMPAParams

// DefaultGABAa returns BrainPy's GABAa defaults.
func DefaultGABAa() GABAaParams {
	return GABAaParams{Alpha: 0.53, Beta: 0.18, T: 1, TDur: 1, GMax: 0.04}
}

// GABAa is the AMPA kinetic model with GABA_A rates (Destexhe & Paré 1999;
// BrainPy's GABAa). Variables: "g" (post-sized), "s" (pre-sized).
type GABAa struct{ alignPre }

// NewGABAa returns a GABAa projection; a nil out means COBA{E: −80}
// (BrainPy's default).
func NewGABAa(pre, post sim.Population, conn connect.Connector, p GABAaParams, out Output) (*GABAa, error) {
	a := &GABAa{}
	if err := newPulse(&a.alignPre, "GABAa", pre, post, conn, AMPAParams(p), out, COBA{E: -80}); err != nil {
		return nil, err
	}
	return a, nil
}

func newPulse(e *alignPre, kind string, pre, post sim.Population, conn connect.Connector, p AMPAParams, out, def Output) error {
	switch {
	case !(p.Alpha > 0) || math.IsInf(p.Alpha, 0):
		return paramErr(kind, "Alpha", p.Alpha, "must be finite and > 0")
	case !(p.Beta >= 0) || math.IsInf(p.Beta, 0):
		return paramErr(kind, "Beta", p.Beta, "must be finite and >= 0")
	case !(p.T > 0) || math.IsInf(p.T, 0):
		return paramErr(kind, "T", p.T, "must be a finite concentration > 0 mM")
	case !(p.TDur > 0) || math.IsInf(p.TDur, 0):
		return paramErr(kind, "TDur", p.TDur, "must be a finite number of ms > 0")
	}
	e.kind, e.model, e.par = kind, &pulseModel{p: p}, p
	e.spec = wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights, delay: p.Delay}
	return newAlignPre(e, pre, post, conn, out, def)
}

// pulseModel is the AMPA/GABAa kinetics.
type pulseModel struct {
	p               AMPAParams
	n               int64   // pulse steps
	sinf, don, doff float64 // s∞ and decay factors with the pulse on / off
}

func (m *pulseModel) setup(dt float64) (err error) {
	r := m.p.Alpha*m.p.T + m.p.Beta
	m.n, err = pulseSteps(m.p.TDur, dt)
	m.sinf = m.p.Alpha * m.p.T / r
	m.don, m.doff = math.Exp(-r*dt), math.Exp(-m.p.Beta*dt)
	return err
}

func (m *pulseModel) hasX() bool { return false }

func (m *pulseModel) step(k int64, st *kinBlock, spikes []int32) {
	for _, i := range spikes {
		st.last[i] = k
	}
	s, last := st.s, st.last[:len(st.s)]
	for i := range s {
		if k-last[i] < m.n {
			s[i] = relax(s[i], m.sinf, m.don)
		} else {
			s[i] *= m.doff
		}
	}
}
