package ei_test

import (
	"strings"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// zooNet is a small driven network: Poisson sources P (PoissonGroup)
// onto E and I, a PoissonInput on I, and the projection under test from E
// (or I) onto E.
func zooNet(t *testing.T, mk func(e, i sim.Population) (sim.Projection, error)) func() (*sim.Network, sim.Options) {
	return func() (*sim.Network, sim.Options) {
		lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Uniform(-60, -50)}
		E, _ := neuron.NewLIF(303, lif)
		I, _ := neuron.NewLIF(101, lif)
		P, _ := input.NewPoissonGroup(200, 30)
		net := sim.NewNetwork(11)
		for _, x := range []struct {
			n string
			p sim.Population
		}{{"E", E}, {"I", I}, {"P", P}} {
			if err := net.Add(x.n, x.p); err != nil {
				t.Fatal(err)
			}
		}
		drive := synapse.ExpParams{E: 0, GMax: 0.3, Tau: 5}
		pe, _ := synapse.NewExpCOBA(P, E, connect.FixedProb(0.1), drive)
		pi, _ := synapse.NewExpCOBA(P, I, connect.FixedProb(0.1), drive)
		test, err := mk(E, I)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []struct {
			n string
			p sim.Projection
		}{{"PE", pe}, {"PI", pi}, {"X", test}} { // the same order on every rank
			if err := net.Add(x.n, x.p); err != nil {
				t.Fatal(err)
			}
		}
		pin, _ := input.NewPoissonInput(input.PoissonInputParams{NumInput: 50, Freq: 10, Weight: 0.5})
		return net, sim.Options{Inputs: []sim.Input{pin.Input("I.input")},
			Monitors: []sim.Monitor{{Name: "E.spike"}, {Name: "I.spike"}, {Name: "E.V", Index: []int{0, 150, 302}}, {Name: "I.V", Index: []int{100, 3}}}}
	}
}

// TestRankInvarianceZoo: every connector, delays (uniform and per
// synapse), plasticity (STDP, STP), kinetic synapses, voltage jumps and
// Poisson inputs give the same spikes and traces on several ranks as on
// one.
func TestRankInvarianceZoo(t *testing.T) {
	exp := synapse.ExpParams{E: 0, GMax: 0.4, Tau: 5}
	cases := map[string]func(e, i sim.Population) (sim.Projection, error){
		"FixedProb": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(e, e, connect.FixedProb(0.05), exp)
		},
		"FixedPostNum": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(e, e, connect.FixedPostNum(10), exp)
		},
		"FixedPreNum": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(e, e, connect.FixedPreNum(10), exp)
		},
		"FixedTotalNum": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(e, e, connect.FixedTotalNum(3000), exp)
		},
		"All2All": func(_, i sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(i, i, connect.All2All(), synapse.ExpParams{E: -80, GMax: 0.05, Tau: 10})
		},
		"One2One": func(_, i sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(i, i, connect.One2One(), exp)
		},
		"SmallWorld": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(e, e, connect.SmallWorld(6, 0.2), exp)
		},
		"Procedural": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBAProcedural(e, e, connect.ProceduralFixedProb(0.05).SegmentWidth(64), exp)
		},
		"WeightInit": func(e, _ sim.Population) (sim.Projection, error) {
			p := exp
			p.WeightInit = initial.Uniform(0.1, 0.8)
			return synapse.NewExpCOBA(e, e, connect.FixedProb(0.05), p)
		},
		"Delay": func(e, _ sim.Population) (sim.Projection, error) {
			p := exp
			p.Delay = 1.7
			return synapse.NewExpCOBA(e, e, connect.FixedProb(0.05), p)
		},
		"DelayInit": func(e, _ sim.Population) (sim.Projection, error) {
			p := synapse.DefaultExponential()
			p.GMax, p.DelayInit = 0.5, initial.Uniform(0.2, 3)
			return synapse.NewExponential(e, e, connect.FixedProb(0.05), p, synapse.COBA{E: 0})
		},
		"STP": func(e, _ sim.Population) (sim.Projection, error) {
			p := synapse.DefaultExponential()
			stp := synapse.DefaultSTP()
			p.GMax, p.STP = 0.8, &stp
			return synapse.NewExponential(e, e, connect.FixedProb(0.05), p, synapse.COBA{E: 0})
		},
		"STDP": func(e, _ sim.Population) (sim.Projection, error) {
			p := synapse.DefaultSTDP()
			p.GMax = 0.5
			return synapse.NewSTDP(e, e, connect.FixedProb(0.05), p, synapse.COBA{E: 0})
		},
		"AMPA": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewAMPA(e, e, connect.FixedProb(0.05), synapse.DefaultAMPA(), synapse.COBA{E: 0})
		},
		"NMDA": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewNMDA(e, e, connect.FixedProb(0.05), synapse.DefaultNMDA(), synapse.COBA{E: 0})
		},
		"Delta": func(e, _ sim.Population) (sim.Projection, error) {
			p := synapse.DefaultDelta()
			p.GMax = 2
			return synapse.NewDelta(e, e, connect.FixedProb(0.05), p)
		},
	}
	layouts := []struct {
		ranks, threads int
		ex             sim.Exchange
		lay            dist.Layout
	}{{2, 1, sim.Allgather, dist.Contiguous}, {3, 2, sim.Allgather, dist.Contiguous}, {4, 1, sim.Allgather, dist.Contiguous},
		{3, 1, sim.Alltoall, dist.Contiguous}, {4, 2, sim.Alltoall, dist.Contiguous},
		{3, 2, sim.Allgather, dist.RoundRobin}, {4, 1, sim.Alltoall, dist.RoundRobin}}
	if testing.Short() {
		layouts = layouts[:1]
	}
	for name, mk := range cases {
		build := zooNet(t, mk)
		ref := runRanks(t, 1, 1, build, 60)[0]
		if len(ref.Spikes["E.spike"].T) < 50 {
			t.Errorf("%s: only %d E spikes", name, len(ref.Spikes["E.spike"].T))
		}
		// Without spike monitors the Alltoall exchange routes E's and I's
		// spikes too (a monitored population's go to every rank); the
		// traces then show a spike lost or sent twice.
		traced := exchanging(build, sim.Allgather, false)
		refTraced := runRanks(t, 1, 1, traced, 60)[0]
		for _, l := range layouts {
			for q, res := range runRanks(t, l.ranks, l.threads, laidOut(exchanging(build, l.ex, true), l.lay), 60) {
				if d := sameResults(ref, res); d != "" {
					t.Errorf("%s: %d ranks × %d threads, %s, %s, rank %d: %s", name, l.ranks, l.threads, l.ex, l.lay, q, d)
				}
			}
			if l.ex != sim.Alltoall {
				continue
			}
			for q, res := range runRanks(t, l.ranks, l.threads, laidOut(exchanging(build, l.ex, false), l.lay), 60) {
				if d := sameResults(refTraced, res); d != "" {
					t.Errorf("%s: %d ranks × %d threads, %s, %s, without spike monitors, rank %d: %s", name, l.ranks, l.threads, l.ex, l.lay, q, d)
				}
			}
		}
	}
}

