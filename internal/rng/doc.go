// Package rng derives independent, reproducible random streams from a seed and
// a purpose, so that no result depends on goroutine scheduling or on the order
// in which objects were built.
//
// Two kinds of streams are offered:
//
//   - Key/Mix/String derive a 64-bit key from a seed and labels (a population
//     name, a projection name, a row index).
//   - New returns a sequential PCG stream (math/rand/v2) for a key; Uniform and
//     Normal are counter-based draws, a pure function of (key, counter), for
//     values that must not depend on the order of evaluation (per-neuron noise
//     at step k evaluated by any worker).
package rng
