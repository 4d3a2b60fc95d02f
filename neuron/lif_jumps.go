package neuron

import (
	"math"

	"github.com/brainsim/brainsim/internal/kernel"
)

// Jumps implements synapse.JumpTarget: it returns the population's
// post-sized accumulator of voltage jumps (mV), allocated on the first call
// after Init. Projections add to it in their post block during the
// projection phase; Update adds Jumps()[j] to the integrated V of neuron j
// (BrainPy's delta inputs, added after the integration), drops it if j is
// refractory (the refractory freeze restores the old V), tests the
// threshold, and clears it. A population nobody asked has no accumulator
// and keeps its fast path.
func (l *LIF) Jumps() []float64 {
	if l.jump == nil {
		l.jump = make([]float64, l.local)
	}
	return l.jump
}

// integrateJumps steps neurons [lo, hi) (V, in, last, spk are their slices)
// with the jumps of the step, in BrainPy's order, keeping the kernel: a
// first pass takes each nonzero jump (clearing it); for a neuron that is not
// refractory it computes V* = V∞ + (V − V∞)·d + jump and hands it to the
// kernel marked as refractory at this step (last = k), so the kernel keeps
// V* and tests the threshold; the marks of the neurons that did not fire are
// then undone. A jump onto a refractory neuron is dropped. The result is
// bitwise the scalar loop's (step).
func (l *LIF) integrateJumps(k int64, lo int, V, in []float64, last []int64, spk []bool, spikes []int32) []int32 {
	var idx [chunk]int32
	var saved [chunk]int64
	J := l.jump[lo : lo+len(V)]
	vrest, r, d, ref := l.p.VRest, l.p.R, l.decay, l.ref
	p := l.params(k)
	for a := 0; a < len(V); a += chunk {
		b := min(a+chunk, len(V))
		n := 0
		for j := a; j < b; j++ {
			if j+4 <= b && anyBits(J[j:j+4]) == 0 { // skip four zeros at once
				j += 3
				continue
			}
			x := J[j]
			if x == 0 {
				continue
			}
			J[j] = 0
			if k-last[j] <= ref {
				continue
			}
			vinf := vrest + r*in[j]
			V[j] = vinf + (V[j]-vinf)*d + x
			idx[n], saved[n] = int32(j), last[j]
			last[j] = k
			n++
		}
		m := len(spikes)
		spikes = slicesGrow(spikes, b-a)
		c := kernel.LIFStep(p, V[a:b], in[a:b], last[a:b], spk[a:b], spikes[m:m+b-a], int32(lo+a))
		spikes = spikes[:m+c]
		for q, j := range idx[:n] {
			if !spk[j] {
				last[j] = saved[q]
			}
		}
	}
	return spikes
}

// anyBits ORs the bits of four values with the sign bits cleared: 0 means
// all four are ±0.
func anyBits(x []float64) uint64 {
	x = x[:4]
	return (math.Float64bits(x[0]) | math.Float64bits(x[1]) | math.Float64bits(x[2]) | math.Float64bits(x[3])) << 1
}
