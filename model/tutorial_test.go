package model

import (
	"slices"
	"testing"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

// runSpikes runs net with opt for duration ms and returns the spike record
// of pop.
func runSpikes(t *testing.T, net *sim.Network, opt sim.Options, duration float64, pop string) *sim.SpikeRecord {
	t.Helper()
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(duration)
	if err != nil {
		t.Fatal(err)
	}
	return res.Spikes[pop]
}

func TestTutorialMatchesEI(t *testing.T) {
	for _, c := range []struct {
		template string
		cfg      ei.Config
	}{{"tutorial", ei.Tutorial()}, {"coba", ei.COBA(1)}} {
		t.Run(c.template, func(t *testing.T) {
			f, err := Embedded(c.template)
			if err != nil {
				t.Fatal(err)
			}
			net, opt, err := f.Build()
			if err != nil {
				t.Fatal(err)
			}
			const dur = 100
			want, err := ei.Build(c.cfg)
			if err != nil {
				t.Fatal(err)
			}
			wopt := sim.Options{Monitors: sim.Mon("E.spike", "I.spike"), Inputs: c.cfg.Inputs()}
			for _, pop := range []string{"E.spike", "I.spike"} {
				got := runSpikes(t, net, opt, dur, pop)
				exp := runSpikes(t, want, wopt, dur, pop)
				if len(exp.T) < 100 {
					t.Fatalf("%s: only %d reference spikes", pop, len(exp.T))
				}
				if !slices.Equal(got.T, exp.T) || !slices.Equal(got.I, exp.I) {
					t.Fatalf("%s: %d spikes from the template, %d from ei.Build: they differ", pop, len(got.T), len(exp.T))
				}
				// a second runner on the same network is refused; rebuild for I
				net, opt, _ = f.Build()
				want, _ = ei.Build(c.cfg)
			}
			if f.Duration() != 200 {
				t.Errorf("Duration = %v, want 200", f.Duration())
			}
		})
	}
}
