package neuron

import (
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// LeakyIntegratorParams are the parameters of a LeakyIntegrator population.
// Start from DefaultLeakyIntegrator: fields are taken literally, except that
// a nil V0 and an empty Method mean BrainPy's defaults.
type LeakyIntegratorParams struct {
	VRest float64 // mV
	R     float64 // > 0
	Tau   float64 // ms, > 0
	// V0 initialises V; nil means 0 mV (BrainPy's ZeroInit).
	V0 initial.Init
	// Method is one of LinearMethods; "" means exp_auto (exact).
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none.
	Noise float64
}

// DefaultLeakyIntegrator returns BrainPy's defaults
// (bp.neurons.LeakyIntegrator, brainpy/dynold/neurons/reduced_models.py).
func DefaultLeakyIntegrator() LeakyIntegratorParams {
	return LeakyIntegratorParams{VRest: 0, R: 1, Tau: 10, V0: initial.Constant(0)}
}

// LeakyIntegrator is a population of leaky integrators: a LIF membrane
// without threshold (Lapicque 1907; BrainPy's LeakyIntegrator and IF).
//
// # Equations
//
//	τ·dV/dt = −(V − V_rest) + R·I(t)
//
// exp_auto is exact for a constant current: V ← V∞ + (V − V∞)·e^{−dt/τ},
// V∞ = V_rest + R·I. An explicit Runge–Kutta method of order p ≤ 4 scales
// V − V∞ by Σ_{k≤p} (−dt/τ)^k/k! (see LinearMethods). With noise σ each step
// adds σ·√dt·ξ, so for exp_auto the stationary variance is
// σ²·dt/(1 − e^{−2dt/τ}) → σ²·τ/2 as dt → 0.
//
// # Parameters
//
//	name   default  unit  meaning
//	VRest  0        mV    resting potential
//	R      1        —     resistance
//	Tau    10       ms    time constant
//	V0     0        mV    initial V
//
// # Variables, sends and receives
//
// Variables "V" (mV) and "input". It never spikes (Spike is all false) and
// receives current into "input".
type LeakyIntegrator struct {
	base
	p     LeakyIntegratorParams
	v     []float64
	decay float64
}

// NewLeakyIntegrator returns a population of n leaky integrators after
// checking p.
func NewLeakyIntegrator(n int, p LeakyIntegratorParams) (*LeakyIntegrator, error) {
	c := checker{model: "LeakyIntegrator"}
	c.size(n)
	c.finite("VRest", p.VRest)
	c.positive("R", p.R)
	c.positive("Tau", p.Tau)
	if _, ok := linearOrder(p.Method); !ok {
		c.fail("Method", p.Method, "must be one of "+LinearMethods)
	}
	c.nonNeg("Noise", p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &LeakyIntegrator{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}}
	return m, nil
}

// Params returns the parameters.
func (m *LeakyIntegrator) Params() LeakyIntegratorParams { return m.p }

// Init implements sim.Population; it fails when an explicit method is
// unstable for env.Dt.
func (m *LeakyIntegrator) Init(env *sim.Env) error {
	d, err := stepFactor("LeakyIntegrator", m.p.Method, -env.Dt/m.p.Tau)
	if err != nil {
		return err
	}
	m.decay = d
	if err := m.setup(env, "", 0, m.p.Noise); err != nil {
		return err
	}
	return m.fill(m.v, m.p.V0, 0, env.Key, "V0")
}

// Update implements sim.Population.
func (m *LeakyIntegrator) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	vrest, r, d := m.p.VRest, m.p.R, m.decay
	V, in := m.v[lo:hi], m.input[lo:hi]
	for j, v := range V {
		vinf := vrest + r*in[j]
		V[j] = vinf + (v-vinf)*d + m.xi(k, lo+j) + m.jumpAt(lo+j)
	}
	return spikes
}
