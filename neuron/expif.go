package neuron

import (
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// ExpIFParams are the parameters of an ExpIF population. Start from
// DefaultExpIF: every field is taken literally (a zero Tau is an error, not
// a default), except that a nil V0 and an empty Method mean BrainPy's
// defaults.
type ExpIFParams struct {
	VRest, VReset, VTh, VT float64 // mV
	DeltaT                 float64 // mV, > 0
	R                      float64 // > 0
	Tau                    float64 // ms, > 0
	// TauRef is the refractory period in ms (>= 0), counted as
	// round(TauRef/dt) steps exactly as in LIF; 0 means none (BrainPy's
	// ExpIFRef with tau_ref = 0).
	TauRef float64
	// V0 initialises V; nil means 0 mV (BrainPy's ZeroInit).
	V0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultExpIF returns BrainPy's defaults (bp.dyn.ExpIFRef,
// brainpy/dyn/neurons/lif.py, BrainPy 2.8.2): the constructor's values.
// VTh is −55 mV, the constructor's default; BrainPy's docstring table
// lists −30 mV, which the code does not use.
func DefaultExpIF() ExpIFParams {
	return ExpIFParams{VRest: -65, VReset: -68, VTh: -55, VT: -59.9, DeltaT: 3.48,
		R: 1, Tau: 10, V0: initial.Constant(0)}
}

// ExpIF is a population of exponential integrate-and-fire neurons
// (Fourcaud-Trocmé, Hansel, van Vreeswijk & Brunel 2003, J. Neurosci.
// 23:11628; BrainPy's ExpIF/ExpIFRef).
//
// # Equations
//
//	τ·dV/dt = −(V − V_rest) + Δ_T·exp((V − V_T)/Δ_T) + R·I(t)
//	V ≥ V_th → spike, V ← V_reset, V frozen for τ_ref
//
// exp_auto uses ∂f/∂V = (exp((V − V_T)/Δ_T) − 1)/τ; it is the method to use
// here: explicit Runge–Kutta stages near the spike evaluate the exponential at
// overshooting intermediate values.
//
// # Parameters
//
//	name    default  unit  meaning
//	VRest   −65      mV    resting potential
//	VReset  −68      mV    reset potential
//	VTh     −55      mV    numerical spike threshold (see below)
//	VT      −59.9    mV    threshold of the exponential term (rheobase)
//	DeltaT  3.48     mV    spike slope factor
//	R       1        —     membrane resistance
//	Tau     10       ms    membrane time constant
//	TauRef  0        ms    refractory period
//	V0      0        mV    initial V
//
// # Variables, sends and receives
//
// Variables "V" (mV) and "input" (the current summed for the step). It sends
// spikes and receives current into "input".
type ExpIF struct {
	base
	p ExpIFParams
	v []float64
}

// NewExpIF returns a population of n ExpIF neurons after checking p.
func NewExpIF(n int, p ExpIFParams) (*ExpIF, error) {
	c := checker{model: "ExpIF"}
	c.size(n)
	c.finite("VRest", p.VRest)
	c.finite("VTh", p.VTh)
	c.below("VReset", p.VReset, "VTh", p.VTh)
	c.finite("VT", p.VT)
	c.positive("DeltaT", p.DeltaT)
	c.positive("R", p.R)
	c.positive("Tau", p.Tau)
	c.nonNeg("TauRef", p.TauRef)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &ExpIF{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}}
	return m, nil
}

// Params returns the parameters.
func (m *ExpIF) Params() ExpIFParams { return m.p }

// Init implements sim.Population.
func (m *ExpIF) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, m.p.TauRef, m.p.Noise); err != nil {
		return err
	}
	return m.fill(m.v, m.p.V0, 0, env.Key, "V0")
}

type expIFSys struct{ vrest, vt, dT, r, tau float64 }

func (s expIFSys) deriv(x vec, in float64) vec {
	return vec{(-(x.x0 - s.vrest) + s.dT*math.Exp((x.x0-s.vt)/s.dT) + s.r*in) / s.tau, 0, 0, 0}
}

func (s expIFSys) diag(x vec, in float64) (f, j vec) {
	e := math.Exp((x.x0 - s.vt) / s.dT)
	f.x0 = (-(x.x0 - s.vrest) + s.dT*e + s.r*in) / s.tau
	j.x0 = (e - 1) / s.tau
	return f, j
}

// Update implements sim.Population: integrate (unless refractory), add
// noise, then threshold and reset.
func (m *ExpIF) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	return stepV(&m.base, expIFSys{p.VRest, p.VT, p.DeltaT, p.R, p.Tau}, m.v, k, lo, hi, p.VTh, p.VReset, spikes)
}
