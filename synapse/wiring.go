package synapse

import (
	"fmt"
	"math"
	"slices"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// wiringSpec gathers the weight and delay fields every params struct shares.
type wiringSpec struct {
	kind      string
	gmax      float64
	wi        initial.Init
	ws        []float32
	delay     float64
	delays    []float64    // per synapse, CSR order (nil: uniform)
	delayInit initial.Init // per synapse, drawn (nil: uniform)
}

func (s *wiringSpec) check() error {
	switch {
	case !finite(s.gmax):
		return fmt.Errorf("synapse: %s GMax = %v: must be finite", s.kind, s.gmax)
	case s.wi != nil && s.ws != nil:
		return fmt.Errorf("synapse: %s: set at most one of WeightInit and Weights", s.kind)
	case s.delays != nil && s.delayInit != nil:
		return fmt.Errorf("synapse: %s: set at most one of Delays and DelayInit", s.kind)
	case s.delay != 0 && (s.delays != nil || s.delayInit != nil):
		return fmt.Errorf("synapse: %s Delay = %v: leave Delay 0 when Delays or DelayInit gives per-synapse delays", s.kind, s.delay)
	}
	if err := checkDelay(s.kind, s.delay); err != nil {
		return err
	}
	for q, w := range s.ws {
		if !finite(float64(w)) {
			return fmt.Errorf("synapse: %s Weights[%d] = %v: must be finite", s.kind, q, w)
		}
	}
	for q, d := range s.delays {
		if !(d >= 0) || math.IsInf(d, 0) {
			return fmt.Errorf("synapse: %s Delays[%d] = %v: must be a finite number of ms >= 0", s.kind, q, d)
		}
	}
	return nil
}

func (s *wiringSpec) heterogeneous() bool { return s.delays != nil || s.delayInit != nil }

// lagGroup holds the synapses of one latency, split by post block.
type lagGroup struct {
	lag  int
	rows []kernel.Rows
}

// wiring is a projection's connectivity split by post block and, with
// per-synapse delays, by latency (ascending).
type wiring struct {
	groups []lagGroup
	nnz    int
	w      float64 // the weight of every synapse when the rows have no W
	maxLag int
}

// connectCSR runs the connector and draws or checks per-synapse weights.
func (s *wiringSpec) connectCSR(pre, post sim.Population, conn connect.Connector, env *sim.Env) (*connect.CSR, []float32, error) {
	return connectCSR(s.kind, pre, post, conn, env, s.wi, s.ws)
}

// lags returns the latency of every synapse (CSR order), or nil when the
// delay is uniform.
func (s *wiringSpec) lags(nnz int, env *sim.Env) ([]int, error) {
	d := s.delays
	switch {
	case s.delayInit != nil:
		d = make([]float64, nnz)
		if err := s.delayInit.Fill(d, rng.String(env.Key, "delays")); err != nil {
			return nil, fmt.Errorf("synapse: %s DelayInit: %w", s.kind, err)
		}
		for q, x := range d {
			if !(x >= 0) || math.IsInf(x, 0) {
				return nil, fmt.Errorf("synapse: %s DelayInit %s gave delay %d = %v ms: delays must be finite and >= 0", s.kind, s.delayInit, q, x)
			}
		}
	case len(d) != nnz:
		return nil, fmt.Errorf("synapse: %s Delays has %d elements: must equal the number of synapses, %d", s.kind, len(d), nnz)
	}
	l := make([]int, nnz)
	for q, x := range d {
		var err error
		if l[q], err = lagSteps(fmt.Sprintf("synapse: %s delay of synapse %d", s.kind, q), x, env.Dt); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// build makes the wiring for a run. With one delay for all synapses the
// rows are built by buildRows (straight into the blocks for a
// RowConnector); per-synapse delays need the connector's CSR, whose
// synapses are grouped by latency before the split.
func (s *wiringSpec) build(pre, post sim.Population, conn connect.Connector, env *sim.Env) (*wiring, error) {
	lag, err := lagSteps("synapse: "+s.kind+" Delay", s.delay, env.Dt)
	if err != nil {
		return nil, err
	}
	wr := &wiring{w: s.gmax, maxLag: lag}
	if !s.heterogeneous() {
		rows, nnz, _, err := buildRows(s.kind, pre, post, conn, env, s.wi, s.ws)
		if err != nil {
			return nil, err
		}
		wr.nnz, wr.groups = nnz, []lagGroup{{lag: wr.maxLag, rows: rows}}
		return wr, nil
	}
	csr, w, err := s.connectCSR(pre, post, conn, env)
	if err != nil {
		return nil, err
	}
	lags, err := s.lags(csr.NNZ(), env)
	if err != nil {
		return nil, err
	}
	wr.nnz, wr.maxLag = csr.NNZ(), 1
	for _, lag := range slices.Compact(slices.Sorted(slices.Values(lags))) {
		sub, sw := filterLag(csr, w, lags, lag)
		rows, err := kernel.Split(sub, postsOf(env), sw, env.Reserve)
		if err != nil {
			return nil, fmt.Errorf("synapse: %s: %w", s.kind, err)
		}
		wr.groups = append(wr.groups, lagGroup{lag: lag, rows: rows})
		wr.maxLag = max(wr.maxLag, lag)
	}
	return wr, nil
}

// filterLag returns the synapses of c (and their weights) whose latency is lag.
func filterLag(c *connect.CSR, w []float32, lags []int, lag int) (*connect.CSR, []float32) {
	sub := &connect.CSR{NPre: c.NPre, NPost: c.NPost, Indptr: make([]int64, c.NPre+1)}
	var sw []float32
	for i := 0; i < c.NPre; i++ {
		for q := c.Indptr[i]; q < c.Indptr[i+1]; q++ {
			if lags[q] == lag {
				sub.Indices = append(sub.Indices, c.Indices[q])
				if w != nil {
					sw = append(sw, w[q])
				}
			}
		}
		sub.Indptr[i+1] = int64(len(sub.Indices))
	}
	if w != nil && sw == nil {
		sw = []float32{}
	}
	return sub, sw
}

// deliver adds the weights of the spikes arriving at this step to a (the
// block's slice): group by group in ascending latency, spikes in ascending
// order, rows in connector order, so every element receives its additions
// in the same order whatever the partition.
func (wr *wiring) deliver(a []float64, b int, hist sim.History) bool {
	arrived := false
	for gi := range wr.groups {
		g := &wr.groups[gi]
		r := &g.rows[b]
		if r.NNZ() == 0 {
			continue
		}
		s := hist.At(g.lag)
		if len(s) == 0 {
			continue
		}
		arrived = true
		if r.W != nil {
			r.AddWeighted(a, s)
		} else {
			r.AddScalar(a, s, wr.w)
		}
	}
	return arrived
}

// bytes returns the memory held by the connectivity and weights.
func (wr *wiring) bytes() int {
	n := 0
	for _, g := range wr.groups {
		n += rowsBytes(g.rows)
	}
	return n
}

// paramErr formats a parameter validation error.
func paramErr(kind, field string, v any, allowed string) error {
	return fmt.Errorf("synapse: %s %s = %v: %s", kind, field, v, allowed)
}
