package neuron

import (
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// LIFParams are the parameters of a leaky integrate-and-fire population
// (Lapicque 1907; BrainPy's LIF/LifRef). Voltages in mV, times in ms.
//
//	τ·dV/dt = −(V − V_rest) + R·I(t)
//	V ≥ V_th → spike, V ← V_reset, frozen for τ_ref
type LIFParams struct {
	VRest, VTh, VReset float64
	// Tau is the membrane time constant (> 0).
	Tau float64
	// TauRef is the refractory period (>= 0), counted as round(TauRef/dt)
	// steps: after a spike at step s, V stays at V_reset and input and
	// voltage jumps (Jumps) are discarded while k − s ≤ round(TauRef/dt).
	TauRef float64
	// R is the membrane resistance; 0 means 1 (BrainPy's default).
	R float64
	// V0 initialises V; nil means 0 mV (BrainPy's ZeroInit).
	V0 initial.Init
	// Method integrates V between spikes; "" means exp_auto, exact for this
	// linear equation. See LinearMethods.
	Method string
	// Noise is the standard deviation σ of additive white noise:
	// each step adds σ·√dt·ξ, ξ ~ N(0, 1) (BrainPy's noise=σ). 0 = none.
	Noise float64
}

// LIF is a population of leaky integrate-and-fire neurons.
//
// Variables: "V" (mV), "input" (the current summed for the current step; it
// is cleared at the start of each step, so after a step it holds the input
// that step used). It sends spikes, receives current into "input" and
// voltage jumps through Jumps (added after the integration, as BrainPy's
// delta inputs).
type LIF struct {
	sim.Membership     // a node belongs to one network
	n              int // neurons of the population
	off, local     int // this rank's share: local neuron j is neuron off + j·stride; local is the arrays' length
	stride         int
	p              LIFParams
	v              []float64
	input          []float64
	spike          []bool
	last           []int64 // step of the last spike
	decay          float64
	ref            int64
	noise          float64 // σ·√dt
	noiseK         uint64
	jump           []float64 // voltage jumps of the step; nil until a projection asks (Jumps)
	channels
}

// NewLIF returns a population of n LIF neurons after checking p. Every
// invalid field is reported, in the order of LIFParams.
func NewLIF(n int, p LIFParams) (*LIF, error) {
	c := checker{model: "LIF"}
	c.size(n)
	c.finite("VRest", p.VRest)
	c.finite("VTh", p.VTh)
	c.below("VReset", p.VReset, "VTh", p.VTh)
	c.positive("Tau", p.Tau)
	c.nonNeg("TauRef", p.TauRef)
	if !(p.R >= 0) || math.IsInf(p.R, 0) {
		c.fail("R", p.R, "must be finite and > 0 (0 means the default 1)")
	}
	if _, ok := linearOrder(p.Method); !ok {
		c.fail("Method", p.Method, "must be one of "+LinearMethods)
	}
	c.nonNeg("Noise", p.Noise)
	if err := c.err(); err != nil {
		return nil, err
	}
	if p.R == 0 {
		p.R = 1
	}
	if p.V0 == nil {
		p.V0 = initial.Constant(0)
	}
	return &LIF{n: n, p: p}, nil
}

// Params returns the parameters (with defaults filled in).
func (l *LIF) Params() LIFParams { return l.p }

// Size implements sim.Population.
func (l *LIF) Size() int { return l.n }

// Init implements sim.Population.
func (l *LIF) Init(env *sim.Env) error {
	d, err := stepFactor("LIF", l.p.Method, -env.Dt/l.p.Tau)
	if err != nil {
		return err
	}
	l.decay = d
	if l.ref, err = env.Steps("neuron: LIF TauRef", l.p.TauRef, sim.Round); err != nil {
		return err
	}
	l.noise = l.p.Noise * math.Sqrt(env.Dt)
	l.noiseK = rng.String(env.Key, "noise")
	l.jump = nil
	l.reset()
	l.off, l.local, l.stride = env.Offset, env.Local(), env.Step()
	l.v = make([]float64, l.local)
	l.input = make([]float64, l.local)
	l.spike = make([]bool, l.local)
	l.last = make([]int64, l.local)
	for i := range l.last {
		l.last[i] = math.MinInt64 / 2
	}
	return initial.Share(l.p.V0, l.v, rng.String(env.Key, "V0"), l.off, l.stride, l.n)
}

// Update implements sim.Population: the hosted channels' currents are
// added to the input, then the exact exponential step towards
// V∞ = V_rest + R·I (or the chosen method's factor), the inclusive
// refractory test before the threshold, then threshold and reset.
func (l *LIF) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	if len(l.list) == 0 {
		return l.integrate(k, lo, hi, spikes)
	}
	for a := lo; a < hi; a += chunk {
		b := min(a+chunk, hi)
		l.apply(l.input, l.v, a, b)
		spikes = l.integrate(k, a, b, spikes)
	}
	return spikes
}

