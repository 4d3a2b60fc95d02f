package synapse_test

import (
	"fmt"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// A Tsodyks–Markram depressing synapse written as equations: the resource
// x recovers between spikes (event-driven, exact) and each arriving spike
// delivers U·x and uses that part up: x = 1 − (1 − x⁺)·e^{−Δt/τ_d}
// between spikes (0.5 → 0.2525 → 0.1300 for spikes 1 ms apart).
func ExampleFromEquations() {
	pre, _ := neuron.NewSpikeTimes(1, []int{0, 0, 0}, []float64{1, 2, 3})
	post, _ := neuron.NewLIF(1, neuron.DefaultLIF())
	syn, err := synapse.FromEquations(pre, post, connect.All2All(), synapse.SynapseEquations{
		Model:  "dx/dt = (1 - x)/taud : 1 (event-driven)\nU : 1\ntaud : 1\nw : 1",
		OnPre:  "input_post += w*U*x; x -= U*x",
		Values: map[string]any{"x": 1, "U": 0.5, "taud": 100, "w": 10},
		Units:  equations.UnitsNone,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	net := sim.NewNetwork(1)
	_ = net.Add("pre", pre)
	_ = net.Add("post", post)
	_ = net.Add("S", syn)
	r, _ := sim.NewRunner(net, sim.Options{Dt: 0.1, Monitors: []sim.Monitor{{Name: "S.x"}}})
	res, _ := r.Run(4)
	x := res.Traces["S.x"]
	for _, k := range []int{15, 25, 35} {
		fmt.Printf("t = %.1f ms: x = %.4f\n", x.T[k], x.Data[k])
	}
	// Output:
	// t = 1.5 ms: x = 0.5000
	// t = 2.5 ms: x = 0.2525
	// t = 3.5 ms: x = 0.1300
}
