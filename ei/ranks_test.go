package ei_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

// runRanks builds the network once per rank (as every MPI process does),
// runs all ranks on the in-process transport and returns every rank's
// results.
func runRanks(t *testing.T, n, threads int, build func() (*sim.Network, sim.Options), ms float64) []*sim.Results {
	t.Helper()
	trs, err := dist.InProcess(n)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]*sim.Results, n)
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
			out[q], errs[q] = r.Run(ms)
			if errs[q] != nil {
				trs[q].Close()
			}
		}(q)
	}
	wg.Wait()
	for q, err := range errs {
		if err != nil {
			t.Fatalf("rank %d of %d: %v", q, n, err)
		}
	}
	return out
}

// sameResults reports the first difference between two results, or "".
func sameResults(a, b *sim.Results) string {
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
// traces on 1, 2, 3 and 4 ranks × 1 and 2 threads (every rank holds the
// same gathered results).
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
	}
}
