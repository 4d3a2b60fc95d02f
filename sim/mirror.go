package sim

import (
	"fmt"
)

// mirror is a projection's copy of pre population variables over ranks
// (PreStateMirror): local are the pre population's arrays of the rank's
// share, whole the copies of the whole population.
type mirror struct {
	pop          int
	local, whole [][]float64
}

// addMirror prepares the copies projection p reads (over ranks).
func (r *Runner) addMirror(p namedProj, pm PreStateMirror) error {
	pre := r.net.pops[p.pre]
	m := mirror{pop: p.pre}
	for _, name := range pm.PreVars() {
		v := pre.pop.Var(name)
		switch {
		case v == nil:
			return fmt.Errorf("sim: projection %q reads variable %q of population %q (PreVars), which has no such variable (it has %v)", p.name, name, pre.name, pre.pop.VarNames())
		case len(v) != r.local(p.pre):
			return fmt.Errorf("sim: projection %q reads variable %q of population %q, which has %d values: must have one per neuron the population holds, Env.Local() = %d", p.name, name, pre.name, len(v), r.local(p.pre))
		}
		m.local = append(m.local, v)
		m.whole = append(m.whole, make([]float64, pre.pop.Size()))
	}
	pm.MirrorPre(m.whole)
	r.mirrors = append(r.mirrors, m)
	return nil
}

// refreshMirrors gathers every rank's share of the mirrored variables
// into the whole copies: one Allgatherv for all of them.
func (r *Runner) refreshMirrors() error {
	if len(r.mirrors) == 0 {
		return nil
	}
	rk := r.ranks
	rk.msend = rk.msend[:0]
	for _, m := range r.mirrors {
		for _, v := range m.local {
			rk.msend = append(rk.msend, v...)
		}
	}
	var err error
	if rk.mrecv, rk.mcounts, err = rk.tr.AllgatherFloat64(rk.msend, rk.mrecv, rk.mcounts); err != nil {
		return fmt.Errorf("sim: exchanging the pre state of gap junctions: %w", err)
	}
	off := 0
	for q := range rk.size {
		for _, m := range r.mirrors {
			sh := r.shareOf(m.pop, q)
			for _, w := range m.whole {
				if off+sh.N > len(rk.mrecv) {
					return fmt.Errorf("sim: exchanging the pre state of gap junctions: rank %d sent too few values", q)
				}
				for j, x := range rk.mrecv[off : off+sh.N] {
					w[sh.Global(j)] = x
				}
				off += sh.N
			}
		}
	}
	if off != len(rk.mrecv) {
		return fmt.Errorf("sim: exchanging the pre state of gap junctions: %d values received, %d expected", len(rk.mrecv), off)
	}
	return nil
}
