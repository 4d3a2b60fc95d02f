package neuron

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/sim"
)

// Checkpoints (sim.Stateful) and parameter descriptions
// (sim.Fingerprinter) of the populations.
//
// A population saves what its next Update reads: its variables, the step
// of every neuron's last spike (refractoriness) and the spike flags (read
// by projections such as STDP, and by the monitors). It does not save, as
// the next step does not read them:
//   - "input": the runner clears it at the start of every step;
//   - the Jumps accumulator: every Update empties it;
//   - the conductances of hosted channels (sim.Channel.G): they belong to
//     the projection that attached them, which saves them;
//   - derived constants (decay factors, refractory steps, noise keys) and
//     per-call caches (phiCache): Init recomputes them from the parameters,
//     which Fingerprint describes.

// SaveState implements sim.Stateful: the variables in the order of
// VarNames, "last spike" (step of each neuron's last spike) and "spike".
func (b *base) SaveState(w *sim.StateWriter) {
	for _, s := range b.vars {
		w.Float64s(s.name, *s.v)
	}
	w.Int64s("last spike", b.last)
	w.Bools("spike", b.spike)
}

// LoadState implements sim.Stateful.
func (b *base) LoadState(r *sim.StateReader) {
	for _, s := range b.vars {
		r.Float64s(s.name, *s.v)
	}
	r.Int64s("last spike", b.last)
	r.Bools("spike", b.spike)
}

// SaveState implements sim.Stateful: "V", "last spike" and "spike".
func (l *LIF) SaveState(w *sim.StateWriter) {
	w.Float64s("V", l.v)
	w.Int64s("last spike", l.last)
	w.Bools("spike", l.spike)
}

// LoadState implements sim.Stateful.
func (l *LIF) LoadState(r *sim.StateReader) {
	r.Float64s("V", l.v)
	r.Int64s("last spike", l.last)
	r.Bools("spike", l.spike)
}

// SaveState implements sim.Stateful: the variables of Vars, in order, and
// "spike".
func (c *Custom) SaveState(w *sim.StateWriter) {
	for k, name := range c.p.Vars {
		w.Float64s(name, c.vars[k])
	}
	w.Bools("spike", c.spike)
}

// LoadState implements sim.Stateful.
func (c *Custom) LoadState(r *sim.StateReader) {
	for k, name := range c.p.Vars {
		r.Float64s(name, c.vars[k])
	}
	r.Bools("spike", c.spike)
}

// SaveState implements sim.Stateful: "spike" (the events are parameters).
func (s *SpikeTimes) SaveState(w *sim.StateWriter) { w.Bools("spike", s.spike) }

// LoadState implements sim.Stateful.
func (s *SpikeTimes) LoadState(r *sim.StateReader) { r.Bools("spike", s.spike) }

// params describes a parameter struct: its type and fields, with initial
// values through their String methods.
func params(p any) string { return fmt.Sprintf("%T%+v", p, p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (l *LIF) Fingerprint() string { return params(l.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *ExpIF) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *AdExIF) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *QuaIF) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *AdQuaIF) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *GIF) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *Izhikevich) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *HH) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *MorrisLecar) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *WangBuzsaki) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *HindmarshRose) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *FHN) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the parameters.
func (m *LeakyIntegrator) Fingerprint() string { return params(m.p) }

// Fingerprint implements sim.Fingerprinter: the number of events and a
// hash of the (neuron, time) pairs.
func (s *SpikeTimes) Fingerprint() string {
	h := fnv.New64a()
	fmt.Fprint(h, s.idx, s.times)
	return fmt.Sprintf("SpikeTimes(events=%d, fnv=%016x)", len(s.idx), h.Sum64())
}

// Fingerprint implements sim.Fingerprinter: the variables, method,
// threshold, reset and initial values. The functions F, Diag and OnSpike
// cannot be compared; only whether Diag and OnSpike are set is described.
func (c *Custom) Fingerprint() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Custom(Vars=%q, Method=%q, VTh=%v, VReset=%v, Diag=%v, OnSpike=%v, Init={",
		c.p.Vars, c.p.Method, c.p.VTh, c.p.VReset, c.p.Diag != nil, c.p.OnSpike != nil)
	names := make([]string, 0, len(c.p.Init))
	for name := range c.p.Init {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "%s:%v ", name, c.p.Init[name])
	}
	b.WriteString("})")
	return b.String()
}

// node is what every population of the package implements.
type node interface {
	sim.Population
	sim.Stateful
	sim.Fingerprinter
}

var (
	_ node = (*LIF)(nil)
	_ node = (*ExpIF)(nil)
	_ node = (*AdExIF)(nil)
	_ node = (*QuaIF)(nil)
	_ node = (*AdQuaIF)(nil)
	_ node = (*GIF)(nil)
	_ node = (*Izhikevich)(nil)
	_ node = (*HH)(nil)
	_ node = (*MorrisLecar)(nil)
	_ node = (*WangBuzsaki)(nil)
	_ node = (*HindmarshRose)(nil)
	_ node = (*FHN)(nil)
	_ node = (*LeakyIntegrator)(nil)
	_ node = (*SpikeTimes)(nil)
	_ node = (*Custom)(nil)
)

// SaveState implements sim.Stateful: every state variable and per-neuron
// parameter (parameters can be changed by inputs) in the order of the
// model, "last spike" and "spike". Not saved: "input" (cleared every
// step), shared parameters (set from Values by Init, read-only), and what
// Init derives (per-neuron refractory steps, compiled programs).
func (q *EqPopulation) SaveState(w *sim.StateWriter) {
	r := q.run
	for i, v := range q.layout.vars {
		if q.layout.class[i] == cVector && v.Name != "input" {
			w.Float64s(v.Name, r.arrays[i])
		}
	}
	w.Int64s("last spike", r.last)
	w.Bools("spike", r.spike)
}

// LoadState implements sim.Stateful.
func (q *EqPopulation) LoadState(rd *sim.StateReader) {
	r := q.run
	for i, v := range q.layout.vars {
		if q.layout.class[i] == cVector && v.Name != "input" {
			rd.Float64s(v.Name, r.arrays[i])
		}
	}
	rd.Int64s("last spike", r.last)
	rd.Bools("spike", r.spike)
}

// Fingerprint implements sim.Fingerprinter: the model text, the threshold,
// reset, refractoriness, method, unit mode and Values (slices by length
// and hash).
func (q *EqPopulation) Fingerprint() string {
	p := q.p
	return fmt.Sprintf("EqPopulation(model=%q, Threshold=%q, Reset=%q, Refractory=%q, Method=%q, Units=%v, Values=%s)",
		q.text, p.Threshold, p.Reset, p.Refractory, q.method, p.Units, compile.DescribeValues(p.Values))
}

var _ node = (*EqPopulation)(nil)
