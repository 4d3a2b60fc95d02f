package neuron

import (
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// AdExIFParams are the parameters of an AdExIF population. Start from
// DefaultAdExIF: fields are taken literally, except that nil initialisers and
// an empty Method mean BrainPy's defaults.
type AdExIFParams struct {
	VRest, VReset, VTh, VT float64 // mV
	DeltaT                 float64 // mV, > 0
	A                      float64 // subthreshold adaptation (finite)
	B                      float64 // spike-triggered adaptation increment (finite)
	R                      float64 // > 0
	Tau, TauW              float64 // ms, > 0
	// TauRef is the refractory period in ms (>= 0; integer steps, inclusive,
	// as LIF). While refractory V is frozen but w keeps integrating
	// (BrainPy's AdExIFRef).
	TauRef float64
	// V0 and W0 initialise V and w; nil means 0 (BrainPy's ZeroInit).
	V0, W0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultAdExIF returns BrainPy's defaults (bp.dyn.AdExIFRef,
// brainpy/dyn/neurons/lif.py, BrainPy 2.8.2): the constructor's values.
// VTh is −55 mV, the constructor's default; BrainPy's docstring table
// lists −30 mV, which the code does not use.
func DefaultAdExIF() AdExIFParams {
	return AdExIFParams{VRest: -65, VReset: -68, VTh: -55, VT: -59.9, DeltaT: 3.48,
		A: 1, B: 1, R: 1, Tau: 10, TauW: 30, V0: initial.Constant(0), W0: initial.Constant(0)}
}

// AdExIF is a population of adaptive exponential integrate-and-fire neurons
// (Brette & Gerstner 2005, J. Neurophysiol. 94:3637; BrainPy's
// AdExIF/AdExIFRef).
//
// # Equations
//
//	τ·dV/dt   = −(V − V_rest) + Δ_T·exp((V − V_T)/Δ_T) − R·w + R·I(t)
//	τ_w·dw/dt = a·(V − V_rest) − w
//	V ≥ V_th → spike, V ← V_reset, w ← w + b
//
// exp_auto uses ∂f_V/∂V = (exp((V − V_T)/Δ_T) − 1)/τ and ∂f_w/∂w = −1/τ_w,
// each variable seeing the other at its old value. Prefer it (the default):
// with an explicit Runge–Kutta method the stages of the step in which V
// blows up evaluate dw/dt at huge intermediate V, so w absorbs a spurious
// jump (seen with rk4 even at dt = 0.01 ms).
//
// # Parameters
//
//	name    default  unit  meaning
//	VRest   −65      mV    resting potential
//	VReset  −68      mV    reset potential
//	VTh     −55      mV    numerical spike threshold (see below)
//	VT      −59.9    mV    threshold of the exponential term
//	DeltaT  3.48     mV    spike slope factor
//	A       1        —     subthreshold adaptation coupling
//	B       1        —     spike-triggered increment of w
//	R       1        —     membrane resistance
//	Tau     10       ms    membrane time constant
//	TauW    30       ms    adaptation time constant
//	TauRef  0        ms    refractory period
//	V0, W0  0, 0           initial V (mV) and w
//
// # Variables, sends and receives
//
// Variables "V" (mV), "w" and "input". It sends spikes and receives current
// into "input".
type AdExIF struct {
	base
	p    AdExIFParams
	v, w []float64
}

// NewAdExIF returns a population of n AdExIF neurons after checking p.
func NewAdExIF(n int, p AdExIFParams) (*AdExIF, error) {
	c := checker{model: "AdExIF"}
	c.size(n)
	c.finite("VRest", p.VRest)
	c.finite("VTh", p.VTh)
	c.below("VReset", p.VReset, "VTh", p.VTh)
	c.finite("VT", p.VT)
	c.positive("DeltaT", p.DeltaT)
	c.finite("A", p.A)
	c.finite("B", p.B)
	c.positive("R", p.R)
	c.positive("Tau", p.Tau)
	c.positive("TauW", p.TauW)
	c.nonNeg("TauRef", p.TauRef)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &AdExIF{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"w", &m.w}}
	return m, nil
}

// Params returns the parameters.
func (m *AdExIF) Params() AdExIFParams { return m.p }

// Init implements sim.Population.
func (m *AdExIF) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, m.p.TauRef, m.p.Noise); err != nil {
		return err
	}
	if err := m.fill(m.v, m.p.V0, 0, env.Key, "V0"); err != nil {
		return err
	}
	return m.fill(m.w, m.p.W0, 0, env.Key, "w0")
}

type adExSys struct{ vrest, vt, dT, a, r, tau, tauW float64 }

func (s adExSys) deriv(x vec, in float64) vec {
	v, w := x.x0, x.x1
	return vec{
		x0: (-(v - s.vrest) + s.dT*math.Exp((v-s.vt)/s.dT) - s.r*w + s.r*in) / s.tau,
		x1: (s.a*(v-s.vrest) - w) / s.tauW,
	}
}

func (s adExSys) diag(x vec, in float64) (f, j vec) {
	v, w := x.x0, x.x1
	e := math.Exp((v - s.vt) / s.dT)
	f.x0 = (-(v - s.vrest) + s.dT*e - s.r*w + s.r*in) / s.tau
	f.x1 = (s.a*(v-s.vrest) - w) / s.tauW
	j.x0, j.x1 = (e-1)/s.tau, -1/s.tauW
	return f, j
}

// Update implements sim.Population: integrate V and w jointly, keep the old
// V while refractory, then threshold and reset.
func (m *AdExIF) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	return stepVW(&m.base, adExSys{p.VRest, p.VT, p.DeltaT, p.A, p.R, p.Tau, p.TauW}, m.v, m.w, k, lo, hi, p.VTh, p.VReset, p.B, spikes)
}
