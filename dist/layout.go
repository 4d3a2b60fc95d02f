package dist

import (
	"fmt"
	"strings"
)

// Layout says how a population's neurons are dealt out to the ranks.
type Layout int

const (
	// Contiguous gives rank r the range [Range(n, r, size)): the default.
	Contiguous Layout = iota
	// RoundRobin gives rank r the neurons r, r+size, r+2·size, … (NEST's
	// assignment), which balances a population whose activity varies
	// along its index.
	RoundRobin
)

// String returns "contiguous" or "round-robin".
func (l Layout) String() string {
	switch l {
	case Contiguous:
		return "contiguous"
	case RoundRobin:
		return "round-robin"
	}
	return fmt.Sprintf("Layout(%d)", int(l))
}

// ParseLayout reads "contiguous" or "round-robin".
func ParseLayout(s string) (Layout, error) {
	for _, l := range []Layout{Contiguous, RoundRobin} {
		if strings.EqualFold(s, l.String()) {
			return l, nil
		}
	}
	return 0, fmt.Errorf("dist: layout %q: must be \"contiguous\" or \"round-robin\"", s)
}

// Share is a rank's share of a population: its local neuron j is the
// population's neuron Off + j·Stride, for 0 <= j < N.
type Share struct{ Off, Stride, N int }

// ShareOf returns the share of rank r of size ranks in a population of n
// neurons.
func (l Layout) ShareOf(n, r, size int) Share {
	if l == RoundRobin && size > 1 {
		return Share{Off: r, Stride: size, N: max(0, (n-r+size-1)/size)}
	}
	lo, hi := Range(n, r, size)
	return Share{Off: lo, Stride: 1, N: hi - lo}
}

// Owner returns the rank that holds neuron i of a population of n and its
// local index there.
func (l Layout) Owner(n, i, size int) (rank, local int) {
	if l == RoundRobin && size > 1 {
		return i % size, i / size
	}
	// Range(n, r, size) starts at ⌊n·r/size⌋: the owner is the largest r
	// with n·r/size < i+1.
	r := int(((int64(i)+1)*int64(size) - 1) / int64(n))
	lo, _ := Range(n, r, size)
	return r, i - lo
}

// Global returns the population index of local neuron j.
func (s Share) Global(j int) int { return s.Off + j*s.Stride }

// Local returns the local index of neuron g of the population, which the
// share must hold.
func (s Share) Local(g int) int {
	if s.Stride == 1 {
		return g - s.Off
	}
	return (g - s.Off) / s.Stride
}
