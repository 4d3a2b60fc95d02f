package neuron

import (
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// MorrisLecarParams are the parameters of a MorrisLecar population. Start
// from DefaultMorrisLecar: fields are taken literally, except that nil
// initialisers and an empty Method mean BrainPy's defaults.
type MorrisLecarParams struct {
	// Reversal potentials (mV, finite) and maximal conductances (mS/cm²,
	// >= 0) of the calcium, potassium and leak currents.
	VCa, GCa, VK, GK, VLeak, GLeak float64
	// C is the membrane capacitance (μF/cm², > 0).
	C float64
	// V1, V3 are the half-activation voltages of M∞ and W∞ (mV, finite);
	// V2, V4 their slopes (mV, > 0).
	V1, V2, V3, V4 float64
	// Phi is the rate scale of W (1/ms, > 0).
	Phi float64
	// VTh is the spike detection level (mV): upward crossing.
	VTh float64
	// V0 initialises V (nil: Uniform(−70, −60) mV), W0 initialises W (nil:
	// 0.02), BrainPy's defaults.
	V0, W0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultMorrisLecar returns BrainPy's defaults (bp.dyn.MorrisLecar,
// brainpy/dyn/neurons/hh.py): the type II (Hopf) parameter set of
// Rinzel & Ermentrout (1989) with V_Ca = 130 mV.
func DefaultMorrisLecar() MorrisLecarParams {
	return MorrisLecarParams{VCa: 130, GCa: 4.4, VK: -84, GK: 8, VLeak: -60, GLeak: 2, C: 20,
		V1: -1.2, V2: 18, V3: 2, V4: 30, Phi: 0.04, VTh: 10,
		V0: initial.Uniform(-70, -60), W0: initial.Constant(0.02)}
}

// MorrisLecar is a population of Morris–Lecar neurons (Morris & Lecar 1981,
// Biophys. J. 35:193; Rinzel & Ermentrout 1989; BrainPy's MorrisLecar).
//
// # Equations
//
//	C·dV/dt = −g_Ca·M∞(V)·(V − V_Ca) − g_K·W·(V − V_K) − g_L·(V − V_L) + I(t)
//	dW/dt   = (W∞(V) − W)/τ_W(V)
//	M∞ = ½(1 + tanh((V − V1)/V2))   W∞ = ½(1 + tanh((V − V3)/V4))
//	τ_W = 1/(φ·cosh((V − V3)/(2·V4)))
//	spike when V_old < V_th ≤ V_new (no reset)
//
// exp_auto uses ∂f_V/∂V = −(g_Ca·(M∞'·(V − V_Ca) + M∞) + g_K·W + g_L)/C with
// M∞' = (1 − tanh²)/(2·V2), and ∂f_W/∂W = −1/τ_W.
//
// # Parameters
//
//	name    default    unit     meaning
//	VCa     130        mV       calcium reversal potential
//	GCa     4.4        mS/cm²   calcium conductance
//	VK      −84        mV       potassium reversal potential
//	GK      8          mS/cm²   potassium conductance
//	VLeak   −60        mV       leak reversal potential
//	GLeak   2          mS/cm²   leak conductance
//	C       20         μF/cm²   membrane capacitance
//	V1, V2  −1.2, 18   mV       M∞ midpoint and slope
//	V3, V4  2, 30      mV       W∞ midpoint and slope
//	Phi     0.04       1/ms     rate scale of W
//	VTh     10         mV       spike detection level
//	V0, W0  U(−70,−60), 0.02    initial V (mV) and W
//
// # Variables, sends and receives
//
// Variables "V" (mV), "W" and "input" (μA/cm²). It sends spikes and receives
// current into "input".
type MorrisLecar struct {
	base
	p    MorrisLecarParams
	v, w []float64
}

// NewMorrisLecar returns a population of n Morris–Lecar neurons after
// checking p.
func NewMorrisLecar(n int, p MorrisLecarParams) (*MorrisLecar, error) {
	c := checker{model: "MorrisLecar"}
	c.size(n)
	c.finite("VCa", p.VCa)
	c.nonNeg("GCa", p.GCa)
	c.finite("VK", p.VK)
	c.nonNeg("GK", p.GK)
	c.finite("VLeak", p.VLeak)
	c.nonNeg("GLeak", p.GLeak)
	c.positive("C", p.C)
	c.finite("V1", p.V1)
	c.positive("V2", p.V2)
	c.finite("V3", p.V3)
	c.positive("V4", p.V4)
	c.positive("Phi", p.Phi)
	c.finite("VTh", p.VTh)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &MorrisLecar{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"W", &m.w}}
	return m, nil
}

// Params returns the parameters.
func (m *MorrisLecar) Params() MorrisLecarParams { return m.p }

// Init implements sim.Population.
func (m *MorrisLecar) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, 0, m.p.Noise); err != nil {
		return err
	}
	v0 := m.p.V0
	if v0 == nil {
		v0 = initial.Uniform(-70, -60)
	}
	if err := m.fill(m.v, v0, 0, env.Key, "V0"); err != nil {
		return err
	}
	return m.fill(m.w, m.p.W0, 0.02, env.Key, "W0")
}

type mlSys struct{ MorrisLecarParams }

func (s *mlSys) diag(x vec, in float64) (f, j vec) {
	v, w := x.x0, x.x1
	tm := math.Tanh((v - s.V1) / s.V2)
	minf := 0.5 * (1 + tm)
	winf := 0.5 * (1 + math.Tanh((v-s.V3)/s.V4))
	rate := s.Phi * math.Cosh((v-s.V3)/(2*s.V4)) // 1/τ_W
	f.x0 = (-s.GCa*minf*(v-s.VCa) - s.GK*w*(v-s.VK) - s.GLeak*(v-s.VLeak) + in) / s.C
	f.x1 = rate * (winf - w)
	dminf := (1 - tm*tm) / (2 * s.V2)
	j.x0 = -(s.GCa*(dminf*(v-s.VCa)+minf) + s.GK*w + s.GLeak) / s.C
	j.x1 = -rate
	return f, j
}

func (s *mlSys) deriv(x vec, in float64) vec {
	f, _ := s.diag(x, in)
	return f
}

// Update implements sim.Population.
func (m *MorrisLecar) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	s := &mlSys{m.p}
	vth := m.p.VTh
	V, W, in, spk := m.v[lo:hi], m.w[lo:hi], m.input[lo:hi], m.spike[lo:hi]
	var pc phiCache
	for j := range V {
		x := advance(s, &m.tab, m.dt, vec{V[j], W[j], 0, 0}, in[j], &pc)
		v := x.x0 + m.xi(k, lo+j) + m.jumpAt(lo+j)
		spk[j] = V[j] < vth && v >= vth
		if spk[j] {
			spikes = append(spikes, int32(lo+j))
		}
		V[j], W[j] = v, x.x1
	}
	return spikes
}
