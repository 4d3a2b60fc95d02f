package ei_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// ranksDo runs f on n in-process ranks, each with its own network.
func ranksDo(t *testing.T, n int, build func() (*sim.Network, sim.Options), f func(q int, net *sim.Network, opt sim.Options) error) {
	t.Helper()
	trs, _ := dist.InProcess(n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for q := range n {
		wg.Add(1)
		go func(q int) {
			defer wg.Done()
			net, opt := build()
			opt.Transport = trs[q]
			if errs[q] = f(q, net, opt); errs[q] != nil {
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
}

// TestRankCheckpoint: networks with delays, short-term plasticity,
// kinetic synapses, Poisson inputs, gap junctions and STDP (per-synapse
// weights),
// checkpointed on 3 ranks (the ranks' states merged into one file), give
// the file one rank writes at that step, and resume on 1, 2 and 4 ranks
// with the spikes and traces of the uninterrupted run.
func TestRankCheckpoint(t *testing.T) {
	cases := map[string]func(e, _ sim.Population) (sim.Projection, error){
		"STP+delay": func(e, _ sim.Population) (sim.Projection, error) {
			p := synapse.DefaultExponential()
			stp := synapse.DefaultSTP()
			p.GMax, p.STP, p.Delay = 0.8, &stp, 1.2
			return synapse.NewExponential(e, e, connect.FixedProb(0.05), p, synapse.COBA{E: 0})
		},
		"STP on a ring": func(e, _ sim.Population) (sim.Projection, error) { // a rank reads few pre neurons
			p := synapse.DefaultExponential()
			stp := synapse.DefaultSTP()
			p.GMax, p.STP = 2, &stp
			return synapse.NewExponential(e, e, connect.SmallWorld(6, 0), p, synapse.COBA{E: 0})
		},
		"GapJunction": func(e, _ sim.Population) (sim.Projection, error) { // restored ranks read the restored V of the others
			return synapse.NewGapJunction(e, e, connect.SmallWorld(4, 0.3), synapse.GapParams{GMax: 0.3})
		},
		"FromEquations/plastic": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.FromEquations(e, e, connect.FixedProb(0.05), synapse.SynapseEquations{
				Model: "w : 1\ndapre/dt = -apre/20 : 1 (event-driven)\ndapost/dt = -apost/20 : 1 (event-driven)",
				OnPre: "input_post += w; apre += 1; w = clip(w - 0.05*apost, 0, 1)", OnPost: "apost += 1; w = clip(w + 0.05*apre, 0, 1)",
				Delay: 1, Units: equations.UnitsNone, Values: map[string]any{"w": initial.Uniform(0.2, 0.8)}})
		},
		"STDP": func(e, _ sim.Population) (sim.Projection, error) {
			p := synapse.DefaultSTDP()
			p.GMax = 0.5
			return synapse.NewSTDP(e, e, connect.FixedProb(0.05), p, synapse.COBA{E: 0})
		},
	}
	for name, mk := range cases {
		build := zooNet(t, mk)
		whole := runRanks(t, 1, 1, build, 60)[0]
		one, _ := checkpointAt(t, 1, build, 23.4)
		ckpt, first := checkpointAt(t, 3, build, 23.4)
		if !bytes.Equal(ckpt, one) {
			t.Errorf("%s: the checkpoint merged from 3 ranks (%d bytes) differs from one rank's (%d bytes)", name, len(ckpt), len(one))
		}
		// With the Alltoall exchange and no spike monitor a rank holds
		// only the spikes it reads (delay rings, per-pre-neuron state
		// updated from them); the merge still gives one rank's file.
		oneT, _ := checkpointAt(t, 1, exchanging(build, sim.Allgather, false), 23.4)
		routed, _ := checkpointAt(t, 3, exchanging(build, sim.Alltoall, false), 23.4)
		if !bytes.Equal(routed, oneT) {
			t.Errorf("%s: the checkpoint merged from 3 ranks exchanging all-to-all (%d bytes) differs from one rank's (%d bytes)", name, len(routed), len(oneT))
		}
		for _, ex := range []sim.Exchange{sim.Allgather, sim.Alltoall} { // neurons dealt round-robin
			rr, _ := checkpointAt(t, 3, laidOut(exchanging(build, ex, false), dist.RoundRobin), 23.4)
			if !bytes.Equal(rr, oneT) {
				t.Errorf("%s: the checkpoint merged from 3 round-robin ranks, %s (%d bytes), differs from one rank's (%d bytes)", name, ex, len(rr), len(oneT))
			}
		}
		for _, n := range []int{1, 2, 4, -2} { // −2: 2 round-robin ranks
			var rests []*sim.Results
			var mu sync.Mutex
			b := build
			if n < 0 {
				n, b = -n, laidOut(build, dist.RoundRobin)
			}
			ranksDo(t, n, b, func(q int, net *sim.Network, opt sim.Options) error {
				r, err := sim.Restore(net, opt, bytes.NewReader(ckpt))
				if err != nil {
					return err
				}
				res, err := r.Run(60 - 23.4)
				mu.Lock()
				rests = append(rests, res)
				mu.Unlock()
				return err
			})
			for _, rest := range rests {
				joined := &sim.Results{Spikes: map[string]*sim.SpikeRecord{}, Traces: map[string]*sim.Trace{}}
				for k, s := range first.Spikes {
					joined.Spikes[k] = &sim.SpikeRecord{T: append(append([]float64{}, s.T...), rest.Spikes[k].T...), I: append(append([]int32{}, s.I...), rest.Spikes[k].I...)}
				}
				for k, tr := range first.Traces {
					joined.Traces[k] = &sim.Trace{T: append(append([]float64{}, tr.T...), rest.Traces[k].T...), Data: append(append([]float64{}, tr.Data...), rest.Traces[k].Data...)}
				}
				if d := sameResults(whole, joined); d != "" {
					t.Errorf("%s: checkpointed on 3 ranks, resumed on %d: %s", name, n, d)
				}
			}
		}
	}
}

// checkpointAt runs build on n ranks for ms and returns rank 0's
// checkpoint and results; the other ranks must write nothing.
func checkpointAt(t *testing.T, n int, build func() (*sim.Network, sim.Options), ms float64) ([]byte, *sim.Results) {
	t.Helper()
	var ckpt []byte
	var first *sim.Results
	ranksDo(t, n, build, func(q int, net *sim.Network, opt sim.Options) error {
		r, err := sim.NewRunner(net, opt)
		if err != nil {
			return err
		}
		res, err := r.Run(ms)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := r.Checkpoint(&buf); err != nil {
			return err
		}
		if q == 0 {
			ckpt, first = buf.Bytes(), res
		} else if buf.Len() != 0 {
			t.Errorf("rank %d wrote %d bytes; only rank 0 writes", q, buf.Len())
		}
		return nil
	})
	return ckpt, first
}

// TestRankSTDPWeights: over ranks an STDP projection's weights (in the
// connector's order) hold the rank's own synapses, equal to one rank's,
// and zeros for the others'.
func TestRankSTDPWeights(t *testing.T) {
	build := zooNet(t, func(e, _ sim.Population) (sim.Projection, error) {
		p := synapse.DefaultSTDP()
		p.GMax = 0.5
		return synapse.NewSTDP(e, e, connect.FixedProb(0.05), p, synapse.COBA{E: 0})
	})
	weights := func(net *sim.Network) []float32 { return net.Projection("X").(*synapse.STDP).Weights() }
	var ref []float32
	ranksDo(t, 1, build, func(_ int, net *sim.Network, opt sim.Options) error {
		r, err := sim.NewRunner(net, opt)
		if err == nil {
			_, err = r.Run(30)
		}
		ref = weights(net)
		return err
	})
	got := make([][]float32, 2)
	ranksDo(t, 2, build, func(q int, net *sim.Network, opt sim.Options) error {
		r, err := sim.NewRunner(net, opt)
		if err == nil {
			_, err = r.Run(30)
		}
		got[q] = weights(net)
		return err
	})
	changed := 0
	for i, w := range ref {
		if w != 0.5 {
			changed++
		}
		if a, b := got[0][i], got[1][i]; a+b != w || a != 0 && b != 0 {
			t.Fatalf("synapse %d: weights %v and %v on the two ranks, %v on one", i, a, b, w)
		}
	}
	if changed == 0 {
		t.Error("no weight changed: the test needs plasticity")
	}
}
