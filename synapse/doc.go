// Package synapse holds projections: synaptic dynamics between a pre and a
// post population, with their connectivity, delays and output.
//
// A projection is the pipeline pre spikes → delay → connectivity → synaptic
// state → output → post input (BrainPy's FullProjAlignPost). Linear
// synapses keep one conductance per post neuron and receive spikes
// event-driven over the CSR rows of the pre neurons that spiked.
//
// Timing (SEMANTICS §1.3, §4.6): a spike emitted at step j reaches the
// conductance at step j+λ, where λ = max(1, round(Delay/dt)) steps; the
// default (Delay 0) is one step, BrainPy's behaviour without a delay object.
// Within a step the conductance first decays, g ← g·e^{−dt/τ}, then the
// arriving weights are added, then the output adds its current to the post
// population's input, using the post V left by the previous step.
package synapse
