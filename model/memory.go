package model

import (
	"math"

	"github.com/brainsim/brainsim/connect"

	"github.com/brainsim/brainsim/internal/guard"
)

// neuronBytes is the state a neuron of k holds, counted as sim.NewRunner
// counts it: 8 bytes per variable plus 16 (spike flag, last spike step).
func neuronBytes(k *neuronKind) int64 {
	if k == nil {
		return 8 + 16
	}
	return 8*int64(len(k.vars)) + 16
}

func bytesFor(n, each int64) string {
	if n > 0 && each > math.MaxInt64/n {
		return guard.Bytes(0, false)
	}
	return guard.Bytes(n*each, true)
}

// expectedSynapses estimates the synapses of connector c between n pre and
// m post neurons: the connector's own mean count (connect.Expected, what
// the runner's plan uses), -1 when unknown.
func expectedSynapses(c *record, n, m int64) float64 {
	if e, ok := connect.Expected(connector(c), int(n), int(m)); ok {
		return e
	}
	return -1
}
