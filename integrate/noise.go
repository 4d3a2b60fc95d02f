package integrate

import "github.com/brainsim/brainsim/rng"

// Noise is a source of standard normal draws for SDE steps. Fill must write
// independent N(0, 1) draws into xi that depend only on (k, i), the step
// index and the component, so that results are reproducible regardless of
// evaluation order.
type Noise interface {
	Fill(k uint64, xi []float64)
}

// CounterNoise draws ξ_i at step k as rng.Normal(rng.Mix(Key, k), i): a pure
// function of (Key, k, i). Its zero value (Key 0) is the default noise of an
// SDE. Use rng.String(seed, "population name") to give independent
// populations independent keys.
type CounterNoise struct {
	Key uint64
}

// Fill implements Noise.
func (c CounterNoise) Fill(k uint64, xi []float64) {
	key := rng.Mix(c.Key, k)
	for i := range xi {
		xi[i] = rng.Normal(key, uint64(i))
	}
}
