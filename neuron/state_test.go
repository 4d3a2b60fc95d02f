package neuron_test

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// stateCase is a population of 30 neurons under a constant input (with
// noise where the model has it); spiking says the input makes it fire
// before and after the checkpoint.
type stateCase struct {
	name    string
	I       float64
	spiking bool
	mk      func() (sim.Population, error)
}

const nState = 30

func stateCases() []stateCase {
	u := initial.Uniform
	pop := func(p sim.Population, err error) (sim.Population, error) { return p, err }
	return []stateCase{
		{name: "LIF", I: 25, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultLIF()
			p.V0, p.TauRef, p.Noise = u(-5, 20), 1, 2
			return pop(neuron.NewLIF(nState, p))
		}},
		{name: "LIF/no-noise", I: 25, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultLIF()
			p.V0, p.TauRef = u(-5, 20), 1
			return pop(neuron.NewLIF(nState, p))
		}},
		{name: "ExpIF", I: 8, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultExpIF()
			p.V0, p.TauRef, p.Noise = u(-68, -60), 1, 1
			return pop(neuron.NewExpIF(nState, p))
		}},
		{name: "AdExIF", I: 20, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultAdExIF()
			p.V0, p.Noise = u(-70, -50), 1
			return pop(neuron.NewAdExIF(nState, p))
		}},
		{name: "QuaIF", I: 20, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultQuaIF()
			p.V0, p.Noise = u(-68, -50), 1
			return pop(neuron.NewQuaIF(nState, p))
		}},
		{name: "AdQuaIF", I: 40, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultAdQuaIF()
			p.V0, p.Noise = u(-68, -50), 1
			return pop(neuron.NewAdQuaIF(nState, p))
		}},
		{name: "GIF", I: 1.5, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultGIF()
			p.V0, p.Noise = u(-70, -55), 1
			return pop(neuron.NewGIF(nState, p))
		}},
		{name: "Izhikevich", I: 10, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultIzhikevich()
			p.V0, p.TauRef, p.Noise = u(-70, -50), 0.5, 1
			return pop(neuron.NewIzhikevich(nState, p))
		}},
		{name: "HH", I: 10, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultHH()
			p.V0, p.Noise = u(-70, -50), 1
			return pop(neuron.NewHH(nState, p))
		}},
		{name: "MorrisLecar", I: 100, mk: func() (sim.Population, error) {
			p := neuron.DefaultMorrisLecar()
			p.Noise = 1
			return pop(neuron.NewMorrisLecar(nState, p))
		}},
		{name: "WangBuzsaki", I: 1, spiking: true, mk: func() (sim.Population, error) {
			p := neuron.DefaultWangBuzsaki()
			p.V0, p.Noise = u(-70, -60), 1
			return pop(neuron.NewWangBuzsaki(nState, p))
		}},
		{name: "HindmarshRose", I: 3, mk: func() (sim.Population, error) {
			p := neuron.DefaultHindmarshRose()
			p.V0, p.Noise = u(-1, 1), 0.05
			return pop(neuron.NewHindmarshRose(nState, p))
		}},
		{name: "FHN", I: 1, mk: func() (sim.Population, error) {
			p := neuron.DefaultFHN()
			p.V0, p.Noise = u(-1, 1), 0.05
			return pop(neuron.NewFHN(nState, p))
		}},
		{name: "LeakyIntegrator", I: 5, mk: func() (sim.Population, error) {
			p := neuron.DefaultLeakyIntegrator()
			p.V0, p.Noise = u(0, 5), 1
			return pop(neuron.NewLeakyIntegrator(nState, p))
		}},
		{name: "SpikeTimes", spiking: true, mk: func() (sim.Population, error) {
			var idx []int
			var ts []float64
			for i := range nState {
				idx, ts = append(idx, i, i), append(ts, 0.7*float64(i), 30+0.3*float64(i))
			}
			return pop(neuron.NewSpikeTimes(nState, idx, ts))
		}},
		{name: "Custom", I: 2, spiking: true, mk: func() (sim.Population, error) {
			return pop(neuron.NewCustom(nState, neuron.CustomParams{
				Vars: []string{"V", "a"},
				F: func(_ float64, y, in, dy []float64) {
					n := len(in)
					for i := range n {
						dy[i] = (-y[i] - y[n+i] + in[i]) / 10
						dy[n+i] = -y[n+i] / 50
					}
				},
				VTh: 1, VReset: 0, OnSpike: func(x []float64) { x[1] += 0.2 },
				Init: map[string]initial.Init{"V": u(0, 1)},
			}))
		}},
	}
}

