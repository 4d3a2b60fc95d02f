package sim

import "sort"

// Results hold what one Run recorded. Times are in ms; step k is at t = k·dt.
type Results struct {
	// Dt is the time step in ms.
	Dt float64
	// Start is the index of the run's first step; the run covers steps
	// Start … Start+Steps−1 (runs continue in time).
	Start, Steps int64
	// Spikes maps a spike monitor's key ("E.spike") to its events.
	Spikes map[string]*SpikeRecord
	// Traces maps a trace monitor's key ("E.V") to its samples.
	Traces map[string]*Trace
	// Streamed maps a monitor's key to the number of spike events or trace
	// samples this run sent to Options.Sink (nil without a sink).
	Streamed map[string]int64
}

// Ts returns the time of every step of the run: (Start+k)·dt, as BrainPy's
// mon.ts (which starts at t0).
func (r *Results) Ts() []float64 {
	ts := make([]float64, r.Steps)
	for k := range ts {
		ts[k] = float64(r.Start+int64(k)) * r.Dt
	}
	return ts
}

// SpikeKeys returns the keys of the spike records, sorted.
func (r *Results) SpikeKeys() []string { return sortedKeys(r.Spikes) }

// TraceKeys returns the keys of the trace records, sorted.
func (r *Results) TraceKeys() []string { return sortedKeys(r.Traces) }

func sortedKeys[V any](m map[string]V) []string {
	s := make([]string, 0, len(m))
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

// SpikeRecord holds spike events sorted by time, then by neuron index.
type SpikeRecord struct {
	// N is the size of the population.
	N int
	// T is the spike time in ms and I the neuron index of each event.
	T []float64
	I []int32
}

// Count returns the number of events of each neuron.
func (s *SpikeRecord) Count() []int {
	c := make([]int, s.N)
	for _, i := range s.I {
		c[i]++
	}
	return c
}

// Trace holds sampled values of a variable: row r is the sample at time T[r],
// column c the neuron (or synapse) Index[c].
type Trace struct {
	Index []int
	T     []float64
	// Data is row-major, len(T)·len(Index).
	Data []float64
}

// At returns the value of column c at row r.
func (tr *Trace) At(r, c int) float64 { return tr.Data[r*len(tr.Index)+c] }

// Column returns a copy of the samples of column c.
func (tr *Trace) Column(c int) []float64 {
	n := len(tr.Index)
	out := make([]float64, len(tr.T))
	for r := range out {
		out[r] = tr.Data[r*n+c]
	}
	return out
}
