package synapse

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/sim"
)

// What a network split over ranks needs from projections: the smallest
// spike latency in steps each one reads (sim.MinLagger; the ranks exchange
// spikes once per interval of the network's smallest latency), whether it
// keeps per-synapse state and which synapses a rank holds
// (sim.SynapseStateful, sim.SynapseHolder, NumSynapses), the expected size
// (sim.Planner), what its variables are indexed by (sim.AxisReporter),
// which pre neurons' spikes it reads (sim.PreSelector), the pre state it
// copies from other ranks (sim.PreStateMirror), and its post share
// (postsOf).

// MinLag implements sim.MinLagger.
func (e *Exp) MinLag() int { return e.lag }

// MinLag implements sim.MinLagger.
func (s *STDP) MinLag() int { return s.lag }

// MinLag implements sim.MinLagger: a gap junction reads the previous step.
func (g *GapJunction) MinLag() int { return 1 }

// MinLag implements sim.MinLagger.
func (l *linear) MinLag() int { return l.w.minLag() }

// MinLag implements sim.MinLagger.
func (p *alignPre) MinLag() int { return p.w.minLag() }

// minLag is the smallest latency of the wiring's groups (ascending).
func (w *wiring) minLag() int {
	if len(w.groups) == 0 {
		return w.maxLag
	}
	return w.groups[0].lag
}

// PerSynapseState implements sim.SynapseStateful: the weights are plastic.
func (s *STDP) PerSynapseState() bool { return true }

// HeldSynapses implements sim.SynapseHolder: the positions, in the
// connector's order (that of Weights and of the checkpoint's "w"), of the
// synapses onto the post neurons this rank holds.
func (s *STDP) HeldSynapses() []uint32 {
	var out []uint32
	for _, p := range s.pos {
		out = append(out, p...)
	}
	return out
}

// PerSynapseState implements sim.SynapseStateful: per-synapse variables.
func (s *EqSynapses) PerSynapseState() bool { return true }

// plan is the expected allocation of a projection's synapses (sim.Planner),
// which NewRunner checks before it builds anything (drawing 10^15 synapses
// only to find they do not fit takes hours): the connector's mean count, 2
// bytes of index each, 4 more with per-synapse weights.
func plan(kind string, pre, post sim.Population, conn connect.Connector, weighted bool) (string, int64, int64, bool) {
	n, ok := connect.Expected(conn, pre.Size(), post.Size())
	if !ok {
		return "", 0, 0, false
	}
	each := int64(2)
	if weighted {
		each += 4
	}
	n = min(n, math.MaxInt64/8)
	return fmt.Sprintf("synapse: %s: %s from %d to %d neurons makes about %.4g synapses", kind, conn, pre.Size(), post.Size(), n), int64(n), each, true
}

// Plan implements sim.Planner.
func (l *linear) Plan() (string, int64, int64, bool) {
	return plan(l.kind, l.pre, l.post, l.conn, l.spec.wi != nil || l.spec.ws != nil)
}

// Plan implements sim.Planner.
func (p *alignPre) Plan() (string, int64, int64, bool) {
	return plan(p.kind, p.pre, p.post, p.conn, p.spec.wi != nil || p.spec.ws != nil)
}

// Plan implements sim.Planner.
func (e *Exp) Plan() (string, int64, int64, bool) {
	return plan(e.kind, e.pre, e.post, e.conn, e.p.WeightInit != nil || e.p.Weights != nil)
}

// Plan implements sim.Planner.
func (g *GapJunction) Plan() (string, int64, int64, bool) {
	return plan("GapJunction", g.pre, g.post, g.conn, g.spec.wi != nil || g.spec.ws != nil)
}

// Plan implements sim.Planner: the weights are always per synapse.
func (s *STDP) Plan() (string, int64, int64, bool) {
	return plan(s.kind, s.pre, s.post, s.conn, true)
}

// VarAxis implements sim.AxisReporter: "g" is per post neuron.
func (e *Exp) VarAxis(string) sim.Axis { return sim.AxisPost }

// VarAxis implements sim.AxisReporter: "g" and "h" per post neuron, the
// short-term plasticity "u" and "x" per pre neuron.
func (l *linear) VarAxis(name string) sim.Axis {
	if name == "u" || name == "x" {
		return sim.AxisPre
	}
	return sim.AxisPost
}

// VarAxis implements sim.AxisReporter: "g" per post neuron, the kinetic
// "s" and "x" per pre neuron.
func (p *alignPre) VarAxis(name string) sim.Axis {
	if name == "g" {
		return sim.AxisPost
	}
	return sim.AxisPre
}

