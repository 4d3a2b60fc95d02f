package sim_test

import (
	"bytes"
	"slices"
	"testing"

	chk "github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/sim"
)

// stoy is a toy population with state: V counts up by the input and a
// neuron spikes (and resets) when V reaches 10; the spikes feed a delay
// ring through a lagged projection that adds them to the input.
type stoy struct{ toy }

func (p *stoy) Update(_ int64, _ float64, lo, hi int, s []int32) []int32 {
	for i := lo; i < hi; i++ {
		p.v[i] += p.in[i] + float64(i%3)
		p.spk[i] = p.v[i] >= 10
		if p.spk[i] {
			p.v[i] = 0
			s = append(s, int32(i))
		}
	}
	return s
}
func (p *stoy) SaveState(w *sim.StateWriter) { w.Float64s("V", p.v); w.Bools("spike", p.spk) }
func (p *stoy) LoadState(r *sim.StateReader) { r.Float64s("V", p.v); r.Bools("spike", p.spk) }
func (p *stoy) Fingerprint() string          { return "stoy" }

// lagged adds 1 to the post input of every neuron whose pre partner
// spiked lag steps earlier.
type lagged struct {
	sim.Membership
	pre, post *stoy
	lag       int
}

func (l *lagged) Pre() sim.Population        { return l.pre }
func (l *lagged) Post() sim.Population       { return l.post }
func (l *lagged) Init(*sim.Env) error        { return nil }
func (l *lagged) MaxLag() int                { return l.lag }
func (l *lagged) Var(string) []float64       { return nil }
func (l *lagged) VarNames() []string         { return nil }
func (l *lagged) SaveState(*sim.StateWriter) {}
func (l *lagged) LoadState(*sim.StateReader) {}
func (l *lagged) Update(_ int64, _, lo, hi int, h sim.History) {
	for _, i := range h.At(l.lag) {
		if int(i) >= lo && int(i) < hi {
			l.post.in[i]++
		}
	}
}

func stoyNet(t *testing.T, n, lag int) *sim.Network {
	t.Helper()
	p := &stoy{toy{n: n, panicAt: -1}}
	net := sim.NewNetwork(5)
	if err := net.Add("E", p); err != nil {
		t.Fatal(err)
	}
	if err := net.Add("EE", &lagged{pre: p, post: p, lag: lag}); err != nil {
		t.Fatal(err)
	}
	return net
}

// TestCheckpointResume: a run checkpointed after 37 steps and restored
// into a fresh network (with another thread count) gives the same spikes
// as the uninterrupted run, including spikes in flight in the delay ring.
func TestCheckpointResume(t *testing.T) {
	opt := func(th int) sim.Options {
		return sim.Options{Dt: 0.1, Threads: th, Monitors: sim.Mon("E.spike"), Inputs: []sim.Input{sim.Const("E.input", 0.7)}}
	}
	whole, _ := sim.NewRunner(stoyNet(t, 50, 7), opt(1))
	all, err := whole.Run(10)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := sim.NewRunner(stoyNet(t, 50, 7), opt(2))
	first, _ := r.Run(3.7)
	var buf bytes.Buffer
	if err := r.Checkpoint(&buf); err != nil {
		t.Fatal(err)
	}
	for _, th := range []int{1, 3} {
		r2, err := sim.Restore(stoyNet(t, 50, 7), opt(th), bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if r2.Step() != 37 {
			t.Fatalf("restored at step %d, want 37", r2.Step())
		}
		rest, err := r2.Run(6.3)
		if err != nil {
			t.Fatal(err)
		}
		w := all.Spikes["E.spike"]
		a, b := first.Spikes["E.spike"], rest.Spikes["E.spike"]
		if !slices.Equal(append(slices.Clone(a.I), b.I...), w.I) || !slices.Equal(append(slices.Clone(a.T), b.T...), w.T) {
			t.Errorf("threads %d: resumed spikes differ from the uninterrupted run (%d+%d vs %d)", th, len(a.I), len(b.I), len(w.I))
		}
	}
}

// TestCheckpointRefusals: another model, another dt, a flipped byte, a
// truncated file and a non-checkpoint are refused with clear errors.
func TestCheckpointRefusals(t *testing.T) {
	opt := sim.Options{Dt: 0.1, Monitors: sim.Mon("E.spike")}
	r, _ := sim.NewRunner(stoyNet(t, 50, 7), opt)
	if _, err := r.Run(2); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Checkpoint(&buf); err != nil {
		t.Fatal(err)
	}
	ck := buf.Bytes()
	_, err := sim.Restore(stoyNet(t, 60, 7), opt, bytes.NewReader(ck))
	chk.Err(t, "other size", err, "another model", `it differs from this network in population "E": *sim_test.stoy of 60 neurons`)
	_, err = sim.Restore(stoyNet(t, 50, 9), opt, bytes.NewReader(ck))
	chk.Err(t, "other delay", err, "delay ring")
	_, err = sim.Restore(stoyNet(t, 50, 7), sim.Options{Dt: 0.05}, bytes.NewReader(ck))
	chk.Err(t, "other dt", err, "another model")
	bad := slices.Clone(ck)
	bad[len(bad)/2] ^= 0x10
	_, err = sim.Restore(stoyNet(t, 50, 7), opt, bytes.NewReader(bad))
	chk.Err(t, "flipped byte", err, "sim: ")
	// a flipped bit in a value that still decodes (the last byte before the
	// 16-byte trailer: the streamed count of E.spike) is caught by the CRC
	bad = slices.Clone(ck)
	bad[len(bad)-17] ^= 0x01
	_, err = sim.Restore(stoyNet(t, 50, 7), opt, bytes.NewReader(bad))
	chk.Err(t, "flipped value bit", err, "corrupt", "CRC-32")
	_, err = sim.Restore(stoyNet(t, 50, 7), opt, bytes.NewReader(ck[:len(ck)-3]))
	chk.Err(t, "truncated", err, "trailer")
	_, err = sim.Restore(stoyNet(t, 50, 7), opt, bytes.NewReader([]byte("PK\x03\x04 not a checkpoint at all")))
	chk.Err(t, "not a checkpoint", err, "not a brainsim checkpoint")
	// a node without state cannot be checkpointed
	net := sim.NewNetwork(1)
	_ = net.Add("T", newToy(3))
	r3, _ := sim.NewRunner(net, sim.Options{})
	chk.Err(t, "not Stateful", r3.Checkpoint(&bytes.Buffer{}), `population "T"`, "sim.Stateful")
}

// FuzzRestore: no checkpoint bytes make Restore panic or allocate beyond
// the network's own size.
func FuzzRestore(f *testing.F) {
	r, err := sim.NewRunner(stoyNetF(), sim.Options{Dt: 0.1})
	if err != nil {
		f.Fatal(err)
	}
	if _, err := r.Run(2); err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Checkpoint(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("BRAINSIM CHECKPOINT\n\x05\x07version\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = sim.Restore(stoyNetF(), sim.Options{Dt: 0.1}, bytes.NewReader(b))
	})
}

func stoyNetF() *sim.Network {
	p := &stoy{toy{n: 20, panicAt: -1}}
	net := sim.NewNetwork(5)
	_ = net.Add("E", p)
	_ = net.Add("EE", &lagged{pre: p, post: p, lag: 3})
	return net
}
