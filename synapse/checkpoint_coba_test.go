package synapse_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

// cobaCase is the COBA benchmark network (ei.COBA(1): 3200 + 800 LIF
// neurons, four hosted ExpCOBA projections, delay one step).
func cobaCase() ckCase {
	return ckCase{name: "COBA", inflight: dt, build: func(t *testing.T) ckNet {
		c := ei.COBA(1)
		net, err := ei.Build(c)
		noErr(t, err)
		return ckNet{net: net, inputs: c.Inputs(), mons: []string{"E.spike", "I.spike", "E.V", "E2I.g", "I2E.g"}}
	}}
}

// TestCheckpointCOBA: the COBA network resumes bit-identically with
// another thread count, and the test logs the checkpoint's size and the
// time to write and to restore it (the restore includes NewRunner, which
// rebuilds the connectivity).
func TestCheckpointCOBA(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the 4000-neuron network four times")
	}
	c := cobaCase()
	resume(t, c, 20, 30, 2, 1)
	n := c.build(t)
	opt := sim.Options{Dt: dt, Threads: 1, Inputs: n.inputs}
	r, err := sim.NewRunner(n.net, opt)
	noErr(t, err)
	if _, err := r.Run(20); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	t0 := time.Now()
	noErr(t, r.Checkpoint(&buf))
	save := time.Since(t0)
	n = c.build(t)
	t0 = time.Now()
	_, err = sim.Restore(n.net, opt, bytes.NewReader(buf.Bytes()))
	noErr(t, err)
	t.Logf("COBA s = 1: checkpoint %d bytes, written in %v, restored (network build included) in %v", buf.Len(), save, time.Since(t0))
}

// BenchmarkCheckpointCOBA times Checkpoint and Restore of the COBA network
// at scales 1 and 10 after 20 ms, and reports the checkpoint's size.
// "restore" includes NewRunner (connectivity rebuilt from the seed);
// "newrunner" is that part alone.
func BenchmarkCheckpointCOBA(b *testing.B) {
	for _, s := range []float64{1, 10} {
		c := ei.COBA(s)
		opt := sim.Options{Dt: dt, Threads: 2, Inputs: c.Inputs()}
		build := func() *sim.Network {
			net, err := ei.Build(c)
			if err != nil {
				b.Fatal(err)
			}
			return net
		}
		r, err := sim.NewRunner(build(), opt)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Run(20); err != nil {
			b.Fatal(err)
		}
		var ck bytes.Buffer
		if err := r.Checkpoint(&ck); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("s=%g/save", s), func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := r.Checkpoint(&buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
		b.Run(fmt.Sprintf("s=%g/restore", s), func(b *testing.B) {
			for b.Loop() {
				if _, err := sim.Restore(build(), opt, bytes.NewReader(ck.Bytes())); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("s=%g/newrunner", s), func(b *testing.B) {
			for b.Loop() {
				if _, err := sim.NewRunner(build(), opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
