package synapse

import (
	"fmt"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/sim"
)

// GapParams are the parameters of a GapJunction projection.
//
//	GMax        conductance of every connection           1
//	WeightInit  per-connection float32 conductances         nil
//	Weights     per-connection conductances, CSR order      nil
type GapParams struct {
	GMax       float64
	WeightInit initial.Init
	Weights    []float32
}

// DefaultGapJunction returns BrainPy's default conductance, GMax = 1.
func DefaultGapJunction() GapParams { return GapParams{GMax: 1} }

// GapJunction is electrical coupling (BrainPy's GapJunction; see
// docs/semantics.md, “Synapse models”): every connection i → j with
// conductance w adds
//
//	I_post,j += w·(V_pre,i − V_post,j)
//
// to the post "input" at every step, with both potentials as left by the
// previous step. It writes only the post side. BrainPy's GapJunction also
// subtracts the same current from the pre neuron; for that symmetric
// coupling add the connection in both directions (a second GapJunction
// from post to pre with the transposed connectivity), or use pre == post
// with symmetric connectivity (each pair listed both ways). Two such
// directed junctions inject equal and opposite currents.
//
// It reads the pre population's V, so it implements sim.PreStateReader: the
// runner then finishes every projection before any population updates (one
// more barrier per step). A Delta projection must not target its pre
// population (it writes V in the same phase).
//
// Reads "V" of pre and post; sends current to the post "input". Variables:
// "i" (post-sized, the gap current of the last step).
type GapJunction struct {
	sim.Membership // a node belongs to one network
	pre, post      sim.Population
	conn           connect.Connector
	spec           wiringSpec
	par            GapParams // for Fingerprint

	rows    []kernel.Rows
	nnz     int
	vpre, v []float64
	in, cur []float64
	view    staticView
}

// NewGapJunction returns a gap-junction projection from pre to post.
func NewGapJunction(pre, post sim.Population, conn connect.Connector, p GapParams) (*GapJunction, error) {
	const kind = "GapJunction"
	if err := checkEnds(kind, pre, post, conn); err != nil {
		return nil, err
	}
	g := &GapJunction{pre: pre, post: post, conn: conn, par: p,
		spec: wiringSpec{kind: kind, gmax: p.GMax, wi: p.WeightInit, ws: p.Weights}}
	if err := g.spec.check(); err != nil {
		return nil, err
	}
	return g, nil
}

// Pre implements sim.Projection.
func (g *GapJunction) Pre() sim.Population { return g.pre }

// Post implements sim.Projection.
func (g *GapJunction) Post() sim.Population { return g.post }

// ReadsPreState implements sim.PreStateReader: the junction reads V_pre.
func (g *GapJunction) ReadsPreState() bool { return true }

// Init implements sim.Projection.
func (g *GapJunction) Init(env *sim.Env) error {
	const kind = "GapJunction"
	if g.vpre = g.pre.Var("V"); g.vpre == nil {
		return fmt.Errorf("synapse: %s: the pre population has no \"V\" variable", kind)
	}
	if g.v = g.post.Var("V"); g.v == nil {
		return fmt.Errorf("synapse: %s: the post population has no \"V\" variable", kind)
	}
	if g.in = g.post.Var("input"); g.in == nil {
		return fmt.Errorf("synapse: %s: the post population has no \"input\" variable", kind)
	}
	w, err := g.spec.build(g.pre, g.post, g.conn, env)
	if err != nil {
		return err
	}
	g.rows, g.nnz = w.groups[0].rows, w.nnz
	g.view.initView(env)
	g.cur = make([]float64, env.Local())
	return nil
}

// MaxLag implements sim.Projection; the junction reads no spikes.
func (g *GapJunction) MaxLag() int { return 1 }

// Update implements sim.Projection.
func (g *GapJunction) Update(_ int64, b, lo, hi int, _ sim.History) {
	cur := g.cur[lo:hi]
	clear(cur)
	if r := &g.rows[b]; r.NNZ() > 0 {
		r.AddCoupling(cur, g.vpre, g.v[lo:hi], g.spec.gmax)
	}
	in := g.in[lo:hi]
	in = in[:len(cur)]
	for j, x := range cur {
		in[j] += x
	}
}

// Var implements sim.Projection.
func (g *GapJunction) Var(name string) []float64 {
	if name == "i" {
		return g.cur
	}
	return nil
}

// VarNames implements sim.Projection.
func (g *GapJunction) VarNames() []string { return []string{"i"} }

// NumSynapses returns the number of connections (after Init).
func (g *GapJunction) NumSynapses() int { return heldIn(g.rows) }

// Bytes returns the memory held by connectivity and weights (after Init).
func (g *GapJunction) Bytes() int { return rowsBytes(g.rows) }
