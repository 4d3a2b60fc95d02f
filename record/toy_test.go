package record_test

import (
	"testing"

	"github.com/brainsim/brainsim/sim"
)

// counter is a population with checkpointable state (the LIF model does
// not implement sim.Stateful yet): V[i] grows by input·(1 + i%7)/7 per
// step, and the neuron spikes and resets when V reaches 10.
type counter struct {
	sim.Membership
	n     int
	v, in []float64
	spk   []bool
}

func (p *counter) Size() int { return p.n }
func (p *counter) Init(*sim.Env) error {
	p.v, p.in, p.spk = make([]float64, p.n), make([]float64, p.n), make([]bool, p.n)
	return nil
}
func (p *counter) Update(_ int64, _ float64, lo, hi int, s []int32) []int32 {
	for i := lo; i < hi; i++ {
		p.v[i] += p.in[i] * float64(1+i%7) / 7
		p.spk[i] = p.v[i] >= 10
		if p.spk[i] {
			p.v[i] = 0
			s = append(s, int32(i))
		}
	}
	return s
}
func (p *counter) Var(name string) []float64 {
	return map[string][]float64{"V": p.v, "input": p.in}[name]
}
func (p *counter) VarNames() []string           { return []string{"V", "input"} }
func (p *counter) Spike() []bool                { return p.spk }
func (p *counter) SaveState(w *sim.StateWriter) { w.Float64s("V", p.v); w.Bools("spike", p.spk) }
func (p *counter) LoadState(r *sim.StateReader) { r.Float64s("V", p.v); r.Bools("spike", p.spk) }
func (p *counter) Fingerprint() string          { return "counter" }

// toyNet is a checkpointable network with the populations of COBA: E
// (3200) and I (800) counters.
func toyNet(t testing.TB) (*sim.Network, sim.Options) {
	t.Helper()
	net := sim.NewNetwork(1)
	for _, p := range []struct {
		name string
		n    int
	}{{"E", 3200}, {"I", 800}} {
		if err := net.Add(p.name, &counter{n: p.n}); err != nil {
			t.Fatal(err)
		}
	}
	return net, sim.Options{Threads: 2, Monitors: testMons, Inputs: []sim.Input{sim.Const("E.input", 0.5), sim.Const("I.input", 0.3)}}
}