// laidOut returns build with Options.Layout set to l.
func laidOut(build func() (*sim.Network, sim.Options), l dist.Layout) func() (*sim.Network, sim.Options) {
	return func() (*sim.Network, sim.Options) {
		net, opt := build()
		opt.Layout = l
		return net, opt
	}
}

// exchanging returns build with Options.Exchange set to ex, keeping the
// spike monitors or only the traces.
func exchanging(build func() (*sim.Network, sim.Options), ex sim.Exchange, spikes bool) func() (*sim.Network, sim.Options) {
	return func() (*sim.Network, sim.Options) {
		net, opt := build()
		opt.Exchange = ex
		if !spikes {
			var ms []sim.Monitor
			for _, m := range opt.Monitors {
				if !strings.HasSuffix(m.Name, ".spike") {
					ms = append(ms, m)
				}
			}
			opt.Monitors = ms
		}
		return net, opt
	}
}

// TestRankProceduralRoundRobinWarns: procedural rows under a round-robin
// layout cost every rank about every synapse, and the runner says so.
func TestRankProceduralRoundRobinWarns(t *testing.T) {
	build := laidOut(zooNet(t, func(e, _ sim.Population) (sim.Projection, error) {
		return synapse.NewExpCOBAProcedural(e, e, connect.ProceduralFixedProb(0.05), synapse.ExpParams{GMax: 0.4, Tau: 5})
	}), dist.RoundRobin)
	ranksDo(t, 2, build, func(q int, net *sim.Network, opt sim.Options) error {
		r, err := sim.NewRunner(net, opt)
		if err == nil && q == 0 && !strings.Contains(strings.Join(r.Warnings(), "\n"), "round-robin layout") {
			t.Errorf("warnings %q: want the procedural round-robin one", r.Warnings())
		}
		return err
	})
}

// TestRankWarnings: a connector that builds its whole connectivity on
// every rank is reported; a row connector is not.
func TestRankWarnings(t *testing.T) {
	for _, c := range []struct {
		conn connect.Connector
		warn bool
	}{{connect.SmallWorld(6, 0.2), true}, {connect.FixedProb(0.05), false}} {
		build := zooNet(t, func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(e, e, c.conn, synapse.ExpParams{GMax: 0.4, Tau: 5})
		})
		ranksDo(t, 2, build, func(q int, net *sim.Network, opt sim.Options) error { // NewRunner is collective
			r, err := sim.NewRunner(net, opt)
			if err == nil && q == 0 {
				if got := len(r.Warnings()) > 0; got != c.warn {
					t.Errorf("%s: warnings %q, want some: %v", c.conn, r.Warnings(), c.warn)
				}
			}
			return err
		})
	}
}