// runState runs c for t1 ms with th1 threads, checkpoints, restores into a
// fresh population with th2 threads and runs t2 ms; it returns the results
// of both parts and of an uninterrupted run of t1+t2 ms.
func runState(t *testing.T, c stateCase, t1, t2 float64, th1, th2 int) (first, rest, all *sim.Results) {
	t.Helper()
	build := func() *sim.Network {
		p, err := c.mk()
		if err != nil {
			t.Fatal(err)
		}
		net := sim.NewNetwork(4)
		if err := net.Add("P", p); err != nil {
			t.Fatal(err)
		}
		return net
	}
	mons := []string{"P.spike"}
	p, _ := c.mk()
	for _, v := range p.VarNames() {
		mons = append(mons, "P."+v)
	}
	var in []sim.Input
	if p.Var("input") != nil || slices.Contains(p.VarNames(), "input") {
		in = []sim.Input{sim.Const("P.input", c.I)}
	}
	opt := func(th int) sim.Options {
		return sim.Options{Dt: 0.1, Threads: th, Monitors: sim.Mon(mons...), Inputs: in}
	}
	ok := func(r *sim.Runner, err error) *sim.Runner {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	runFor := func(r *sim.Runner, d float64) *sim.Results {
		t.Helper()
		res, err := r.Run(d)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	all = runFor(ok(sim.NewRunner(build(), opt(th1))), t1+t2)
	r := ok(sim.NewRunner(build(), opt(th1)))
	first = runFor(r, t1)
	var buf bytes.Buffer
	if err := r.Checkpoint(&buf); err != nil {
		t.Fatal(err)
	}
	rest = runFor(ok(sim.Restore(build(), opt(th2), &buf)), t2)
	return first, rest, all
}

// TestStateResume: every population of the package, checkpointed after
// 23.4 ms and restored with another thread count (1 → 3, 2 → 1), gives the
// spikes and the traces of every variable of the uninterrupted 40 ms run,
// bit for bit (with noise, which is keyed by step and neuron).
func TestStateResume(t *testing.T) {
	for _, c := range stateCases() {
		for _, th := range [][2]int{{1, 3}, {2, 1}} {
			t.Run(c.name, func(t *testing.T) {
				first, rest, all := runState(t, c, 23.4, 16.6, th[0], th[1])
				a, b, w := first.Spikes["P.spike"], rest.Spikes["P.spike"], all.Spikes["P.spike"]
				if c.spiking && (len(a.I) == 0 || len(b.I) == 0) {
					t.Errorf("%d spikes before the checkpoint, %d after: want some in both", len(a.I), len(b.I))
				}
				if !slices.Equal(append(slices.Clone(a.I), b.I...), w.I) || !slices.Equal(append(slices.Clone(a.T), b.T...), w.T) {
					t.Errorf("resumed spikes differ (%d+%d events, want %d)", len(a.I), len(b.I), len(w.I))
				}
				for _, k := range all.TraceKeys() {
					got, want := append(slices.Clone(first.Traces[k].Data), rest.Traces[k].Data...), all.Traces[k].Data
					if len(got) != len(want) {
						t.Fatalf("%s: %d samples, want %d", k, len(got), len(want))
					}
					for q := range got {
						if math.Float64bits(got[q]) != math.Float64bits(want[q]) {
							t.Errorf("%s: sample %d = %v after the restore, %v uninterrupted", k, q, got[q], want[q])
							break
						}
					}
				}
			})
		}
	}
}

// TestFingerprint: every population describes its parameters by value
// (initial values by their String, no addresses, no function pointers),
// and the description changes with a parameter.
func TestFingerprint(t *testing.T) {
	for _, c := range stateCases() {
		p1, err1 := c.mk()
		p2, err2 := c.mk()
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		f1, f2 := p1.(sim.Fingerprinter).Fingerprint(), p2.(sim.Fingerprinter).Fingerprint()
		if f1 != f2 {
			t.Errorf("%s: two equal populations: %q and %q", c.name, f1, f2)
		}
		for _, bad := range []string{"0x", "%!"} {
			if strings.Contains(f1, bad) {
				t.Errorf("%s: fingerprint %q contains %q", c.name, f1, bad)
			}
		}
	}
	lif := func(tau float64) string {
		p := neuron.DefaultLIF()
		p.Tau, p.V0 = tau, initial.Normal(-55, 2)
		l, err := neuron.NewLIF(3, p)
		if err != nil {
			t.Fatal(err)
		}
		return l.Fingerprint()
	}
	if f := lif(10); !strings.Contains(f, "Tau:10") || !strings.Contains(f, "Normal(-55, 2)") || !strings.Contains(f, "LIFParams") {
		t.Errorf("LIF fingerprint %q does not describe Tau, V0 and the type", f)
	}
	if lif(10) == lif(11) {
		t.Errorf("Tau 10 and 11 give the same fingerprint %q", lif(10))
	}
	st := func(ts ...float64) string {
		s, err := neuron.NewSpikeTimes(2, []int{0, 1}, ts)
		if err != nil {
			t.Fatal(err)
		}
		return s.Fingerprint()
	}
	if st(1, 2) == st(1, 2.5) {
		t.Errorf("SpikeTimes with other times give the same fingerprint %q", st(1, 2))
	}
}
