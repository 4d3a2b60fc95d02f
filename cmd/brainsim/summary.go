package main

import (
	"fmt"
	"io"

	"github.com/brainsim/brainsim/sim"
)

// synapseCounter is implemented by projections that know their size.
type synapseCounter interface{ NumSynapses() int }

// numSynapses sums the synapses of every projection that reports them.
func numSynapses(net *sim.Network) int {
	n := 0
	for _, name := range net.ProjectionNames() {
		if c, ok := net.Projection(name).(synapseCounter); ok {
			n += c.NumSynapses()
		}
	}
	return n
}

// printSummary prints sizes, spike counts, mean rates and wall times.
func printSummary(w io.Writer, o *outcome) {
	m := o.manifest
	fmt.Fprintf(w, "model     %s (%s)\n", m.Model, m.Source)
	fmt.Fprintf(w, "neurons   %d (%s)\n", o.net.NumNeurons(), popSizes(o.net))
	fmt.Fprintf(w, "synapses  %d\n", numSynapses(o.net))
	fmt.Fprintf(w, "simulated %g ms in %d steps of %g ms on %d threads\n", m.Duration, m.Steps, m.Dt, m.Threads)
	for _, mon := range m.Monitors {
		if mon.Kind == "spike" {
			fmt.Fprintf(w, "%-9s %d spikes, mean rate %.2f Hz\n", mon.Key, mon.Spikes, mon.MeanRateHz)
		}
	}
	fmt.Fprintf(w, "wall time build %.3f s, run %.3f s, write %.3f s\n", m.Wall.Build, m.Wall.Simulate, m.Wall.Write)
}

func popSizes(net *sim.Network) string {
	s := ""
	for i, name := range net.PopulationNames() {
		if i > 0 {
			s += " + "
		}
		s += fmt.Sprintf("%s %d", name, net.Population(name).Size())
	}
	return s
}
