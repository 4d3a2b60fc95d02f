package synapse

import (
	"fmt"
	"runtime"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// buildRowsDirect is buildRows for a RowConnector: the rows are generated
// twice (count, then fill) straight into the per-block Rows, so the
// connector's CSR (4 bytes per synapse, plus its build buffers) never
// exists. The result, weights included, is the same as splitting the CSR
// of conn.Connect.
func buildRowsDirect(kind string, pre, post sim.Population, conn connect.RowConnector, env *sim.Env,
	wi initial.Init, ws []float32) ([]kernel.Rows, int, float64, error) {
	nPre, nPost := pre.Size(), post.Size()
	if err := conn.Check(nPre, nPost); err != nil {
		return nil, 0, 0, fmt.Errorf("synapse: %s connectivity %s: %w", kind, conn, err)
	}
	seed := rng.String(env.Key, "conn")
	row := func(dst []uint32, i int) []uint32 { return conn.AppendRow(dst, i, nPre, nPost, seed) }
	var weights kernel.WeightFunc
	var werr error // a weight error, returned as it is
	wmax := 0.0    // over all the weights, drawn whole on every rank
	if ws != nil || wi != nil {
		weights = func(nnz int) ([]float32, error) {
			var w []float32
			w, werr = synapseWeights(kind, wi, ws, nnz, env)
			wmax = maxAbs(w)
			return w, werr
		}
	}
	rows, nnz, err := kernel.SplitRows(nPre, nPost, row, postsOf(env), weights, runtime.GOMAXPROCS(0), env.Reserve)
	if err != nil {
		if werr != nil {
			return nil, 0, 0, werr
		}
		return nil, 0, 0, fmt.Errorf("synapse: %s: %w", kind, err)
	}
	return rows, nnz, wmax, nil
}
