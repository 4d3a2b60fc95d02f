package neuron

import (
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// AdQuaIFParams are the parameters of an AdQuaIF population. Start from
// DefaultAdQuaIF: fields are taken literally, except that nil initialisers
// and an empty Method mean BrainPy's defaults.
type AdQuaIFParams struct {
	VRest, VReset, VTh float64 // mV
	VC                 float64 // critical voltage, mV, > VRest
	A, B               float64 // adaptation coupling and spike increment (finite)
	C                  float64 // curvature, > 0
	Tau, TauW          float64 // ms, > 0
	// TauRef is the refractory period in ms (>= 0; integer steps, inclusive,
	// as LIF). While refractory V is frozen but w keeps integrating.
	TauRef float64
	// V0 and W0 initialise V and w; nil means 0 (BrainPy's ZeroInit).
	V0, W0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultAdQuaIF returns BrainPy's defaults (bp.dyn.AdQuaIFRef,
// brainpy/dyn/neurons/lif.py).
func DefaultAdQuaIF() AdQuaIFParams {
	return AdQuaIFParams{VRest: -65, VReset: -68, VTh: -30, VC: -50, A: 1, B: 0.1, C: 0.07,
		Tau: 10, TauW: 10, V0: initial.Constant(0), W0: initial.Constant(0)}
}

// AdQuaIF is a population of adaptive quadratic integrate-and-fire neurons
// (Izhikevich 2004, IEEE Trans. Neural Netw. 15:1063; Touboul 2008, SIAM J.
// Appl. Math. 68:1045; BrainPy's AdQuaIF/AdQuaIFRef).
//
// # Equations
//
//	τ·dV/dt   = c·(V − V_rest)·(V − V_c) − w + I(t)
//	τ_w·dw/dt = a·(V − V_rest) − w
//	V ≥ V_th → spike, V ← V_reset, w ← w + b
//
// BrainPy's AdQuaIF has no R. exp_auto uses ∂f_V/∂V = c·(2V − V_rest − V_c)/τ
// and ∂f_w/∂w = −1/τ_w.
//
// # Parameters
//
//	name    default  unit  meaning
//	VRest   −65      mV    resting potential
//	VReset  −68      mV    reset potential
//	VTh     −30      mV    spike threshold
//	VC      −50      mV    critical voltage
//	A       1        —     subthreshold adaptation coupling
//	B       0.1      —     spike-triggered increment of w
//	C       0.07     1/mV  curvature
//	Tau     10       ms    membrane time constant
//	TauW    10       ms    adaptation time constant
//	TauRef  0        ms    refractory period
//	V0, W0  0, 0           initial V (mV) and w
//
// # Variables, sends and receives
//
// Variables "V" (mV), "w" and "input". It sends spikes and receives current
// into "input".
type AdQuaIF struct {
	base
	p    AdQuaIFParams
	v, w []float64
}

// NewAdQuaIF returns a population of n AdQuaIF neurons after checking p.
func NewAdQuaIF(n int, p AdQuaIFParams) (*AdQuaIF, error) {
	c := checker{model: "AdQuaIF"}
	c.size(n)
	c.finite("VRest", p.VRest)
	c.finite("VTh", p.VTh)
	c.below("VReset", p.VReset, "VTh", p.VTh)
	if !finite(p.VC) || !(p.VC > p.VRest) {
		c.fail("VC", p.VC, "must be finite and > VRest = "+ftoa(p.VRest))
	}
	c.finite("A", p.A)
	c.finite("B", p.B)
	c.positive("C", p.C)
	c.positive("Tau", p.Tau)
	c.positive("TauW", p.TauW)
	c.nonNeg("TauRef", p.TauRef)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &AdQuaIF{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"w", &m.w}}
	return m, nil
}

// Params returns the parameters.
func (m *AdQuaIF) Params() AdQuaIFParams { return m.p }

// Init implements sim.Population.
func (m *AdQuaIF) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, m.p.TauRef, m.p.Noise); err != nil {
		return err
	}
	if err := m.fill(m.v, m.p.V0, 0, env.Key, "V0"); err != nil {
		return err
	}
	return m.fill(m.w, m.p.W0, 0, env.Key, "w0")
}

type adQuaSys struct{ vrest, vc, a, c, tau, tauW float64 }

func (s adQuaSys) deriv(x vec, in float64) vec {
	v, w := x.x0, x.x1
	return vec{(s.c*(v-s.vrest)*(v-s.vc) - w + in) / s.tau, (s.a*(v-s.vrest) - w) / s.tauW, 0, 0}
}

func (s adQuaSys) diag(x vec, in float64) (f, j vec) {
	f = s.deriv(x, in)
	j.x0, j.x1 = s.c*(2*x.x0-s.vrest-s.vc)/s.tau, -1/s.tauW
	return f, j
}

// Update implements sim.Population.
func (m *AdQuaIF) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	return stepVW(&m.base, adQuaSys{p.VRest, p.VC, p.A, p.C, p.Tau, p.TauW}, m.v, m.w, k, lo, hi, p.VTh, p.VReset, p.B, spikes)
}
