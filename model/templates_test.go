package model

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/sim"
)

// TestTemplates builds every template, checks its network against what the
// file says (sizes, synapse counts within 5 standard deviations of the
// connector's mean) and runs it briefly: every spiking population fires.
func TestTemplates(t *testing.T) {
	type proj struct {
		name string
		mean float64 // expected synapses
		sd   float64 // their standard deviation (0: exact)
	}
	cases := map[string]struct {
		sizes  map[string]int
		projs  []proj
		run    float64
		spikes []string
	}{
		"tutorial": {map[string]int{"E": 3200, "I": 800}, []proj{{"E2E", 3200 * 3200 * 0.02, math.Sqrt(3200 * 3200 * 0.02 * 0.98)}, {"I2E", 800 * 3200 * 0.02, math.Sqrt(800 * 3200 * 0.02 * 0.98)}}, 50, []string{"E.spike", "I.spike"}},
		"coba":     {map[string]int{"E": 3200, "I": 800}, []proj{{"I2I", 800 * 800 * 0.02, math.Sqrt(800 * 800 * 0.02 * 0.98)}}, 50, []string{"E.spike", "I.spike"}},
		"brunel":   {map[string]int{"E": 10000, "I": 2500}, []proj{{"E2E", 10000 * 1000, 0}, {"E2I", 2500 * 1000, 0}, {"I2E", 10000 * 250, 0}, {"I2I", 2500 * 250, 0}}, 30, []string{"E.spike", "I.spike"}},
		"hh":       {map[string]int{"E": 320, "I": 80}, []proj{{"E2E", 320 * 320 * 0.1, math.Sqrt(320 * 320 * 0.1 * 0.9)}}, 20, []string{"E.spike", "I.spike"}},
		"adaptive": {map[string]int{"P": 100}, nil, 100, []string{"P.spike"}},
		"stdp":     {map[string]int{"P": 1000, "N": 10}, []proj{{"P2N", 10000, 0}}, 200, []string{"N.spike"}},
	}
	names := Templates()
	if len(names) != len(cases) {
		t.Errorf("templates %v, want %d", names, len(cases))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			c, ok := cases[name]
			if !ok {
				t.Fatalf("no test case for template %s", name)
			}
			f, err := Embedded(name)
			if err != nil {
				t.Fatal(err)
			}
			net, opt, err := f.Build()
			if err != nil {
				t.Fatal(err)
			}
			for pop, n := range c.sizes {
				if p := net.Population(pop); p == nil || p.Size() != n {
					t.Errorf("population %s: %v, want size %d", pop, p, n)
				}
			}
			r, err := sim.NewRunner(net, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range c.projs {
				c, ok := net.Projection(p.name).(interface{ NumSynapses() int })
				if !ok {
					t.Fatalf("%s does not count its synapses", p.name)
				}
				got := float64(c.NumSynapses())
				if math.Abs(got-p.mean) > 5*p.sd {
					t.Errorf("%s: %v synapses, want %v ± 5·%.1f", p.name, got, p.mean, p.sd)
				}
			}
			res, err := r.Run(c.run)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range c.spikes {
				if n := len(res.Spikes[k].T); n == 0 {
					t.Errorf("%s: no spikes in %v ms", k, c.run)
				} else {
					t.Logf("%s: %d spikes in %v ms", k, n, c.run)
				}
			}
		})
	}
}
