package neuron

import (
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// HHParams are the parameters of an HH population. Start from DefaultHH:
// fields are taken literally, except that nil initialisers and an empty
// Method mean BrainPy's defaults.
type HHParams struct {
	// Reversal potentials (mV, finite) and maximal conductances (mS/cm²,
	// >= 0) of the sodium, potassium and leak currents.
	ENa, GNa, EK, GK, EL, GL float64
	// C is the membrane capacitance (μF/cm², > 0).
	C float64
	// VTh is the spike detection level (mV): a spike is an upward crossing
	// V_old < VTh ≤ V_new.
	VTh float64
	// V0 initialises V; nil means Uniform(−70, −60) mV (BrainPy's default).
	// M0, H0, N0 initialise the gates; nil means the steady state
	// x∞(V0) = α_x/(α_x + β_x) of each neuron.
	V0, M0, H0, N0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultHH returns BrainPy's defaults (bp.dyn.HH,
// brainpy/dyn/neurons/hh.py). Note BrainPy's g_L = 0.03, a tenth of
// Hodgkin & Huxley's 0.3.
func DefaultHH() HHParams {
	return HHParams{ENa: 50, GNa: 120, EK: -77, GK: 36, EL: -54.387, GL: 0.03, C: 1, VTh: 20,
		V0: initial.Uniform(-70, -60)}
}

// HH is a population of Hodgkin–Huxley neurons (Hodgkin & Huxley 1952, J.
// Physiol. 117:500, in the modern convention with rest near −65 mV; BrainPy's
// HH). Currents are in μA/cm², time in ms.
//
// # Equations
//
//	C·dV/dt = −g_Na·m³h·(V − E_Na) − g_K·n⁴·(V − E_K) − g_L·(V − E_L) + I(t)
//	dx/dt   = α_x(V)·(1 − x) − β_x(V)·x,   x ∈ {m, h, n}
//	α_m = 0.1(V+40)/(1 − e^{−(V+40)/10})    β_m = 4·e^{−(V+65)/18}
//	α_h = 0.07·e^{−(V+65)/20}               β_h = 1/(1 + e^{−(V+35)/10})
//	α_n = 0.01(V+55)/(1 − e^{−(V+55)/10})   β_n = 0.125·e^{−(V+65)/80}
//	spike when V_old < V_th ≤ V_new (no reset)
//
// α_m and α_n are evaluated as 1/exprel(−(V+40)/10) and
// 0.1/exprel(−(V+55)/10), exprel(z) = (e^z − 1)/z, so V = −40 and V = −55
// are regular. exp_auto uses ∂f_V/∂V = −(g_Na·m³h + g_K·n⁴ + g_L)/C and
// ∂f_x/∂x = −(α_x + β_x).
//
// Step size: during the spike g_Na·m³h reaches ~40 mS/cm², so explicit
// methods need dt ≲ 0.05 ms (rk4 diverges at 0.1). exp_auto is stable at
// BrainPy's dt = 0.1 but first order: at I = 10 it fires at 67.6 Hz there,
// against 70.7 Hz converged (70.4 Hz at dt = 0.01).
//
// # Parameters
//
//	name  default   unit     meaning
//	ENa   50        mV       sodium reversal potential
//	GNa   120       mS/cm²   sodium conductance
//	EK    −77       mV       potassium reversal potential
//	GK    36        mS/cm²   potassium conductance
//	EL    −54.387   mV       leak reversal potential
//	GL    0.03      mS/cm²   leak conductance
//	C     1         μF/cm²   membrane capacitance
//	VTh   20        mV       spike detection level
//	V0    U(−70,−60) mV      initial V
//	M0, H0, N0  x∞(V0)       initial gates (nil)
//
// # Variables, sends and receives
//
// Variables "V" (mV), "m", "h", "n" and "input" (μA/cm²). It sends spikes
// and receives current into "input".
type HH struct {
	base
	p             HHParams
	v, gm, gh, gn []float64
}

// NewHH returns a population of n HH neurons after checking p.
func NewHH(n int, p HHParams) (*HH, error) {
	c := checker{model: "HH"}
	c.size(n)
	c.finite("ENa", p.ENa)
	c.nonNeg("GNa", p.GNa)
	c.finite("EK", p.EK)
	c.nonNeg("GK", p.GK)
	c.finite("EL", p.EL)
	c.nonNeg("GL", p.GL)
	c.positive("C", p.C)
	c.finite("VTh", p.VTh)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &HH{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"m", &m.gm}, {"h", &m.gh}, {"n", &m.gn}}
	return m, nil
}

// Params returns the parameters.
func (m *HH) Params() HHParams { return m.p }

// hhRates returns α and β of the gates m, h, n at V.
func hhRates(v float64) (am, bm, ah, bh, an, bn float64) {
	am = 1 / exprel(-(v+40)/10)
	bm = 4 * math.Exp(-(v+65)/18)
	ah = 0.07 * math.Exp(-(v+65)/20)
	bh = 1 / (1 + math.Exp(-(v+35)/10))
	an = 0.1 / exprel(-(v+55)/10)
	bn = 0.125 * math.Exp(-(v+65)/80)
	return
}

// Init implements sim.Population.
func (m *HH) Init(env *sim.Env) error {
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
	for i, v := range m.v {
		am, bm, ah, bh, an, bn := hhRates(v)
		m.gm[i], m.gh[i], m.gn[i] = am/(am+bm), ah/(ah+bh), an/(an+bn)
	}
	for _, g := range []struct {
		init  initial.Init
		dst   []float64
		label string
	}{{m.p.M0, m.gm, "m0"}, {m.p.H0, m.gh, "h0"}, {m.p.N0, m.gn, "n0"}} {
		if g.init != nil {
			if err := m.fill(g.dst, g.init, 0, env.Key, g.label); err != nil {
				return err
			}
		}
	}
	return nil
}

type hhSys struct{ eNa, gNa, eK, gK, eL, gL, c float64 }

func (s hhSys) diag(x vec, in float64) (f, j vec) {
	v, m, h, n := x.x0, x.x1, x.x2, x.x3
	am, bm, ah, bh, an, bn := hhRates(v)
	gna, gk := s.gNa*m*m*m*h, s.gK*n*n*n*n
	f = vec{
		(-gna*(v-s.eNa) - gk*(v-s.eK) - s.gL*(v-s.eL) + in) / s.c,
		am*(1-m) - bm*m,
		ah*(1-h) - bh*h,
		an*(1-n) - bn*n,
	}
	j = vec{-(gna + gk + s.gL) / s.c, -(am + bm), -(ah + bh), -(an + bn)}
	return f, j
}

func (s hhSys) deriv(x vec, in float64) vec {
	f, _ := s.diag(x, in)
	return f
}

// Update implements sim.Population: one step of the joint system, noise on
// V, and a spike on each upward crossing of VTh.
func (m *HH) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	s := hhSys{p.ENa, p.GNa, p.EK, p.GK, p.EL, p.GL, p.C}
	V, M, H, N := m.v[lo:hi], m.gm[lo:hi], m.gh[lo:hi], m.gn[lo:hi]
	in, spk := m.input[lo:hi], m.spike[lo:hi]
	var pc phiCache
	for j := range V {
		x := advance(s, &m.tab, m.dt, vec{V[j], M[j], H[j], N[j]}, in[j], &pc)
		v := x.x0 + m.xi(k, lo+j) + m.jumpAt(lo+j)
		spk[j] = V[j] < p.VTh && v >= p.VTh
		if spk[j] {
			spikes = append(spikes, int32(lo+j))
		}
		V[j], M[j], H[j], N[j] = v, x.x1, x.x2, x.x3
	}
	return spikes
}
