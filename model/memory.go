package model

import (
	"math"

	"github.com/brainsim/brainsim/internal/guard"
)

// neuronBytes is a lower bound of the state a neuron of k holds: 8 bytes
// per variable, its spike flag and its last spike step.
func neuronBytes(k *neuronKind) int64 {
	if k == nil {
		return 17
	}
	return 8*int64(len(k.vars)) + 9
}

func bytesFor(n, each int64) string {
	if n > 0 && each > math.MaxInt64/n {
		return guard.Bytes(0, false)
	}
	return guard.Bytes(n*each, true)
}

// expectedSynapses estimates the synapses of connector c between n pre and
// m post neurons (the mean for random connectors; -1 when unknown).
func expectedSynapses(c *record, n, m int64) float64 {
	nf, mf := float64(n), float64(m)
	switch c.name {
	case "fixed_prob", "procedural_fixed_prob":
		return nf * mf * c.num("prob")
	case "fixed_post_num":
		return nf * float64(c.int("num"))
	case "fixed_pre_num":
		return mf * float64(c.int("num"))
	case "fixed_total_num":
		return float64(c.int("num"))
	case "all2all":
		return nf * mf
	case "one2one":
		return min(nf, mf)
	case "grid_four":
		return 4 * nf
	case "grid_eight":
		return 8 * nf
	case "grid_n":
		k := float64(2*c.int("n") + 1)
		return (k*k - 1) * nf
	case "small_world":
		return float64(c.int("k")) * nf
	}
	return -1
}
