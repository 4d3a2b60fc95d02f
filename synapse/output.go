package synapse

import (
	"fmt"
	"math"
)

// Output turns a projection's post-sized conductance into current for the
// post population (BrainPy's synaptic outputs; docs/semantics.md,
// “Conductance updates”). A projection calls it once per step and post block,
// after updating its conductance, with the post potential V left by the
// previous step.
//
// CUBA, COBA and MgBlock are the outputs BrainPy offers; a user type may
// implement Output too.
type Output interface {
	// Current adds the current of conductances g to in for the potentials
	// v; the three slices cover one post block and have equal lengths (v is
	// nil when NeedsV is false).
	Current(in, g, v []float64)
	// NeedsV reports whether Current reads the post potential "V".
	NeedsV() bool
	// Check validates the parameters.
	Check() error
	// String describes the output, e.g. "COBA(E=-80)".
	String() string
}

// CUBA is the current-based output: I = g.
type CUBA struct{}

// Current implements Output.
func (CUBA) Current(in, g, _ []float64) {
	in = in[:len(g)]
	for j, x := range g {
		in[j] += x
	}
}

// NeedsV implements Output.
func (CUBA) NeedsV() bool { return false }

// Check implements Output.
func (CUBA) Check() error { return nil }

func (CUBA) String() string { return "CUBA" }

// COBA is the conductance-based output: I = g·(E − V_post), E the reversal
// potential in mV.
type COBA struct{ E float64 }

// Current implements Output.
func (o COBA) Current(in, g, v []float64) {
	in, v = in[:len(g)], v[:len(g)]
	for j, x := range g {
		in[j] += x * (o.E - v[j])
	}
}

// NeedsV implements Output.
func (COBA) NeedsV() bool { return true }

// Check implements Output.
func (o COBA) Check() error {
	if !finite(o.E) {
		return fmt.Errorf("COBA E = %v: must be finite", o.E)
	}
	return nil
}

func (o COBA) String() string { return fmt.Sprintf("COBA(E=%g)", o.E) }

// MgBlock is the conductance-based output with the voltage-dependent
// magnesium block of NMDA receptors (Jahr & Stevens 1990; BrainPy's
// MgBlock):
//
//	I = g·(E − V) / (1 + (CcMg/Beta)·exp(Alpha·(VOffset − V)))
//
// Fields (DefaultMgBlock gives BrainPy's values):
//
//	E        reversal potential, mV                    0
//	CcMg     extracellular [Mg²⁺], mM (>= 0)          1.2
//	Alpha    voltage sensitivity, 1/mV                 0.062
//	Beta     Mg²⁺ dissociation constant, mM (> 0)     3.57
//	VOffset  voltage offset, mV                        0
type MgBlock struct {
	E, CcMg, Alpha, Beta, VOffset float64
}

// DefaultMgBlock returns BrainPy's MgBlock: E = 0, CcMg = 1.2,
// Alpha = 0.062, Beta = 3.57, VOffset = 0.
func DefaultMgBlock() MgBlock { return MgBlock{E: 0, CcMg: 1.2, Alpha: 0.062, Beta: 3.57} }

// Current implements Output.
func (o MgBlock) Current(in, g, v []float64) {
	in, v = in[:len(g)], v[:len(g)]
	c := o.CcMg / o.Beta
	for j, x := range g {
		in[j] += x * (o.E - v[j]) / (1 + c*math.Exp(o.Alpha*(o.VOffset-v[j])))
	}
}

// NeedsV implements Output.
func (MgBlock) NeedsV() bool { return true }

// Check implements Output.
func (o MgBlock) Check() error {
	switch {
	case !finite(o.E):
		return fmt.Errorf("MgBlock E = %v: must be finite", o.E)
	case !(o.CcMg >= 0) || math.IsInf(o.CcMg, 0):
		return fmt.Errorf("MgBlock CcMg = %v: must be a finite concentration >= 0 mM (BrainPy: 1.2)", o.CcMg)
	case !finite(o.Alpha):
		return fmt.Errorf("MgBlock Alpha = %v: must be finite (BrainPy: 0.062 per mV)", o.Alpha)
	case !(o.Beta > 0) || math.IsInf(o.Beta, 0):
		return fmt.Errorf("MgBlock Beta = %v: must be finite and > 0 mM (BrainPy: 3.57; see DefaultMgBlock)", o.Beta)
	case !finite(o.VOffset):
		return fmt.Errorf("MgBlock VOffset = %v: must be finite", o.VOffset)
	}
	return nil
}

func (o MgBlock) String() string {
	return fmt.Sprintf("MgBlock(E=%g, CcMg=%g, Alpha=%g, Beta=%g, VOffset=%g)", o.E, o.CcMg, o.Alpha, o.Beta, o.VOffset)
}

// resolveOutput returns out, or def when out is nil, after checking it.
func resolveOutput(kind string, out, def Output) (Output, error) {
	if out == nil {
		out = def
	}
	if err := out.Check(); err != nil {
		return nil, fmt.Errorf("synapse: %s output %w", kind, err)
	}
	return out, nil
}
