package neuron

import (
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// IzhikevichParams are the parameters of an Izhikevich population. Start
// from DefaultIzhikevich: fields are taken literally, except that nil
// initialisers and an empty Method mean BrainPy's defaults.
type IzhikevichParams struct {
	// A is the recovery rate (1/ms, > 0), B the recovery sensitivity to V
	// (finite), C the reset potential (mV, < VTh), D the recovery increment
	// at a spike (finite).
	A, B, C, D float64
	// VTh is the spike cut-off (mV).
	VTh float64
	// P1, P2, P3 are the coefficients of the quadratic
	// dV/dt = P1·V² + P2·V + P3 − u + I (finite; 0.04, 5, 140 in the paper).
	P1, P2, P3 float64
	// TauRef is the refractory period in ms (>= 0; integer steps, inclusive,
	// as LIF). While refractory V is frozen; u keeps integrating.
	TauRef float64
	// V0 initialises V; nil means −70 mV. U0 initialises u; nil means B·V0
	// per neuron (BrainPy's default).
	V0, U0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultIzhikevich returns BrainPy's defaults, the regular-spiking cell
// (bp.dyn.IzhikevichRef, brainpy/dyn/neurons/lif.py). U0 is nil (B·V0).
func DefaultIzhikevich() IzhikevichParams {
	return IzhikevichParams{A: 0.02, B: 0.2, C: -65, D: 8, VTh: 30, P1: 0.04, P2: 5, P3: 140,
		V0: initial.Constant(-70)}
}

// Izhikevich is a population of Izhikevich (2003) neurons (IEEE Trans.
// Neural Netw. 14:1569; BrainPy's Izhikevich/IzhikevichRef).
//
// # Equations
//
//	dV/dt = 0.04·V² + 5·V + 140 − u + I(t)     (P1, P2, P3)
//	du/dt = a·(b·V − u)
//	V ≥ V_th → spike, V ← c, u ← u + d
//
// exp_auto uses ∂f_V/∂V = 2·P1·V + P2 and ∂f_u/∂u = −a. Classic cells
// (Izhikevich 2003, Fig. 2) with I = 10: regular spiking (a, b, c, d) =
// (0.02, 0.2, −65, 8), fast spiking (0.1, 0.2, −65, 2), chattering (0.02,
// 0.2, −50, 2), intrinsically bursting (0.02, 0.2, −55, 4).
//
// # Parameters
//
//	name        default      unit  meaning
//	A           0.02         1/ms  recovery rate
//	B           0.2          —     recovery sensitivity to V
//	C           −65          mV    reset potential
//	D           8            —     recovery increment at a spike
//	VTh         30           mV    spike cut-off
//	P1, P2, P3  0.04, 5, 140       quadratic coefficients
//	TauRef      0            ms    refractory period
//	V0          −70          mV    initial V
//	U0          B·V0         —     initial u (nil)
//
// BrainPy's unused tau and R parameters are omitted.
//
// # Variables, sends and receives
//
// Variables "V" (mV), "u" and "input". It sends spikes and receives current
// into "input".
type Izhikevich struct {
	base
	p    IzhikevichParams
	v, u []float64
}

// NewIzhikevich returns a population of n Izhikevich neurons after checking
// p.
func NewIzhikevich(n int, p IzhikevichParams) (*Izhikevich, error) {
	c := checker{model: "Izhikevich"}
	c.size(n)
	c.positive("A", p.A)
	c.finite("B", p.B)
	c.finite("VTh", p.VTh)
	c.below("C", p.C, "VTh", p.VTh)
	c.finite("D", p.D)
	c.finite("P1", p.P1)
	c.finite("P2", p.P2)
	c.finite("P3", p.P3)
	c.nonNeg("TauRef", p.TauRef)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &Izhikevich{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"u", &m.u}}
	return m, nil
}

// Params returns the parameters.
func (m *Izhikevich) Params() IzhikevichParams { return m.p }

// Init implements sim.Population.
func (m *Izhikevich) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, m.p.TauRef, m.p.Noise); err != nil {
		return err
	}
	if err := m.fill(m.v, m.p.V0, -70, env.Key, "V0"); err != nil {
		return err
	}
	if m.p.U0 == nil {
		for i, v := range m.v {
			m.u[i] = m.p.B * v
		}
		return nil
	}
	return m.fill(m.u, m.p.U0, 0, env.Key, "u0")
}

type izhSys struct{ a, b, p1, p2, p3 float64 }

func (s izhSys) deriv(x vec, in float64) vec {
	v, u := x.x0, x.x1
	return vec{(s.p1*v+s.p2)*v + s.p3 - u + in, s.a * (s.b*v - u), 0, 0}
}

func (s izhSys) diag(x vec, in float64) (f, j vec) {
	return s.deriv(x, in), vec{2*s.p1*x.x0 + s.p2, -s.a, 0, 0}
}

// Update implements sim.Population.
func (m *Izhikevich) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	s := izhSys{p.A, p.B, p.P1, p.P2, p.P3}
	V, U, in, last, spk := m.v[lo:hi], m.u[lo:hi], m.input[lo:hi], m.last[lo:hi], m.spike[lo:hi]
	var pc phiCache
	for j := range V {
		x := advance(s, &m.tab, m.dt, vec{V[j], U[j], 0, 0}, in[j], &pc)
		v, u, dv := V[j], x.x1, m.jumpAt(lo+j)
		if k-last[j] > m.ref {
			v = x.x0 + m.xi(k, lo+j) + dv
		}
		if v >= p.VTh {
			v, u, last[j], spk[j] = p.C, u+p.D, k, true
			spikes = append(spikes, int32(lo+j))
		} else {
			spk[j] = false
		}
		V[j], U[j] = v, u
	}
	return spikes
}
