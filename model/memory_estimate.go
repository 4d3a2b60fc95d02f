package model

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/internal/guard"
)

// Memory is the estimate of what a run of the model holds in memory,
// computed from the file alone (nothing is built): the state of every
// population, the synapses of every projection, the input signals and the
// buffers of every monitor's streamed records.
type Memory struct {
	// Items lists the estimate entry by entry, in file order:
	// populations, projections, inputs, then monitors.
	Items []MemoryItem
	// Limit is what the run may use, in bytes: run.memory_limit, or the
	// memory available (MemAvailable) when that is 0; math.MaxInt64 when
	// neither is known.
	Limit int64
	// LimitSource says where Limit comes from.
	LimitSource string
}

// MemoryItem is one entry of a Memory estimate.
type MemoryItem struct {
	Path  string // the entry of the file: "populations.E", "monitors[0]"
	Kind  string // "state", "synapses", "input signal", "record buffers"
	What  string // the count behind the bytes: "3200 neurons × 41 B"
	Bytes int64  // saturated at math.MaxInt64
}

// Total returns the sum of the items' bytes (saturated at math.MaxInt64).
func (m Memory) Total() int64 {
	var t int64
	for _, it := range m.Items {
		if it.Bytes > math.MaxInt64-t {
			return math.MaxInt64
		}
		t += it.Bytes
	}
	return t
}

// Fits reports whether the total is within the limit.
func (m Memory) Fits() bool { return m.Total() <= m.Limit }

// Buffers of a streamed monitor (sim.Sink, record.Recorder): the chunk the
// runner fills (32 768 spike events of 12 bytes, or about 32 768 trace
// values of 8 bytes) and the recorder's two 64 KiB write buffers; shared by
// all monitors, the runner's queue of 4 chunks plus one free chunk and the
// recorder's 64 KiB scratch buffer.
const (
	spikeChunkBytes  = 32768 * 12
	traceChunkValues = 32768
	recorderBuffers  = 2 * 64 << 10
	sharedRecordBuf  = 5*spikeChunkBytes + 64<<10
)

// memItem is an item of the estimate with the record it comes from and
// the hint of its error when it does not fit.
type memItem struct {
	rec      *record
	kind     string
	what     string
	n, each  int64
	hint     string
	recorded bool // a monitor's buffers: not reserved by Build
}

func (it memItem) bytes() int64 {
	if it.n > 0 && it.each > math.MaxInt64/it.n {
		return math.MaxInt64
	}
	return it.n * it.each
}

// Memory estimates what a run of the model holds in memory, with records
// streamed to disk as the brainsim command does (a Go program keeping
// records in memory needs, besides, 12 bytes per spike event and 8 per
// trace value recorded). The counts are those Build checks against
// run.memory_limit before building: the mean for random connectors.
func (f *File) Memory() Memory {
	limit := f.top.sub("run").int("memory_limit")
	m := Memory{Limit: limit, LimitSource: "run.memory_limit"}
	if limit <= 0 {
		if a, ok := guard.Available(); ok {
			m.Limit, m.LimitSource = a, "the memory available (MemAvailable in /proc/meminfo)"
		} else {
			m.Limit, m.LimitSource = math.MaxInt64, "no limit known"
		}
	}
	for _, it := range f.memItems() {
		what := it.what
		if it.n > 0 && !it.recorded {
			what += fmt.Sprintf(" × %d B", it.each)
		}
		m.Items = append(m.Items, MemoryItem{Path: it.rec.path, Kind: it.kind, What: what, Bytes: it.bytes()})
	}
	if len(f.top.recs("monitors")) > 0 {
		m.Items = append(m.Items, MemoryItem{Path: "monitors", Kind: "record buffers", What: "queue of 5 chunks and scratch (shared)", Bytes: sharedRecordBuf})
	}
	return m
}

