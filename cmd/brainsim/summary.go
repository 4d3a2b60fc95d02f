package main

import (
	"fmt"
	"io"

	"github.com/brainsim/brainsim/dist"
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
	fmt.Fprintf(w, "synapses  %d\n", o.synapses)
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

// totalSynapses returns the synapses of the whole network: net's, summed
// over the ranks (a collective call) when ranks has several.
func totalSynapses(ranks dist.Transport, net *sim.Network) (int64, error) {
	n := int64(numSynapses(net))
	if ranks == nil || ranks.Size() == 1 {
		return n, nil
	}
	all, _, err := ranks.AllgatherInt32([]int32{int32(n >> 31), int32(n & (1<<31 - 1))}, nil, nil)
	if err != nil {
		return 0, fmt.Errorf("counting the synapses of the ranks: %w", err)
	}
	n = 0
	for q := 0; q+1 < len(all); q += 2 {
		n += int64(all[q])<<31 | int64(all[q+1])
	}
	return n, nil
}
