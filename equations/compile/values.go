package compile

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strings"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
)

// Given is what a user gives for a variable of a model written as
// equations (neuron.FromEquations, synapse.FromEquations): one number, one
// number per element, or an initialiser.
type Given struct {
	Num   float64
	IsNum bool
	Slice []float64
	Init  initial.Init
}

// ReadGiven checks val — a float64, an int, a []float64 of n elements (n
// < 0: any length) or an initial.Init — for a variable that is shared (one
// value for all elements) or not; per names an element in messages
// ("neuron", "synapse, CSR order").
func ReadGiven(val any, shared bool, n int, per string) (Given, error) {
	var x Given
	switch t := val.(type) {
	case float64:
		x.Num, x.IsNum = t, true
	case int:
		x.Num, x.IsNum = float64(t), true
	case []float64:
		if shared {
			return x, fmt.Errorf("a shared parameter takes one number, not %d values", len(t))
		}
		if n >= 0 && len(t) != n {
			return x, fmt.Errorf("has %d values: must have one per %s, %d", len(t), per, n)
		}
		for i, e := range t {
			if math.IsNaN(e) || math.IsInf(e, 0) {
				return x, fmt.Errorf("value %d is %v: must be finite", i, e)
			}
		}
		x.Slice = t
	case initial.Init:
		if shared {
			return x, fmt.Errorf("a shared parameter takes one number, not %v", t)
		}
		x.Init = t
	default:
		return x, fmt.Errorf("is a %T: give a float64, an int, a []float64 (one per %s) or an initial.Init", val, per)
	}
	if x.IsNum && (math.IsNaN(x.Num) || math.IsInf(x.Num, 0)) {
		return x, fmt.Errorf("is %v: must be finite", x.Num)
	}
	return x, nil
}

// CheckValueNames checks, in sorted order, that every key of values names
// a state variable or parameter of m; reserved maps names that may not be
// given to the reason. It returns the first offending name and why.
func CheckValueNames[V any](m *equations.Model, values map[string]V, reserved map[string]string) (name, why string, ok bool) {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if r, bad := reserved[k]; bad {
			return k, r, false
		}
		v := m.Lookup(k)
		switch {
		case v == nil:
			var known []string
			for _, x := range m.Vars {
				if _, res := reserved[x.Name]; x.Kind != equations.Subexpr && !res {
					known = append(known, x.Name)
				}
			}
			return k, "no such state variable or parameter in the model; known: " + strings.Join(known, ", "), false
		case v.Kind == equations.Subexpr:
			return k, "is a subexpression (computed from its expression); give values to the parameters it uses", false
		}
	}
	return "", "", true
}

// DescribeValues describes a Values map deterministically and briefly
// (for checkpoints' model hashes):
// keys in order, numbers and initialisers as they print, slices of
// numbers by length and FNV hash (a per-neuron slice of 10⁶ values would
// make a long description).
func DescribeValues(vals map[string]any) string {
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("{")
	for _, k := range keys {
		var xs []float64
		switch v := vals[k].(type) {
		case []float64:
			xs = v
		case initial.Values: // its String hides the values
			xs = v
		case []int:
			for _, x := range v {
				xs = append(xs, float64(x))
			}
		default:
			fmt.Fprintf(&b, "%s:%v ", k, v)
			continue
		}
		h := fnv.New64a()
		var w [8]byte
		for _, x := range xs {
			binary.LittleEndian.PutUint64(w[:], math.Float64bits(x))
			h.Write(w[:])
		}
		fmt.Fprintf(&b, "%s:%T(len %d, fnv %016x) ", k, vals[k], len(xs), h.Sum64())
	}
	b.WriteString("}")
	return b.String()
}
