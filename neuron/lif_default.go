package neuron

import "github.com/brainsim/brainsim/initial"

// DefaultLIF returns BrainPy's defaults for the LIF population
// (bp.neurons.LIF = bp.dyn.LifRef: V_rest = 0, V_reset = −5, V_th = 20,
// τ = 10, τ_ref = 0, R = 1, V0 = 0; brainpy/dyn/neurons/lif.py). The
// tutorial network overrides them (docs/semantics.md, “The tutorial
// network”).
func DefaultLIF() LIFParams {
	return LIFParams{VRest: 0, VReset: -5, VTh: 20, Tau: 10, TauRef: 0, R: 1, V0: initial.Constant(0)}
}
