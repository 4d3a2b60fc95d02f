package synapse

// The Viewer methods of the built-in projections.

func (e *Exp) spec() wiringSpec {
	return wiringSpec{kind: e.kind, gmax: e.p.GMax, wi: e.p.WeightInit, ws: e.p.Weights, delay: e.p.Delay}
}

// Synapses implements Viewer.
func (e *Exp) Synapses() (pre, post []int32) {
	sp := e.spec()
	return e.view.synapses(&sp, e.pre, e.post, e.conn)
}

// SynapseVar implements Viewer: "w" and "delay".
func (e *Exp) SynapseVar(name string) []float64 {
	sp := e.spec()
	return e.view.synapseVar(&sp, e.pre, e.post, e.conn, name)
}

// SynapseVarNames implements Viewer.
func (e *Exp) SynapseVarNames() []string { return []string{"w", "delay"} }

// Synapses implements Viewer.
func (l *linear) Synapses() (pre, post []int32) {
	return l.view.synapses(&l.spec, l.pre, l.post, l.conn)
}

// SynapseVar implements Viewer: "w" and "delay".
func (l *linear) SynapseVar(name string) []float64 {
	return l.view.synapseVar(&l.spec, l.pre, l.post, l.conn, name)
}

// SynapseVarNames implements Viewer.
func (l *linear) SynapseVarNames() []string { return []string{"w", "delay"} }

// Synapses implements Viewer.
func (p *alignPre) Synapses() (pre, post []int32) {
	return p.view.synapses(&p.spec, p.pre, p.post, p.conn)
}

// SynapseVar implements Viewer: "w" and "delay".
func (p *alignPre) SynapseVar(name string) []float64 {
	return p.view.synapseVar(&p.spec, p.pre, p.post, p.conn, name)
}

// SynapseVarNames implements Viewer.
func (p *alignPre) SynapseVarNames() []string { return []string{"w", "delay"} }

// Synapses implements Viewer.
func (g *GapJunction) Synapses() (pre, post []int32) {
	return g.view.synapses(&g.spec, g.pre, g.post, g.conn)
}

// SynapseVar implements Viewer: "w" (a gap junction has no delay).
func (g *GapJunction) SynapseVar(name string) []float64 {
	if name != "w" {
		return nil
	}
	return g.view.synapseVar(&g.spec, g.pre, g.post, g.conn, name)
}

// SynapseVarNames implements Viewer.
func (g *GapJunction) SynapseVarNames() []string { return []string{"w"} }

// Synapses implements Viewer.
func (s *STDP) Synapses() (pre, post []int32) {
	if s.rows == nil {
		return nil, nil
	}
	pre, post = make([]int32, s.nnz), make([]int32, s.nnz)
	for b := range s.rows {
		r := &s.rows[b]
		for i := 0; i+1 < len(r.Ptr); i++ {
			for q := r.Ptr[i]; q < r.Ptr[i+1]; q++ {
				j := r.Lo // local, then global
				if r.Idx16 != nil {
					j += int(r.Idx16[q])
				} else {
					j += int(r.Idx32[q])
				}
				j = s.posts.Off + j*max(s.posts.Stride, 1)
				pre[s.pos[b][q]], post[s.pos[b][q]] = int32(i), int32(j)
			}
		}
	}
	return pre, post
}

// SynapseVar implements Viewer: "w" (the view Var("w") returns, kept
// current) and "delay".
func (s *STDP) SynapseVar(name string) []float64 {
	switch name {
	case "w":
		return s.Var("w")
	case "delay":
		if s.rows == nil {
			return nil
		}
		d := make([]float64, s.nnz)
		for q := range d {
			d[q] = s.p.Delay
		}
		return d
	}
	return nil
}

// SynapseVarNames implements Viewer.
func (s *STDP) SynapseVarNames() []string { return []string{"w", "delay"} }
