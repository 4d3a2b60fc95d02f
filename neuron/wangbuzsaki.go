package neuron

import (
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// WangBuzsakiParams are the parameters of a WangBuzsaki population. Start
// from DefaultWangBuzsaki: fields are taken literally, except that nil
// initialisers and an empty Method mean BrainPy's defaults.
type WangBuzsakiParams struct {
	// Reversal potentials (mV, finite) and maximal conductances (mS/cm²,
	// >= 0) of the sodium, potassium and leak currents.
	ENa, GNa, EK, GK, EL, GL float64
	// Phi is the temperature factor of the h and n kinetics (> 0).
	Phi float64
	// C is the membrane capacitance (μF/cm², > 0).
	C float64
	// VTh is the spike detection level (mV): upward crossing.
	VTh float64
	// Initial values; nil means BrainPy's: V0 = −65 mV, H0 = 0.6, N0 = 0.32.
	V0, H0, N0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultWangBuzsaki returns BrainPy's defaults (bp.dyn.WangBuzsakiHH,
// brainpy/dyn/neurons/hh.py).
func DefaultWangBuzsaki() WangBuzsakiParams {
	return WangBuzsakiParams{ENa: 55, GNa: 35, EK: -90, GK: 9, EL: -65, GL: 0.1, Phi: 5, C: 1, VTh: 20,
		V0: initial.Constant(-65), H0: initial.Constant(0.6), N0: initial.Constant(0.32)}
}

// WangBuzsaki is a population of Wang–Buzsáki fast-spiking interneurons
// (Wang & Buzsáki 1996, J. Neurosci. 16:6402; BrainPy's WangBuzsakiHH).
//
// # Equations
//
//	C·dV/dt = −g_Na·m∞³·h·(V − E_Na) − g_K·n⁴·(V − E_K) − g_L·(V − E_L) + I(t)
//	dx/dt   = φ·(α_x(1 − x) − β_x·x),   x ∈ {h, n};   m∞ = α_m/(α_m + β_m)
//	α_m = 0.1(V+35)/(1 − e^{−0.1(V+35)})    β_m = 4·e^{−(V+60)/18}
//	α_h = 0.07·e^{−(V+58)/20}               β_h = 1/(1 + e^{−0.1(V+28)})
//	α_n = 0.01(V+34)/(1 − e^{−0.1(V+34)})   β_n = 0.125·e^{−(V+44)/80}
//	spike when V_old < V_th ≤ V_new (no reset)
//
// α_m and α_n use exprel, so V = −35 and V = −34 are regular. exp_auto uses
// ∂f_V/∂V = −(g_Na·h·(3m∞²·m∞'·(V − E_Na) + m∞³) + g_K·n⁴ + g_L)/C, with m∞'
// differentiated analytically, and ∂f_x/∂x = −φ(α_x + β_x).
//
// # Parameters
//
//	name  default  unit     meaning
//	ENa   55       mV       sodium reversal potential
//	GNa   35       mS/cm²   sodium conductance
//	EK    −90      mV       potassium reversal potential
//	GK    9        mS/cm²   potassium conductance
//	EL    −65      mV       leak reversal potential
//	GL    0.1      mS/cm²   leak conductance
//	Phi   5        —        temperature factor of h and n
//	C     1        μF/cm²   membrane capacitance
//	VTh   20       mV       spike detection level
//	V0, H0, N0  −65, 0.6, 0.32  initial V (mV), h, n
//
// # Variables, sends and receives
//
// Variables "V" (mV), "h", "n" and "input" (μA/cm²). It sends spikes and
// receives current into "input".
type WangBuzsaki struct {
	base
	p         WangBuzsakiParams
	v, gh, gn []float64
}

// NewWangBuzsaki returns a population of n Wang–Buzsáki neurons after
// checking p.
func NewWangBuzsaki(n int, p WangBuzsakiParams) (*WangBuzsaki, error) {
	c := checker{model: "WangBuzsaki"}
	c.size(n)
	c.finite("ENa", p.ENa)
	c.nonNeg("GNa", p.GNa)
	c.finite("EK", p.EK)
	c.nonNeg("GK", p.GK)
	c.finite("EL", p.EL)
	c.nonNeg("GL", p.GL)
	c.positive("Phi", p.Phi)
	c.positive("C", p.C)
	c.finite("VTh", p.VTh)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &WangBuzsaki{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"h", &m.gh}, {"n", &m.gn}}
	return m, nil
}

// Params returns the parameters.
func (m *WangBuzsaki) Params() WangBuzsakiParams { return m.p }

// Init implements sim.Population.
func (m *WangBuzsaki) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, 0, m.p.Noise); err != nil {
		return err
	}
	if err := m.fill(m.v, m.p.V0, -65, env.Key, "V0"); err != nil {
		return err
	}
	if err := m.fill(m.gh, m.p.H0, 0.6, env.Key, "h0"); err != nil {
		return err
	}
	return m.fill(m.gn, m.p.N0, 0.32, env.Key, "n0")
}

