package synapse_test

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// ckNet is a network for the checkpoint tests: a fresh network (its nodes
// belong to it), the runner inputs and the monitors.
type ckNet struct {
	net    *sim.Network
	inputs []sim.Input
	mons   []string
}

// ckCase builds an active network; inflight is the longest latency (ms) of
// its projections.
type ckCase struct {
	name     string
	inflight float64
	build    func(t *testing.T) ckNet
}

// resume runs c for total ms uninterrupted (thA threads), and again for t1
// ms (thA threads), checkpointed, restored into a fresh network with thB
// threads and run for the rest; it requires every spike and trace of the
// two to be bit-identical. The checkpoint is taken inflight/2 ms (at least
// one step) after the first spike past from ms, so that spikes are in
// flight in the delay rings.
func resume(t *testing.T, c ckCase, from, total float64, thA, thB int) {
	t.Helper()
	opt := func(n ckNet, th int) sim.Options {
		return sim.Options{Dt: dt, Threads: th, Monitors: sim.Mon(n.mons...), Inputs: n.inputs}
	}
	n := c.build(t)
	whole, err := sim.NewRunner(n.net, opt(n, thA))
	if err != nil {
		t.Fatal(err)
	}
	all, err := whole.Run(total)
	if err != nil {
		t.Fatal(err)
	}
	K := int64(-1) // the step at which to checkpoint
	for _, k := range all.SpikeKeys() {
		for _, x := range all.Spikes[k].T {
			if j := int64(math.Round(x / dt)); x >= from && (K < 0 || j < K) {
				K = j
			}
		}
	}
	if K < 0 {
		t.Fatalf("no spike after %v ms: the network must be active", from)
	}
	K += max(1, int64(math.Round(c.inflight/2/dt)))
	t1, t2 := float64(K)*dt, total-float64(K)*dt
	n = c.build(t)
	r, err := sim.NewRunner(n.net, opt(n, thA))
	if err != nil {
		t.Fatal(err)
	}
	first, err := r.Run(t1)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Checkpoint(&buf); err != nil {
		t.Fatal(err)
	}
	n = c.build(t)
	r2, err := sim.Restore(n.net, opt(n, thB), bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rest, err := r2.Run(t2)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range all.SpikeKeys() {
		w, a, b := all.Spikes[k], first.Spikes[k], rest.Spikes[k]
		if len(a.I) == 0 || len(b.I) == 0 {
			t.Errorf("%s: %d spikes before the checkpoint, %d after: the network must be active", k, len(a.I), len(b.I))
		}
		if !slices.Equal(append(slices.Clone(a.I), b.I...), w.I) || !slices.Equal(append(slices.Clone(a.T), b.T...), w.T) {
			t.Errorf("%s: resumed spikes differ from the uninterrupted run (%d+%d events, want %d)", k, len(a.I), len(b.I), len(w.I))
		}
	}
	for _, k := range all.TraceKeys() {
		w, a, b := all.Traces[k], first.Traces[k], rest.Traces[k]
		got := append(slices.Clone(a.Data), b.Data...)
		if len(got) != len(w.Data) {
			t.Errorf("%s: %d+%d samples, want %d", k, len(a.Data), len(b.Data), len(w.Data))
			continue
		}
		for q := range got {
			if math.Float64bits(got[q]) != math.Float64bits(w.Data[q]) {
				t.Errorf("%s: sample %d = %v after the restore, %v uninterrupted", k, q, got[q], w.Data[q])
				break
			}
		}
		if !slices.Equal(append(slices.Clone(a.T), b.T...), w.T) {
			t.Errorf("%s: sample times differ", k)
		}
	}
}

// runResume runs every case with 1 → 3 and 2 → 1 threads.
func runResume(t *testing.T, cases []ckCase) {
	for _, c := range cases {
		for _, th := range [][2]int{{1, 3}, {2, 1}} {
			t.Run(c.name, func(t *testing.T) { resume(t, c, 20, 40, th[0], th[1]) })
		}
	}
}

// TestCheckpointSpikeInFlight: one spike, emitted at step 10 by a
// SpikeTimes neuron into an ExpCUBA of latency 5 onto a LIF neuron, must
// arrive at step 15 after a checkpoint taken at any step 11 … 15 (the
// runner's delay ring holds it then); g jumps from 0 to GMax at step 15
// (up to the rounding of the folded arrival, w/d·d).
func TestCheckpointSpikeInFlight(t *testing.T) {
	build := func() *sim.Network {
		pre := spikeTimes(t, 1, map[int][]int{0: {10}})
		post, err := neuron.NewLIF(1, neuron.DefaultLIF())
		noErr(t, err)
		syn, err := synapse.NewExpCUBA(pre, post, connect.All2All(), synapse.ExpParams{Tau: 5, GMax: 0.5, Delay: 5 * dt})
		noErr(t, err)
		net := sim.NewNetwork(1)
		noErr(t, net.Add("pre", pre))
		noErr(t, net.Add("post", post))
		noErr(t, net.Add("syn", syn))
		return net
	}
	opt := sim.Options{Dt: dt, Monitors: sim.Mon("syn.g")}
	for K := int64(11); K <= 15; K++ {
		r, err := sim.NewRunner(build(), opt)
		noErr(t, err)
		if _, err := r.Run(float64(K) * dt); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		noErr(t, r.Checkpoint(&buf))
		r2, err := sim.Restore(build(), opt, &buf)
		noErr(t, err)
		res, err := r2.Run(float64(20-K) * dt)
		noErr(t, err)
		g := res.Traces["syn.g"].Data
		if arrival := 15 - K; math.Abs(g[arrival]-0.5) > 1e-15 || (arrival > 0 && g[arrival-1] != 0) {
			t.Errorf("checkpoint at step %d: g = %v from step %d on, want 0 until step 14 and 0.5 (±1 ulp, folded) at step 15", K, g, K)
		}
	}
}
