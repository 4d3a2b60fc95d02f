package input

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// PoissonInputParams configure a PoissonInput.
type PoissonInputParams struct {
	// NumInput is the number of independent Poisson afferents of every
	// target neuron (>= 1).
	NumInput int
	// Freq is the rate of each afferent in Hz (finite, >= 0).
	Freq float64
	// Weight is added to the target once per afferent spike (finite).
	Weight float64
	// Dt is the time step in ms. Leave it 0: the runner gives its own dt
	// when it is built. A non-zero Dt must equal the runner's (NewRunner
	// refuses a mismatch); it lets the source be used without a runner.
	Dt float64
	// Seed, when non-zero, keys the random draws. Leave it 0: the key then
	// derives from the network seed and the input's target, like every
	// other random stream of the network.
	Seed uint64
	// BrainPyScale reproduces BrainPy's normal branch literally: its code
	// passes n·p·(1−p), the variance, where the normal draw expects the
	// standard deviation. Off (the default), the normal approximation has
	// the binomial's variance n·p·(1−p).
	BrainPyScale bool
}

// PoissonInput is a sim.Source adding, at every step and to every target
// neuron independently, Weight·X with X ~ Binomial(NumInput, p),
// p = Freq·dt/1000: the summed spikes of NumInput Poisson afferents
// (BrainPy's bp.dyn.PoissonInput; docs/semantics.md, “Inputs and Poisson
// sources”). As BrainPy, when n·p > 5 and n·(1−p) > 5 it draws X from the
// normal approximation N(n·p, √(n·p·(1−p))) instead, which is not rounded
// and may be negative.
//
// Exact binomial draws use inversion of one counter-based uniform (walking
// the distribution from 0, or from n via X = n − Binomial(n, 1−p) when
// n·p > 5, so that at most about six terms are summed on average). Every
// draw is a pure function of (key, step, neuron), so the input does not
// depend on the number of threads.
type PoissonInput struct {
	p      PoissonInputParams
	dt     float64 // 0 until known
	prob   float64
	normal bool
	flip   bool     // exact branch: draw n − Binomial(n, 1−p)
	inv    binomial // exact branch: the distribution inverted
	sd     float64  // normal branch
	key    uint64
}

// NewPoissonInput checks p and returns the source.
func NewPoissonInput(p PoissonInputParams) (*PoissonInput, error) {
	const fn = "PoissonInput"
	switch {
	case p.NumInput < 1:
		return nil, fieldError(fn, "NumInput", p.NumInput, "must be >= 1")
	case !(p.Freq >= 0) || math.IsInf(p.Freq, 0):
		return nil, fieldError(fn, "Freq", p.Freq, "must be a finite rate in Hz >= 0")
	case !finite(p.Weight):
		return nil, fieldError(fn, "Weight", p.Weight, "must be finite")
	}
	s := &PoissonInput{p: p}
	if p.Seed != 0 {
		s.key = rng.String(p.Seed, "poisson-input")
	}
	if p.Dt != 0 {
		if err := checkDt(fn, p.Dt); err != nil {
			return nil, err
		}
		if err := s.prepare(p.Dt); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// prepare computes the per-step probability and the branch for dt.
func (s *PoissonInput) prepare(dt float64) error {
	prob := s.p.Freq * dt / 1000
	if prob > 1 {
		return fieldError("PoissonInput", "Freq", s.p.Freq, fmt.Sprintf("Freq·dt/1000 = %v with dt = %v ms: must be <= 1", prob, dt))
	}
	n := float64(s.p.NumInput)
	s.dt, s.prob = dt, prob
	s.normal = n*prob > 5 && n*(1-prob) > 5
	s.flip = false
	if s.normal {
		s.sd = math.Sqrt(n * prob * (1 - prob))
		if s.p.BrainPyScale {
			s.sd = n * prob * (1 - prob)
		}
	} else if n*prob > 5 {
		s.flip, s.inv = true, newBinomial(s.p.NumInput, 1-prob)
	} else {
		s.inv = newBinomial(s.p.NumInput, prob)
	}
	return nil
}

// Init implements sim.SourceInit: the runner's dt, and the network's key
// unless Params.Seed is set.
func (s *PoissonInput) Init(env *sim.Env) error {
	if s.p.Dt != 0 && s.p.Dt != env.Dt {
		return fieldError("PoissonInput", "Dt", s.p.Dt, fmt.Sprintf("must equal the runner's dt = %v ms (or be 0 to take it from the runner)", env.Dt))
	}
	if s.p.Seed == 0 {
		s.key = env.Key
	}
	return s.prepare(env.Dt)
}

// Prob returns p = Freq·dt/1000, the spike probability of one afferent per
// step (0 until the dt is known).
func (s *PoissonInput) Prob() float64 { return s.prob }

// Normal reports whether the normal approximation is used.
func (s *PoissonInput) Normal() bool { return s.normal }

// Input returns a runner input adding the source to target ("P.input").
func (s *PoissonInput) Input(target string) sim.Input {
	return sim.Input{Target: target, Source: s, Op: "+"}
}

// Values implements sim.Source. Before the dt is known (no Params.Dt and
// no runner yet) it adds nothing.
func (s *PoissonInput) Values(k int64, _ float64, lo, hi int, dst []float64) {
	if s.dt == 0 {
		clear(dst[:hi-lo])
		return
	}
	key := rng.Mix(s.key, uint64(k))
	n, w := s.p.NumInput, s.p.Weight
	for j := range dst[:hi-lo] {
		c := uint64(lo + j)
		var x float64
		switch {
		case s.normal:
			x = float64(n)*s.prob + s.sd*rng.Normal(key, c)
		case s.flip:
			x = float64(n - s.inv.quantile(rng.Uniform(key, c)))
		default:
			x = float64(s.inv.quantile(rng.Uniform(key, c)))
		}
		dst[j] = w * x
	}
}

// binomial is Binomial(n, p) prepared for inversion, meant for n·p <= 5,
// where P(0) = (1−p)ⁿ >= e⁻¹⁰ does not underflow and few terms are summed.
type binomial struct {
	n     int
	p0, r float64 // P(X = 0) and p/(1−p)
}

func newBinomial(n int, p float64) binomial {
	if p >= 1 {
		return binomial{n: n, p0: 0, r: math.Inf(1)}
	}
	return binomial{n: n, p0: math.Pow(1-p, float64(n)), r: p / (1 - p)}
}

// quantile returns the smallest x with P(X <= x) > u, summing the
// probabilities from x = 0 with P(x+1) = P(x)·(n−x)/(x+1)·p/(1−p).
func (b binomial) quantile(u float64) int {
	if b.p0 == 0 { // p = 1
		return b.n
	}
	f := b.p0
	x, cdf := 0, f
	for u >= cdf && x < b.n {
		f *= b.r * float64(b.n-x) / float64(x+1)
		x++
		cdf += f
	}
	return x
}
