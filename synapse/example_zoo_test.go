package synapse_test

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// A depressing synapse driven at 100 Hz: each spike releases the fraction
// U of the remaining resources x, which recover with τ_d = 100 ms, so the
// efficacy x (after the spike's update) falls towards the Tsodyks–Markram
// steady state (1 − U)(1 − E)/(1 − (1 − U)E), E = e^{−Δ/τ_d}.
func ExampleNewExponential_depression() {
	const dt, n = 0.1, 8 // ms, spikes
	times := make([]float64, n)
	for c := range times {
		times[c] = 10 * float64(c) // every 10 ms
	}
	pre, _ := neuron.NewSpikeTimes(1, make([]int, n), times)
	post, _ := neuron.NewLIF(1, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, V0: initial.Constant(-60)})
	std := synapse.STD(100, 0.4)
	syn, err := synapse.NewExponential(pre, post, connect.All2All(), synapse.ExponentialParams{Tau: 5, GMax: 1, STP: &std}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	net := sim.NewNetwork(1)
	_ = net.Add("pre", pre)
	_ = net.Add("post", post)
	_ = net.Add("syn", syn)
	r, _ := sim.NewRunner(net, sim.Options{Dt: dt, Monitors: sim.Mon("syn.x")})
	res, _ := r.Run(float64(n) * 10)
	x := res.Traces["syn.x"]
	for c := range n {
		fmt.Printf("spike %d: efficacy %.4f\n", c+1, x.At(100*c+1, 0)) // arrives one step after emission
	}
	E := math.Exp(-10.0 / 100)
	fmt.Printf("steady state: %.4f\n", 0.6*(1-E)/(1-0.6*E))
	// Output:
	// spike 1: efficacy 0.6000
	// spike 2: efficacy 0.3828
	// spike 3: efficacy 0.2649
	// spike 4: efficacy 0.2009
	// spike 5: efficacy 0.1662
	// spike 6: efficacy 0.1473
	// spike 7: efficacy 0.1371
	// spike 8: efficacy 0.1315
	// steady state: 0.1249
}
