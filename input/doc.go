// Package input generates the external drive of a network: per-step current
// arrays (BrainPy's bp.inputs), Poisson spike sources (PoissonGroup) and
// binomial Poisson currents (PoissonInput); docs/semantics.md, “Inputs and
// Poisson sources”, states what each computes.
//
// # Current arrays
//
// Section, Constant, Spike, Ramp, Sinusoidal and Square return one value
// per step for an explicit dt (ms, > 0); Wiener and OU return a Signal of n
// channels. Lengths follow BrainPy HEAD: ceil(d/dt) steps per Section
// segment and for Spike and Ramp, int(duration/dt) for the periodic and
// stochastic generators, with the quotients rounded robustly (1e-9 steps of
// slack, the rule of sim.StepsFor) so that 0.3/0.1 counts 3 steps. A Window
// limits a generator to part of its duration.
//
// An array drives a population through the runner with Series (every
// neuron gets values[k] at step k) or, per neuron, with a Signal used as a
// sim.Source. The step index comes from the runner, so there is no dt to
// match; past the end of the array the input is 0.
//
//	I, _ := input.Section([]float64{0, 1, 0}, []float64{100, 300, 100}, 0.1)
//	opt := sim.Options{Inputs: []sim.Input{input.Series("E.input", I)}}
//
// # Poisson sources
//
// PoissonGroup is a sim.Population whose neurons spike independently with
// probability rate·dt/1000 per step; project it onto other populations like
// any population. PoissonInput is a sim.Source adding weight·Binomial(n, p)
// to a variable every step, with BrainPy's normal approximation for large
// n·p. Both draw counter-based random numbers keyed by (seed, step, neuron),
// so results are identical for any number of threads.
//
// # Checkpoints
//
// PoissonGroup implements sim.Stateful ("rate" and the spike flags) and
// sim.Fingerprinter. PoissonInput and Signal have no run-time state: their
// values are a function of the step, which the checkpoint holds.
package input
