package model

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/internal/guard"
)

// neuronBytes is a lower bound of the state a neuron of k holds: 8 bytes
// per variable, its spike flag and its last spike step.
func neuronBytes(k *neuronKind) int64 {
	if k == nil {
		return 17
	}
	return 8*int64(len(k.vars)) + 9
}

func bytesFor(n, each int64) string {
	if n > 0 && each > math.MaxInt64/n {
		return guard.Bytes(0, false)
	}
	return guard.Bytes(n*each, true)
}

// expectedSynapses estimates the synapses of connector c between n pre and
// m post neurons (the mean for random connectors; -1 when unknown).
func expectedSynapses(c *record, n, m int64) float64 {
	nf, mf := float64(n), float64(m)
	switch c.name {
	case "fixed_prob", "procedural_fixed_prob":
		return nf * mf * c.num("prob")
	case "fixed_post_num":
		return nf * float64(c.int("num"))
	case "fixed_pre_num":
		return mf * float64(c.int("num"))
	case "fixed_total_num":
		return float64(c.int("num"))
	case "all2all":
		return nf * mf
	case "one2one":
		return min(nf, mf)
	case "grid_four":
		return 4 * nf
	case "grid_eight":
		return 8 * nf
	case "grid_n":
		k := float64(2*c.int("n") + 1)
		return (k*k - 1) * nf
	case "small_world":
		return float64(c.int("k")) * nf
	}
	return -1
}

// reserve checks, before anything is allocated, that the populations,
// synapses and input signals of the model fit the memory budget: the
// runner counts the same memory precisely when it is built, but Build
// would allocate parameters and signals first.
func (f *File) reserve(dt, duration float64) Errors {
	limit := f.top.sub("run").int("memory_limit")
	b := guard.NewBudget(limit)
	var errs Errors
	fail := func(r *record, err error) {
		errs = append(errs, &Error{File: f.filename, Line: r.node.Line, Col: r.node.Column, Path: r.path, Msg: err.Error()})
	}
	hint := "lower the size or raise run.memory_limit"
	sizes := map[string]int64{}
	for _, p := range f.top.recs("populations") {
		n := p.int("size")
		sizes[p.name] = n
		if err := b.Reserve(fmt.Sprintf("%d neurons", n), n, neuronBytes(f.reg.neuron(p.str("model"))), hint); err != nil {
			fail(p, err)
		}
	}
	for _, r := range f.top.recs("projections") {
		c := r.sub("connector")
		each := int64(2)
		if w := r.get("weights"); w != nil && w.init != nil {
			each += 4
		}
		if k := f.reg.synapse(r.str("synapse")); k != nil && k.procedural {
			continue
		}
		s := expectedSynapses(c, sizes[r.str("pre")], sizes[r.str("post")])
		if s < 0 {
			continue
		}
		if s > math.MaxInt64/8 {
			s = math.MaxInt64 / 8
		}
		if err := b.Reserve(fmt.Sprintf("about %.0f synapses (%s)", s, c.name), int64(s), each, "lower the sizes or the connectivity"); err != nil {
			fail(r, err)
		}
	}
	steps := duration/dt + 1
	for _, in := range f.top.recs("inputs") {
		ch := int64(1)
		for _, g := range []string{"wiener", "ou"} {
			if c := in.sub(g).int("channels"); c > 1 {
				ch = c
			}
		}
		gen := false
		for _, g := range generators[1:] { // series is written out in full
			gen = gen || (in.get(g) != nil && in.get(g).node != nil && g != "poisson")
		}
		if !gen {
			continue
		}
		if err := b.Reserve(fmt.Sprintf("input signal of %.0f steps × %d channels", steps, ch), int64(min(steps, math.MaxInt64/16)), 8*ch, "shorten run.duration or use fewer channels"); err != nil {
			fail(in, err)
		}
	}
	return errs
}
