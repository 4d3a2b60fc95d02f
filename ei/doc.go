// Package ei builds the excitatory–inhibitory LIF network of the BrainPy
// tutorial that brainsim's CLI runs by default (seed/000 in the project
// brief), and its scaled variant, the COBA benchmark of Brette et al. (2007,
// "Simulation of networks of spiking neurons: a review of tools and
// strategies", J. Comput. Neurosci. 23:349) as BrainPy's
// examples/dynamics_simulation/COBA.py runs it.
//
// Both are 4:1 populations "E" and "I" of LIF neurons with four ExpCOBA
// projections "E2E", "E2I", "I2E", "I2I" over FixedProb connectivity and a
// constant input to both populations. They differ in the inhibitory weight
// (the tutorial's 0.7 versus the benchmark's 6.7), in the initial V (0 mV,
// which makes every neuron fire at t = 0, versus Normal(−55, 2)) and in the
// scale factor, which multiplies both population sizes and divides the
// weights.
package ei
