package sim

import (
	"fmt"
	"strings"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/internal/guard"
)

// boundMonitor is a Monitor resolved against a network.
type boundMonitor struct {
	key   string
	pop   int // spike monitors: population index; -1 for traces
	size  int
	mask  []bool
	src   []float64  // the variable's values held here
	share dist.Share // which neurons src holds (all, on one rank)
	index []int
	every int64
	spk   *SpikeRecord
	tr    *Trace
	cols  [][]int  // over several ranks: per rank, the trace columns it owns
	held  []uint32 // over several ranks, a per-synapse variable: the synapses this rank holds
	chunk *chunk   // streaming: the chunk being filled
	// streaming: events or samples sent to the sink over all runs, and
	// the count when the current run started
	streamed, runStart int64
}

func (r *Runner) bindMonitors(ms []Monitor) error {
	keys := map[string]bool{}
	for n, m := range ms {
		node, v, ok := strings.Cut(m.Name, ".")
		if !ok {
			return fmt.Errorf("sim: Monitors[%d].Name = %q: want \"node.variable\"; valid names: %s", n, m.Name, strings.Join(r.monitorNames(), ", "))
		}
		key := m.Key
		if key == "" {
			key = m.Name
		}
		if keys[key] {
			return fmt.Errorf("sim: Monitors[%d]: key %q is used twice; set Monitor.Key to tell them apart", n, key)
		}
		keys[key] = true
		if m.Every < 0 {
			return fmt.Errorf("sim: Monitors[%d].Every = %d: must be >= 0 (0 means every step)", n, m.Every)
		}
		b := boundMonitor{key: key, pop: -1, every: int64(max(m.Every, 1)), share: dist.Share{Stride: 1}}
		var size int
		owner := -1 // the population whose neurons the variable is indexed by
		if pi := r.popIndex(node); pi >= 0 && v == "spike" {
			b.pop, size = pi, r.net.pops[pi].pop.Size()
		} else {
			b.src = r.varOf(node, v)
			if b.src == nil {
				return fmt.Errorf("sim: Monitors[%d].Name = %q: no such variable; valid names: %s", n, m.Name, strings.Join(r.monitorNames(), ", "))
			}
			size = len(b.src)
			owner = r.varOwner(node, v, len(b.src))
			if owner >= 0 {
				b.share, size = r.shares[owner], r.net.pops[owner].pop.Size()
			}
		}
		for c, i := range m.Index {
			if i < 0 || i >= size {
				return fmt.Errorf("sim: Monitors[%d].Index[%d] = %d: must be in [0, %d) for %q", n, c, i, size, m.Name)
			}
		}
		if b.pop >= 0 {
			if m.Index != nil {
				b.mask = make([]bool, size)
				for _, i := range m.Index {
					b.mask[i] = true
				}
			}
		} else {
			b.index = m.Index
			if b.index == nil {
				b.index = make([]int, size)
				for i := range b.index {
					b.index[i] = i
				}
			}
		}
		b.size = size
		if r.ranks != nil && b.pop < 0 {
			sender := owner // the population whose ranges say which rank sends a value
			if owner < 0 {
				switch r.varAxis(node, v, len(b.src)) {
				case AxisSynapse: // the rank that holds a synapse sends its value
					h, ok := r.net.projs[r.projIndex(node)].proj.(SynapseHolder)
					if !ok {
						return fmt.Errorf("sim: Monitors[%d].Name = %q: a per-synapse variable of a projection that does not say which synapses a rank holds (sim.SynapseHolder) cannot be recorded over %d ranks", n, m.Name, r.ranks.size)
					}
					b.held = h.HeldSynapses() // the owners are found after the ranks agree (synapseOwners)
					r.mons = append(r.mons, b)
					continue
				case AxisPre: // every rank holds it whole; a pre neuron's owner has all its spikes
					sender = r.net.projs[r.projIndex(node)].pre
				}
			}
			r.traceOwners(&b, sender)
		}
		r.mons = append(r.mons, b)
	}
	return nil
}

