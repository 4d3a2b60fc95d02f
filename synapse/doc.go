// Package synapse holds projections: synaptic dynamics between a pre and a
// post population, with their connectivity, delays and output.
//
// A projection is the pipeline pre spikes → delay → connectivity → synaptic
// state → output → post input (BrainPy's FullProjAlignPost). Linear
// synapses keep one conductance per post neuron and receive spikes
// event-driven over the CSR rows of the pre neurons that spiked.
//
// Timing (docs/semantics.md, “Delays and latency”): a spike emitted at step j
// reaches the conductance at step j+λ, where λ = max(1, round(Delay/dt))
// steps; the default (Delay 0) is one step, BrainPy's behaviour without a
// delay object. Within a step the conductance first decays, g ← g·e^{−dt/τ},
// then the arriving weights are added, then the output adds its current to
// the post population's input, using the post V left by the previous step.
//
// # The zoo
//
//   - ExpCOBA, ExpCUBA (Exp): the fast path of the tutorial network. When the
//     post population is a sim.ChannelHost (LIF is), the conductance is
//     integrated inside the neuron loop (sim.Channel); the projection only
//     adds arriving weights.
//   - ExpCOBAProcedural, ExpCUBAProcedural: the same with no stored
//     synapses: the rows of spiking neurons are regenerated every step from a
//     connect.ProceduralConnector, one segment of posts at a time, so each
//     worker draws only its own block.
//   - Exponential, DualExp, Alpha, Delta: linear dynamics kept per post
//     neuron (exact for linear equations), with any Output (CUBA, COBA,
//     MgBlock), per-synapse delays (Delays, DelayInit: synapses grouped by
//     latency) and short-term plasticity (STD, STP of the pre neurons).
//   - AMPA, GABAa, NMDA, BioNMDA: saturating kinetics kept per pre neuron
//     (BrainPy's align-pre), g_post = Σ w·s, one shared delay.
//   - STDP: pair-based STDP in trace form on per-synapse float32 weights
//     (Song, Miller & Abbott 2000), weights visible as "w".
//   - FromEquations (EqSynapses): any synapse model written in Brian2's
//     Synapses syntax (package equations): per-synapse variables,
//     clock- and event-driven equations, on_pre/on_post statements writing
//     to post variables, summed variables; compiled into chunked vector
//     programs (package equations/compile), state kept per post block.
//   - GapJunction: I_post += w(V_pre − V_post); it reads V_pre, so the runner
//     adds a barrier between the projection and neuron phases.
//
// Every projection is a Viewer: Synapses gives the pre and post neuron of
// each synapse in the connector's CSR order, SynapseVar its weights "w",
// delays "delay" and (FromEquations) model variables in that order; a
// monitor on "proj.w" records such a variable with Index and Every.
//
// Catalog lists them with their parameters and BrainPy defaults (the CLI's
// "brainsim models"). Delta hands its jumps to the post population
// (JumpTarget), which adds them after integrating the step and drops them
// while refractory, as BrainPy does with its delta inputs.
//
// # Checkpoints
//
// Every projection implements sim.Stateful and sim.Fingerprinter, so a
// run can be checkpointed (sim.Runner.Checkpoint) and resumed (sim.Restore)
// bit for bit, with any thread count. A projection saves its conductances
// (also those a post population hosts: G belongs to the projection), the
// per-pre-neuron kinetic, short-term and STDP trace state (one copy, loaded
// into every block) and STDP's weights in the connector's CSR order; the
// connectivity and fixed weights are rebuilt from the seed, and the
// fingerprint (parameters, per-synapse slices by a hash of their values,
// output, connector) makes a checkpoint refuse other parameters. Spikes in
// flight live in the pre population's delay ring, which the runner saves.
package synapse
