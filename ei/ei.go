package ei

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/guard"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// Config describes an E–I network.
type Config struct {
	// NE and NI are the population sizes at scale 1.
	NE, NI int
	// Scale multiplies NE and NI and divides GExc and GInh (> 0).
	Scale float64
	// Prob is the FixedProb connection probability of all four projections.
	Prob float64
	// GExc, GInh are the weights of E and I synapses at scale 1.
	GExc, GInh float64
	// TauExc, TauInh are the synaptic time constants (ms); EExc, EInh the
	// reversal potentials (mV).
	TauExc, TauInh, EExc, EInh float64
	// Input is the constant current added to both populations every step.
	Input float64
	// LIF holds the neuron parameters shared by both populations.
	LIF neuron.LIFParams
	// Seed seeds every random stream of the network.
	Seed uint64
}

// Tutorial returns the network of the BrainPy tutorial exactly as written:
// 3200 E + 800 I, FixedProb(0.02), g_max 0.6 (E, τ 5 ms, E_rev 0) and 0.7
// (I, τ 10 ms, E_rev −80), input 20, V0 = 0.
func Tutorial() Config {
	return Config{
		NE: 3200, NI: 800, Scale: 1, Prob: 0.02,
		GExc: 0.6, GInh: 0.7, TauExc: 5, TauInh: 10, EExc: 0, EInh: -80,
		Input: 20,
		LIF:   neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5},
		Seed:  1,
	}
}

// COBA returns the COBA benchmark at scale s: the tutorial's network with
// the benchmark's inhibitory weight 6.7, weights divided by s, and
// V0 ~ Normal(−55, 2) mV.
func COBA(s float64) Config {
	c := Tutorial()
	c.Scale, c.GInh = s, 6.7
	c.LIF.V0 = initial.Normal(-55, 2)
	return c
}

// Sizes returns the scaled population sizes, round(NE·Scale) and
// round(NI·Scale), or an error when a size is not a count a network can
// hold (at most 2^31−1 neurons).
func (c Config) Sizes() (ne, ni int, err error) {
	if ne, err = guard.Count(fmt.Sprintf("ei: Scale = %v: NE·Scale (E neurons)", c.Scale), float64(c.NE)*c.Scale, 0); err != nil {
		return 0, 0, err
	}
	if ni, err = guard.Count(fmt.Sprintf("ei: Scale = %v: NI·Scale (I neurons)", c.Scale), float64(c.NI)*c.Scale, 0); err != nil {
		return 0, 0, err
	}
	return ne, ni, nil
}

// Inputs returns the runner inputs of the network (the constant input to
// "E.input" and "I.input").
func (c Config) Inputs() []sim.Input {
	return []sim.Input{sim.Const("E.input", c.Input), sim.Const("I.input", c.Input)}
}

// Build returns the network described by c.
func Build(c Config) (*sim.Network, error) {
	return build(c, func(name string, n int) (sim.Population, error) {
		return neuron.NewLIF(n, c.LIF)
	})
}

// build returns the network of c with its two populations made by
// newPop (the built-in LIF, or LIF equations).
func build(c Config, newPop func(name string, n int) (sim.Population, error)) (*sim.Network, error) {
	if !(c.Scale > 0) || math.IsInf(c.Scale, 0) {
		return nil, fmt.Errorf("ei: Scale = %v: must be a finite number > 0", c.Scale)
	}
	ne, ni, err := c.Sizes()
	if err != nil {
		return nil, err
	}
	net := sim.NewNetwork(c.Seed)
	pops := map[string]sim.Population{}
	for _, p := range []struct {
		name, size string
		n          int
	}{{"E", "NE·Scale", ne}, {"I", "NI·Scale", ni}} {
		pop, err := newPop(p.name, p.n)
		if err != nil {
			return nil, fmt.Errorf("ei: population %s (%s = %d): %w", p.name, p.size, p.n, err)
		}
		if err := net.Add(p.name, pop); err != nil {
			return nil, err
		}
		pops[p.name] = pop
	}
	exc := synapse.ExpParams{Tau: c.TauExc, GMax: c.GExc / c.Scale, E: c.EExc}
	inh := synapse.ExpParams{Tau: c.TauInh, GMax: c.GInh / c.Scale, E: c.EInh}
	for _, p := range []struct {
		name, pre, post string
		par             synapse.ExpParams
	}{{"E2E", "E", "E", exc}, {"E2I", "E", "I", exc}, {"I2E", "I", "E", inh}, {"I2I", "I", "I", inh}} {
		proj, err := synapse.NewExpCOBA(pops[p.pre], pops[p.post], connect.FixedProb(c.Prob), p.par)
		if err != nil {
			return nil, fmt.Errorf("ei: projection %s: %w", p.name, err)
		}
		if err := net.Add(p.name, proj); err != nil {
			return nil, err
		}
	}
	return net, nil
}
