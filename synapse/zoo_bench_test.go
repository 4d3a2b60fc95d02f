package synapse_test

import (
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// benchZoo measures 100 steps (10 ms) of 4000 LIF neurons (input 20, so
// they fire) with one recurrent projection, FixedProb(0.02) (320 000
// synapses), on one thread.
func benchZoo(b *testing.B, mk func(p sim.Population, c connect.Connector) (sim.Projection, error)) {
	pop, err := neuron.NewLIF(4000, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Uniform(-60, -50)})
	if err != nil {
		b.Fatal(err)
	}
	proj, err := mk(pop, connect.FixedProb(0.02))
	if err != nil {
		b.Fatal(err)
	}
	net := sim.NewNetwork(1)
	_ = net.Add("P", pop)
	_ = net.Add("syn", proj)
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: 1, Inputs: []sim.Input{sim.Const("P.input", 20)}})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := r.Run(10); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkZooExpCOBA(b *testing.B) {
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewExpCOBA(p, p, c, synapse.ExpParams{Tau: 5, GMax: 0.1})
	})
}

func BenchmarkZooExponentialCOBA(b *testing.B) {
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewExponential(p, p, c, synapse.ExponentialParams{Tau: 5, GMax: 0.1}, synapse.COBA{})
	})
}

func BenchmarkZooExponentialDelays(b *testing.B) {
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewExponential(p, p, c, synapse.ExponentialParams{Tau: 5, GMax: 0.1, DelayInit: initial.Uniform(0, 5)}, synapse.COBA{})
	})
}

func BenchmarkZooExponentialSTD(b *testing.B) {
	std := synapse.DefaultSTD()
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewExponential(p, p, c, synapse.ExponentialParams{Tau: 5, GMax: 0.1, STP: &std}, synapse.COBA{})
	})
}

func BenchmarkZooDualExp(b *testing.B) {
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewDualExp(p, p, c, synapse.DualExpParams{TauDecay: 5, TauRise: 1, GMax: 0.1}, synapse.COBA{})
	})
}

func BenchmarkZooAMPA(b *testing.B) {
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewAMPA(p, p, c, synapse.DefaultAMPA(), nil)
	})
}

func BenchmarkZooNMDA(b *testing.B) {
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewNMDA(p, p, c, synapse.DefaultNMDA(), nil)
	})
}

func BenchmarkZooSTDP(b *testing.B) {
	q := synapse.DefaultSTDP()
	q.GMax, q.WMin, q.WMax = 0.1, 0, 1
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewSTDP(p, p, c, q, synapse.COBA{})
	})
}

func BenchmarkZooGapJunction(b *testing.B) {
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewGapJunction(p, p, c, synapse.GapParams{GMax: 0.001})
	})
}

func BenchmarkZooDelta(b *testing.B) {
	benchZoo(b, func(p sim.Population, c connect.Connector) (sim.Projection, error) {
		return synapse.NewDelta(p, p, c, synapse.DeltaParams{GMax: 0.1})
	})
}