// bernoulliX returns g(x) = x/(1 − e^{−x}) and g'(x), regular at x = 0
// (g = 1 + x/2 + x²/12 + …).
func bernoulliX(x float64) (g, dg float64) {
	g = 1 / exprel(-x)
	if math.Abs(x) < 1e-4 {
		return g, 0.5 + x/6
	}
	d := -math.Expm1(-x) // 1 − e^{−x}
	return g, (d - x*math.Exp(-x)) / (d * d)
}

type wbSys struct{ WangBuzsakiParams }

func (s *wbSys) diag(x vec, in float64) (f, j vec) {
	v, h, n := x.x0, x.x1, x.x2
	g, dg := bernoulliX(0.1 * (v + 35))
	am, dam := g, 0.1*dg // α_m = g(0.1(V+35))
	bm := 4 * math.Exp(-(v+60)/18)
	dbm := -bm / 18
	sum := am + bm
	minf := am / sum
	dminf := (dam*bm - am*dbm) / (sum * sum)
	ah, bh := 0.07*math.Exp(-(v+58)/20), 1/(math.Exp(-0.1*(v+28))+1)
	an, bn := 0.1/exprel(-0.1*(v+34)), 0.125*math.Exp(-(v+44)/80)
	m3 := minf * minf * minf
	n4 := n * n * n * n
	f.x0 = (-s.GNa*m3*h*(v-s.ENa) - s.GK*n4*(v-s.EK) - s.GL*(v-s.EL) + in) / s.C
	f.x1 = s.Phi * (ah*(1-h) - bh*h)
	f.x2 = s.Phi * (an*(1-n) - bn*n)
	j.x0 = -(s.GNa*h*(3*minf*minf*dminf*(v-s.ENa)+m3) + s.GK*n4 + s.GL) / s.C
	j.x1, j.x2 = -s.Phi*(ah+bh), -s.Phi*(an+bn)
	return f, j
}

func (s *wbSys) deriv(x vec, in float64) vec {
	f, _ := s.diag(x, in)
	return f
}

// Update implements sim.Population.
func (m *WangBuzsaki) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	s := &wbSys{m.p}
	vth := m.p.VTh
	V, H, N, in, spk := m.v[lo:hi], m.gh[lo:hi], m.gn[lo:hi], m.input[lo:hi], m.spike[lo:hi]
	var pc phiCache
	for j := range V {
		x := advance(s, &m.tab, m.dt, vec{V[j], H[j], N[j], 0}, in[j], &pc)
		v := x.x0 + m.xi(k, lo+j) + m.jumpAt(lo+j)
		spk[j] = V[j] < vth && v >= vth
		if spk[j] {
			spikes = append(spikes, int32(lo+j))
		}
		V[j], H[j], N[j] = v, x.x1, x.x2
	}
	return spikes
}
