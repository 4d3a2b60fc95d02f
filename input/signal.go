package input

import "github.com/brainsim/brainsim/sim"

// Signal is a multi-channel signal sampled once per step: the value of
// channel i at row r is Data[r·N+i]. Wiener and OU return Signals; a Signal
// is also a sim.Source, so it can drive a population directly:
//
//	sim.Input{Target: "E.input", Source: sig}
//
// As a Source, row r is applied at runner step Offset+r, channel i to
// neuron i (a one-channel signal applies its value to every neuron), and
// steps or neurons beyond the signal get 0. Data must not be modified
// during a run.
type Signal struct {
	// N is the number of channels (>= 1).
	N int
	// Data holds the values, row-major: len(Data) = Steps()·N.
	Data []float64
	// Offset is the runner step at which row 0 applies as a Source: 0 is
	// the first step of the first Run; set it to Runner.Step() to start a
	// signal at the beginning of a later Run.
	Offset int64
}

// Steps returns the number of rows.
func (s *Signal) Steps() int {
	if s.N <= 0 {
		return 0
	}
	return len(s.Data) / s.N
}

// At returns channel i of row r.
func (s *Signal) At(r, i int) float64 { return s.Data[r*s.N+i] }

// Channel returns a copy of channel i, one value per row.
func (s *Signal) Channel(i int) []float64 {
	out := make([]float64, s.Steps())
	for r := range out {
		out[r] = s.Data[r*s.N+i]
	}
	return out
}

// Values implements sim.Source: dst[j] is channel lo+j of row k−Offset (or
// its only channel when N = 1), 0 outside the signal.
func (s *Signal) Values(k int64, _ float64, lo, hi int, dst []float64) {
	r := k - s.Offset
	if r < 0 || r >= int64(s.Steps()) {
		clear(dst)
		return
	}
	row := s.Data[int(r)*s.N : int(r+1)*s.N]
	if s.N == 1 {
		for j := range dst {
			dst[j] = row[0]
		}
		return
	}
	for j := range dst {
		if i := lo + j; i < len(row) {
			dst[j] = row[i]
		} else {
			dst[j] = 0
		}
	}
}

// Series returns a runner input adding values[k] to every neuron of target
// ("P.input") at step k, and 0 after the end of values: the counterpart of
// passing a per-step array to BrainPy's runner. The step index comes from
// the runner, so no dt is involved: build values with the runner's dt. For
// a later Run, or other operations than "+", set the fields of the Signal
// and Input yourself.
func Series(target string, values []float64) sim.Input {
	return sim.Input{Target: target, Source: &Signal{N: 1, Data: values}, Op: "+"}
}
