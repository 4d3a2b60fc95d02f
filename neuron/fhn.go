package neuron

import (
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// FHNParams are the parameters of an FHN population. Start from DefaultFHN:
// fields are taken literally, except that nil initialisers and an empty
// Method mean BrainPy's defaults. The model is dimensionless (time in ms in
// the simulator).
type FHNParams struct {
	// A and B shape the recovery nullcline (finite).
	A, B float64
	// Tau is the recovery time scale (> 0).
	Tau float64
	// VTh is the spike detection level: upward crossing.
	VTh float64
	// V0, W0 initialise V and w; nil means 0 (BrainPy's ZeroInit).
	V0, W0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none. (BrainPy's
	// old-style FHN adds σ to every variable; here it drives V only, as in
	// every model of this package.)
	Noise float64
}

// DefaultFHN returns BrainPy's defaults (bp.neurons.FHN,
// brainpy/dynold/neurons/reduced_models.py), FitzHugh's classic values.
func DefaultFHN() FHNParams {
	return FHNParams{A: 0.7, B: 0.8, Tau: 12.5, VTh: 1.8, V0: initial.Constant(0), W0: initial.Constant(0)}
}

// FHN is a population of FitzHugh–Nagumo neurons (FitzHugh 1961, Biophys. J.
// 1:445; Nagumo, Arimoto & Yoshizawa 1962, Proc. IRE 50:2061; BrainPy's FHN).
//
// # Equations
//
//	dV/dt   = V − V³/3 − w + I(t)
//	τ·dw/dt = V + a − b·w
//	spike when V_old < V_th ≤ V_new (no reset)
//
// With the defaults the rest state loses stability (Hopf) at I ≈ 0.331,
// where the trace of the Jacobian 1 − V*² − b/τ vanishes; above it the cell
// oscillates on a relaxation limit cycle. exp_auto uses ∂f_V/∂V = 1 − V² and
// ∂f_w/∂w = −b/τ.
//
// # Parameters
//
//	name    default  meaning
//	A       0.7      offset of the w nullcline
//	B       0.8      slope factor of the w nullcline
//	Tau     12.5     recovery time scale
//	VTh     1.8      spike detection level
//	V0, W0  0, 0     initial values
//
// # Variables, sends and receives
//
// Variables "V", "w" and "input". It sends spikes and receives current into
// "input".
type FHN struct {
	base
	p    FHNParams
	v, w []float64
}

// NewFHN returns a population of n FitzHugh–Nagumo neurons after checking p.
func NewFHN(n int, p FHNParams) (*FHN, error) {
	c := checker{model: "FHN"}
	c.size(n)
	c.finite("A", p.A)
	c.finite("B", p.B)
	c.positive("Tau", p.Tau)
	c.finite("VTh", p.VTh)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &FHN{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"w", &m.w}}
	return m, nil
}

// Params returns the parameters.
func (m *FHN) Params() FHNParams { return m.p }

// Init implements sim.Population.
func (m *FHN) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, 0, m.p.Noise); err != nil {
		return err
	}
	if err := m.fill(m.v, m.p.V0, 0, env.Key, "V0"); err != nil {
		return err
	}
	return m.fill(m.w, m.p.W0, 0, env.Key, "w0")
}

type fhnSys struct{ a, b, tau float64 }

func (s fhnSys) deriv(x vec, in float64) vec {
	v, w := x.x0, x.x1
	return vec{v - v*v*v/3 - w + in, (v + s.a - s.b*w) / s.tau, 0, 0}
}

func (s fhnSys) diag(x vec, in float64) (f, j vec) {
	return s.deriv(x, in), vec{1 - x.x0*x.x0, -s.b / s.tau, 0, 0}
}

// Update implements sim.Population.
func (m *FHN) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	s := fhnSys{p.A, p.B, p.Tau}
	V, W, in, spk := m.v[lo:hi], m.w[lo:hi], m.input[lo:hi], m.spike[lo:hi]
	var pc phiCache
	for j := range V {
		x := advance(s, &m.tab, m.dt, vec{V[j], W[j], 0, 0}, in[j], &pc)
		v := x.x0 + m.xi(k, lo+j) + m.jumpAt(lo+j)
		spk[j] = V[j] < p.VTh && v >= p.VTh
		if spk[j] {
			spikes = append(spikes, int32(lo+j))
		}
		V[j], W[j] = v, x.x1
	}
	return spikes
}
