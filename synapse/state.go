package synapse

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"reflect"
	"strings"

	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/sim"
)

// Checkpoints (sim.Stateful) of the projections.
//
// A projection saves what its next Update reads, once, whatever the
// number of blocks: post-sized conductances, the per-pre-neuron state
// (kinetics, short-term plasticity, STDP's pre trace: every block keeps
// an identical copy, so block 0's is saved and loaded into every block)
// and STDP's weights in the connector's CSR order (scattered back into the
// per-block rows of any thread count). Not saved, as the next step does not
// read them: the connectivity and fixed weights (NewRunner rebuilds them
// from the seed; Fingerprint describes the parameters and connector), the
// arrival buffers (Channel.Arrived, the linear projections' a, STP's
// efficacies: filled and emptied within a step), the kinetic projections'
// g and the gap current (recomputed every step before use), and the row
// buffers of procedural connectivity. Spikes in flight are in the pre
// population's delay ring, which the runner saves; a projection with
// per-synapse delays reads them from there and holds none itself.

// SaveState implements sim.Stateful: "g", the conductance. It belongs to
// the projection even when the post population hosts the channel
// (sim.ChannelHost), so it is saved here only.
func (e *Exp) SaveState(w *sim.StateWriter) { w.Float64s("g", e.ch.G) }

// LoadState implements sim.Stateful.
func (e *Exp) LoadState(r *sim.StateReader) { r.Float64s("g", e.ch.G) }

// SaveState implements sim.Stateful: "g" (Exponential, DualExp, Alpha),
// "h" (DualExp, Alpha), "last post spike" (Delta onto a population without
// Jumps), and the short-term plasticity "u" (STP) and "x".
func (l *linear) SaveState(w *sim.StateWriter) {
	if l.g != nil {
		w.Float64s("g", l.g)
	}
	if l.h != nil {
		w.Float64s("h", l.h)
	}
	if l.last != nil {
		w.Int64s("last post spike", l.last)
	}
	if l.st != nil {
		w.SetAxis(sim.AxisPre)
		bl := &l.st.blocks[0]
		if bl.u != nil {
			w.Float64s("u", bl.u)
		}
		w.Float64s("x", bl.x)
	}
}

// LoadState implements sim.Stateful.
func (l *linear) LoadState(r *sim.StateReader) {
	if l.g != nil {
		r.Float64s("g", l.g)
	}
	if l.h != nil {
		r.Float64s("h", l.h)
	}
	if l.last != nil {
		r.Int64s("last post spike", l.last)
	}
	if l.st != nil {
		b0 := &l.st.blocks[0]
		if b0.u != nil {
			r.Float64s("u", b0.u)
		}
		r.Float64s("x", b0.x)
		for b := 1; b < len(l.st.blocks); b++ {
			bl := &l.st.blocks[b]
			copy(bl.u, b0.u)
			copy(bl.x, b0.x)
		}
	}
}

// SaveState implements sim.Stateful: the per-pre-neuron "s", "x" (NMDA,
// BioNMDA) and "last arrival" (the step of the last arriving spike, which
// times the transmitter pulse).
func (p *alignPre) SaveState(w *sim.StateWriter) {
	st := &p.blocks[0]
	w.SetAxis(sim.AxisPre)
	w.Float64s("s", st.s)
	if st.x != nil {
		w.Float64s("x", st.x)
	}
	w.Int64s("last arrival", st.last)
}

// LoadState implements sim.Stateful: block 0's copy is read and copied to
// every block.
func (p *alignPre) LoadState(r *sim.StateReader) {
	b0 := &p.blocks[0]
	r.Float64s("s", b0.s)
	if b0.x != nil {
		r.Float64s("x", b0.x)
	}
	r.Int64s("last arrival", b0.last)
	for b := 1; b < len(p.blocks); b++ {
		st := &p.blocks[b]
		copy(st.s, b0.s)
		copy(st.x, b0.x)
		copy(st.last, b0.last)
	}
}

