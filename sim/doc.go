// Package sim is brainsim's simulation core: a Network of named populations
// and projections, and a Runner that steps it in time, applies inputs and
// records monitors.
//
// # The step contract
//
// Step k (t_k = k·dt, time kept as an integer step count) runs, as BrainPy
// does (see docs/semantics.md, “The step contract”):
//
//  1. every population's "input" is cleared, then the runner's inputs are
//     applied (constants before functions; '=' before '+', '-', '*', '/');
//  2. every projection reads the spikes its pre population emitted at step
//     k−λ (λ ≥ 1, one step by default), updates its synaptic state and adds
//     current to its post population's input, using the post V left by step
//     k−1;
//  3. every population integrates, applies its refractory period, threshold
//     and reset, and emits spikes;
//  4. monitors record the post-update values.
//
// Projections always run before populations, whatever the order they were
// added in, so a spike emitted at step k acts on its targets at step k+1.
//
// # Parallelism and determinism
//
// Each population is split into Threads contiguous blocks; worker b runs the
// steps above for block b of every population (a projection updates only
// the post neurons of the block). A projection's rows are split by post block
// in the same order, so every sum is accumulated in the same order whatever
// the number of threads: the same network and seed give bit-identical spikes
// for any Threads. Random streams derive from the network seed and the names
// of the nodes (package rng), never from scheduling.
//
// # Ranks
//
// With Options.Transport of several ranks (package dist: in-process
// goroutines or Open MPI), every population is split over the ranks —
// contiguous ranges or round-robin, Options.Layout — and each rank's
// runner builds only its share of the neurons and the synapses onto them
// (Env.Offset, Env.Stride, Env.Local). The ranks exchange spikes once per
// interval of the smallest latency (MinLagger; every step when a gap
// junction reads other ranks' potentials), to every rank or only to those
// that read them (Options.Exchange), and every rank holds the same
// gathered results, which do not depend on the number of ranks, threads,
// the layout or the exchange. Checkpoint merges the ranks' states into the
// file one rank writes.
//
// # Durations
//
// Run(d) takes floor(d/dt + 1e-9) steps: a duration that is not a multiple
// of dt is truncated (BrainPy's int(d/dt)), and the 1e-9 absorbs the
// rounding of quotients such as 200/0.1 = 1999.9999999999998.
package sim
