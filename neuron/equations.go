package neuron

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/sim"
)

// EquationParams complete the model text of FromEquations (Brian2's
// NeuronGroup arguments).
type EquationParams struct {
	// Threshold is the spike condition, e.g. "v > v_th" ("" = no spikes).
	Threshold string
	// Reset holds the statements run for each neuron that spiked, in
	// order, e.g. "v = v_reset; v_th += d_th".
	Reset string
	// Refractory is a period ("5*ms", "tau_ref", possibly per neuron) or a
	// condition ("v > -40*mV"); "" = none. After a spike at step s the
	// neuron is refractory for steps s+1 … s+round(period/dt) (tested
	// before the threshold, as LIF); with a condition, at every step after
	// its first spike at which the condition holds on the state the step
	// starts from. A refractory neuron does not spike, its variables marked
	// (unless refractory) keep their values, and voltage jumps to it are
	// dropped.
	Refractory string
	// Method is an integration method: "" or "auto" (Brian2's choice:
	// exact, else euler, else heun), exact, exponential_euler, euler,
	// euler_maruyama, rk2, rk4, heun or milstein.
	Method string
	// Units says whether the text carries units (equations.UnitsChecked,
	// the default) or is in brainsim's units already (UnitsNone).
	Units equations.UnitMode
	// Values gives every parameter and, optionally, initial values of the
	// state variables (default 0), as numbers in brainsim's internal units
	// (mV, ms, pA, nS, pF, GΩ) whatever Units says. A value is a float64
	// or int (the same for every neuron), a []float64 (one per neuron) or
	// an initial.Init (drawn from the population's stream "Values.<name>").
	// A shared parameter takes one number.
	Values map[string]any
}

// EqPopulation is a population defined by model equations (Brian2's
// NeuronGroup; see package equations for the syntax), compiled into chunked
// vector programs (package equations/compile) when the run's dt is known.
//
// # Input
//
// The name input is the population's input variable, the current that
// runner inputs and projections add to "P.input" in every step; the model
// reads it like a parameter. It is declared as 'input : amp' (or 'input :
// 1' with UnitsNone) unless the text declares it itself (e.g. 'input :
// volt' for a current already multiplied by a resistance). Hosted synaptic
// channels (sim.ChannelHost) add G·(E − v) to it with v of the previous
// step, as for LIF.
//
// # Step
//
// For each chunk of neurons: the hosted channels' currents, the
// refractory test, one step of the integration method for all state
// variables together (the input held for the step; variables flagged
// (unless refractory) keep their old value while refractory), the voltage
// jumps (Jumps, onto the variable v or V, dropped while refractory), the
// threshold on the new state, and the reset statements for the neurons that
// spiked. White noise xi is √dt·N(0, 1) per neuron and step and rand(),
// randn() are uniform and normal draws, all counter-based from the
// population's key, so results do not depend on the number of threads.
//
// # Variables
//
// Var and VarNames give every state variable and parameter (one value per
// neuron) and "input"; Var("V") is v when the model calls it v.
type EqPopulation struct {
	sim.Membership
	n      int    // neurons of the population
	off    int    // this rank's share: local neuron j is neuron off + j·stride
	stride int    // (1: a contiguous share)
	local  int    // the arrays' length
	text   string // the model text (Fingerprint)
	p      EquationParams
	model  *equations.Model
	method string
	thr    equations.Expr
	reset  []equations.Statement
	ref    *equations.Refractory
	vals   []value // per variable of layout
	layout layout
	volt   int // index of v or V in model.States, −1 if none
	run    *eqRun
	channels
}

var inputDecl = regexp.MustCompile(`(?m)^[ \t]*input[ \t]*:`)

