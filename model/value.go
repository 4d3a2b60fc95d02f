package model

import (
	"fmt"

	"github.com/brainsim/brainsim/initial"
	"go.yaml.in/yaml/v3"
)

// value is a decoded field: which members are set depends on the field's
// kind.
type value struct {
	node *yaml.Node // where it was written; nil for a default
	num  float64    // kFloat, kDelay (uniform delay)
	i    int64      // kInt
	u    uint64     // kSeed
	str  string     // kString, kEnum
	b    bool       // kBool
	nums []float64  // kFloats
	ints []int      // kInts
	strs []string   // kEnums
	init *initSpec  // kInit, kDelay (per synapse)
	rec  *record    // kSection, kDynamic, kOneOf (rec.name is the variant)
	recs []*record  // kNamed, kList
}

// record is a decoded section.
type record struct {
	name string // the key of a named entry, or the variant of a one-of
	node *yaml.Node
	sec  *section
	path string
	vals map[string]*value
	eq   *eqInfo // written as equations: the parsed model
}

func (r *record) get(name string) *value {
	if r == nil {
		return nil
	}
	return r.vals[name]
}

func (r *record) num(name string) float64 {
	if v := r.get(name); v != nil {
		return v.num
	}
	return 0
}

func (r *record) int(name string) int64 {
	if v := r.get(name); v != nil {
		return v.i
	}
	return 0
}

func (r *record) str(name string) string {
	if v := r.get(name); v != nil {
		return v.str
	}
	return ""
}

func (r *record) bool(name string) bool {
	if v := r.get(name); v != nil {
		return v.b
	}
	return false
}

func (r *record) sub(name string) *record {
	if v := r.get(name); v != nil {
		return v.rec
	}
	return nil
}

// at returns the node of field name, or of the record when it was not
// written, for error positions.
func (r *record) at(name string) *yaml.Node {
	if v := r.get(name); v != nil && v.node != nil {
		return v.node
	}
	return r.node
}

// initSpec is an initialiser as written: a constant, a normal or uniform
// distribution, or one value per element.
type initSpec struct {
	kind string // "constant", "normal", "uniform", "values"
	a, b float64
	vals []float64
}

func (s *initSpec) init() initial.Init {
	switch s.kind {
	case "normal":
		return initial.Normal(s.a, s.b)
	case "uniform":
		return initial.Uniform(s.a, s.b)
	case "values":
		return initial.Values(s.vals)
	}
	return initial.Constant(s.a)
}

func (s *initSpec) String() string {
	switch s.kind {
	case "normal":
		return fmt.Sprintf("normal(mean %g, sd %g)", s.a, s.b)
	case "uniform":
		return fmt.Sprintf("uniform(low %g, high %g)", s.a, s.b)
	case "values":
		return fmt.Sprintf("%d values", len(s.vals))
	}
	return fmtNum(s.a)
}

// initVariants are the mapping forms of an initialiser, for docs.
var initForms = []string{"constant", "normal", "uniform", "values"}

func (r *record) nums(name string) []float64 {
	if v := r.get(name); v != nil {
		return v.nums
	}
	return nil
}

func (r *record) ints(name string) []int {
	if v := r.get(name); v != nil {
		return v.ints
	}
	return nil
}

func (r *record) strs(name string) []string {
	if v := r.get(name); v != nil {
		return v.strs
	}
	return nil
}

func (r *record) recs(name string) []*record {
	if v := r.get(name); v != nil {
		return v.recs
	}
	return nil
}

// written reports whether field name was written in the file.
func (r *record) written(name string) bool {
	v := r.get(name)
	return v != nil && v.node != nil
}
