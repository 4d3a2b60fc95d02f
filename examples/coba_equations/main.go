// Command coba_equations is Brian2's COBA example — the benchmark network
// of Vogels & Abbott (2005) as used by Brette et al. (2007) — with its
// neurons written as model equations: 3200 excitatory and 800 inhibitory
// LIF neurons, FixedProb(0.02) connectivity and exponential conductance
// synapses (ExpCOBA: g ← g·e^{−dt/τ} + Σw, current g·(E − v), hosted by the
// equation population so that it stays in the fused per-chunk loop).
//
// In Brian2 the conductances ge, gi are state variables of the neuron
// equations and the synapses run on_pre='ge += w'; here the ExpCOBA
// projections hold them and add g·(E − v) to input, which is the same
// exponential decay and current.
package main

import (
	"fmt"
	"log"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/measure"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

const model = `
dv/dt = (El - v + R*input)/taum : volt (unless refractory)
El : volt (constant, shared)
Vt : volt (constant, shared)
Vr : volt (constant, shared)
R : ohm (constant, shared)
taum : second (constant, shared)
`

// Stats are the network's mean rates (Hz) and the mean ISI CV of E.
type Stats struct{ RateE, RateI, CV float64 }

// Run builds and runs the network for dur ms.
func Run(dur float64, seed uint64) (*Stats, error) {
	params := func(n int) (*neuron.EqPopulation, error) {
		return neuron.FromEquations(n, model, neuron.EquationParams{
			Threshold: "v > Vt", Reset: "v = Vr", Refractory: "5*ms",
			Values: map[string]any{"El": -60, "Vt": -50, "Vr": -60, "R": 1, "taum": 20,
				"v": initial.Normal(-55, 2)}})
	}
	E, err := params(3200)
	if err != nil {
		return nil, err
	}
	I, err := params(800)
	if err != nil {
		return nil, err
	}
	net := sim.NewNetwork(seed)
	for _, p := range []struct {
		name string
		pop  sim.Population
	}{{"E", E}, {"I", I}} {
		if err := net.Add(p.name, p.pop); err != nil {
			return nil, err
		}
	}
	exc := synapse.ExpParams{E: 0, GMax: 0.6, Tau: 5}
	inh := synapse.ExpParams{E: -80, GMax: 6.7, Tau: 10}
	for _, p := range []struct {
		name      string
		pre, post sim.Population
		par       synapse.ExpParams
	}{{"E2E", E, E, exc}, {"E2I", E, I, exc}, {"I2E", I, E, inh}, {"I2I", I, I, inh}} {
		proj, err := synapse.NewExpCOBA(p.pre, p.post, connect.FixedProb(0.02), p.par)
		if err != nil {
			return nil, err
		}
		if err := net.Add(p.name, proj); err != nil {
			return nil, err
		}
	}
	r, err := sim.NewRunner(net, sim.Options{Monitors: sim.Mon("E.spike", "I.spike"),
		Inputs: []sim.Input{sim.Const("E.input", 20), sim.Const("I.input", 20)}})
	if err != nil {
		return nil, err
	}
	res, err := r.Run(dur)
	if err != nil {
		return nil, err
	}
	e, i := res.Spikes["E.spike"], res.Spikes["I.spike"]
	st := &Stats{RateE: float64(len(e.T)) / float64(e.N) / dur * 1000, RateI: float64(len(i.T)) / float64(i.N) / dur * 1000}
	if _, st.CV, err = measure.CV(e.T, e.I, e.N); err != nil {
		return nil, err
	}
	return st, nil
}

func main() {
	st, err := Run(1000, 1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("E %.2f Hz, I %.2f Hz, mean ISI CV of E %.3f\n", st.RateE, st.RateI, st.CV)
}