// integrate steps neurons [lo, hi): with noise, the scalar loop (step);
// otherwise the kernel, after integrateJumps if jumps may arrive.
func (l *LIF) integrate(k int64, lo, hi int, spikes []int32) []int32 {
	V := l.v[lo:hi]
	in, last, spk := l.input[lo:hi][:len(V)], l.last[lo:hi][:len(V)], l.spike[lo:hi][:len(V)]
	if l.noise != 0 {
		return l.integrateGo(k, lo, V, in, last, spk, spikes)
	}
	if l.jump != nil {
		return l.integrateJumps(k, lo, V, in, last, spk, spikes)
	}
	n := len(spikes)
	spikes = slicesGrow(spikes, len(V))
	c := kernel.LIFStep(l.params(k), V, in, last, spk, spikes[n:n+len(V)], int32(lo))
	return spikes[:n+c]
}

// params returns the kernel's constants for step k.
func (l *LIF) params(k int64) *kernel.LIF {
	return &kernel.LIF{VRest: l.p.VRest, R: l.p.R, VTh: l.p.VTh, VReset: l.p.VReset, Decay: l.decay, Ref: l.ref, K: k}
}

// integrateGo is integrate with noise (and the jumps, if any), a chunk of
// noise draws at a time (the buffer lives here so that the kernel path does
// not clear it). Jumps without noise take integrateJumps.
func (l *LIF) integrateGo(k int64, lo int, V, in []float64, last []int64, spk []bool, spikes []int32) []int32 {
	var noise [chunk]float64
	var jump []float64
	if l.jump != nil {
		jump = l.jump[lo : lo+len(V)]
	}
	for a := 0; a < len(V); a += chunk {
		b := min(a+chunk, len(V))
		for j := a; j < b; j++ {
			noise[j-a] = l.noise * rng.Normal(l.noiseK, uint64(k)*uint64(l.n)+uint64(l.off+(lo+j)*l.stride))
		}
		var jb []float64
		if jump != nil {
			jb = jump[a:b]
		}
		spikes = l.step(k, V[a:b], in[a:b], last[a:b], spk[a:b], noise[:b-a], jb, lo+a, spikes)
	}
	return spikes
}

// step is integrate's scalar loop, in BrainPy's order: the exponential
// step, plus the noise increment σ·√dt·ξ (BrainPy's noise=σ, the SDE's
// Euler–Maruyama term; zeros without noise), plus the voltage jumps (nil:
// none; each is cleared), then the refractory freeze, which restores the
// old V and so drops the jumps, then threshold and reset.
func (l *LIF) step(k int64, V, in []float64, last []int64, spk []bool, noise, jump []float64, lo int, spikes []int32) []int32 {
	vrest, r, vth, vreset, d, ref := l.p.VRest, l.p.R, l.p.VTh, l.p.VReset, l.decay, l.ref
	noise = noise[:len(V)]
	for j := range V {
		vold := V[j]
		vinf := vrest + r*in[j]
		v := vinf + (vold-vinf)*d + noise[j]
		if jump != nil {
			v += jump[j]
			jump[j] = 0
		}
		if k-last[j] <= ref {
			v = vold
		}
		s := v >= vth
		if s {
			v, last[j] = vreset, k
			spikes = append(spikes, int32(lo+j))
		}
		V[j], spk[j] = v, s
	}
	return spikes
}

// slicesGrow returns s with room for n more elements.
func slicesGrow(s []int32, n int) []int32 {
	if cap(s)-len(s) >= n {
		return s
	}
	t := make([]int32, len(s), len(s)+max(n, 2*cap(s)))
	copy(t, s)
	return t
}

// Var implements sim.Population.
func (l *LIF) Var(name string) []float64 {
	switch name {
	case "V":
		return l.v
	case "input":
		return l.input
	}
	return nil
}

// VarNames implements sim.Population.
func (l *LIF) VarNames() []string { return []string{"V", "input"} }

// Spike implements sim.Population.
func (l *LIF) Spike() []bool { return l.spike }
