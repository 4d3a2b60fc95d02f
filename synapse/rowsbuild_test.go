package synapse_test

import (
	"slices"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// csrOnly hides a connector's AppendRow, so the projection must take the
// Connect-then-Split path.
type csrOnly struct{ connect.Connector }

// TestDirectRowsMatchCSRPath checks that a RowConnector's rows built
// straight into the blocks give the same conductances, synapse counts and
// per-synapse weights (drawn in CSR order) as building its CSR and
// splitting it, with 1 to 3 threads.
func TestDirectRowsMatchCSRPath(t *testing.T) {
	const nPost = 250
	for _, x := range []struct {
		conn connect.RowConnector
		nPre int
	}{
		{connect.FixedProb(0.1), 60},
		{connect.FixedPostNum(9), 60},
		{connect.GaussianProb(2, 10, 25), 250},
	} {
		conn, nPre := x.conn, x.nPre
		var idx []int
		var times []float64
		for i := range nPre { // every pre neuron fires once, at step i%7
			idx = append(idx, i)
			times = append(times, float64(i%7)*0.1)
		}
		for _, threads := range []int{1, 2, 3} {
			var ref []float64
			var refN int
			for _, direct := range []bool{true, false} {
				pre, err := neuron.NewSpikeTimes(nPre, idx, times)
				if err != nil {
					t.Fatal(err)
				}
				post := quietLIF(t, nPost, -65)
				var c connect.Connector = conn
				if !direct {
					c = csrOnly{conn}
				}
				proj, err := synapse.NewExpCOBA(pre, post, c, synapse.ExpParams{Tau: 5, WeightInit: initial.Uniform(0.1, 1)})
				if err != nil {
					t.Fatal(err)
				}
				net := sim.NewNetwork(4)
				_ = net.Add("pre", pre)
				_ = net.Add("post", post)
				_ = net.Add("syn", proj)
				r, err := sim.NewRunner(net, sim.Options{Threads: threads, Monitors: sim.Mon("syn.g")})
				if err != nil {
					t.Fatalf("%s: %v", conn, err)
				}
				res, err := r.Run(1)
				if err != nil {
					t.Fatal(err)
				}
				g := res.Traces["syn.g"].Data
				if direct {
					ref, refN = g, proj.NumSynapses()
					continue
				}
				if proj.NumSynapses() != refN || !slices.Equal(g, ref) {
					t.Errorf("%s threads=%d: direct rows give %d synapses and other g than the CSR path (%d)", conn, threads, refN, proj.NumSynapses())
				}
			}
		}
	}
}
