package sim

import (
	"fmt"
	"math"
)

// DefaultFiniteEvery is how often, in steps, a runner checks the state for
// NaN and infinite values when Options.FiniteEvery is 0.
const DefaultFiniteEvery = 100

// finiteCheck is the non-finite-state check of a runner: the variables of
// every population (input excluded) and the first bad value each block
// found in the latest checked step.
type finiteCheck struct {
	every int64
	vars  [][]namedVar // per population
	found []badValue   // per block
}

type namedVar struct {
	name string
	v    []float64
}

type badValue struct {
	pop, i int
	name   string
	v      float64
}

// setupFinite prepares the check from the options.
func (r *Runner) setupFinite() {
	e := r.opt.FiniteEvery
	switch {
	case e < 0:
		return
	case e == 0:
		e = DefaultFiniteEvery
	}
	r.finite = &finiteCheck{every: int64(e), found: make([]badValue, r.threads)}
	for i, p := range r.net.pops {
		var vs []namedVar
		for _, name := range p.pop.VarNames() {
			if v := p.pop.Var(name); name != "input" && len(v) == r.local(i) {
				vs = append(vs, namedVar{name, v})
			}
		}
		r.finite.vars = append(r.finite.vars, vs)
	}
}

// checkBlock looks for a non-finite value in block b of every population:
// a sum per variable (NaN and ±Inf survive it, and it vectorises), then a
// scan for the first bad index only when the sum is not finite.
func (r *Runner) checkBlock(b int) {
	f := r.finite
	f.found[b] = badValue{pop: -1}
	for p, vs := range f.vars {
		lo, hi := r.bounds[p][b], r.bounds[p][b+1]
		for _, nv := range vs {
			s := 0.0
			for _, x := range nv.v[lo:hi] {
				s += x * 0 // 0 for finite x, NaN for NaN or ±Inf
			}
			if s == 0 {
				continue
			}
			for i := lo; i < hi; i++ {
				if x := nv.v[i]; math.IsNaN(x) || math.IsInf(x, 0) {
					f.found[b] = badValue{p, r.shares[p].Global(i), nv.name, x}
					return
				}
			}
		}
	}
}

// nonFinite returns the error for the first bad value found at step k, or
// nil.
func (r *Runner) nonFinite(k int64) error {
	for _, bv := range r.finite.found {
		if bv.pop < 0 {
			continue
		}
		since := max(k-r.finite.every, 0)
		return fmt.Errorf("sim: population %q neuron %d: %s = %v at step %d (t = %v ms), finite at step %d: "+
			"the model diverged. Likely causes: a time step too large for the integration method (try a smaller dt, "+
			"or an exponential or higher-order method), or an input or parameter driving the model out of its range; "+
			"Options.FiniteEvery = -1 turns this check off",
			r.net.pops[bv.pop].name, bv.i, bv.name, bv.v, k, float64(k)*r.dt, since)
	}
	return nil
}
