package neuron

import (
	"fmt"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/rng"
)

// varClass says how a compiled program sees a variable.
type varClass uint8

const (
	cVector varClass = iota // one value per neuron, a vector input slot
	cConst                  // a constant parameter with one value: folded into the program
	cShared                 // a shared parameter: a scalar input slot
)

// layout lists the variables of an EqPopulation: the state variables, then
// the parameters, in text order, with their class and input slot.
type layout struct {
	vars  []*equations.Var
	class []varClass
	slot  []int
	nVec  int
	nScal int // scalar slot 0 is t
}

// value is one entry of EquationParams.Values.
type value struct {
	given bool
	num   float64
	isNum bool
	slice []float64
	init  initial.Init
}

// readValues checks p.Values against the model and builds the layout.
func (q *EqPopulation) readValues() error {
	m, vals := q.model, q.p.Values
	fail := func(name, msg string) error {
		return fmt.Errorf("neuron: FromEquations Values[%q]: %s", name, msg)
	}
	if k, why, ok := compile.CheckValueNames(m, vals, map[string]string{
		"input": "input is the population's input variable (set it with runner inputs or projections)"}); !ok {
		return fail(k, why)
	}
	L := &q.layout
	L.nScal = 1
	add := func(v *equations.Var, c varClass) {
		L.vars, L.class = append(L.vars, v), append(L.class, c)
		switch c {
		case cVector:
			L.slot = append(L.slot, L.nVec)
			L.nVec++
		case cShared:
			L.slot = append(L.slot, L.nScal)
			L.nScal++
		default:
			L.slot = append(L.slot, -1)
		}
	}
	for _, v := range m.States {
		add(v, cVector)
	}
	for _, v := range m.Params {
		switch val, ok := vals[v.Name]; {
		case v.Name == "input":
			add(v, cVector)
		case !ok:
			return fail(v.Name, "missing: every parameter needs a value")
		default:
			x, err := readValue(val, q.n, v.Shared())
			if err != nil {
				return fail(v.Name, err.Error())
			}
			switch {
			case x.isNum && v.Has(equations.FlagConstant):
				add(v, cConst)
			case v.Shared():
				add(v, cShared)
			default:
				add(v, cVector)
			}
		}
	}
	q.vals = make([]value, len(L.vars))
	for i, v := range L.vars {
		if val, ok := vals[v.Name]; ok {
			x, err := readValue(val, q.n, v.Shared()) // state variables' values too
			if err != nil {
				return fail(v.Name, err.Error())
			}
			q.vals[i] = x
		}
	}
	return nil
}

// readValue checks one value.
func readValue(val any, n int, shared bool) (value, error) {
	g, err := compile.ReadGiven(val, shared, n, "neuron")
	return value{given: true, num: g.Num, isNum: g.IsNum, slice: g.Slice, init: g.Init}, err
}

// fillValues fills the arrays of a run from the values (key: the
// population's key).
func (q *EqPopulation) fillValues(arrays [][]float64, key uint64) error {
	for i, x := range q.vals {
		a := arrays[i]
		switch {
		case x.isNum:
			for j := range a {
				a[j] = x.num
			}
		case x.slice != nil && q.layout.vars[i].Shared():
			copy(a, x.slice)
		case x.slice != nil:
			if err := initial.Share(initial.Values(x.slice), a, 0, q.off, q.stride, q.n); err != nil {
				return fmt.Errorf("neuron: FromEquations Values[%q]: %w", q.layout.vars[i].Name, err)
			}
		case x.init != nil:
			name := q.layout.vars[i].Name
			part, off, stride := a, q.off, q.stride
			if q.layout.vars[i].Shared() { // one value, read at [0]: the whole population's first
				part, off, stride = a[:min(len(a), 1)], 0, 1
			}
			if err := initial.Share(x.init, part, rng.String(key, "Values."+name), off, stride, q.n); err != nil {
				return fmt.Errorf("neuron: FromEquations Values[%q]: %w", name, err)
			}
		}
	}
	return nil
}
