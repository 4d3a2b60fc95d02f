package synapse

import (
	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// Viewer gives a projection's synapses one by one, in the connector's CSR
// order (pre neuron by pre neuron, each row in the order the connector
// lists it): synapse q connects pre[q] to post[q], and SynapseVar(name)[q]
// is its value of a per-synapse variable. The same order is the order of
// every per-synapse input (Weights, Delays, Values lists), so a view can be
// fed back into a new projection.
//
// Every projection of the package implements it after Init. Weights are
// "w" (float64 of the float32 weights where the projection stores them,
// else its one weight for all), delays "delay" (ms, as given; the latency
// is max(1, round(delay/dt)) steps). FromEquations adds its model's
// per-synapse variables, STDP its plastic "w".
//
// A monitor records a per-synapse variable of a projection through its Var
// ("E2E.w" with Index a subset of synapse positions): the slice it returns
// is kept current. Over several ranks the views of plastic projections
// (STDP, FromEquations) hold only the synapses onto the rank's own post
// neurons (the others read 0); the static views (weights and delays fixed
// at build) hold them all.
type Viewer interface {
	// Synapses returns the pre and post neuron of every synapse (fresh
	// slices).
	Synapses() (pre, post []int32)
	// SynapseVar returns the per-synapse variable name, or nil. The slice
	// is the projection's view: it stays current while the network runs
	// and must not be modified.
	SynapseVar(name string) []float64
	// SynapseVarNames lists the names SynapseVar accepts.
	SynapseVarNames() []string
}

// staticView is the view of a projection whose synapses do not change:
// it rebuilds them from the connector and the weight and delay fields
// (deterministic, keyed as Init keyed them), when first asked.
type staticView struct {
	key       uint64
	dt        float64
	ready     bool
	pre, post []int32
	w, delay  []float64
}

// initView records what the view needs; projections call it from Init.
func (v *staticView) initView(env *sim.Env) { *v = staticView{key: env.Key, dt: env.Dt, ready: true} }

// build connects (once) and fills the weights and delays.
func (v *staticView) build(spec *wiringSpec, pre, post sim.Population, conn connect.Connector) bool {
	if !v.ready {
		return false
	}
	if v.pre != nil {
		return true
	}
	env := &sim.Env{Key: v.key, Dt: v.dt}
	csr, w, err := spec.connectCSR(pre, post, conn, env)
	if err != nil {
		return false
	}
	nnz := csr.NNZ()
	v.pre, v.post = make([]int32, nnz), make([]int32, nnz)
	for i := 0; i < csr.NPre; i++ {
		for q := csr.Indptr[i]; q < csr.Indptr[i+1]; q++ {
			v.pre[q], v.post[q] = int32(i), int32(csr.Indices[q])
		}
	}
	v.w = make([]float64, nnz)
	for q := range v.w {
		v.w[q] = spec.gmax
		if w != nil {
			v.w[q] = float64(w[q])
		}
	}
	v.delay = make([]float64, nnz)
	switch {
	case spec.delays != nil:
		copy(v.delay, spec.delays)
	case spec.delayInit != nil:
		if spec.delayInit.Fill(v.delay, rng.String(v.key, "delays")) != nil {
			return false
		}
	default:
		for q := range v.delay {
			v.delay[q] = spec.delay
		}
	}
	return true
}

func (v *staticView) synapses(spec *wiringSpec, pre, post sim.Population, conn connect.Connector) ([]int32, []int32) {
	if !v.build(spec, pre, post, conn) {
		return nil, nil
	}
	return append([]int32(nil), v.pre...), append([]int32(nil), v.post...)
}

func (v *staticView) synapseVar(spec *wiringSpec, pre, post sim.Population, conn connect.Connector, name string) []float64 {
	if (name != "w" && name != "delay") || !v.build(spec, pre, post, conn) {
		return nil
	}
	if name == "w" {
		return v.w
	}
	return v.delay
}