// SaveState implements sim.Stateful: "g", "apost" (post-sized), "apre"
// (pre-sized) and the plastic weights "w" in the connector's CSR order.
func (s *STDP) SaveState(w *sim.StateWriter) {
	w.Float64s("g", s.g)
	w.Float64s("apost", s.apost)
	w.SetAxis(sim.AxisPre)
	w.Float64s("apre", s.apre[0])
	w.SetAxis(sim.AxisSynapse)
	w.Float32s("w", s.Weights())
}

// LoadState implements sim.Stateful: the weights are scattered into the
// rows of every block (and the "w" view, if a monitor asked for it).
func (s *STDP) LoadState(r *sim.StateReader) {
	r.Float64s("g", s.g)
	r.Float64s("apost", s.apost)
	r.Float64s("apre", s.apre[0])
	for b := 1; b < len(s.apre); b++ {
		copy(s.apre[b], s.apre[0])
	}
	w := make([]float32, s.nnz) // as large as the network's own weights
	r.Float32s("w", w)
	if r.Err() != nil {
		return
	}
	for b := range s.rows {
		for q, p := range s.pos[b] {
			s.rows[b].W[q] = w[p]
		}
	}
	if s.view != nil {
		for q, x := range w {
			s.view[q] = float64(x)
		}
	}
}

// SaveState implements sim.Stateful: a gap junction has no state (its
// current is recomputed every step from the potentials).
func (g *GapJunction) SaveState(*sim.StateWriter) {}

// LoadState implements sim.Stateful.
func (g *GapJunction) LoadState(*sim.StateReader) {}

// Fingerprint implements sim.Fingerprinter: the kind, parameters and
// connector.
func (e *Exp) Fingerprint() string {
	return fmt.Sprintf("%s %s conn=%s", e.kind, describe(e.p), e.conn)
}

// Fingerprint implements sim.Fingerprinter: the kind, parameters, output
// and connector.
func (l *linear) Fingerprint() string {
	return fmt.Sprintf("%s %s out=%v conn=%s", l.kind, describe(l.par), l.out, l.conn)
}

// Fingerprint implements sim.Fingerprinter: the kind, parameters, output
// and connector.
func (p *alignPre) Fingerprint() string {
	return fmt.Sprintf("%s %s out=%v conn=%s", p.kind, describe(p.par), p.out, p.conn)
}

// Fingerprint implements sim.Fingerprinter: the parameters, output and
// connector.
func (s *STDP) Fingerprint() string {
	return fmt.Sprintf("%s %s out=%v conn=%s", s.kind, describe(s.p), s.out, s.conn)
}

// Fingerprint implements sim.Fingerprinter: the parameters and connector.
func (g *GapJunction) Fingerprint() string {
	return fmt.Sprintf("GapJunction %s conn=%s", describe(g.par), g.conn)
}

