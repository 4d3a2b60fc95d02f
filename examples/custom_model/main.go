// Command custom_model writes a neuron model as equations — the adaptive
// exponential integrate-and-fire model of Brette & Gerstner (2005) — and
// runs it in a network like a built-in model, driven by Poisson-like
// excitatory input from a second population.
package main

import (
	"fmt"
	"log"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

func main() {
	const tau, tauW, a, b, vRest, vT, deltaT = 20.0, 100.0, 0.5, 7.0, -70.0, -50.0, 2.0
	adex := neuron.CustomParams{
		Vars: []string{"V", "w"},
		// state layout: y[0:m] is V of the block's m neurons, y[m:2m] is w
		F: func(_ float64, y, in, dy []float64) {
			m := len(in)
			for i := range in {
				V, w := y[i], y[m+i]
				dy[i] = (-(V - vRest) + deltaT*math.Exp((V-vT)/deltaT) - w + in[i]) / tau
				dy[m+i] = (a*(V-vRest) - w) / tauW
			}
		},
		Method: "rk4", VTh: -30, VReset: -58,
		OnSpike: func(x []float64) { x[1] += b }, // w ← w + b
		Init:    map[string]initial.Init{"V": initial.Uniform(-70, -60)},
	}
	pop := must(neuron.NewCustom(1000, adex))
	drive := must(input.NewPoissonGroup(500, 20))
	proj := must(synapse.NewExpCOBA(drive, pop, connect.FixedProb(0.1), synapse.ExpParams{Tau: 5, GMax: 0.3, E: 0}))

	net := sim.NewNetwork(7)
	check(net.Add("AdEx", pop))
	check(net.Add("Drive", drive))
	check(net.Add("D2A", proj))
	r := must(sim.NewRunner(net, sim.Options{Dt: 0.05, Monitors: sim.Mon("AdEx.spike")}))
	res := must(r.Run(1000))
	s := res.Spikes["AdEx.spike"]
	fmt.Printf("%d AdEx neurons fired %d spikes in 1 s (%.1f Hz)\n", s.N, len(s.T), float64(len(s.T))/float64(s.N))
}

func must[T any](v T, err error) T {
	check(err)
	return v
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
