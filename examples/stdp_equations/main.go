// Command stdp_equations is Brian2's STDP example (Song, Miller & Abbott
// 2000) with both the neuron and the synapses written as model equations:
// 1000 Poisson inputs at 15 Hz drive one leaky integrate-and-fire neuron
// through AMPA-like exponential conductances (dge/dt = −ge/τe in the
// neuron, ge += w at each arriving spike), and every synapse carries
// pair-based STDP in trace form with event-driven traces. Competition
// between the inputs drives the weights towards the bounds 0 and gmax: the
// distribution becomes bimodal.
package main

import (
	"fmt"
	"log"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

const neuronModel = `
dv/dt = (ge*(Ee - v) + El - v)/taum : volt
dge/dt = -ge/taue : 1
Ee : volt (constant, shared)
El : volt (constant, shared)
Vt : volt (constant, shared)
Vr : volt (constant, shared)
taum : second (constant, shared)
taue : second (constant, shared)
`

const synapseModel = `
w : 1
dApre/dt = -Apre/taupre : 1 (event-driven)
dApost/dt = -Apost/taupost : 1 (event-driven)
taupre : second (constant)
taupost : second (constant)
dApre : 1 (constant)
dApost : 1 (constant)
gmax : 1 (constant)
`

// Params are the example's parameters (Brian2's values).
const (
	nInputs = 1000
	rateHz  = 15
	gmax    = 0.01
	dApre   = 0.01 * gmax
	dApost  = -0.01 * 1.05 * gmax // −dApre·τpre/τpost·1.05
)

// Result is the final weights (nInputs values, CSR order = input order)
// and the output neuron's rate in Hz.
type Result struct {
	W    []float64
	Rate float64
}

// Run simulates ms of activity with the given seed and threads.
func Run(ms float64, seed uint64, threads int) (*Result, error) {
	in, err := input.NewPoissonGroup(nInputs, rateHz)
	if err != nil {
		return nil, err
	}
	out, err := neuron.FromEquations(1, neuronModel, neuron.EquationParams{
		Threshold: "v > Vt", Reset: "v = Vr",
		Values: map[string]any{"Ee": 0, "El": -74, "Vt": -54, "Vr": -60, "taum": 10, "taue": 5, "v": -74}})
	if err != nil {
		return nil, err
	}
	syn, err := synapse.FromEquations(in, out, connect.All2All(), synapse.SynapseEquations{
		Model:  synapseModel,
		OnPre:  "ge_post += w; Apre += dApre; w = clip(w + Apost, 0, gmax)",
		OnPost: "Apost += dApost; w = clip(w + Apre, 0, gmax)",
		Values: map[string]any{"w": initial.Uniform(0, gmax), "taupre": 20, "taupost": 20,
			"dApre": dApre, "dApost": dApost, "gmax": gmax},
	})
	if err != nil {
		return nil, err
	}
	net := sim.NewNetwork(seed)
	for _, n := range []struct {
		name string
		node any
	}{{"in", in}, {"out", out}, {"S", syn}} {
		if err := net.Add(n.name, n.node); err != nil {
			return nil, err
		}
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: 0.1, Threads: threads, Monitors: sim.Mon("out.spike")})
	if err != nil {
		return nil, err
	}
	res, err := r.Run(ms)
	if err != nil {
		return nil, err
	}
	w := append([]float64(nil), syn.SynapseVar("w")...)
	return &Result{W: w, Rate: float64(len(res.Spikes["out.spike"].T)) / (ms / 1000)}, nil
}

func main() {
	res, err := Run(50000, 1, 1)
	if err != nil {
		log.Fatal(err)
	}
	var hist [10]int
	for _, w := range res.W {
		hist[min(9, int(w/gmax*10))]++
	}
	fmt.Printf("output rate %.1f Hz\nw/gmax histogram (10 bins): %v\n", res.Rate, hist)
}
