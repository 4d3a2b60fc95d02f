// Package neuron holds the neuron models of brainsim. Each model is a
// sim.Population: state as one slice per variable, updated in blocks by the
// runner's workers, parameters validated by its constructor.
//
// The step of every model follows the BrainPy contract (docs/semantics.md,
// “The step contract” and “Refractory period”): the input summed for step k
// is used once, the refractory test (integer steps, inclusive) comes before
// the threshold test (V ≥ V_th), and a spike resets V and is seen by
// projections in the next step.
//
// Every model with a membrane potential "V" also takes voltage jumps
// (synapse.Delta) through its Jumps accumulator, as BrainPy takes its delta
// inputs: they are added to V after the step's integration and before the
// threshold test, and a model with a refractory period (TauRef) drops the
// jumps that arrive while a neuron is refractory, because the refractory
// freeze restores the old V. Brian2 and NEST drop them as well.
//
// # Checkpoints
//
// Every population implements sim.Stateful (its variables, the step of each
// neuron's last spike and the spike flags) and sim.Fingerprinter (its
// parameters), for sim.Runner.Checkpoint and sim.Restore.
package neuron
