package synapse

import "github.com/brainsim/brainsim/equations"

// Model returns the parsed synapse model.
func (s *EqSynapses) Model() *equations.Model { return s.model }

// Method returns the integration method of the clock-driven equations
// ("" if there are none).
func (s *EqSynapses) Method() string { return s.method }

// NumSynapses returns the number of synapses this rank holds (all, on one
// rank; after Init).
func (s *EqSynapses) NumSynapses() int {
	if s.run == nil {
		return 0
	}
	n := 0
	for b := range s.run.blocks {
		n += s.run.blocks[b].rows.NNZ()
	}
	return n
}

// Var implements sim.Projection: the per-synapse variables (see
// SynapseVar).
func (s *EqSynapses) Var(name string) []float64 { return s.SynapseVar(name) }

// VarNames implements sim.Projection.
func (s *EqSynapses) VarNames() []string { return s.SynapseVarNames() }

// SynapseVarNames implements Viewer: the stored variables in model order
// (states, then parameters), and lastupdate with event-driven variables.
func (s *EqSynapses) SynapseVarNames() []string {
	var out []string
	for _, x := range s.vars {
		if x.stored {
			out = append(out, x.v.Name)
		}
	}
	if len(s.model.Analysis().EventDriven) > 0 {
		out = append(out, "lastupdate")
	}
	return out
}

// SynapseVar implements Viewer: a per-synapse variable in CSR order. The
// first call allocates the view; from then on every change is written
// through to it (event-driven variables change only at events). nil
// before Init or for an unknown name.
func (s *EqSynapses) SynapseVar(name string) []float64 {
	r := s.run
	if r == nil {
		return nil
	}
	if name == "lastupdate" && r.hasEvent {
		if r.lastView == nil {
			r.lastView = make([]float64, r.nnz)
			for b := range r.blocks {
				blk := &r.blocks[b]
				for q, p := range blk.pos {
					r.lastView[p] = float64(blk.last[q]) * r.dt
				}
			}
		}
		return r.lastView
	}
	for _, x := range s.vars {
		if !x.stored || x.v.Name != name {
			continue
		}
		if r.views[x.slot] == nil {
			v := make([]float64, r.nnz)
			for b := range r.blocks {
				blk := &r.blocks[b]
				for q, p := range blk.pos {
					v[p] = blk.arr[x.slot][q]
				}
			}
			r.views[x.slot] = v
		}
		return r.views[x.slot]
	}
	return nil
}

// Synapses implements Viewer.
func (s *EqSynapses) Synapses() (pre, post []int32) {
	r := s.run
	if r == nil {
		return nil, nil
	}
	pre, post = make([]int32, r.nnz), make([]int32, r.nnz)
	for b := range r.blocks {
		blk := &r.blocks[b]
		for i := 0; i+1 < len(blk.rows.Ptr); i++ {
			for q := blk.rows.Ptr[i]; q < blk.rows.Ptr[i+1]; q++ {
				p := blk.pos[q]
				pre[p], post[p] = int32(i), int32(r.off+(blk.lo+int(blk.local(q)))*r.stride)
			}
		}
	}
	return pre, post
}
