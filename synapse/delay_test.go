package synapse_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// TestPerSynapseDelays checks that every synapse delivers at exactly
// j + max(1, round(d/dt)): pre 0 fires at step j; its synapses (CSR order)
// go to posts 0, 1, 2, 2 with delays 0.04, 0.5, 1.3, 2.0 ms, i.e. latencies
// 1, 5, 13, 20 steps; pre 1 fires at j+2 onto post 1 with delay 0 (latency
// 1). With an exponential CUBA synapse each arrival adds w·e^{−(k−arrival)dt/τ}.
func TestPerSynapseDelays(t *testing.T) {
	const j, tau = 3, 4.0
	type arrival struct{ post, step int }
	arrivals := []arrival{{0, j + 1}, {1, j + 5}, {2, j + 13}, {2, j + 20}, {1, j + 2 + 1}}
	weights := []float32{0.5, 1.5, 2, 3, 0.25}
	for _, useInit := range []bool{false, true} {
		for _, threads := range []int{1, 2, 3} {
			var proj *synapse.Exponential
			res, _ := run(t, spikeTimes(t, 2, map[int][]int{0: {j}, 1: {j + 2}}), quietLIF(t, 3, -65), 40, threads,
				func(pre, post sim.Population) (sim.Projection, error) {
					p := synapse.ExponentialParams{Tau: tau, Weights: weights}
					delays := []float64{0.04, 0.5, 1.3, 2.0, 0}
					if useInit {
						p.DelayInit = initial.Values(delays)
					} else {
						p.Delays = delays
					}
					var err error
					proj, err = synapse.NewExponential(pre, post, rowsConn{{0, 1, 2, 2}, {1}}, p, nil)
					return proj, err
				}, "syn.g", "post.input")
			if proj.MaxLag() != 20 {
				t.Errorf("MaxLag = %d, want 20", proj.MaxLag())
			}
			g, in := res.Traces["syn.g"], res.Traces["post.input"]
			for k := 0; k < 40; k++ {
				want := make([]float64, 3)
				for q, a := range arrivals {
					if k >= a.step {
						want[a.post] += float64(weights[q]) * math.Exp(-float64(k-a.step)*dt/tau)
					}
				}
				for p := range want {
					if !near(g.At(k, p), want[p], 1e-14) || in.At(k, p) != g.At(k, p) {
						t.Fatalf("init=%v threads=%d step %d post %d: g = %v, want %v", useInit, threads, k, p, g.At(k, p), want[p])
					}
				}
			}
		}
	}
}

// TestDelaysDrawn checks DelayInit draws: every latency lies in the range
// the distribution allows and the largest is MaxLag; the same seed gives
// the same delays for any thread count (the spikes of a driven network
// are identical).
func TestDelaysDrawn(t *testing.T) {
	var lags []int
	for _, threads := range []int{1, 3} {
		res, proj := run(t, spikeTimes(t, 50, map[int][]int{0: {0}, 7: {1}, 49: {2}}), quietLIF(t, 40, -65), 40, threads,
			func(pre, post sim.Population) (sim.Projection, error) {
				return synapse.NewDelta(pre, post, connect.All2All(), synapse.DeltaParams{GMax: 1, DelayInit: initial.Uniform(0.5, 2.5)})
			}, "post.V")
		if l := proj.MaxLag(); l < 5 || l > 25 {
			t.Fatalf("MaxLag = %d: delays in [0.5, 2.5) ms give latencies in [5, 25]", l)
		}
		// first step each post's V jumps
		V := res.Traces["post.V"]
		var first []int
		for p := 0; p < 40; p++ {
			f := -1
			for k := 1; k < 40; k++ {
				if V.At(k, p) > V.At(k-1, p)+0.5 {
					f = k
					break
				}
			}
			if f < 5 || f > 25 {
				t.Fatalf("post %d first jump at step %d: want a latency in [5, 25] after step 0", p, f)
			}
			first = append(first, f)
		}
		if lags == nil {
			lags = first
		} else {
			for p := range first {
				if first[p] != lags[p] {
					t.Fatalf("threads change the drawn delays: post %d first jump %d vs %d", p, first[p], lags[p])
				}
			}
		}
	}
}
