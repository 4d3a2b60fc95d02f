// Package neuron holds the neuron models of brainsim. Each model is a
// sim.Population: state as one slice per variable, updated in blocks by the
// runner's workers, parameters validated by its constructor.
//
// The step of every model follows the BrainPy contract (docs/semantics.md,
// “The step contract” and “Refractory period”): the input summed for step k
// is used once, the refractory test (integer steps, inclusive) comes before
// the threshold test (V ≥ V_th), and a spike resets V and is seen by
// projections in the next step.
package neuron