// VarAxis implements sim.AxisReporter: "g" and "apost" per post neuron,
// "apre" per pre neuron, "w" per synapse.
func (s *STDP) VarAxis(name string) sim.Axis {
	switch name {
	case "apre":
		return sim.AxisPre
	case "w":
		return sim.AxisSynapse
	}
	return sim.AxisPost
}

// VarAxis implements sim.AxisReporter: every variable is per synapse.
func (s *EqSynapses) VarAxis(string) sim.Axis { return sim.AxisSynapse }

// VarAxis implements sim.AxisReporter: the current "i" is per post neuron.
func (g *GapJunction) VarAxis(string) sim.Axis { return sim.AxisPost }

// What the Alltoall exchange needs (sim.PreSelector): the pre neurons with
// a synapse on this rank, whose spikes it reads.

// MarkPre implements sim.PreSelector.
func (e *Exp) MarkPre(mark []bool) { kernel.MarkRows(mark, e.rows) }

// MarkPre implements sim.PreSelector: procedural rows are not stored, so
// every pre neuron counts as read (at p·N_post per rank ≥ 1 nearly every
// one is).
func (e *ExpProcedural) MarkPre(mark []bool) {
	for i := range mark {
		mark[i] = true
	}
}

// MarkPre implements sim.PreSelector.
func (l *linear) MarkPre(mark []bool) { l.w.markPre(mark) }

// MarkPre implements sim.PreSelector.
func (p *alignPre) MarkPre(mark []bool) { p.w.markPre(mark) }

// MarkPre implements sim.PreSelector.
func (s *STDP) MarkPre(mark []bool) { kernel.MarkRows(mark, s.rows) }

// MarkPre implements sim.PreSelector.
func (s *EqSynapses) MarkPre(mark []bool) {
	if s.run == nil {
		return
	}
	for b := range s.run.blocks {
		kernel.MarkRows(mark, []kernel.Rows{s.run.blocks[b].rows})
	}
}

// markPre marks the pre neurons with a synapse in any latency group.
func (w *wiring) markPre(mark []bool) {
	for g := range w.groups {
		kernel.MarkRows(mark, w.groups[g].rows)
	}
}

// Reading other ranks' pre state (sim.PreStateMirror): over ranks the
// runner hands over copies of the whole pre population's variables.

// PreVars implements sim.PreStateMirror: V.
func (g *GapJunction) PreVars() []string { return []string{"V"} }

// MirrorPre implements sim.PreStateMirror.
func (g *GapJunction) MirrorPre(vars [][]float64) { g.vpre = vars[0] }

// MarkPre implements sim.PreSelector: a gap junction reads no spikes.
func (g *GapJunction) MarkPre([]bool) {}

// PreVars implements sim.PreStateMirror: the pre variables the model
// reads.
func (s *EqSynapses) PreVars() []string { return s.layoutSlots().pre }

// MirrorPre implements sim.PreStateMirror.
func (s *EqSynapses) MirrorPre(vars [][]float64) {
	if s.run != nil {
		s.run.preArr = vars
	}
}

// HeldSynapses implements sim.SynapseHolder: the positions, in the
// connector's order (that of the variables' views), of the synapses onto
// the post neurons this rank holds.
func (s *EqSynapses) HeldSynapses() []uint32 {
	if s.run == nil {
		return nil
	}
	var out []uint32
	for b := range s.run.blocks {
		out = append(out, s.run.blocks[b].pos...)
	}
	return out
}

// postsOf is the share of the post population a projection's blocks hold.
func postsOf(env *sim.Env) kernel.Posts {
	return kernel.Posts{Bounds: env.Bounds, Off: env.Offset, Stride: env.Step()}
}

// MinLag implements sim.MinLagger: the smallest of the synapses' latencies
// (the same on every rank: they are drawn for the whole connectivity).
func (s *EqSynapses) MinLag() int {
	if s.run == nil || len(s.run.lags) == 0 {
		return 1
	}
	return s.run.lags[0]
}

// heldIn returns the synapses of a projection's blocks: the ones this rank
// holds (NumSynapses; all of them on one rank).
func heldIn(rows []kernel.Rows) int {
	n := 0
	for b := range rows {
		n += rows[b].NNZ()
	}
	return n
}

// held returns the synapses of every latency group's blocks.
func (w *wiring) held() int {
	n := 0
	for g := range w.groups {
		n += heldIn(w.groups[g].rows)
	}
	return n
}
