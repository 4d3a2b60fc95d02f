package input

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// PoissonGroup is a population of independent Poisson spike sources
// (BrainPy's PoissonGroup; docs/semantics.md, “Inputs and Poisson sources”):
// at every step neuron i spikes when U < rate_i·dt/1000, U uniform in [0, 1),
// independently of other neurons and steps, so its spike count over K steps
// is Binomial(K, p_i). (BrainPy tests U ≤ p; the two differ with probability
// 2⁻⁵³ per draw, and U < p keeps a neuron of rate 0 silent.)
//
// U is a counter-based draw keyed by the population's key (from the network
// seed and the population's name), the step and the neuron index, so spikes
// do not depend on the number of threads.
//
// Variables: "rate" (Hz, one per neuron), which inputs may change during a
// run (e.g. sim.Input{Target: "P.rate", Func: f, Op: "="}); negative rates
// act as 0.
type PoissonGroup struct {
	sim.Membership // a node belongs to one network
	n              int
	off, stride    int       // this rank's share: local neuron j is neuron off + j·stride
	rates          []float64 // as constructed (the whole population)
	rate           []float64 // the state variable of the neurons held here
	spike          []bool
	pdt            float64 // dt/1000: rate (Hz) → probability per step
	key            uint64
}

// NewPoissonGroup returns n Poisson sources firing at rateHz each.
func NewPoissonGroup(n int, rateHz float64) (*PoissonGroup, error) {
	if n <= 0 {
		return nil, fieldError("PoissonGroup", "size", n, "must be > 0")
	}
	rates := make([]float64, n)
	for i := range rates {
		rates[i] = rateHz
	}
	return newPoissonGroup(rates, "rateHz")
}

// NewPoissonGroupRates returns one Poisson source per element of rates
// (Hz; finite and >= 0).
func NewPoissonGroupRates(rates []float64) (*PoissonGroup, error) {
	if len(rates) == 0 {
		return nil, fieldError("PoissonGroup", "len(rates)", 0, "must be > 0")
	}
	return newPoissonGroup(append([]float64(nil), rates...), "rates[%d]")
}

func newPoissonGroup(rates []float64, field string) (*PoissonGroup, error) {
	for i, r := range rates {
		if !(r >= 0) || math.IsInf(r, 0) {
			if field == "rateHz" {
				return nil, fieldError("PoissonGroup", field, r, "must be a finite rate in Hz >= 0")
			}
			return nil, fieldError("PoissonGroup", fmt.Sprintf(field, i), r, "must be a finite rate in Hz >= 0")
		}
	}
	return &PoissonGroup{n: len(rates), rates: rates}, nil
}

// Size implements sim.Population.
func (g *PoissonGroup) Size() int { return g.n }

// Init implements sim.Population: it resets "rate" to the constructed rates
// and refuses rates whose probability per step, rate·dt/1000, exceeds 1.
func (g *PoissonGroup) Init(env *sim.Env) error {
	g.pdt = env.Dt / 1000
	for i, r := range g.rates {
		if r*g.pdt > 1 {
			return fmt.Errorf("input: PoissonGroup rates[%d] = %v Hz: rate·dt/1000 = %v with dt = %v ms: must be <= 1 (at most one spike per step)", i, r, r*g.pdt, env.Dt)
		}
	}
	g.off, g.stride = env.Offset, env.Step()
	g.rate = g.rate[:0]
	for j := range env.Local() {
		g.rate = append(g.rate, g.rates[env.GlobalIndex(j)])
	}
	g.spike = make([]bool, env.Local())
	g.key = rng.String(env.Key, "spike")
	return nil
}

// Update implements sim.Population.
func (g *PoissonGroup) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	key := rng.Mix(g.key, uint64(k))
	rate, spk, pdt := g.rate[lo:hi], g.spike[lo:hi], g.pdt
	id, step := uint64(g.off+lo*g.stride), uint64(g.stride) // the global index
	spk = spk[:len(rate)]
	if step != 1 { // a round-robin share
		for j, r := range rate {
			s := rng.Uniform(key, id+uint64(j)*step) < r*pdt
			spk[j] = s
			if s {
				spikes = append(spikes, int32(lo+j))
			}
		}
		return spikes
	}
	for j, r := range rate {
		s := rng.Uniform(key, id+uint64(j)) < r*pdt
		spk[j] = s
		if s {
			spikes = append(spikes, int32(lo+j))
		}
	}
	return spikes
}

// Var implements sim.Population.
func (g *PoissonGroup) Var(name string) []float64 {
	if name == "rate" {
		return g.rate
	}
	return nil
}

// VarNames implements sim.Population.
func (g *PoissonGroup) VarNames() []string { return []string{"rate"} }

// Spike implements sim.Population.
func (g *PoissonGroup) Spike() []bool { return g.spike }
