package synapse_test

import (
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// TestOneNetworkPerNode: every population and projection type refuses to
// join a second network (it would reset and step the first one's state).
func TestOneNetworkPerNode(t *testing.T) {
	var pops []sim.Population
	for _, m := range neuron.Catalog() {
		p, err := m.New(3)
		if err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
		pops = append(pops, p)
	}
	pg, _ := input.NewPoissonGroup(3, 10)
	pops = append(pops, pg)
	for _, p := range pops {
		a, b := sim.NewNetwork(1), sim.NewNetwork(1)
		if err := a.Add("P", p); err != nil {
			t.Fatalf("%T: %v", p, err)
		}
		check.Err(t, "population in a second network", b.Add("P", p), "already in another network")
	}
	lp := neuron.DefaultLIF()
	mk := map[string]func(pre, post sim.Population) (sim.Projection, error){
		"ExpCOBA": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(a, b, connect.All2All(), synapse.ExpParams{GMax: 1, Tau: 5})
		},
		"ExpCOBAProcedural": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBAProcedural(a, b, connect.ProceduralFixedProb(0.5), synapse.ExpParams{GMax: 1, Tau: 5})
		},
		"Exponential": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExponential(a, b, connect.All2All(), synapse.DefaultExponential(), synapse.CUBA{})
		},
		"Delta": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(a, b, connect.All2All(), synapse.DefaultDelta())
		},
		"DualExp": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewDualExp(a, b, connect.All2All(), synapse.DefaultDualExp(), synapse.CUBA{})
		},
		"Alpha": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewAlpha(a, b, connect.All2All(), synapse.DefaultAlpha(), synapse.CUBA{})
		},
		"AMPA": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewAMPA(a, b, connect.All2All(), synapse.DefaultAMPA(), synapse.CUBA{})
		},
		"GABAa": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewGABAa(a, b, connect.All2All(), synapse.DefaultGABAa(), synapse.CUBA{})
		},
		"NMDA": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewNMDA(a, b, connect.All2All(), synapse.DefaultNMDA(), synapse.CUBA{})
		},
		"BioNMDA": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewBioNMDA(a, b, connect.All2All(), synapse.DefaultBioNMDA(), synapse.CUBA{})
		},
		"STDP": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewSTDP(a, b, connect.All2All(), synapse.DefaultSTDP(), synapse.CUBA{})
		},
		"GapJunction": func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewGapJunction(a, b, connect.All2All(), synapse.DefaultGapJunction())
		},
	}
	for name, f := range mk {
		pre, _ := neuron.NewLIF(3, lp)
		post, _ := neuron.NewLIF(3, lp)
		pj, err := f(pre, post)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		a := sim.NewNetwork(1)
		for n, p := range map[string]sim.Population{"A": pre, "B": post} {
			if err := a.Add(n, p); err != nil {
				t.Fatal(err)
			}
		}
		if err := a.Add("P", pj); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		check.Err(t, name+" added twice", a.Add("Q", pj), "already in the network")
	}
}
