package synapse

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/guard"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

func checkEnds(kind string, pre, post sim.Population, conn connect.Connector) error {
	switch {
	case pre == nil:
		return fmt.Errorf("synapse: %s: pre population is nil", kind)
	case post == nil:
		return fmt.Errorf("synapse: %s: post population is nil", kind)
	case conn == nil:
		return fmt.Errorf("synapse: %s: connector is nil", kind)
	}
	return nil
}

func checkDelay(kind string, d float64) error {
	if !(d >= 0) || math.IsInf(d, 0) {
		return fmt.Errorf("synapse: %s Delay = %v: must be a finite number of ms >= 0", kind, d)
	}
	return nil
}

// lagSteps converts a delay in ms to a latency in steps: max(1,
// round(delay/dt)), refusing delays whose ring would not fit an int32.
func lagSteps(field string, delay, dt float64) (int, error) {
	n, err := guard.Steps(field, delay, dt, guard.Round, math.MaxInt32)
	return max(1, int(n)), err
}

// buildRows builds the connectivity, draws or checks per-synapse weights,
// and splits both by the post blocks of env. A RowConnector's rows go
// straight into the blocks (buildRowsDirect); other connectors build their
// CSR first. wmax is the largest |weight| of the whole connectivity (0
// without per-synapse weights), the same on every rank whatever its share.
func buildRows(kind string, pre, post sim.Population, conn connect.Connector, env *sim.Env,
	wi initial.Init, ws []float32) (rows []kernel.Rows, nnz int, wmax float64, err error) {
	if rc, ok := conn.(connect.RowConnector); ok {
		return buildRowsDirect(kind, pre, post, rc, env, wi, ws)
	}
	csr, w, err := connectCSR(kind, pre, post, conn, env, wi, ws)
	if err != nil {
		return nil, 0, 0, err
	}
	rows, err = kernel.Split(csr, postsOf(env), w, env.Reserve)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("synapse: %s: %w", kind, err)
	}
	return rows, csr.NNZ(), maxAbs(w), nil
}

// maxAbs returns the largest |w[q]| (0 for none).
func maxAbs(w []float32) float64 {
	m := 0.0
	for _, x := range w {
		m = max(m, math.Abs(float64(x)))
	}
	return m
}

// synapseWeights returns the per-synapse weights of nnz synapses: ws
// (checked for its length and finite values), or drawn from wi, or nil for
// a scalar weight. Every projection gets its weights here.
func synapseWeights(kind string, wi initial.Init, ws []float32, nnz int, env *sim.Env) ([]float32, error) {
	switch {
	case ws != nil:
		if len(ws) != nnz {
			return nil, fmt.Errorf("synapse: %s Weights has %d elements: must equal the number of synapses, %d", kind, len(ws), nnz)
		}
		if err := initial.CheckFloat32("synapse: "+kind+" Weights", ws); err != nil {
			return nil, err
		}
		return ws, nil
	case wi != nil:
		if err := env.Reserve(fmt.Sprintf("synapse: %s: weights of %d synapses", kind, nnz), int64(nnz), 12); err != nil {
			return nil, err
		}
		w, err := initial.Float32(wi, nnz, rng.String(env.Key, "weights"))
		if err != nil {
			return nil, fmt.Errorf("synapse: %s WeightInit: %w", kind, err)
		}
		return w, nil
	}
	return nil, nil
}

// connectCSR runs a connector that builds its whole CSR (warning, over
// ranks, that every rank builds it all) and draws or checks the
// per-synapse weights.
func connectCSR(kind string, pre, post sim.Population, conn connect.Connector, env *sim.Env,
	wi initial.Init, ws []float32) (*connect.CSR, []float32, error) {
	if env.Partial(post.Size()) {
		env.Warn(fmt.Sprintf("connector %s builds all its synapses on every rank before keeping this rank's (memory of the whole connectivity during the build; row connectors such as FixedProb or FixedPostNum do not)", conn))
	}
	csr, err := conn.Connect(pre.Size(), post.Size(), rng.String(env.Key, "conn"))
	if err != nil {
		return nil, nil, fmt.Errorf("synapse: %s connectivity %s: %w", kind, conn, err)
	}
	if csr.NPre != pre.Size() || csr.NPost != post.Size() {
		return nil, nil, fmt.Errorf("synapse: %s: connector %s built %dx%d for populations of %d and %d", kind, conn, csr.NPre, csr.NPost, pre.Size(), post.Size())
	}
	w, err := synapseWeights(kind, wi, ws, csr.NNZ(), env)
	return csr, w, err
}

func rowsBytes(rows []kernel.Rows) int {
	n := 0
	for i := range rows {
		n += rows[i].Bytes()
	}
	return n
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
