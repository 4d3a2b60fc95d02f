package ei

import (
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
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
		if err := p.V0.Fill(v0, rng.String(sim.NodeKey(seed, name), "V0")); err != nil {
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
	return build(c, func(name string, n int) (sim.Population, error) {
		return EquationLIF(n, c.LIF, c.Seed, name)
	})
}
