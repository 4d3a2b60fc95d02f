package neuron

import (
	"errors"
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// This file holds what the nonlinear models share: the state vector of one
// neuron, the integrators (exponential Euler with the diagonal Jacobian and
// explicit Runge–Kutta), the refractory and noise bookkeeping, and parameter
// checks.

// vec is the state of one neuron (up to four variables; unused entries stay
// zero). It is a struct, not an array, so that the compiler keeps it in
// registers (about 3x faster than [4]float64 in the update loops).
type vec struct{ x0, x1, x2, x3 float64 }

// axpy returns a + c·b.
func (a vec) axpy(c float64, b vec) vec {
	return vec{a.x0 + c*b.x0, a.x1 + c*b.x1, a.x2 + c*b.x2, a.x3 + c*b.x3}
}

// system is one model's right-hand side for a neuron receiving the constant
// current in during the step.
type system interface {
	// deriv returns dx/dt.
	deriv(x vec, in float64) vec
	// diag returns dx/dt and the diagonal of the Jacobian, ∂f_i/∂x_i, both
	// evaluated at x.
	diag(x vec, in float64) (f, j vec)
}

// tableau is an explicit Runge–Kutta method with s ≤ 4 stages; s = 0 marks
// the exponential Euler method.
type tableau struct {
	s int
	a [4][4]float64
	b [4]float64
}

// Methods lists the method names accepted by the nonlinear models. exp_auto
// is BrainPy's exponential Euler (docs/semantics.md, “Numerical integration”)
// with hand-written derivatives ∂f_i/∂x_i: second order for a one-variable
// model (it is then the exponential Rosenbrock–Euler method), first order for
// coupled ones, exact for variables that are linear in themselves. The others
// are the explicit Runge–Kutta tableaus of package integrate, applied to the
// joint system of all variables with the input held for the step; they are
// only conditionally stable (see each model for the step it needs).
const Methods = "exp_auto (default), exp_euler, exp_euler_auto, exponential_euler, euler, midpoint, heun2, ralston2, rk2, rk3, heun3, ralston3, ssprk3, rk4, ralston4, rk4_38rule"

// methodTableau returns the tableau of a method name (BrainPy's registry).
func methodTableau(name string) (tableau, bool) {
	var t tableau
	switch name {
	case "", "exp_auto", "exp_euler", "exp_euler_auto", "exponential_euler":
		return t, true
	case "euler":
		t.s, t.b[0] = 1, 1
	case "midpoint":
		t.s, t.a[1][0], t.b[1] = 2, 0.5, 1
	case "heun2":
		t.s, t.a[1][0], t.b[0], t.b[1] = 2, 1, 0.5, 0.5
	case "ralston2", "rk2": // rk2 is BrainPy's generic 2nd order with β = 2/3
		t.s, t.a[1][0], t.b[0], t.b[1] = 2, 2.0/3, 0.25, 0.75
	case "rk3":
		t.s = 3
		t.a[1][0], t.a[2][0], t.a[2][1] = 0.5, -1, 2
		t.b = [4]float64{1.0 / 6, 2.0 / 3, 1.0 / 6}
	case "heun3":
		t.s = 3
		t.a[1][0], t.a[2][1] = 1.0/3, 2.0/3
		t.b = [4]float64{0.25, 0, 0.75}
	case "ralston3":
		t.s = 3
		t.a[1][0], t.a[2][1] = 0.5, 0.75
		t.b = [4]float64{2.0 / 9, 1.0 / 3, 4.0 / 9}
	case "ssprk3":
		t.s = 3
		t.a[1][0], t.a[2][0], t.a[2][1] = 1, 0.25, 0.25
		t.b = [4]float64{1.0 / 6, 1.0 / 6, 2.0 / 3}
	case "rk4":
		t.s = 4
		t.a[1][0], t.a[2][1], t.a[3][2] = 0.5, 0.5, 1
		t.b = [4]float64{1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6}
	case "ralston4":
		t.s = 4
		t.a[1][0] = .4
		t.a[2][0], t.a[2][1] = .29697761, .15875964
		t.a[3][0], t.a[3][1], t.a[3][2] = .21810040, -3.05096516, 3.83286476
		t.b = [4]float64{.17476028, -.55148066, 1.20553560, .17118478}
	case "rk4_38rule":
		t.s = 4
		t.a[1][0] = 1.0 / 3
		t.a[2][0], t.a[2][1] = -1.0/3, 1
		t.a[3][0], t.a[3][1], t.a[3][2] = 1, -1, 1
		t.b = [4]float64{0.125, 0.375, 0.375, 0.125}
	default:
		return t, false
	}
	return t, true
}

// phi1 is (e^z − 1)/z, 1 at z = 0.
func phi1(z float64) float64 {
	if z == 0 {
		return 1
	}
	return math.Expm1(z) / z
}

// exprel is (e^z − 1)/z, 1 at z = 0: x/(1 − e^{−x}) = 1/exprel(−x) has no
// singular point at x = 0.
func exprel(z float64) float64 { return phi1(z) }

// phiCache remembers the last φ1(z) of each variable: a constant diagonal
// entry (e.g. −1/τ_w) then costs one exponential per Update call instead of
// one per neuron. The zero value is empty; each Update keeps its own.
type phiCache struct {
	z, p  [4]float64
	valid [4]bool
}

func (c *phiCache) phi1(i int, z float64) float64 {
	if c.valid[i] && c.z[i] == z {
		return c.p[i]
	}
	c.z[i], c.p[i], c.valid[i] = z, phi1(z), true
	return c.p[i]
}

// advance returns x moved by one step dt of method t for the constant input
// in (c caches φ1 for exp_auto).
//
// Exponential Euler (s = 0, BrainPy's exp_auto): every variable takes
// x_i ← x_i + dt·φ1(dt·J_ii)·f_i(x), with f and J evaluated at the old state,
// so each variable sees the others at their old values (BrainPy's JointEq).
func advance[S system](s S, t *tableau, dt float64, x vec, in float64, c *phiCache) vec {
	if t.s == 0 {
		f, j := s.diag(x, in)
		x.x0 += dt * c.phi1(0, dt*j.x0) * f.x0
		x.x1 += dt * c.phi1(1, dt*j.x1) * f.x1
		x.x2 += dt * c.phi1(2, dt*j.x2) * f.x2
		x.x3 += dt * c.phi1(3, dt*j.x3) * f.x3
		return x
	}
	var k [4]vec
	for i := 0; i < t.s; i++ {
		y := x
		for l := 0; l < i; l++ {
			if a := t.a[i][l]; a != 0 {
				y = y.axpy(dt*a, k[l])
			}
		}
		k[i] = s.deriv(y, in)
	}
	for i := 0; i < t.s; i++ {
		x = x.axpy(dt*t.b[i], k[i])
	}
	return x
}

// base holds what every model population shares: size, input, spike flags,
// the integrator, the refractory counter and the noise stream.
type base struct {
	sim.Membership     // a node belongs to one network
	n              int // neurons of the population
	off, local     int // this rank's share: local neuron j is neuron off + j·stride; local is the arrays' length
	stride         int
	tab            tableau
	dt             float64
	input          []float64
	spike          []bool
	last           []int64 // step of the last spike (refractory models)
	ref            int64   // refractory steps, round(TauRef/dt)
	noise          float64 // σ·√dt
	noiseK         uint64
	jump           []float64  // voltage jumps of the step (nil: no Delta projection); see Jumps
	vars           []stateVar // the model's variables besides "input", in order
}

// stateVar names one state array of a model; v points at the model's field,
// which Init allocates.
type stateVar struct {
	name string
	v    *[]float64
}

// Var implements sim.Population: the model's variables and "input".
func (b *base) Var(name string) []float64 {
	if name == "input" {
		return b.input
	}
	for _, s := range b.vars {
		if s.name == name {
			return *s.v
		}
	}
	return nil
}

// VarNames implements sim.Population: the model's variables, then "input".
func (b *base) VarNames() []string {
	names := make([]string, 0, len(b.vars)+1)
	for _, s := range b.vars {
		names = append(names, s.name)
	}
	return append(names, "input")
}

// setup prepares the shared state for a run and allocates the model's
// declared variables.
func (b *base) setup(env *sim.Env, method string, tauRef, noise float64) error {
	ref, err := env.Steps("neuron: TauRef", tauRef, sim.Round)
	if err != nil {
		return err
	}
	b.tab, _ = methodTableau(method) // checked by the constructor
	b.dt = env.Dt
	b.off, b.local, b.stride = env.Offset, env.Local(), env.Step()
	b.input = make([]float64, b.local)
	b.spike = make([]bool, b.local)
	b.last = make([]int64, b.local)
	for i := range b.last {
		b.last[i] = math.MinInt64 / 2
	}
	b.ref = ref
	b.noise = noise * math.Sqrt(env.Dt)
	b.noiseK = rng.String(env.Key, "noise")
	b.jump = nil
	for _, s := range b.vars {
		*s.v = make([]float64, b.local)
	}
	return nil
}

// xi returns the noise increment σ·√dt·ξ of local neuron i at step k (0
// without noise): a counter-based draw keyed by (step, global neuron), so it
// depends neither on the worker nor on the rank that evaluates it.
func (b *base) xi(k int64, i int) float64 {
	if b.noise == 0 {
		return 0
	}
	return b.noise * rng.Normal(b.noiseK, uint64(k)*uint64(b.n)+uint64(b.off+i*b.stride))
}

// Jumps implements synapse.JumpTarget (see LIF.Jumps).
func (b *base) Jumps() []float64 {
	if b.jump == nil {
		b.jump = make([]float64, b.local)
	}
	return b.jump
}

// jumpAt returns and clears the voltage jump that arrived for neuron i in
// this step (0 when no projection asked for Jumps). The caller adds it to
// the integrated V, unless the neuron is refractory, then tests the
// threshold.
func (b *base) jumpAt(i int) float64 {
	if b.jump == nil {
		return 0
	}
	d := b.jump[i]
	b.jump[i] = 0
	return d
}

// Size implements sim.Population.
func (b *base) Size() int { return b.n }

// Spike implements sim.Population.
func (b *base) Spike() []bool { return b.spike }

// fill initialises dst, the model's array of the neurons held here, from
// init (the values it gives the whole population, from the stream label
// of key), or with def when init is nil.
func (b *base) fill(dst []float64, init initial.Init, def float64, key uint64, label string) error {
	if init == nil {
		for i := range dst {
			dst[i] = def
		}
		return nil
	}
	return initial.Share(init, dst, rng.String(key, label), b.off, b.stride, b.n)
}

// checker validates parameters and keeps every failure, in the order the
// checks run: each constructor checks its fields in the order of its
// parameter struct, so the errors come in that order.
type checker struct {
	model string
	errs  []error
}

func (c *checker) fail(field string, v any, allowed string) {
	c.errs = append(c.errs, paramError(c.model, field, v, allowed))
}

// err returns nil or every failure, one per line.
func (c *checker) err() error { return errors.Join(c.errs...) }

func (c *checker) size(n int) {
	if n <= 0 {
		c.fail("size", n, "must be > 0")
	}
}

// finite requires v to be a finite number.
func (c *checker) finite(field string, v float64) {
	if !finite(v) {
		c.fail(field, v, "must be finite")
	}
}

// positive requires a finite v > 0.
func (c *checker) positive(field string, v float64) {
	if !(v > 0) || math.IsInf(v, 0) {
		c.fail(field, v, "must be a finite number > 0")
	}
}

// nonNeg requires a finite v >= 0.
func (c *checker) nonNeg(field string, v float64) {
	if !(v >= 0) || math.IsInf(v, 0) {
		c.fail(field, v, "must be a finite number >= 0")
	}
}

// below requires a finite v < limit (the field limitName).
func (c *checker) below(field string, v float64, limitName string, limit float64) {
	if !finite(v) || !(v < limit) {
		c.fail(field, v, "must be finite and < "+limitName+" = "+ftoa(limit))
	}
}

// common checks the fields every model shares.
func (c *checker) common(method string, noise float64) {
	if _, ok := methodTableau(method); !ok {
		c.fail("Method", method, "must be one of "+Methods)
	}
	c.nonNeg("Noise", noise)
}

// rngKey derives the key of an initialiser's stream.
func rngKey(key uint64, label string) uint64 { return rng.String(key, label) }

// stepV advances the one-variable spiking models (ExpIF, QuaIF) over
// neurons [lo, hi): integrate V and add noise and jumps unless refractory,
// then threshold and reset.
func stepV[S system](b *base, s S, V []float64, k int64, lo, hi int, vth, vreset float64, spikes []int32) []int32 {
	V, in, last, spk := V[lo:hi], b.input[lo:hi], b.last[lo:hi], b.spike[lo:hi]
	var pc phiCache
	for j := range V {
		v, dv := V[j], b.jumpAt(lo+j)
		if k-last[j] > b.ref {
			x := advance(s, &b.tab, b.dt, vec{v, 0, 0, 0}, in[j], &pc)
			v = x.x0 + b.xi(k, lo+j) + dv
		}
		if v >= vth {
			V[j], last[j], spk[j] = vreset, k, true
			spikes = append(spikes, int32(lo+j))
		} else {
			V[j], spk[j] = v, false
		}
	}
	return spikes
}

// stepVW advances the adaptive two-variable models (AdExIF, AdQuaIF): V and
// w are integrated jointly, V keeps its old value while refractory (w goes
// on, and jumps are dropped), and a spike resets V and adds b to w.
func stepVW[S system](b *base, s S, V, W []float64, k int64, lo, hi int, vth, vreset, bw float64, spikes []int32) []int32 {
	V, W, in, last, spk := V[lo:hi], W[lo:hi], b.input[lo:hi], b.last[lo:hi], b.spike[lo:hi]
	var pc phiCache
	for j := range V {
		x := advance(s, &b.tab, b.dt, vec{V[j], W[j], 0, 0}, in[j], &pc)
		v, w, dv := V[j], x.x1, b.jumpAt(lo+j)
		if k-last[j] > b.ref {
			v = x.x0 + b.xi(k, lo+j) + dv
		}
		if v >= vth {
			v, w, last[j], spk[j] = vreset, w+bw, k, true
			spikes = append(spikes, int32(lo+j))
		} else {
			spk[j] = false
		}
		V[j], W[j] = v, w
	}
	return spikes
}
