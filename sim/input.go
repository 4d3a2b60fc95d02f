package sim

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rng"
)

// boundInput is an Input resolved against a network.
type boundInput struct {
	label  string // "Inputs[n] (target)", for errors
	pop    int
	target []float64
	op     string
	values []float64               // per-neuron constants (the whole population), or nil
	fn     func(t float64) float64 // or nil
	src    Source                  // or nil
	buf    []float64               // src values of the neurons held here
	cur    float64                 // the scalar for this step
}

func (r *Runner) bindInputs(in []Input) error {
	type ranked struct {
		b          boundInput
		kind, rank int
	}
	var rs []ranked
	perTarget := map[string]int{} // inputs seen per target, for Source keys
	for n, x := range in {
		name, v, ok := strings.Cut(x.Target, ".")
		pi := r.popIndex(name)
		if !ok || pi < 0 {
			return fmt.Errorf("sim: Inputs[%d].Target = %q: want \"population.variable\"; valid targets: %s",
				n, x.Target, strings.Join(r.inputTargets(), ", "))
		}
		p := r.net.pops[pi].pop
		target := p.Var(v)
		if jt, ok := p.(JumpTarget); ok && target == nil && v == "jump" {
			target = jt.Jumps() // voltage jumps: dropped while refractory
		}
		if target == nil {
			return fmt.Errorf("sim: Inputs[%d].Target = %q: population %q has no variable %q; valid targets: %s",
				n, x.Target, name, v, strings.Join(r.inputTargets(), ", "))
		}
		rank, ok := opRank(x.Op)
		if !ok {
			return fmt.Errorf("sim: Inputs[%d].Op = %q: must be one of \"+\" (default), \"-\", \"*\", \"/\", \"=\"", n, x.Op)
		}
		set := 0
		for _, b := range []bool{x.Values != nil, x.Func != nil, x.Source != nil} {
			if b {
				set++
			}
		}
		if set > 1 {
			return fmt.Errorf("sim: Inputs[%d] (%s): set at most one of Values, Func and Source", n, x.Target)
		}
		if x.Values != nil && len(x.Values) != p.Size() {
			return fmt.Errorf("sim: Inputs[%d].Values has length %d: must equal the size of %q, %d", n, len(x.Values), name, p.Size())
		}
		op := x.Op
		if op == "" {
			op = "+"
		}
		label := fmt.Sprintf("Inputs[%d] (%s)", n, x.Target)
		if err := checkValues(label, op, x); err != nil {
			return err
		}
		if si, ok := x.Source.(SourceInit); ok {
			env := &Env{Dt: r.dt, Key: rng.String(r.net.seed, fmt.Sprintf("input:%s#%d", x.Target, perTarget[x.Target]))}
			if err := si.Init(env); err != nil {
				return fmt.Errorf("sim: %s: %w", label, err)
			}
		}
		perTarget[x.Target]++
		b := boundInput{label: label, pop: pi, target: target, op: op, values: x.Values, fn: x.Func, src: x.Source, cur: x.Value}
		kind := 0 // constants (scalar or per neuron), then functions, then sources
		switch {
		case x.Func != nil:
			kind = 1
		case x.Source != nil:
			kind = 2
			b.buf = make([]float64, len(target))
		case x.Values != nil && r.shares[pi].Stride != 1:
			b.buf = make([]float64, len(target)) // the share's values, gathered per step
		}
		rs = append(rs, ranked{b, kind, rank})
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].kind != rs[j].kind {
			return rs[i].kind < rs[j].kind
		}
		return rs[i].rank < rs[j].rank
	})
	for _, x := range rs {
		r.inputs = append(r.inputs, x.b)
	}
	// A population's "input" is cleared at the start of every step; when the
	// first input applied to it adds or assigns, assigning does both at once.
	r.assigned = make([]bool, len(r.net.pops))
	seen := make([]bool, len(r.net.pops))
	for i := range r.inputs {
		in := &r.inputs[i]
		buf := r.clear[in.pop]
		if seen[in.pop] || len(buf) == 0 || len(in.target) == 0 || &in.target[0] != &buf[0] {
			continue
		}
		seen[in.pop] = true
		if in.op == "+" || in.op == "=" {
			in.op, r.assigned[in.pop] = "=", true
		}
	}
	return nil
}

// checkValues refuses constants that would make the state NaN or infinite:
// a non-finite Value or Values element, or a division by zero.
func checkValues(label, op string, x Input) error {
	bad := func(v float64) string {
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return "must be finite"
		case op == "/" && v == 0:
			return "must not be 0 with Op \"/\""
		}
		return ""
	}
	if x.Values != nil {
		for i, v := range x.Values {
			if why := bad(v); why != "" {
				return fmt.Errorf("sim: %s: Values[%d] = %v: %s", label, i, v, why)
			}
		}
		return nil
	}
	if x.Func == nil && x.Source == nil {
		if why := bad(x.Value); why != "" {
			return fmt.Errorf("sim: %s: Value = %v: %s", label, x.Value, why)
		}
	}
	return nil
}

func (r *Runner) inputTargets() []string {
	var s []string
	for _, p := range r.net.pops {
		for _, v := range p.pop.VarNames() {
			s = append(s, p.name+"."+v)
		}
	}
	return s
}

// apply applies the input of step k to the neurons [lo, hi) (local
// indices of the share sh) of its population.
func (b *boundInput) apply(k int64, t float64, lo, hi int, sh dist.Share) {
	x := b.target[lo:hi]
	var v []float64
	switch {
	case b.src != nil && sh.Stride == 1:
		v = b.buf[lo:hi]
		b.src.Values(k, t, sh.Off+lo, sh.Off+hi, v)
	case b.src != nil: // a round-robin share: the neurons one by one
		v = b.buf[lo:hi]
		for j := range v {
			g := sh.Global(lo + j)
			b.src.Values(k, t, g, g+1, v[j:j+1])
		}
	case b.values != nil && sh.Stride == 1:
		v = b.values[sh.Off+lo : sh.Off+hi]
	case b.values != nil:
		v = b.buf[lo:hi]
		for j := range v {
			v[j] = b.values[sh.Global(lo+j)]
		}
	}
	if v != nil {
		switch b.op {
		case "=":
			copy(x, v)
		case "+":
			for i := range x {
				x[i] += v[i]
			}
		case "-":
			for i := range x {
				x[i] -= v[i]
			}
		case "*":
			for i := range x {
				x[i] *= v[i]
			}
		case "/":
			for i := range x {
				x[i] /= v[i]
			}
		}
		return
	}
	c := b.cur
	switch b.op {
	case "=":
		kernel.Fill(x, c)
	case "+":
		kernel.AddConst(x, c)
	case "-":
		for i := range x {
			x[i] -= c
		}
	case "*":
		for i := range x {
			x[i] *= c
		}
	case "/":
		for i := range x {
			x[i] /= c
		}
	}
}
