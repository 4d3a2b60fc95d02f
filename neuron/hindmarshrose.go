package neuron

import (
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
)

// HindmarshRoseParams are the parameters of a HindmarshRose population.
// Start from DefaultHindmarshRose: fields are taken literally, except that
// nil initialisers and an empty Method mean BrainPy's defaults. The model is
// dimensionless.
type HindmarshRoseParams struct {
	// A, B, C, D shape the fast subsystem (finite).
	A, B, C, D float64
	// R is the rate of the slow adaptation current z (> 0); S its coupling
	// to V (finite).
	R, S float64
	// VRest is the resting value x_R of the slow subsystem (finite).
	VRest float64
	// VTh is the spike detection level: upward crossing.
	VTh float64
	// Initial values; nil means BrainPy's: V0 = 0, Y0 = −10, Z0 = 0.
	V0, Y0, Z0 initial.Init
	// Method is one of Methods; "" means exp_auto.
	Method string
	// Noise is σ: each step adds σ·√dt·ξ to V. 0 means none. (BrainPy's
	// old-style HindmarshRose adds σ to every variable; here it drives V only, as in
	// every model of this package.)
	Noise float64
}

// DefaultHindmarshRose returns BrainPy's defaults (bp.neurons.HindmarshRose,
// brainpy/dynold/neurons/reduced_models.py).
func DefaultHindmarshRose() HindmarshRoseParams {
	return HindmarshRoseParams{A: 1, B: 3, C: 1, D: 5, R: 0.01, S: 4, VRest: -1.6, VTh: 1,
		V0: initial.Constant(0), Y0: initial.Constant(-10), Z0: initial.Constant(0)}
}

// HindmarshRose is a population of Hindmarsh–Rose bursting neurons
// (Hindmarsh & Rose 1984, Proc. R. Soc. Lond. B 221:87; Storace, Linaro & de
// Lange 2008, Chaos 18:033128; BrainPy's HindmarshRose).
//
// # Equations
//
//	dV/dt = y − a·V³ + b·V² − z + I(t)
//	dy/dt = c − d·V² − y
//	dz/dt = r·(s·(V − V_rest) − z)
//	spike when V_old < V_th ≤ V_new (no reset)
//
// With the defaults, increasing I takes the cell from rest through bursting
// to tonic spiking. exp_auto uses ∂f_V/∂V = −3a·V² + 2b·V, ∂f_y/∂y = −1,
// ∂f_z/∂z = −r.
//
// # Parameters
//
//	name   default  meaning
//	A      1        cubic coefficient
//	B      3        quadratic coefficient
//	C      1        constant of y
//	D      5        V² coefficient of y
//	R      0.01     slow time scale of z
//	S      4        adaptation coupling
//	VRest  −1.6     resting value of the slow subsystem
//	VTh    1        spike detection level
//	V0, Y0, Z0  0, −10, 0  initial values
//
// # Variables, sends and receives
//
// Variables "V", "y", "z" and "input". It sends spikes and receives current
// into "input".
type HindmarshRose struct {
	base
	p       HindmarshRoseParams
	v, y, z []float64
}

// NewHindmarshRose returns a population of n Hindmarsh–Rose neurons after
// checking p.
func NewHindmarshRose(n int, p HindmarshRoseParams) (*HindmarshRose, error) {
	c := checker{model: "HindmarshRose"}
	c.size(n)
	c.finite("A", p.A)
	c.finite("B", p.B)
	c.finite("C", p.C)
	c.finite("D", p.D)
	c.positive("R", p.R)
	c.finite("S", p.S)
	c.finite("VRest", p.VRest)
	c.finite("VTh", p.VTh)
	c.common(p.Method, p.Noise)
	if c.err() != nil {
		return nil, c.err()
	}
	m := &HindmarshRose{base: base{n: n}, p: p}
	m.vars = []stateVar{{"V", &m.v}, {"y", &m.y}, {"z", &m.z}}
	return m, nil
}

// Params returns the parameters.
func (m *HindmarshRose) Params() HindmarshRoseParams { return m.p }

// Init implements sim.Population.
func (m *HindmarshRose) Init(env *sim.Env) error {
	if err := m.setup(env, m.p.Method, 0, m.p.Noise); err != nil {
		return err
	}
	if err := m.fill(m.v, m.p.V0, 0, env.Key, "V0"); err != nil {
		return err
	}
	if err := m.fill(m.y, m.p.Y0, -10, env.Key, "y0"); err != nil {
		return err
	}
	return m.fill(m.z, m.p.Z0, 0, env.Key, "z0")
}

type hrSys struct{ a, b, c, d, r, s, vrest float64 }

func (s hrSys) deriv(x vec, in float64) vec {
	v, y, z := x.x0, x.x1, x.x2
	return vec{y + (s.b-s.a*v)*v*v - z + in, s.c - s.d*v*v - y, s.r * (s.s*(v-s.vrest) - z), 0}
}

func (s hrSys) diag(x vec, in float64) (f, j vec) {
	v := x.x0
	return s.deriv(x, in), vec{(2*s.b - 3*s.a*v) * v, -1, -s.r, 0}
}

// Update implements sim.Population.
func (m *HindmarshRose) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	p := &m.p
	s := hrSys{p.A, p.B, p.C, p.D, p.R, p.S, p.VRest}
	V, Y, Z, in, spk := m.v[lo:hi], m.y[lo:hi], m.z[lo:hi], m.input[lo:hi], m.spike[lo:hi]
	var pc phiCache
	for j := range V {
		x := advance(s, &m.tab, m.dt, vec{V[j], Y[j], Z[j], 0}, in[j], &pc)
		v := x.x0 + m.xi(k, lo+j) + m.jumpAt(lo+j)
		spk[j] = V[j] < p.VTh && v >= p.VTh
		if spk[j] {
			spikes = append(spikes, int32(lo+j))
		}
		V[j], Y[j], Z[j] = v, x.x1, x.x2
	}
	return spikes
}
