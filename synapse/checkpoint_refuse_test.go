package synapse_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/initial"
	chk "github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// refuseModel is a LIF population with an ExpCOBA and an STDP projection
// onto itself.
type refuseModel struct {
	n           int
	tau, tauSyn float64
	a1          float64
}

func (m refuseModel) build(t *testing.T) *sim.Network {
	t.Helper()
	p, err := neuron.NewLIF(m.n, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: m.tau, TauRef: 2, V0: initial.Uniform(-60, -50)})
	noErr(t, err)
	e, err := synapse.NewExpCOBA(p, p, fp(0.1), synapse.ExpParams{Tau: m.tauSyn, GMax: 0.5, Delay: 1})
	noErr(t, err)
	q := synapse.DefaultSTDP()
	q.A1, q.WeightInit = m.a1, initial.Uniform(0, 0.5)
	s, err := synapse.NewSTDP(p, p, fp(0.1), q, nil)
	noErr(t, err)
	net := sim.NewNetwork(2)
	noErr(t, net.Add("P", p))
	noErr(t, net.Add("exc", e))
	noErr(t, net.Add("stdp", s))
	return net
}

// TestCheckpointRefusesOtherModel: a checkpoint restores into the same
// model, and is refused by a network whose LIF Tau, synaptic Tau, STDP
// amplitude or population size differ.
func TestCheckpointRefusesOtherModel(t *testing.T) {
	opt := sim.Options{Dt: dt, Inputs: []sim.Input{sim.Const("P.input", 15)}}
	ref := refuseModel{n: 90, tau: 20, tauSyn: 5, a1: 0.96}
	r, err := sim.NewRunner(ref.build(t), opt)
	noErr(t, err)
	if _, err := r.Run(10); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	noErr(t, r.Checkpoint(&buf))
	if _, err := sim.Restore(ref.build(t), opt, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("the same model: %v", err)
	}
	for name, m := range map[string]refuseModel{
		"LIF Tau":     {n: 90, tau: 21, tauSyn: 5, a1: 0.96},
		"ExpCOBA Tau": {n: 90, tau: 20, tauSyn: 6, a1: 0.96},
		"STDP A1":     {n: 90, tau: 20, tauSyn: 5, a1: 1},
		"size":        {n: 91, tau: 20, tauSyn: 5, a1: 0.96},
	} {
		_, err := sim.Restore(m.build(t), opt, bytes.NewReader(buf.Bytes()))
		chk.Err(t, name, err, "another model")
	}
}

// TestFingerprintDeterministic: fingerprints describe parameters by value
// (no addresses), slices by their contents, and differ when a parameter
// does.
func TestFingerprintDeterministic(t *testing.T) {
	p, err := neuron.NewLIF(4, neuron.DefaultLIF())
	noErr(t, err)
	fpOf := func(q synapse.ExponentialParams) string {
		t.Helper()
		s := q.STP
		if s != nil { // a fresh pointer to an equal value
			c := *s
			q.STP = &c
		}
		e, err := synapse.NewExponential(p, p, fp(0.5), q, synapse.COBA{E: -80})
		noErr(t, err)
		return e.Fingerprint()
	}
	std := synapse.DefaultSTD()
	base := synapse.ExponentialParams{Tau: 5, Weights: []float32{0.1, 0.2}, Delay: 1.5, STP: &std}
	f0 := fpOf(base)
	if f0 != fpOf(base) {
		t.Errorf("two equal projections: %q and %q", f0, fpOf(base))
	}
	for _, bad := range []string{"0x", "%!"} {
		if strings.Contains(f0, bad) {
			t.Errorf("fingerprint %q contains %q", f0, bad)
		}
	}
	for _, want := range []string{"Exponential", "Tau:5", "Delay:1.5", "COBA(E=-80)", "FixedProb", "U:0.07"} {
		if !strings.Contains(f0, want) {
			t.Errorf("fingerprint %q does not mention %q", f0, want)
		}
	}
	other := func(f func(q *synapse.ExponentialParams)) synapse.ExponentialParams {
		q := base
		q.Weights = append([]float32(nil), base.Weights...)
		s := *base.STP
		q.STP = &s
		f(&q)
		return q
	}
	for name, q := range map[string]synapse.ExponentialParams{
		"Weights[1]": other(func(q *synapse.ExponentialParams) { q.Weights[1] = 0.25 }),
		"STP.U":      other(func(q *synapse.ExponentialParams) { q.STP.U = 0.1 }),
		"no STP":     other(func(q *synapse.ExponentialParams) { q.STP = nil }),
		"Delay":      other(func(q *synapse.ExponentialParams) { q.Delay = 2 }),
		"WeightInit Values": other(func(q *synapse.ExponentialParams) {
			q.Weights, q.WeightInit = nil, initial.Values{0.1, 0.2}
		}),
	} {
		if fpOf(q) == f0 {
			t.Errorf("%s changed, the fingerprint did not: %q", name, f0)
		}
	}
	a := fpOf(other(func(q *synapse.ExponentialParams) { q.Weights, q.WeightInit = nil, initial.Values{0.1, 0.2} }))
	b := fpOf(other(func(q *synapse.ExponentialParams) { q.Weights, q.WeightInit = nil, initial.Values{0.1, 0.3} }))
	if a == b {
		t.Errorf("WeightInit Values{0.1, 0.2} and {0.1, 0.3} give the same fingerprint %q", a)
	}
}
