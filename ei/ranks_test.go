package ei_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// runRanks builds the network once per rank (as every MPI process does),
// runs all ranks on the in-process transport and returns every rank's
// results.
func runRanks(t *testing.T, n, threads int, build func() (*sim.Network, sim.Options), ms float64) []*sim.Results {
	t.Helper()
	res, _ := runRanksSeq(t, n, threads, build, ms)
	out := make([]*sim.Results, n)
	for q := range res {
		out[q] = res[q][0]
	}
	return out
}

// runRanksSeq is runRanks with several successive runs (durations ms):
// result [rank][run], and the transports (for their traffic counts).
func runRanksSeq(t *testing.T, n, threads int, build func() (*sim.Network, sim.Options), ms ...float64) ([][]*sim.Results, []*dist.Rank) {
	t.Helper()
	trs, err := dist.InProcess(n)
	if err != nil {
		t.Fatal(err)
	}
	out := make([][]*sim.Results, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for q := range n {
		wg.Add(1)
		go func(q int) {
			defer wg.Done()
			net, opt := build()
			opt.Threads, opt.Transport = threads, trs[q]
			r, err := sim.NewRunner(net, opt)
			if err != nil {
				errs[q] = err
				trs[q].Close()
				return
			}
			for _, d := range ms {
				res, err := r.Run(d)
				if err != nil {
					errs[q] = err
					trs[q].Close()
					return
				}
				out[q] = append(out[q], res)
			}
		}(q)
	}
	wg.Wait()
	for q, err := range errs {
		if err != nil {
			t.Fatalf("rank %d of %d: %v", q, n, err)
		}
	}
	return out, trs
}

// sameResults reports the first difference between two results, or "".
func sameResults(a, b *sim.Results) string {
	if len(a.Spikes) != len(b.Spikes) || len(a.Traces) != len(b.Traces) {
		return fmt.Sprintf("%d spike and %d trace records against %d and %d", len(b.Spikes), len(b.Traces), len(a.Spikes), len(a.Traces))
	}
	for k, s := range a.Spikes {
		o := b.Spikes[k]
		if o == nil || !slices.Equal(s.I, o.I) || !slices.Equal(s.T, o.T) {
			return fmt.Sprintf("spikes %s differ", k)
		}
	}
	for k, tr := range a.Traces {
		o := b.Traces[k]
		if o == nil || !slices.Equal(tr.Data, o.Data) || !slices.Equal(tr.T, o.T) {
			return fmt.Sprintf("trace %s differs", k)
		}
	}
	return ""
}

// TestRankInvariance: the COBA network gives bit-identical spikes and
// traces on 1, 2, 3 and 4 ranks × 1 and 2 threads, with neurons dealt in
// contiguous ranges or round-robin (every rank holds the same gathered
// results).
func TestRankInvariance(t *testing.T) {
	build := func() (*sim.Network, sim.Options) {
		c := ei.COBA(0.25)
		net, err := ei.Build(c)
		if err != nil {
			t.Fatal(err)
		}
		return net, sim.Options{Inputs: c.Inputs(), Monitors: []sim.Monitor{
			{Name: "E.spike"}, {Name: "I.spike"},
			{Name: "E.V", Index: []int{0, 1, 399, 400, 799, 5}, Every: 2},
			{Name: "I.V"},
		}}
	}
	ref := runRanks(t, 1, 1, build, 100)[0]
	if n := len(ref.Spikes["E.spike"].T); n < 100 {
		t.Fatalf("only %d E spikes: the test needs an active network", n)
	}
	for _, n := range []int{2, 3, 4} {
		for _, th := range []int{1, 2} {
			for q, res := range runRanks(t, n, th, build, 100) {
				if d := sameResults(ref, res); d != "" {
					t.Errorf("%d ranks × %d threads, rank %d: %s from 1 rank", n, th, q, d)
				}
			}
		}
		for q, res := range runRanks(t, n, 2, laidOut(build, dist.RoundRobin), 100) {
			if d := sameResults(ref, res); d != "" {
				t.Errorf("%d round-robin ranks × 2 threads, rank %d: %s from 1 rank", n, q, d)
			}
		}
	}
}

// TestRankExchangeInterval: with a smallest delay of 1.5 ms (15 steps)
// the ranks exchange once per 15 steps, runs that end inside an interval
// flush it, and the results still equal one rank's.
func TestRankExchangeInterval(t *testing.T) {
	build := func() (*sim.Network, sim.Options) {
		lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Normal(-55, 2)}
		E, _ := neuron.NewLIF(800, lif)
		I, _ := neuron.NewLIF(200, lif)
		net := sim.NewNetwork(3)
		_ = net.Add("E", E)
		_ = net.Add("I", I)
		exc := synapse.ExpParams{E: 0, GMax: 2.4, Tau: 5, Delay: 1.5}
		inh := synapse.ExpParams{E: -80, GMax: 27, Tau: 10, Delay: 2}
		for _, x := range []struct {
			n         string
			pre, post sim.Population
			p         synapse.ExpParams
		}{{"EE", E, E, exc}, {"EI", E, I, exc}, {"IE", I, E, inh}, {"II", I, I, inh}} {
			pj, err := synapse.NewExpCOBA(x.pre, x.post, connect.FixedProb(0.02), x.p)
			if err != nil {
				t.Fatal(err)
			}
			_ = net.Add(x.n, pj)
		}
		return net, sim.Options{Inputs: []sim.Input{sim.Const("E.input", 20), sim.Const("I.input", 20)},
			Monitors: []sim.Monitor{{Name: "E.spike"}, {Name: "I.V", Index: []int{3, 150}}}}
	}
	run := func(n int) ([][]*sim.Results, []*dist.Rank) {
		return runRanksSeq(t, n, 2, build, 37.3, 22.7) // 373 and 227 steps
	}
	intervals := make([]int, 2)
	ranksDo(t, 2, build, func(q int, net *sim.Network, opt sim.Options) error { // NewRunner is collective
		r, err := sim.NewRunner(net, opt)
		if err == nil {
			intervals[q] = r.Interval()
		}
		return err
	})
	if intervals[0] != 15 || intervals[1] != 15 {
		t.Fatalf("Interval on 2 ranks: %v, want 15", intervals)
	}
	refs, _ := run(1)
	ref := refs[0]
	if n := len(ref[0].Spikes["E.spike"].T) + len(ref[1].Spikes["E.spike"].T); n < 200 {
		t.Fatalf("only %d E spikes: the test needs spikes in flight", n)
	}
	res, trs := run(3)
	for q := range 3 {
		for j := range 2 {
			if d := sameResults(ref[j], res[q][j]); d != "" {
				t.Errorf("rank %d, run %d: %s", q, j, d)
			}
		}
	}
	// 373 steps: 25 exchanges (24 full, one flushed); 227: 16 (15 + 1).
	// Each exchange is one int32 and one float64 gather; NewRunner makes
	// one more (the ranks agree that every one built its share).
	if c := trs[0].Stats().Calls; c != 1+2*(25+16) {
		t.Errorf("%d collective calls, want %d", c, 1+2*(25+16))
	}
}
