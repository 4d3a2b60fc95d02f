package equations

import "fmt"

// UnitMode says whether a model's quantities carry units.
type UnitMode uint8

const (
	// UnitsChecked (the default): constants are written with units (-60*mV),
	// every variable is annotated (': volt') and every statement is checked
	// for dimensional consistency; values are converted to brainsim's
	// internal units (mV, ms, nS, pA, pF, GΩ, µm, mM).
	UnitsChecked UnitMode = iota
	// UnitsNone: plain numbers already in brainsim's internal units (BrainPy
	// style); annotations must be ': 1' (or integer/boolean) or absent and unit
	// names are not recognised.
	UnitsNone
)

// String returns the constant's name: "UnitsChecked" or "UnitsNone".
func (u UnitMode) String() string {
	switch u {
	case UnitsChecked:
		return "UnitsChecked"
	case UnitsNone:
		return "UnitsNone"
	}
	return fmt.Sprintf("UnitMode(%d)", uint8(u))
}

// ModelKind selects the flags a model may use (as Brian2's NeuronGroup and
// Synapses do).
type ModelKind uint8

const (
	// NeuronModel allows 'unless refractory' on differential equations.
	NeuronModel ModelKind = iota
	// SynapseModel allows 'event-driven'/'clock-driven' and 'summed'.
	SynapseModel
)

// Quantity is an external constant: Value in SI units of Dim (in UnitsNone
// mode Value is used as it is and Dim is ignored).
type Quantity struct {
	Value float64
	Dim   Dim
}

// Options control Parse. The zero value is a unit-checked neuron model.
type Options struct {
	Units UnitMode
	Kind  ModelKind
	// Constants are named values the text may use without defining them
	// (Brian2's namespace), e.g. {"tau": {0.01, Second}}.
	Constants map[string]Quantity
	// Pre and Post are the neuron models a synapse model connects; their
	// variables are visible as v_pre, v_post.
	Pre, Post *Model
	// MaxBytes bounds the text length (default 1 MiB); MaxDepth bounds the
	// nesting depth of an expression (default 500).
	MaxBytes, MaxDepth int
}

// VarKind tells how a model variable is defined.
type VarKind uint8

// Variable kinds.
const (
	State   VarKind = iota // dx/dt = f : unit
	Param                  // x : unit
	Subexpr                // x = f : unit
)

func (k VarKind) String() string {
	return [...]string{"differential equation", "parameter", "subexpression"}[k]
}

// Type is the value type of a variable.
type Type uint8

// Value types (Brian2's ': integer', ': boolean').
const (
	Float Type = iota
	Integer
	Boolean
)

// Flags are the flags in parentheses after a statement.
type Flags uint16

// Statement flags.
const (
	FlagConstant         Flags = 1 << iota // constant
	FlagShared                             // shared: one value for the group
	FlagLinked                             // linked
	FlagUnlessRefractory                   // unless refractory
	FlagSummed                             // summed
	FlagEventDriven                        // event-driven
	FlagClockDriven                        // clock-driven
	FlagConstantOverDt                     // constant over dt
)

var flagNames = []struct {
	name string
	f    Flags
}{{"constant", FlagConstant}, {"shared", FlagShared}, {"linked", FlagLinked},
	{"unless refractory", FlagUnlessRefractory}, {"summed", FlagSummed},
	{"event-driven", FlagEventDriven}, {"clock-driven", FlagClockDriven},
	{"constant over dt", FlagConstantOverDt}}

// allowedFlags follows Brian2's NeuronGroup and Synapses.
var allowedFlags = [2][3]Flags{
	NeuronModel: {State: FlagUnlessRefractory, Param: FlagConstant | FlagShared | FlagLinked,
		Subexpr: FlagShared | FlagConstantOverDt},
	SynapseModel: {State: FlagEventDriven | FlagClockDriven, Param: FlagConstant | FlagShared | FlagLinked,
		Subexpr: FlagSummed | FlagShared | FlagConstantOverDt},
}

// Var is a variable of a model.
type Var struct {
	Name  string
	Kind  VarKind
	Dim   Dim
	Unit  string // the annotation as written ("volt", "uF/cm**2", "1")
	Type  Type
	Flags Flags
	// Expr is the right-hand side: f in dx/dt = f or x = f; nil for a
	// parameter. Names in it are resolved; unit names are Nums in
	// brainsim's internal units.
	Expr Expr
	Pos  Pos    // where the statement starts
	Stmt string // the statement's source text
}

// Has reports whether v carries all flags f.
func (v *Var) Has(f Flags) bool { return v.Flags&f == f }

// Shared reports whether v has one value for the whole group (flag shared)
// rather than one per neuron or synapse.
func (v *Var) Shared() bool { return v.Has(FlagShared) }

// Model is a parsed and checked set of model equations.
type Model struct {
	// Vars lists every variable in text order.
	Vars []*Var
	// States, Params and Subexprs list them by kind; States and Params in
	// text order, Subexprs in dependency order (each after those it uses).
	States, Params, Subexprs []*Var
	Units                    UnitMode
	Kind                     ModelKind

	opts     Options
	byName   map[string]*Var
	analysis *Analysis
}

// Lookup returns the variable named name, or nil.
func (m *Model) Lookup(name string) *Var { return m.byName[name] }
