package main

import (
	"fmt"
	"io"
	"time"

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
func printSummary(w io.Writer, net *sim.Network, res *sim.Results, build, run time.Duration) {
	simulated := float64(res.Steps) * res.Dt
	fmt.Fprintf(w, "neurons   %d (%s)\n", net.NumNeurons(), popSizes(net))
	fmt.Fprintf(w, "synapses  %d\n", numSynapses(net))
	fmt.Fprintf(w, "simulated %g ms in %d steps of %g ms\n", simulated, res.Steps, res.Dt)
	for _, key := range res.SpikeKeys() {
		s := res.Spikes[key]
		rate := float64(len(s.T)) / float64(s.N) / (simulated / 1000)
		fmt.Fprintf(w, "%-9s %d spikes, mean rate %.2f Hz\n", key, len(s.T), rate)
	}
	fmt.Fprintf(w, "wall time build %.3f s, run %.3f s\n", build.Seconds(), run.Seconds())
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
