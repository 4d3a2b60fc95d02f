// Package rng derives independent, reproducible random streams from a seed
// and a purpose, so that no result depends on goroutine scheduling, on the
// number of threads or on the order in which objects were built.
//
// # Keys
//
// A key is a 64-bit value naming one source of randomness. The runner gives
// every node a key, sim.Env.Key = String(networkSeed, nodeName), so two
// populations with different names draw independent numbers and the same
// network with the same seed draws the same numbers on every run. A model
// derives the keys of its own streams from its Env.Key with String (a text
// label such as "V0" or "noise") and Mix (integer labels such as a row or a
// step index):
//
//	noiseKey := rng.String(env.Key, "noise")
//	rowKey := rng.Mix(env.Key, uint64(row))
//
// The labels are hashed with the splitmix64 finaliser (Steele, Lea & Flood
// 2014, "Fast splittable pseudorandom number generators"), so neighbouring
// labels give unrelated keys.
//
// # Streams and counter-based draws
//
// Two kinds of draws are offered:
//
//   - New(key) returns a sequential stream (a PCG generator from
//     math/rand/v2). Use it where one goroutine draws many numbers in a fixed
//     order, such as the initial values of a population in Init or the
//     synapses of one connectivity row.
//   - Bits, Uniform and Normal are counter-based: each is a pure function of
//     (key, counter) and keeps no state. Use them for numbers drawn inside
//     Update, where neurons are split into blocks run by different workers:
//     the draw for neuron i at step k, for example
//     Normal(noiseKey, uint64(k)*uint64(n)+uint64(i)), is the same whichever
//     worker evaluates it and in whatever order, which is what makes the
//     spikes of a network identical for any thread count.
//
// The streams do not reproduce NumPy's or JAX's random numbers; statistics
// (means, variances, distributions) are what can be compared with BrainPy.
package rng