// describe returns "%T%+v" of the parameter struct p, with every slice
// field (Weights, Delays) and every initialiser holding a slice
// (initial.Values) replaced by its length and an FNV hash of its values,
// and pointer fields (STP) by the value they point to, so that the text is
// deterministic and short.
func describe(p any) string {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Struct {
		return fmt.Sprintf("%T%+v", p, p)
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	var extra strings.Builder
	for i := 0; i < c.NumField(); i++ {
		f, name := c.Field(i), c.Type().Field(i).Name
		switch {
		case f.Kind() == reflect.Slice:
			fmt.Fprintf(&extra, " %s=%s", name, hashSlice(f))
			f.SetZero()
		case f.Kind() == reflect.Interface && !f.IsNil() && f.Elem().Kind() == reflect.Slice:
			fmt.Fprintf(&extra, " %s=%T%s", name, f.Interface(), hashSlice(f.Elem()))
			f.SetZero()
		case f.Kind() == reflect.Pointer:
			if !f.IsNil() {
				fmt.Fprintf(&extra, " %s=&%+v", name, f.Elem().Interface())
			}
			f.SetZero()
		}
	}
	return fmt.Sprintf("%T%+v%s", p, c.Interface(), extra.String())
}

// hashSlice describes a slice by its length and a hash of its values.
func hashSlice(v reflect.Value) string {
	if v.IsNil() {
		return "nil"
	}
	h := fnv.New64a()
	var b [8]byte
	for i := 0; i < v.Len(); i++ { // element by element: a slice type's String (initial.Values) hides them
		switch e := v.Index(i); e.Kind() {
		case reflect.Float32, reflect.Float64:
			binary.LittleEndian.PutUint64(b[:], math.Float64bits(e.Float()))
			h.Write(b[:])
		default:
			fmt.Fprint(h, e.Interface(), ",")
		}
	}
	return fmt.Sprintf("(len %d, fnv %016x)", v.Len(), h.Sum64())
}

// node is what every projection of the package implements.
type node interface {
	sim.Projection
	sim.Stateful
	sim.Fingerprinter
}

var (
	_ node = (*Exp)(nil)
	_ node = (*ExpProcedural)(nil)
	_ node = (*Exponential)(nil)
	_ node = (*DualExp)(nil)
	_ node = (*Alpha)(nil)
	_ node = (*Delta)(nil)
	_ node = (*AMPA)(nil)
	_ node = (*GABAa)(nil)
	_ node = (*NMDA)(nil)
	_ node = (*BioNMDA)(nil)
	_ node = (*STDP)(nil)
	_ node = (*GapJunction)(nil)
	_ node = (*EqSynapses)(nil)
)

// SaveState implements sim.Stateful: every per-synapse variable (states
// and stored parameters, in model order) and, with event-driven
// variables, "lastupdate" (the step of each synapse's last event), in the
// connector's CSR order; over ranks each rank fills the synapses it holds
// (sim.SynapseHolder) and the runner merges them. Not saved: the summed
// variables' accumulators (refilled every step) and the views.
func (s *EqSynapses) SaveState(w *sim.StateWriter) {
	r := s.run
	w.SetAxis(sim.AxisSynapse)
	v := make([]float64, r.nnz)
	for _, x := range s.vars {
		if !x.stored {
			continue
		}
		clear(v)
		for b := range r.blocks {
			blk := &r.blocks[b]
			for q, p := range blk.pos {
				v[p] = blk.arr[x.slot][q]
			}
		}
		w.Float64s(x.v.Name, v)
	}
	if r.hasEvent {
		last := make([]int64, r.nnz)
		for b := range r.blocks {
			blk := &r.blocks[b]
			for q, p := range blk.pos {
				last[p] = blk.last[q]
			}
		}
		w.Int64s("lastupdate", last)
	}
}

// LoadState implements sim.Stateful: the values are scattered into the
// blocks of any thread count (and into the views monitors asked for).
func (s *EqSynapses) LoadState(rd *sim.StateReader) {
	r := s.run
	v := make([]float64, r.nnz) // as large as the network's own
	for _, x := range s.vars {
		if !x.stored {
			continue
		}
		rd.Float64s(x.v.Name, v)
		if rd.Err() != nil {
			return
		}
		for b := range r.blocks {
			blk := &r.blocks[b]
			for q, p := range blk.pos {
				blk.arr[x.slot][q] = v[p]
			}
		}
		if view := r.views[x.slot]; view != nil {
			copy(view, v)
		}
	}
	if r.hasEvent {
		last := make([]int64, r.nnz)
		rd.Int64s("lastupdate", last)
		if rd.Err() != nil {
			return
		}
		for b := range r.blocks {
			blk := &r.blocks[b]
			for q, p := range blk.pos {
				blk.last[q] = last[p]
			}
		}
		if r.lastView != nil {
			for p, k := range last {
				r.lastView[p] = float64(k) * r.dt
			}
		}
	}
}

// Fingerprint implements sim.Fingerprinter: the model text, statements,
// delay, method, unit mode, float32 variables, Values (slices by length
// and hash) and the connector.
func (s *EqSynapses) Fingerprint() string {
	p := s.p
	return fmt.Sprintf("EqSynapses(model=%q, OnPre=%q, OnPost=%q, Delay=%v, Method=%q, Units=%v, Float32=%q, Values=%s) conn=%s",
		p.Model, p.OnPre, p.OnPost, p.Delay, s.method, p.Units, p.Float32, compile.DescribeValues(p.Values), s.conn)
}
