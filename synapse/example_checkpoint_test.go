package synapse_test

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// A recurrent LIF network with a depressing exponential synapse is run for
// 20 ms, checkpointed, restored into a freshly built network with two
// threads and run for 30 ms more: the spikes are those of an uninterrupted
// 50 ms run.
func ExampleExponential_checkpoint() {
	build := func() *sim.Network {
		p, _ := neuron.NewLIF(100, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Uniform(-60, -50)})
		std := synapse.DefaultSTD()
		syn, _ := synapse.NewExponential(p, p, connect.FixedProb(0.1), synapse.ExponentialParams{Tau: 5, GMax: 0.3, STP: &std}, synapse.COBA{E: 0})
		net := sim.NewNetwork(42)
		_ = net.Add("P", p)
		_ = net.Add("syn", syn)
		return net
	}
	opt := func(threads int) sim.Options {
		return sim.Options{Dt: 0.1, Threads: threads, Monitors: sim.Mon("P.spike"), Inputs: []sim.Input{sim.Const("P.input", 12)}}
	}
	whole, _ := sim.NewRunner(build(), opt(1))
	all, _ := whole.Run(50)

	r, _ := sim.NewRunner(build(), opt(1))
	first, _ := r.Run(20)
	var file bytes.Buffer // or an *os.File
	if err := r.Checkpoint(&file); err != nil {
		fmt.Println(err)
		return
	}
	r2, err := sim.Restore(build(), opt(2), &file)
	if err != nil {
		fmt.Println(err)
		return
	}
	rest, _ := r2.Run(30)
	a, b, w := first.Spikes["P.spike"], rest.Spikes["P.spike"], all.Spikes["P.spike"]
	fmt.Println("restored at step", rest.Start)
	fmt.Println("spikes before and after:", len(a.I) > 0, len(b.I) > 0)
	fmt.Println("identical:", slices.Equal(append(a.I, b.I...), w.I) && slices.Equal(append(a.T, b.T...), w.T))
	// Output:
	// restored at step 200
	// spikes before and after: true true
	// identical: true
}
