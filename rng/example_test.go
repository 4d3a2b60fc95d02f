package rng_test

import (
	"fmt"

	"github.com/brainsim/brainsim/rng"
)

// A user model derives its own streams from the key the runner gives it
// (sim.Env.Key): a sequential stream for initial values, and counter-based
// draws for per-step noise, which give the same value whichever worker asks
// and in whatever order.
func Example() {
	const seed, n = 1, 4
	key := rng.String(seed, "myPop") // what sim.Env.Key holds for node "myPop"

	// initial values, drawn in order by one goroutine
	r := rng.New(rng.String(key, "V0"))
	v0 := make([]float64, n)
	for i := range v0 {
		v0[i] = -60 + 2*r.NormFloat64()
	}

	fmt.Printf("V0: %.3f\n", v0)

	// per-step noise: a pure function of (key, counter)
	noise := rng.String(key, "noise")
	k := int64(10) // step index
	forward := rng.Normal(noise, uint64(k)*n+2)
	again := rng.Normal(noise, uint64(k)*n+2)
	fmt.Println("same draw for the same (key, counter):", forward == again)
	fmt.Println("streams of two labels differ:", rng.String(key, "V0") != rng.String(key, "noise"))

	u := rng.Uniform(noise, 0)
	fmt.Println("uniform in [0, 1):", u >= 0 && u < 1)
	// Output:
	// V0: [-56.520 -58.285 -59.052 -59.790]
	// same draw for the same (key, counter): true
	// streams of two labels differ: true
	// uniform in [0, 1): true
}
