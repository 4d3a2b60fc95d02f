package neuron

import (
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// GIFParams are the parameters of a GIF population. Start from DefaultGIF:
// fields are taken literally, except that nil initialisers and an empty
// Method mean BrainPy's defaults.
type GIFParams struct {
	VRest, VReset float64 // mV
	// VThInf is the threshold's resting value and VThReset its lower bound
	// after a spike (mV, > VReset).
	VThInf, VThReset float64
	R                float64 // > 0
	Tau              float64 // ms, > 0
	// A couples the threshold to V (1/ms, finite); B is its relaxation rate
	// (1/ms, >= 0).
	A, B float64
	// K1, K2 are the decay rates of the internal currents (1/ms, >= 0).
	K1, K2 float64
	// R1, R2, A1, A2 set the internal currents after a spike:
	// I_j ← R_j·I_j + A_j (finite).
	R1, R2, A1, A2 float64
	// TauRef is the refractory period in ms (>= 0; integer steps, inclusive,
	// as LIF). While refractory V is frozen; I1, I2 and V_th keep
	// integrating (BrainPy's GifRef).
	TauRef float64
	// Initial values; nil means BrainPy's: V0 = −70 mV, VTh0 = −50 mV,
	// I1Init = I2Init = 0.
	V0, VTh0, I1Init, I2Init initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultGIF returns BrainPy's defaults (bp.dyn.GifRef,
// brainpy/dyn/neurons/lif.py).
func DefaultGIF() GIFParams {
	return GIFParams{VRest: -70, VReset: -70, VThInf: -50, VThReset: -60, R: 20, Tau: 20,
		A: 0, B: 0.01, K1: 0.2, K2: 0.02, R1: 0, R2: 1, A1: 0, A2: 0,
		V0: initial.Constant(-70), VTh0: initial.Constant(-50),
		I1Init: initial.Constant(0), I2Init: initial.Constant(0)}
}

// GIF is a population of generalized integrate-and-fire neurons with a
// dynamic threshold and two spike-induced currents (Mihalaş & Niebur 2009,
// Neural Comput. 21:704; BrainPy's Gif/GifRef).
//
// # Equations
//
//	dI1/dt   = −k1·I1
//	dI2/dt   = −k2·I2
//	dV_th/dt = a·(V − V_rest) − b·(V_th − V_th∞)
//	τ·dV/dt  = −(V − V_rest) + R·(I(t) + I1 + I2)
//	V_new ≥ V_th(old) → spike: V ← V_reset, I_j ← R_j·I_j + A_j,
//	                           V_th ← max(V_th_reset, V_th)
//
// As in BrainPy, the spike test compares the new V with the threshold stored
// before the step. Every equation is linear in its own variable, so exp_auto
// (diagonal −1/τ, −b, −k1, −k2) is exact for each while the others are held.
//
// # Parameters
//
//	name      default  unit  meaning
//	VRest     −70      mV    resting potential
//	VReset    −70      mV    reset potential
//	VThInf    −50      mV    resting threshold
//	VThReset  −60      mV    lower bound of the threshold after a spike
//	R         20       —     membrane resistance
//	Tau       20       ms    membrane time constant
//	A         0        1/ms  threshold adaptation to V
//	B         0.01     1/ms  threshold relaxation rate
//	K1, K2    0.2, 0.02 1/ms decay rates of I1, I2
//	R1, R2    0, 1     —     reset factors of I1, I2
//	A1, A2    0, 0     —     reset increments of I1, I2
//	TauRef    0        ms    refractory period
//	V0, VTh0  −70, −50 mV    initial V and V_th
//	I1Init, I2Init 0, 0      initial I1, I2
//
// # Variables, sends and receives
//
// Variables "V" (mV), "V_th" (mV), "I1", "I2" and "input". It sends spikes
// and receives current into "input".
type GIF struct {
	base
	p              GIFParams
	v, vth, i1, i2 []float64
}

// NewGIF returns a population of n GIF neurons after checking p.
func NewGIF(n int, p GIFParams) (*GIF, error) {
	c := checker{model: "GIF"}
	c.size(n)
	c.finite("VRest", p.VRest)
	c.finite("VThInf", p.VThInf)
	c.finite("VThReset", p.VThReset)
	c.below("VReset", p.VReset, "VThReset", p.VThReset)
	c.positive("R", p.R)
	c.positive("Tau", p.Tau)
	c.finite("A", p.A)
	c.nonNeg("B", p.B)
	c.nonNeg("K1", p.K1)
	c.nonNeg("K2", p.K2)
	for _, f := range []struct {
		n string
		v float64
	}{{"R1", p.R1}, {"R2", p.R2}, {"A1", p.A1}, {"A2", p.A2}} {
		c.finite(f.n, f.v)
	}
	c.nonNeg("TauRef", p.TauRef)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &GIF{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"V_th", &m.vth}, {"I1", &m.i1}, {"I2", &m.i2}}
	return m, nil
}

// Params returns the parameters.
func (m *GIF) Params() GIFParams { return m.p }

// Init implements sim.Population.
func (m *GIF) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, m.p.TauRef, m.p.Noise); err != nil {
		return err
	}
	if err := m.fill(m.v, m.p.V0, -70, env.Key, "V0"); err != nil {
		return err
	}
	if err := m.fill(m.vth, m.p.VTh0, -50, env.Key, "V_th0"); err != nil {
		return err
	}
	if err := m.fill(m.i1, m.p.I1Init, 0, env.Key, "I10"); err != nil {
		return err
	}
	return m.fill(m.i2, m.p.I2Init, 0, env.Key, "I20")
}

// gifSys orders the state as (V, V_th, I1, I2).
type gifSys struct{ vrest, vthInf, r, tau, a, b, k1, k2 float64 }

func (s gifSys) deriv(x vec, in float64) vec {
	v, th, i1, i2 := x.x0, x.x1, x.x2, x.x3
	return vec{
		(-(v - s.vrest) + s.r*(in+i1+i2)) / s.tau,
		s.a*(v-s.vrest) - s.b*(th-s.vthInf),
		-s.k1 * i1,
		-s.k2 * i2,
	}
}

func (s gifSys) diag(x vec, in float64) (f, j vec) {
	return s.deriv(x, in), vec{-1 / s.tau, -s.b, -s.k1, -s.k2}
}

// Update implements sim.Population.
func (m *GIF) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	s := gifSys{p.VRest, p.VThInf, p.R, p.Tau, p.A, p.B, p.K1, p.K2}
	V, TH, I1, I2 := m.v[lo:hi], m.vth[lo:hi], m.i1[lo:hi], m.i2[lo:hi]
	in, last, spk := m.input[lo:hi], m.last[lo:hi], m.spike[lo:hi]
	var pc phiCache
	for j := range V {
		x := advance(s, &m.tab, m.dt, vec{V[j], TH[j], I1[j], I2[j]}, in[j], &pc)
		v, dv := V[j], m.jumpAt(lo+j)
		if k-last[j] > m.ref {
			v = x.x0 + m.xi(k, lo+j) + dv
		}
		th, i1, i2 := x.x1, x.x2, x.x3
		if v >= TH[j] {
			v, last[j], spk[j] = p.VReset, k, true
			i1, i2 = p.R1*i1+p.A1, p.R2*i2+p.A2
			th = math.Max(p.VThReset, th)
			spikes = append(spikes, int32(lo+j))
		} else {
			spk[j] = false
		}
		V[j], TH[j], I1[j], I2[j] = v, th, i1, i2
	}
	return spikes
}
