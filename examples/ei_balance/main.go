// Command ei_balance is the BrainPy tutorial "Simulating a SNN" written with
// brainsim: an E–I balanced network of 3200 + 800 LIF neurons with
// conductance-based exponential synapses over 2 % random connectivity, run
// for 200 ms with constant inputs; it writes the raster plot of E.
package main

import (
	"fmt"
	"log"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
	"github.com/brainsim/brainsim/viz"
)

func main() {
	lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, Method: "exp_auto"}
	E := must(neuron.NewLIF(3200, lif))
	I := must(neuron.NewLIF(800, lif))

	exc := synapse.ExpParams{E: 0, GMax: 0.6, Tau: 5}
	inh := synapse.ExpParams{E: -80, GMax: 0.7, Tau: 10}
	E2E := must(synapse.NewExpCOBA(E, E, connect.FixedProb(0.02), exc))
	E2I := must(synapse.NewExpCOBA(E, I, connect.FixedProb(0.02), exc))
	I2E := must(synapse.NewExpCOBA(I, E, connect.FixedProb(0.02), inh))
	I2I := must(synapse.NewExpCOBA(I, I, connect.FixedProb(0.02), inh))

	net := sim.NewNetwork(1)
	for _, n := range []struct {
		name string
		node any
	}{{"E", E}, {"I", I}, {"E2E", E2E}, {"E2I", E2I}, {"I2E", I2E}, {"I2I", I2I}} {
		check(net.Add(n.name, n.node))
	}

	runner := must(sim.NewRunner(net, sim.Options{
		Monitors: sim.Mon("E.spike"),
		Inputs:   []sim.Input{sim.Const("E.input", 20), sim.Const("I.input", 20)},
	}))
	res := must(runner.Run(200))

	spikes := res.Spikes["E.spike"]
	plot := must(viz.Raster(spikes.T, spikes.I, viz.RasterOptions{Title: "E population"}))
	check(viz.Save(plot, "raster.png", 0, 0))
	fmt.Printf("%d E spikes in 200 ms; raster written to raster.png\n", len(spikes.T))
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
