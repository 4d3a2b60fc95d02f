package sim_test

import (
	"fmt"
	"log"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// The BrainPy tutorial's E–I network, run for 200 ms. Every neuron starts at
// V = 0 mV, above threshold, so all 3200 E neurons fire at t = 0 and are
// refractory for the next 5 ms (docs/semantics.md, “The tutorial network”).
func Example_tutorial() {
	lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, Method: "exp_auto"}
	E := must(neuron.NewLIF(3200, lif))
	I := must(neuron.NewLIF(800, lif))
	exc := synapse.ExpParams{E: 0, GMax: 0.6, Tau: 5}
	inh := synapse.ExpParams{E: -80, GMax: 0.7, Tau: 10}

	net := sim.NewNetwork(1)
	check(net.Add("E", E))
	check(net.Add("I", I))
	check(net.Add("E2E", must(synapse.NewExpCOBA(E, E, connect.FixedProb(0.02), exc))))
	check(net.Add("E2I", must(synapse.NewExpCOBA(E, I, connect.FixedProb(0.02), exc))))
	check(net.Add("I2E", must(synapse.NewExpCOBA(I, E, connect.FixedProb(0.02), inh))))
	check(net.Add("I2I", must(synapse.NewExpCOBA(I, I, connect.FixedProb(0.02), inh))))

	runner := must(sim.NewRunner(net, sim.Options{
		Monitors: sim.Mon("E.spike"),
		Inputs:   []sim.Input{sim.Const("E.input", 20), sim.Const("I.input", 20)},
	}))
	res := must(runner.Run(200))

	s := res.Spikes["E.spike"]
	first, refractory := 0, 0
	for _, t := range s.T {
		switch {
		case t == 0:
			first++
		case t <= 5:
			refractory++
		}
	}
	fmt.Println("steps:", res.Steps, "from", res.Ts()[0], "to", res.Ts()[res.Steps-1], "ms")
	fmt.Println("E neurons firing at t = 0:", first)
	fmt.Println("E spikes in (0, 5] ms:", refractory)
	fmt.Println("spikes after 5 ms:", len(s.T)-first-refractory > 0)
	// Output:
	// steps: 2000 from 0 to 199.9 ms
	// E neurons firing at t = 0: 3200
	// E spikes in (0, 5] ms: 0
	// spikes after 5 ms: true
}

// A single LIF neuron driven by a constant current of 20 from V0 = −60 mV
// fires first at step 138 and then every 189 steps (docs/semantics.md,
// “Reference values”).
func ExampleRunner_Run() {
	p := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Constant(-60)}
	net := sim.NewNetwork(1)
	check(net.Add("N", must(neuron.NewLIF(1, p))))
	r := must(sim.NewRunner(net, sim.Options{Monitors: sim.Mon("N.spike"), Inputs: []sim.Input{sim.Const("N.input", 20)}}))
	res := must(r.Run(60))
	fmt.Printf("%.1f\n", res.Spikes["N.spike"].T)
	// Output: [13.8 32.7 51.6]
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
