package neuron

import (
	"fmt"
	"math"
	"sort"

	"github.com/brainsim/brainsim/sim"
)

// SpikeTimes is a population that emits given spikes: neuron Indices[q]
// fires at the first step whose time is >= Times[q] ms (BrainPy's
// SpikeTimeGroup). It has no variables besides its spikes.
type SpikeTimes struct {
	sim.Membership // a node belongs to one network
	n              int
	idx            []int32 // every event's neuron (global indices)
	times          []float64
	steps          []int64 // event steps, sorted with idx
	order          []int32 // event neuron indices sorted by (step, index), local to this rank's share
	spike          []bool
}

// NewSpikeTimes returns a spike source of n neurons emitting the events
// (indices[q], times[q]); the two slices must have equal lengths, indices
// must be in [0, n) and times finite and >= 0.
func NewSpikeTimes(n int, indices []int, times []float64) (*SpikeTimes, error) {
	const m = "SpikeTimes"
	if n <= 0 {
		return nil, paramError(m, "size", n, "must be > 0")
	}
	if len(indices) != len(times) {
		return nil, fmt.Errorf("neuron: SpikeTimes: %d indices but %d times: the lengths must match", len(indices), len(times))
	}
	s := &SpikeTimes{n: n, idx: make([]int32, len(indices)), times: append([]float64(nil), times...)}
	for q, i := range indices {
		if i < 0 || i >= n {
			return nil, paramError(m, fmt.Sprintf("indices[%d]", q), i, fmt.Sprintf("must be in [0, %d)", n))
		}
		if !(times[q] >= 0) || math.IsInf(times[q], 0) {
			return nil, paramError(m, fmt.Sprintf("times[%d]", q), times[q], "must be a finite time in ms >= 0")
		}
		s.idx[q] = int32(i)
	}
	return s, nil
}

// Size implements sim.Population.
func (s *SpikeTimes) Size() int { return s.n }

// Init implements sim.Population.
func (s *SpikeTimes) Init(env *sim.Env) error {
	type ev struct {
		k int64
		i int32
	}
	off, stride, local := env.Offset, env.Step(), env.Local()
	evs := make([]ev, 0, len(s.idx))
	for q, i := range s.idx {
		k, err := env.Steps(fmt.Sprintf("neuron: SpikeTimes time %d", q), s.times[q], sim.Ceil)
		if err != nil {
			return err
		}
		if d := int(i) - off; d >= 0 && d%stride == 0 && d/stride < local { // the events of this rank's neurons
			evs = append(evs, ev{k, int32(d / stride)})
		}
	}
	sort.Slice(evs, func(a, b int) bool {
		if evs[a].k != evs[b].k {
			return evs[a].k < evs[b].k
		}
		return evs[a].i < evs[b].i
	})
	s.steps, s.order = make([]int64, len(evs)), make([]int32, len(evs))
	for q, e := range evs {
		s.steps[q], s.order[q] = e.k, e.i
	}
	s.spike = make([]bool, env.Local())
	return nil
}

// Update implements sim.Population. Events of a step are emitted once even
// if one neuron is listed twice.
func (s *SpikeTimes) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	clear(s.spike[lo:hi])
	// find the events of step k (binary search: blocks run concurrently, so
	// no shared cursor is advanced here)
	a := sort.Search(len(s.steps), func(q int) bool { return s.steps[q] >= k })
	for q := a; q < len(s.steps) && s.steps[q] == k; q++ {
		i := s.order[q]
		if int(i) >= lo && int(i) < hi && !s.spike[i] {
			s.spike[i] = true
			spikes = append(spikes, i)
		}
	}
	return spikes
}

// Var implements sim.Population; SpikeTimes has no float variables.
func (s *SpikeTimes) Var(string) []float64 { return nil }

// VarNames implements sim.Population.
func (s *SpikeTimes) VarNames() []string { return nil }

// Spike implements sim.Population.
func (s *SpikeTimes) Spike() []bool { return s.spike }