// memItems lists the estimate's items.
func (f *File) memItems() []memItem {
	run := f.top.sub("run")
	dt, duration := run.num("dt"), run.num("duration")
	var items []memItem
	sizes := map[string]int64{}
	for _, p := range f.top.recs("populations") {
		n := p.int("size")
		sizes[p.name] = n
		each := neuronBytes(f.reg.neuron(p.str("model")))
		if p.eq != nil {
			each = neuronBytes(p.eq.kind)
		}
		items = append(items, memItem{rec: p, kind: "state", what: fmt.Sprintf("%d neurons", n), n: n, each: each, hint: "lower the size or raise run.memory_limit"})
	}
	post := map[string]int64{}
	for _, r := range f.top.recs("projections") {
		post[r.name] = sizes[r.str("post")]
		c := r.sub("connector")
		each := int64(2)
		if w := r.get("weights"); w != nil && w.init != nil {
			each += 4
		}
		if r.eq != nil && r.eq.model != nil {
			each += 8 * int64(len(r.eq.model.States)+len(r.eq.model.Params)) // stored per synapse at most
		}
		if k := f.reg.synapse(r.str("synapse")); k != nil && k.procedural {
			items = append(items, memItem{rec: r, kind: "synapses", what: "none stored (procedural)"})
			continue
		}
		s := expectedSynapses(c, sizes[r.str("pre")], sizes[r.str("post")])
		if s < 0 {
			items = append(items, memItem{rec: r, kind: "synapses", what: "unknown (" + c.name + ")"})
			continue
		}
		s = min(s, math.MaxInt64/8)
		items = append(items, memItem{rec: r, kind: "synapses", what: fmt.Sprintf("about %.0f synapses (%s)", s, c.name), n: int64(s), each: each, hint: "lower the sizes or the connectivity"})
	}
	steps := duration/dt + 1
	for _, in := range f.top.recs("inputs") {
		ch := int64(1)
		for _, g := range []string{"wiener", "ou"} {
			if c := in.sub(g).int("channels"); c > 1 {
				ch = c
			}
		}
		gen := false
		for _, g := range generators[1:] { // series is written out in full
			gen = gen || (in.get(g) != nil && in.get(g).node != nil && g != "poisson")
		}
		if !gen {
			continue
		}
		items = append(items, memItem{rec: in, kind: "input signal", what: fmt.Sprintf("input signal of %.0f steps × %d channels", steps, ch),
			n: int64(min(steps, math.MaxInt64/16)), each: 8 * ch, hint: "shorten run.duration or use fewer channels"})
	}
	for _, mon := range f.top.recs("monitors") {
		name := mon.str("name")
		node, v := splitName(name)
		if v == "spike" {
			items = append(items, memItem{rec: mon, kind: "record buffers", what: name + ": one chunk of 32768 events and 2 × 64 KiB", n: 1, each: spikeChunkBytes + recorderBuffers, recorded: true})
			continue
		}
		width := int64(len(mon.ints("index")))
		if width == 0 {
			width = sizes[node]
			if width == 0 {
				width = post[node]
			}
		}
		vals := max(width, traceChunkValues)
		items = append(items, memItem{rec: mon, kind: "record buffers", what: fmt.Sprintf("%s: one chunk of %d values and 2 × 64 KiB", name, vals),
			n: 1, each: 8*vals + 8*max(1, vals/max(1, width)) + recorderBuffers, recorded: true})
	}
	return items
}

// splitName splits "E.V" into "E" and "V" at the last dot.
func splitName(name string) (node, v string) {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			return name[:i], name[i+1:]
		}
	}
	return name, ""
}

// reserve checks, before anything is allocated, that the populations,
// synapses and input signals of the model fit the memory budget: the
// runner counts the same memory precisely when it is built, but Build
// would allocate parameters and signals first.
func (f *File) reserve() Errors {
	b := guard.NewBudget(f.top.sub("run").int("memory_limit"))
	var errs Errors
	for _, it := range f.memItems() {
		if it.recorded || it.each == 0 {
			continue
		}
		if err := b.Reserve(it.what, it.n, it.each, it.hint); err != nil {
			errs = append(errs, &Error{File: f.filename, Line: it.rec.node.Line, Col: it.rec.node.Column, Path: it.rec.path, Msg: err.Error()})
		}
	}
	return errs
}

// PerRank returns the estimate for one of ranks ranks: a population's
// state and a projection's synapses are split (⌈bytes/ranks⌉ each: about
// ⌈n/ranks⌉ neurons and 1/ranks of the synapses); input
// signals and record buffers are held by every rank. What the estimate
// does not count on one rank is not counted here either: each rank's row
// offsets (4 bytes per pre neuron, projection and thread) and the
// gathered spike records every rank keeps.
func (m Memory) PerRank(ranks int) Memory {
	if ranks <= 1 {
		return m
	}
	out := Memory{Limit: m.Limit, LimitSource: m.LimitSource}
	for _, it := range m.Items {
		if it.Kind == "state" || it.Kind == "synapses" {
			it.Bytes = (it.Bytes + int64(ranks) - 1) / int64(ranks)
			it.What += fmt.Sprintf(", 1/%d of it", ranks)
		}
		out.Items = append(out.Items, it)
	}
	return out
}
