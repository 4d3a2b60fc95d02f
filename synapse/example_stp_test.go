package synapse_test

import (
	"fmt"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// The two conventions of short-term plasticity with BrainPy's facilitating
// set (U = 0.15, τ_f = 1500 ms, τ_d = 200 ms), two spikes 50 ms apart: the
// textbook Tsodyks–Markram form facilitates (paired-pulse ratio 1.61), the
// default BrainPy form depresses (0.92). The ratio is read from the jumps
// of a CUBA conductance with a 1 ms decay.
func ExampleShortTerm_form() {
	for _, form := range []synapse.STPForm{synapse.BrainPyForm, synapse.TsodyksMarkram} {
		pre, _ := neuron.NewSpikeTimes(1, []int{0, 0}, []float64{0, 50})
		post, _ := neuron.NewLIF(1, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, V0: initial.Constant(-60)})
		st := synapse.DefaultSTP()
		st.Form = form
		syn, _ := synapse.NewExponential(pre, post, connect.All2All(), synapse.ExponentialParams{Tau: 1, GMax: 1, STP: &st}, nil)
		net := sim.NewNetwork(1)
		_ = net.Add("pre", pre)
		_ = net.Add("post", post)
		_ = net.Add("syn", syn)
		r, _ := sim.NewRunner(net, sim.Options{Dt: 0.1, Monitors: sim.Mon("syn.g")})
		res, _ := r.Run(60)
		g := res.Traces["syn.g"]
		first, second := g.At(1, 0), g.At(501, 0)-g.At(500, 0)*0.9048374180359595 // e^{−0.1}
		fmt.Printf("form %d: efficacies %.4f, %.4f; paired-pulse ratio %.2f\n", form, first, second, second/first)
	}
	// Output:
	// form 0: efficacies 0.2005, 0.1843; paired-pulse ratio 0.92
	// form 1: efficacies 0.1500, 0.2414; paired-pulse ratio 1.61
}