// FromEquations returns a population of n neurons defined by the model
// text (one statement per line, see package equations) and p. Every
// problem is an error naming the field: "neuron: FromEquations Threshold:
// line 1, col 5: …".
func FromEquations(n int, text string, p EquationParams) (*EqPopulation, error) {
	fail := func(field string, err error) error {
		return fmt.Errorf("neuron: FromEquations %s: %w", field, err)
	}
	if n <= 0 {
		return nil, paramError("FromEquations", "size", n, "must be > 0")
	}
	if !inputDecl.MatchString(text) {
		if p.Units == equations.UnitsNone {
			text += "\ninput : 1"
		} else {
			text += "\ninput : amp"
		}
	}
	m, err := equations.Parse(text, equations.Options{Units: p.Units})
	if err != nil {
		return nil, fail("text", err)
	}
	if in := m.Lookup("input"); in.Kind != equations.Param || in.Shared() {
		return nil, fail("text", fmt.Errorf("'input' is the population's input variable: declare it as a parameter ('input : amp'), not a %s or shared", in.Kind))
	}
	q := &EqPopulation{n: n, text: text, p: p, model: m, volt: -1}
	if p.Method == "" {
		p.Method = "auto"
	}
	if q.method, err = m.Method(p.Method); err != nil {
		return nil, fail("Method", err)
	}
	if strings.TrimSpace(p.Threshold) != "" {
		if q.thr, err = m.ParseCondition(p.Threshold); err != nil {
			return nil, fail("Threshold", err)
		}
	}
	if strings.TrimSpace(p.Reset) != "" {
		if q.thr == nil {
			return nil, fail("Reset", fmt.Errorf("a reset needs a Threshold"))
		}
		if q.reset, err = m.ParseStatements(p.Reset); err != nil {
			return nil, fail("Reset", err)
		}
		for _, s := range q.reset {
			if s.Var.Shared() || s.Var.Name == "input" {
				return nil, fail("Reset", fmt.Errorf("%s: cannot assign to '%s' per neuron (it is shared or the input)", s.Pos, s.Target))
			}
		}
	}
	if strings.TrimSpace(p.Refractory) != "" {
		if q.ref, err = m.ParseRefractory(p.Refractory); err != nil {
			return nil, fail("Refractory", err)
		}
		if q.ref.Period != nil && usesState(q.ref.Period) {
			return nil, fail("Refractory", fmt.Errorf("the period %s depends on a state variable; give a time (5*ms, a parameter) or a condition", q.ref.Period))
		}
	}
	for i, v := range m.States {
		if v.Name == "v" || v.Name == "V" && q.volt < 0 {
			q.volt = i
		}
	}
	if err := q.readValues(); err != nil {
		return nil, err
	}
	return q, nil
}

// Model returns the parsed model.
func (q *EqPopulation) Model() *equations.Model { return q.model }

// Method returns the integration method in use (auto resolved).
func (q *EqPopulation) Method() string { return q.method }

// Size implements sim.Population.
func (q *EqPopulation) Size() int { return q.n }

// Spike implements sim.Population.
func (q *EqPopulation) Spike() []bool {
	if q.run == nil {
		return nil
	}
	return q.run.spike
}

// Var implements sim.Population.
func (q *EqPopulation) Var(name string) []float64 {
	if q.run == nil {
		return nil
	}
	if name == "V" && q.model.Lookup("V") == nil && q.volt >= 0 {
		name = q.model.States[q.volt].Name
	}
	for i, v := range q.layout.vars {
		if v.Name == name {
			return q.run.arrays[i]
		}
	}
	return nil
}

// VarNames implements sim.Population: the state variables, the parameters
// (input last).
func (q *EqPopulation) VarNames() []string {
	names := make([]string, 0, len(q.layout.vars))
	for _, v := range q.layout.vars {
		if v.Name != "input" {
			names = append(names, v.Name)
		}
	}
	return append(names, "input")
}

// Jumps implements synapse.JumpTarget: the jumps onto v (or V); nil if the
// model has no such variable.
func (q *EqPopulation) Jumps() []float64 {
	if q.volt < 0 || q.run == nil {
		return nil
	}
	if q.run.jump == nil {
		q.run.jump = make([]float64, q.local)
	}
	return q.run.jump
}

// Attach implements sim.ChannelHost: a population with a variable v (or V)
// hosts synaptic channels, whose currents go to input.
func (q *EqPopulation) Attach(c *sim.Channel) bool {
	return q.volt >= 0 && q.channels.Attach(c)
}

// usesState reports whether e refers to a state variable (directly or
// through a subexpression).
func usesState(e equations.Expr) bool {
	switch e := e.(type) {
	case *equations.Name:
		return e.Kind == equations.KindState || e.Kind == equations.KindSubexpr && e.Var != nil && usesState(e.Var.Expr)
	case *equations.Unary:
		return usesState(e.X)
	case *equations.Binary:
		return usesState(e.X) || usesState(e.Y)
	case *equations.Call:
		for _, a := range e.Args {
			if usesState(a) {
				return true
			}
		}
	}
	return false
}

// global returns the population index of local neuron j.
func (q *EqPopulation) global(j int) int { return q.off + j*max(q.stride, 1) }

// frame returns a frame of p for this population's share (its stride).
func (q *EqPopulation) frame(p *compile.Program) *compile.Frame {
	f := p.NewFrame()
	f.SetStride(q.stride)
	return f
}