// varAxis returns the axis of variable v of projection node (whose
// variable has n values here), AxisPost for a population's variable.
func (r *Runner) varAxis(node, v string, n int) Axis {
	i := r.projIndex(node)
	if i < 0 {
		return AxisPost
	}
	p := r.net.projs[i]
	if a, ok := p.proj.(AxisReporter); ok {
		return a.VarAxis(v)
	}
	switch n {
	case r.local(p.post):
		return AxisPost
	case p.proj.Pre().Size():
		return AxisPre
	}
	return AxisSynapse
}

// varOwner returns the population whose neurons (the share held here)
// index variable v of node (n values), or -1 for a projection's variable
// per pre neuron or per synapse.
func (r *Runner) varOwner(node, v string, n int) int {
	if pi := r.popIndex(node); pi >= 0 {
		return pi
	}
	if r.varAxis(node, v, n) == AxisPost {
		return r.net.projs[r.projIndex(node)].post
	}
	return -1
}

func (r *Runner) projIndex(name string) int {
	for i, p := range r.net.projs {
		if p.name == name {
			return i
		}
	}
	return -1
}

func (r *Runner) varOf(node, v string) []float64 {
	if p := r.net.Population(node); p != nil {
		return p.Var(v)
	}
	if p := r.net.Projection(node); p != nil {
		return p.Var(v)
	}
	return nil
}

func (r *Runner) monitorNames() []string {
	var s []string
	for _, p := range r.net.pops {
		s = append(s, p.name+".spike")
		for _, v := range p.pop.VarNames() {
			s = append(s, p.name+"."+v)
		}
	}
	for _, p := range r.net.projs {
		for _, v := range p.proj.VarNames() {
			s = append(s, p.name+"."+v)
		}
	}
	return s
}

// start prepares empty records for a run of steps steps from step k0,
// after counting a trace's preallocated samples against budget.
func (m *boundMonitor) start(k0, steps int64, dt float64, res *Results, budget *guard.Budget) error {
	if m.pop >= 0 {
		m.spk = &SpikeRecord{N: m.size}
		res.Spikes[m.key] = m.spk
		return nil
	}
	first := (k0 + m.every - 1) / m.every * m.every
	rows := int64(0)
	if first < k0+steps {
		rows = (k0+steps-1-first)/m.every + 1
	}
	if err := budget.Reserve(fmt.Sprintf("sim: monitor %q: %d samples of %d values", m.key, rows, len(m.index)),
		rows, 8*int64(len(m.index)+1), "record fewer values (Monitor.Index), less often (Monitor.Every) or run in shorter pieces"); err != nil {
		return err
	}
	m.tr = &Trace{Index: m.index, T: make([]float64, 0, rows), Data: make([]float64, 0, rows*int64(len(m.index)))}
	res.Traces[m.key] = m.tr
	return nil
}

// recordSpikes records spike monitor m at step k (time t), in memory or
// to the sink.
func (r *Runner) recordSpikes(m *boundMonitor, k int64, t float64, spikes []int32) error {
	if r.stream != nil {
		return r.streamSpikes(m, t, spikes)
	}
	for _, i := range spikes {
		if m.mask == nil || m.mask[i] {
			m.spk.T = append(m.spk.T, t)
			m.spk.I = append(m.spk.I, i)
		}
	}
	return nil
}

// recordSrc records trace m at step k from its variable.
func (r *Runner) recordSrc(m *boundMonitor, k int64, t float64) error {
	if r.stream != nil {
		return r.streamRow(m, t, nil)
	}
	m.tr.T = append(m.tr.T, t)
	for _, i := range m.index { // one rank: src holds every neuron
		m.tr.Data = append(m.tr.Data, m.src[i])
	}
	return nil
}

// recordRow records trace m at step k from row (one value per column).
func (r *Runner) recordRow(m *boundMonitor, k int64, t float64, row []float64) error {
	if r.stream != nil {
		return r.streamRow(m, t, row)
	}
	m.tr.T = append(m.tr.T, t)
	m.tr.Data = append(m.tr.Data, row...)
	return nil
}
