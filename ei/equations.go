package ei

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// LIFEquations is the LIF neuron of Config written as model equations
// (Brian2's syntax, with units): input is the population's input current,
// into which the ExpCOBA channels put G·(E − v); with R in GΩ and input in
// pA, R·input is in mV.
const LIFEquations = `
dv/dt = (V_rest - v + R*input)/tau : volt (unless refractory)
V_rest : volt (constant, shared)
V_th : volt (constant, shared)
V_reset : volt (constant, shared)
R : ohm (constant, shared)
tau : second (constant, shared)
tau_ref : second (constant, shared)
`

// EquationLIF returns n neurons of the model LIFEquations with the
// parameters of p (R = 0 means 1), v initialised as p.V0 would initialise
// a neuron.LIF added to a network with seed under name (the same draws).
func EquationLIF(n int, p neuron.LIFParams, seed uint64, name string) (*neuron.EqPopulation, error) {
	r := p.R
	if r == 0 {
		r = 1
	}
	v0 := make([]float64, n)
	if p.V0 != nil {
		if err := p.V0.Fill(v0, rng.String(rng.String(seed, name), "V0")); err != nil {
			return nil, err
		}
	}
	return neuron.FromEquations(n, LIFEquations, neuron.EquationParams{
		Threshold: "v >= V_th", Reset: "v = V_reset", Refractory: "tau_ref",
		Values: map[string]any{"V_rest": p.VRest, "V_th": p.VTh, "V_reset": p.VReset, "R": r,
			"tau": p.Tau, "tau_ref": p.TauRef, "v": v0}})
}

// BuildEquations returns the network of c (as Build) with E and I defined
// by LIFEquations: the same connectivity, synapses, inputs and initial V,
// the neurons integrated by compiled equation programs (exact, chosen
// automatically) instead of the LIF kernel.
func BuildEquations(c Config) (*sim.Network, error) {
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
		name string
		n    int
	}{{"E", ne}, {"I", ni}} {
		pop, err := EquationLIF(p.n, c.LIF, c.Seed, p.name)
		if err != nil {
			return nil, fmt.Errorf("ei: population %s: %w", p.name, err)
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

var _ initial.Init = initial.Values(nil) // V0 goes through initial.Init
