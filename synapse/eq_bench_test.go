package synapse_test

import (
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// BenchmarkSTDPBuiltin and BenchmarkSTDPEquations time 1 s of the STDP
// comparison network (40 Poisson → 30 regular spikers, p = 0.3).
func BenchmarkSTDPBuiltin(b *testing.B) {
	p := synapse.DefaultSTDP()
	p.A1, p.A2, p.WMin, p.WMax, p.GMax = 0.02, 0.021, 0, 1, 0.5
	for range b.N {
		stdpRun(b, 1, 1000, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewSTDP(pre, post, connect.FixedProb(0.3), p, nil)
		})
	}
}

func BenchmarkSTDPEquations(b *testing.B) {
	for range b.N {
		q := stdpEquations
		q.Values = stdpValues()
		stdpRun(b, 1, 1000, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.FromEquations(pre, post, connect.FixedProb(0.3), q)
		})
	}
}
