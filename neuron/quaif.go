package neuron

import (
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// QuaIFParams are the parameters of a QuaIF population. Start from
// DefaultQuaIF: fields are taken literally, except that a nil V0 and an empty
// Method mean BrainPy's defaults.
type QuaIFParams struct {
	VRest, VReset, VTh float64 // mV
	// VC is the critical voltage of spike initiation (mV, > VRest).
	VC float64
	// C is the curvature of the quadratic term (> 0).
	C   float64
	R   float64 // > 0
	Tau float64 // ms, > 0
	// TauRef is the refractory period in ms (>= 0; integer steps, inclusive,
	// as LIF).
	TauRef float64
	// V0 initialises V; nil means 0 mV (BrainPy's ZeroInit).
	V0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultQuaIF returns BrainPy's defaults (bp.dyn.QuaIFRef,
// brainpy/dyn/neurons/lif.py).
func DefaultQuaIF() QuaIFParams {
	return QuaIFParams{VRest: -65, VReset: -68, VTh: -30, VC: -50, C: 0.07, R: 1, Tau: 10,
		V0: initial.Constant(0)}
}

// QuaIF is a population of quadratic integrate-and-fire neurons (Latham,
// Richmond, Nelson & Nirenberg 2000, J. Neurophysiol. 83:808; BrainPy's
// QuaIF/QuaIFRef).
//
// # Equations
//
//	τ·dV/dt = c·(V − V_rest)·(V − V_c) + R·I(t)
//	V ≥ V_th → spike, V ← V_reset, V frozen for τ_ref
//
// exp_auto uses ∂f/∂V = c·(2V − V_rest − V_c)/τ.
//
// # Parameters
//
//	name    default  unit  meaning
//	VRest   −65      mV    resting potential (stable fixed point at I = 0)
//	VReset  −68      mV    reset potential
//	VTh     −30      mV    spike threshold
//	VC      −50      mV    critical voltage (unstable fixed point at I = 0)
//	C       0.07     1/mV  curvature
//	R       1        —     membrane resistance
//	Tau     10       ms    membrane time constant
//	TauRef  0        ms    refractory period
//	V0      0        mV    initial V
//
// # Variables, sends and receives
//
// Variables "V" (mV) and "input". It sends spikes and receives current into
// "input".
type QuaIF struct {
	base
	p QuaIFParams
	v []float64
}

// NewQuaIF returns a population of n QuaIF neurons after checking p.
func NewQuaIF(n int, p QuaIFParams) (*QuaIF, error) {
	c := checker{model: "QuaIF"}
	c.size(n)
	c.finite("VRest", p.VRest)
	c.finite("VTh", p.VTh)
	c.below("VReset", p.VReset, "VTh", p.VTh)
	if !finite(p.VC) || !(p.VC > p.VRest) {
		c.fail("VC", p.VC, "must be finite and > VRest = "+ftoa(p.VRest))
	}
	c.positive("C", p.C)
	c.positive("R", p.R)
	c.positive("Tau", p.Tau)
	c.nonNeg("TauRef", p.TauRef)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &QuaIF{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}}
	return m, nil
}

// Params returns the parameters.
func (m *QuaIF) Params() QuaIFParams { return m.p }

// Init implements sim.Population.
func (m *QuaIF) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, m.p.TauRef, m.p.Noise); err != nil {
		return err
	}
	return m.fill(m.v, m.p.V0, 0, env.Key, "V0")
}

type quaIFSys struct{ vrest, vc, c, r, tau float64 }

func (s quaIFSys) deriv(x vec, in float64) vec {
	v := x.x0
	return vec{(s.c*(v-s.vrest)*(v-s.vc) + s.r*in) / s.tau, 0, 0, 0}
}

func (s quaIFSys) diag(x vec, in float64) (f, j vec) {
	v := x.x0
	f.x0 = (s.c*(v-s.vrest)*(v-s.vc) + s.r*in) / s.tau
	j.x0 = s.c * (2*v - s.vrest - s.vc) / s.tau
	return f, j
}

// Update implements sim.Population.
func (m *QuaIF) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	return stepV(&m.base, quaIFSys{p.VRest, p.VC, p.C, p.R, p.Tau}, m.v, k, lo, hi, p.VTh, p.VReset, spikes)
}
