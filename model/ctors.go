package model

import (
	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

type popCtor = func(n int, p any) (sim.Population, error)

// pop adapts a neuron constructor to a parameter struct held in an any.
func pop[P any, T sim.Population](f func(int, P) (T, error)) popCtor {
	return func(n int, p any) (sim.Population, error) {
		x, err := f(n, p.(P))
		if err != nil {
			return nil, err
		}
		return x, nil
	}
}

// neuronCtors are the constructors of the catalog's neuron models.
var neuronCtors = map[string]popCtor{
	"LIF": pop(neuron.NewLIF), "LeakyIntegrator": pop(neuron.NewLeakyIntegrator), "ExpIF": pop(neuron.NewExpIF),
	"AdExIF": pop(neuron.NewAdExIF), "QuaIF": pop(neuron.NewQuaIF), "AdQuaIF": pop(neuron.NewAdQuaIF),
	"GIF": pop(neuron.NewGIF), "Izhikevich": pop(neuron.NewIzhikevich), "HH": pop(neuron.NewHH),
	"MorrisLecar": pop(neuron.NewMorrisLecar), "WangBuzsaki": pop(neuron.NewWangBuzsaki),
	"HindmarshRose": pop(neuron.NewHindmarshRose), "FHN": pop(neuron.NewFHN),
}

type projCtor = func(pre, post sim.Population, c connect.Connector, p any, out synapse.Output) (sim.Projection, error)

type synCtor struct {
	defaults any
	build    projCtor
	out      bool
}

func proj[P any, T sim.Projection](def P, f func(sim.Population, sim.Population, connect.Connector, P) (T, error)) synCtor {
	return synCtor{defaults: def, build: func(pre, post sim.Population, c connect.Connector, p any, _ synapse.Output) (sim.Projection, error) {
		x, err := f(pre, post, c, p.(P))
		if err != nil {
			return nil, err
		}
		return x, nil
	}}
}

func projOut[P any, T sim.Projection](def P, f func(sim.Population, sim.Population, connect.Connector, P, synapse.Output) (T, error)) synCtor {
	return synCtor{defaults: def, out: true, build: func(pre, post sim.Population, c connect.Connector, p any, out synapse.Output) (sim.Projection, error) {
		x, err := f(pre, post, c, p.(P), out)
		if err != nil {
			return nil, err
		}
		return x, nil
	}}
}

func procedural(f func(sim.Population, sim.Population, connect.ProceduralConnector, synapse.ExpParams) (*synapse.ExpProcedural, error)) synCtor {
	return synCtor{defaults: synapse.ExpParams{}, build: func(pre, post sim.Population, c connect.Connector, p any, _ synapse.Output) (sim.Projection, error) {
		x, err := f(pre, post, c.(connect.ProceduralConnector), p.(synapse.ExpParams))
		if err != nil {
			return nil, err
		}
		return x, nil
	}}
}

// synapseCtors are the constructors and default parameters of the
// catalog's synapse models.
var synapseCtors = map[string]synCtor{
	"ExpCOBA": proj(synapse.ExpParams{}, synapse.NewExpCOBA), "ExpCUBA": proj(synapse.ExpParams{}, synapse.NewExpCUBA),
	"ExpCOBAProcedural": procedural(synapse.NewExpCOBAProcedural), "ExpCUBAProcedural": procedural(synapse.NewExpCUBAProcedural),
	"Exponential": projOut(synapse.DefaultExponential(), synapse.NewExponential),
	"DualExp":     projOut(synapse.DefaultDualExp(), synapse.NewDualExp), "Alpha": projOut(synapse.DefaultAlpha(), synapse.NewAlpha),
	"Delta": proj(synapse.DefaultDelta(), synapse.NewDelta), "AMPA": projOut(synapse.DefaultAMPA(), synapse.NewAMPA),
	"GABAa": projOut(synapse.DefaultGABAa(), synapse.NewGABAa), "NMDA": projOut(synapse.DefaultNMDA(), synapse.NewNMDA),
	"BioNMDA": projOut(synapse.DefaultBioNMDA(), synapse.NewBioNMDA), "STDP": projOut(synapse.DefaultSTDP(), synapse.NewSTDP),
	"GapJunction": proj(synapse.DefaultGapJunction(), synapse.NewGapJunction),
}
