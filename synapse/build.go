package synapse

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
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

// lagSteps converts a delay in ms to a latency in steps (at least 1).
func lagSteps(delay, dt float64) int { return max(1, int(math.Round(delay/dt))) }

// buildRows builds the connectivity, draws or checks per-synapse weights,
// and splits both by the post blocks of env. A RowConnector's rows go
// straight into the blocks (buildRowsDirect); other connectors build their
// CSR first.
func buildRows(kind string, pre, post sim.Population, conn connect.Connector, env *sim.Env,
	wi initial.Init, ws []float32) ([]kernel.Rows, int, error) {
	if rc, ok := conn.(connect.RowConnector); ok {
		return buildRowsDirect(kind, pre, post, rc, env, wi, ws)
	}
	csr, err := conn.Connect(pre.Size(), post.Size(), rng.String(env.Key, "conn"))
	if err != nil {
		return nil, 0, fmt.Errorf("synapse: %s connectivity %s: %w", kind, conn, err)
	}
	if csr.NPre != pre.Size() || csr.NPost != post.Size() {
		return nil, 0, fmt.Errorf("synapse: %s: connector %s built %dx%d for populations of %d and %d", kind, conn, csr.NPre, csr.NPost, pre.Size(), post.Size())
	}
	var w []float32
	switch {
	case ws != nil:
		if len(ws) != csr.NNZ() {
			return nil, 0, fmt.Errorf("synapse: %s Weights has %d elements: must equal the number of synapses, %d", kind, len(ws), csr.NNZ())
		}
		w = ws
	case wi != nil:
		f := make([]float64, csr.NNZ())
		if err := wi.Fill(f, rng.String(env.Key, "weights")); err != nil {
			return nil, 0, fmt.Errorf("synapse: %s WeightInit: %w", kind, err)
		}
		w = make([]float32, len(f))
		for q, x := range f {
			w[q] = float32(x)
		}
	}
	rows, err := kernel.Split(csr, env.Bounds, w)
	if err != nil {
		return nil, 0, fmt.Errorf("synapse: %s: %w", kind, err)
	}
	return rows, csr.NNZ(), nil
}

func rowsBytes(rows []kernel.Rows) int {
	n := 0
	for i := range rows {
		n += rows[i].Bytes()
	}
	return n
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
