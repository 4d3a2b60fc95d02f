package synapse

import (
	"fmt"
	"strings"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/rng"
)

// synVar is a per-synapse variable of an EqSynapses: a state variable or a
// parameter, stored per synapse unless it is a number nothing assigns
// (then it is folded into the programs).
type synVar struct {
	v      *equations.Var
	stored bool
	slot   int // index into the block's arrays (stored only)
	given  bool
	num    float64
	isNum  bool
	slice  []float64
	init   initial.Init
	f32    bool // rounded to float32 (SynapseEquations.Float32)
}

// statements parses an OnPre or OnPost block and checks its targets.
func (s *EqSynapses) statements(text string) ([]equations.Statement, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	st, err := s.model.ParseStatements(text)
	if err != nil {
		return nil, err
	}
	written := map[string]bool{}
	for _, x := range st {
		own := s.model.Lookup(x.Target) == x.Var
		switch {
		case !own && strings.HasSuffix(x.Target, "_pre"):
			return nil, fmt.Errorf("%s: cannot assign the pre variable '%s': post blocks run in parallel and share the pre population", x.Pos, x.Target)
		case !own && x.Op != equations.AddAssign && x.Op != equations.SubAssign:
			return nil, fmt.Errorf("%s: a post variable can only be added to ('%s += ...' or '-='), since several synapses of an event may reach one post neuron", x.Pos, x.Target)
		case own && x.Var.Shared():
			return nil, fmt.Errorf("%s: cannot assign the shared parameter '%s' per synapse", x.Pos, x.Target)
		case own && x.Var.Name == "delay" && x.Var.Kind == equations.Param:
			return nil, fmt.Errorf("%s: cannot assign 'delay': delays are fixed when the projection is built", x.Pos)
		}
		if !own {
			written[x.Target] = true
		}
	}
	for _, x := range st {
		bad := ""
		walkExpanded(x.Expr, func(n *equations.Name) {
			if written[n.Name] && bad == "" {
				bad = n.Name
			}
		})
		if bad != "" {
			return nil, fmt.Errorf("%s: reads the post variable '%s' that the block also adds to: its value would depend on the order of the synapses", x.Pos, bad)
		}
	}
	return st, nil
}

// assigned reports whether a statement of OnPre or OnPost assigns v.
func (s *EqSynapses) assigned(v *equations.Var) bool {
	for _, st := range [][]equations.Statement{s.onPre, s.onPost} {
		for _, x := range st {
			if x.Var == v && s.model.Lookup(x.Target) == v {
				return true
			}
		}
	}
	return false
}

// readValues checks p.Values against the model and builds the layout.
func (s *EqSynapses) readValues() error {
	m, vals := s.model, s.p.Values
	fail := func(name, msg string) error {
		return fmt.Errorf("synapse: FromEquations Values[%q]: %s", name, msg)
	}
	if k, why, ok := compile.CheckValueNames(m, vals, nil); !ok {
		return fail(k, why)
	}
	for _, v := range append(append([]*equations.Var{}, m.States...), m.Params...) {
		x := synVar{v: v}
		val, ok := vals[v.Name]
		if !ok && v.Kind == equations.Param {
			return fail(v.Name, "missing: every parameter needs a value")
		}
		if ok {
			var err error
			if x, err = readSynValue(v, val); err != nil {
				return fail(v.Name, err.Error())
			}
		}
		isDelay := v.Kind == equations.Param && v.Name == "delay"
		x.stored = v.Kind == equations.State || !x.isNum || isDelay || s.assigned(v)
		if x.stored {
			x.slot = s.nStored()
		}
		if isDelay {
			if s.p.Delay != 0 {
				return fmt.Errorf("synapse: FromEquations Delay = %v: leave Delay 0 when the model's parameter delay gives per-synapse delays", s.p.Delay)
			}
			if m.Units == equations.UnitsChecked && !isTime(v.Dim) {
				return fail(v.Name, fmt.Sprintf("the parameter delay has units of %s: it must be a time (': second')", v.Dim))
			}
			s.delayVar = len(s.vars)
		}
		s.vars = append(s.vars, x)
	}
	for i, n := range s.p.Float32 {
		x := s.varByName(n)
		if x == nil || !x.stored {
			return fmt.Errorf("synapse: FromEquations Float32[%d] = %q: not a per-synapse variable of the model that is stored (a state variable, or a parameter that statements assign or that has per-synapse values)", i, n)
		}
		x.f32 = true
	}
	return nil
}

func (s *EqSynapses) varByName(n string) *synVar {
	for i := range s.vars {
		if s.vars[i].v.Name == n {
			return &s.vars[i]
		}
	}
	return nil
}

func (s *EqSynapses) nStored() int {
	n := 0
	for _, x := range s.vars {
		if x.stored {
			n++
		}
	}
	return n
}

// readSynValue checks one value.
func readSynValue(v *equations.Var, val any) (synVar, error) {
	g, err := compile.ReadGiven(val, v.Shared(), -1, "synapse, CSR order")
	return synVar{v: v, given: true, num: g.Num, isNum: g.IsNum, slice: g.Slice, init: g.Init}, err
}

// fill returns the initial values of stored variable x for nnz synapses
// in CSR order (key: the projection's key).
func (x *synVar) fill(nnz int, key uint64) ([]float64, error) {
	a := make([]float64, nnz)
	switch {
	case x.isNum:
		for q := range a {
			a[q] = x.num
		}
	case x.slice != nil:
		if len(x.slice) != nnz {
			return nil, fmt.Errorf("synapse: FromEquations Values[%q] has %d values: must equal the number of synapses, %d", x.v.Name, len(x.slice), nnz)
		}
		copy(a, x.slice)
	case x.init != nil:
		if err := x.init.Fill(a, rng.String(key, "Values."+x.v.Name)); err != nil {
			return nil, fmt.Errorf("synapse: FromEquations Values[%q]: %w", x.v.Name, err)
		}
	}
	if x.f32 {
		roundF32(a)
	}
	return a, nil
}

// roundF32 rounds every element of a to float32 precision.
func roundF32(a []float64) {
	for q, v := range a {
		a[q] = float64(float32(v))
	}
}

// isTime reports whether d is the dimension of time.
func isTime(d equations.Dim) bool {
	for i := 0; i < 7; i++ {
		want := 0.0
		if i == 2 {
			want = 1
		}
		if d.Exponent(i) != want {
			return false
		}
	}
	return true
}
