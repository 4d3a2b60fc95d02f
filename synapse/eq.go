package synapse

import (
	"fmt"
	"strings"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/sim"
)

// SynapseEquations complete the model text of FromEquations (Brian2's
// Synapses arguments).
type SynapseEquations struct {
	// Model declares the per-synapse variables (package equations syntax,
	// Options.Kind = SynapseModel): parameters ('w : 1'), differential
	// equations integrated every step ('dg/dt = -g/tau : siemens
	// (clock-driven)', the default) or only at events ('dapre/dt =
	// -apre/taupre : 1 (event-driven)'), subexpressions, and summed
	// variables written into the post population ('I_syn_post =
	// g*(E - v_post) : amp (summed)'). Variables of the connected
	// populations are x_pre and x_post.
	Model string
	// OnPre runs for every synapse of an arriving pre spike, OnPost for
	// every synapse of a post neuron that spiked: statements separated by
	// ';' or newlines, e.g. "g_post += w; apre += d_apre".
	OnPre, OnPost string
	// Values gives every parameter and, optionally, initial values of the
	// state variables (default 0), in brainsim's internal units (mV, ms,
	// nS, pA) whatever Units says: a float64 or int (the same for every
	// synapse), a []float64 (one per synapse, in the connector's CSR order)
	// or an initial.Init (drawn per synapse from the projection's stream
	// "Values.<name>", in CSR order).
	Values map[string]any
	// Delay is one delay for all synapses, ms; a parameter named delay
	// ('delay : second') gives per-synapse delays instead (Delay must then
	// be 0). A delay d becomes the latency max(1, round(d/dt)) steps, as in
	// every projection of the package.
	Delay float64
	// Method integrates the clock-driven equations: "" or "auto" (exact,
	// else euler, else heun), or a method of package equations/compile.
	Method string
	// Units says whether the text carries units (the default) or is in
	// brainsim's units already (equations.UnitsNone).
	Units equations.UnitMode
	// Float32 names variables kept in single precision (Brian2's dtype
	// argument): every value written to them is rounded to float32, as the
	// built-in projections store their weights.
	Float32 []string
}

// EqSynapses is a projection defined by model equations (Brian2's
// Synapses); see FromEquations.
type EqSynapses struct {
	sim.Membership
	pre, post sim.Population
	conn      connect.Connector
	p         SynapseEquations
	model     *equations.Model
	method    string
	onPre     []equations.Statement
	onPost    []equations.Statement
	summed    []*equations.Var // summed subexpressions
	sumTo     []string         // their targets in the post population
	vars      []synVar         // per-synapse variables (layout)
	delayVar  int              // index in vars of 'delay', or −1
	run       *synRun
}

// modelOf is implemented by populations defined by equations
// (neuron.EqPopulation).
type modelOf interface{ Model() *equations.Model }

// FromEquations returns a projection from pre to post whose synapses
// follow the model text and statements of p (Brian2's Synapses; package
// equations for the syntax). Every problem is an error naming the field.
//
// # Step
//
// A projection sees, in step k, the pre spikes of step k − λ and the post
// spikes of step k − 1 (docs/semantics.md, “The step contract”). For each
// post block, in order:
//
//  1. OnPost, for the synapses of every post neuron of the block that
//     spiked at step k − 1, at that step's time t_{k−1};
//  2. one step of Method for the clock-driven equations of every synapse
//     (t_{k−1} → t_k);
//  3. OnPre, for the synapses of every pre spike arriving at step k (at
//     t_k), latency by latency (ascending), spikes in ascending order,
//     synapses in connector order;
//  4. the summed variables, Σ over the synapses of each post neuron, are
//     added to the post "input" (the runner clears it every step) or, for
//     any other target, stored into it (Brian2's rule: the target holds the
//     sum).
//
// Event-driven variables are advanced exactly to the time of each event
// before its statements run (their equations must be linear and
// decoupled: dx/dt = A·x + B with A, B free of state variables), so
// between events they keep the value of the last one. Statements may add
// to (+=, −=) variables of the post population (g_post += w), within the
// block; they may not assign pre variables, nor read a post variable they
// also write. Expressions read post and pre variables as the previous step
// left them. Brian2 delivers a spike with delay d at d/dt steps after it
// and the post neuron sees it one step later; brainsim's latency λ
// includes that step, so Brian2's delay d is Delay = d + dt here.
//
// State is kept per post block, in connector order within the block, so
// results do not depend on the number of threads. rand(), randn() and xi
// are not supported in synapse models yet.
//
// Variables: every per-synapse state variable and stored parameter
// (synapse-sized, in the connector's CSR order, updated at every change
// once a monitor or a SynapseVar call asked for it) and "lastupdate"
// with event-driven variables (ms).
func FromEquations(pre, post sim.Population, conn connect.Connector, p SynapseEquations) (*EqSynapses, error) {
	const kind = "FromEquations"
	if err := checkEnds(kind, pre, post, conn); err != nil {
		return nil, err
	}
	fail := func(field string, err error) error { return fmt.Errorf("synapse: FromEquations %s: %w", field, err) }
	if err := checkDelay(kind, p.Delay); err != nil {
		return nil, err
	}
	preM, err := endModel(pre, p.Units)
	if err != nil {
		return nil, fail("pre population", err)
	}
	postM, err := endModel(post, p.Units)
	if err != nil {
		return nil, fail("post population", err)
	}
	m, err := equations.Parse(p.Model, equations.Options{Units: p.Units, Kind: equations.SynapseModel, Pre: preM, Post: postM})
	if err != nil {
		return nil, fail("Model", err)
	}
	s := &EqSynapses{pre: pre, post: post, conn: conn, p: p, model: m, delayVar: -1}
	if p.Method == "" {
		p.Method = "auto"
	}
	if len(m.Analysis().Eqs) > 0 {
		if s.method, err = m.Method(p.Method); err != nil {
			return nil, fail("Method", err)
		}
	}
	if err := s.checkModel(postM); err != nil {
		return nil, fail("Model", err)
	}
	if s.onPre, err = s.statements(p.OnPre); err != nil {
		return nil, fail("OnPre", err)
	}
	if s.onPost, err = s.statements(p.OnPost); err != nil {
		return nil, fail("OnPost", err)
	}
	if err := s.readValues(); err != nil {
		return nil, err
	}
	return s, nil
}

// endModel returns the model of a population: its own if it was defined
// by equations, else parameters named after its variables (V in volt,
// input in amp, the others dimensionless; ': 1' with UnitsNone).
func endModel(p sim.Population, units equations.UnitMode) (*equations.Model, error) {
	if mo, ok := p.(modelOf); ok && mo.Model() != nil {
		m := mo.Model()
		if m.Units != units {
			return nil, fmt.Errorf("it was defined with Units = %v, but SynapseEquations.Units = %v: use the same unit mode for both", m.Units, units)
		}
		return m, nil
	}
	var b strings.Builder
	for _, n := range p.VarNames() {
		unit := "1"
		if units == equations.UnitsChecked {
			switch n {
			case "V", "v":
				unit = "volt"
			case "input":
				unit = "amp"
			}
		}
		fmt.Fprintf(&b, "%s : %s\n", n, unit)
	}
	return equations.Parse(b.String(), equations.Options{Units: units})
}

// checkModel checks what the compiler relies on: summed variables named
// after their post target, decoupled event-driven equations, no random
// numbers.
func (s *EqSynapses) checkModel(postM *equations.Model) error {
	m := s.model
	for _, v := range m.Subexprs {
		base, named := strings.CutSuffix(v.Name, "_post")
		switch {
		case named && !v.Has(equations.FlagSummed):
			return fmt.Errorf("%s: '%s_post' is a post variable: add the flag (summed) to write the sum over synapses into it", v.Pos, base)
		case !named && v.Has(equations.FlagSummed):
			return fmt.Errorf("%s: name a summed variable after its target in the post population, e.g. '%s_post = ...'", v.Pos, v.Name)
		case !named:
			continue
		}
		t := postM.Lookup(base)
		if t == nil || t.Kind == equations.Subexpr {
			return fmt.Errorf("%s: the post population has no variable '%s' to hold the summed variable", v.Pos, base)
		}
		if m.Units == equations.UnitsChecked && t.Dim != v.Dim {
			return fmt.Errorf("%s: '%s_post' has units of %s, the post variable %s of %s", v.Pos, base, v.Dim, base, t.Dim)
		}
		s.summed, s.sumTo = append(s.summed, v), append(s.sumTo, base)
	}
	for _, e := range m.Analysis().EventDriven {
		for _, x := range []equations.Expr{e.A, e.B} {
			if n := stateIn(m, x); n != "" {
				return fmt.Errorf("%s: the event-driven equation for %s uses %s: it must have the form dx/dt = A*x + B with A and B free of state variables and of t", e.Var.Pos, e.Var.Name, n)
			}
		}
	}
	for _, v := range m.Vars {
		if v.Expr != nil && usesRandom(v.Expr) {
			return fmt.Errorf("%s: rand(), randn() and xi are not supported in synapse models yet", v.Pos)
		}
	}
	return nil
}

// stateIn returns the name of a state variable (of the synapse or of a
// connected population), a pre/post variable or t that e uses, or "".
func stateIn(m *equations.Model, e equations.Expr) string {
	found := ""
	walkExpanded(e, func(n *equations.Name) {
		switch {
		case found != "":
		case n.Kind == equations.KindTime || n.Kind == equations.KindState:
			found = n.Name
		case n.Var != nil && m.Lookup(n.Name) != n.Var:
			found = n.Name
		}
	})
	return found
}

func usesRandom(e equations.Expr) bool {
	r := false
	walkExpr(e, func(x equations.Expr) {
		switch x := x.(type) {
		case *equations.Call:
			r = r || x.Func == equations.FuncRand || x.Func == equations.FuncRandn
		case *equations.Name:
			r = r || x.Kind == equations.KindNoise
		}
	})
	return r
}

// walkExpr calls f for every node of e.
func walkExpr(e equations.Expr, f func(equations.Expr)) {
	f(e)
	switch e := e.(type) {
	case *equations.Unary:
		walkExpr(e.X, f)
	case *equations.Binary:
		walkExpr(e.X, f)
		walkExpr(e.Y, f)
	case *equations.Call:
		for _, a := range e.Args {
			walkExpr(a, f)
		}
	}
}

// walkExpanded calls f for every name e uses, looking through
// subexpressions.
func walkExpanded(e equations.Expr, f func(*equations.Name)) {
	walkExpr(e, func(x equations.Expr) {
		if n, ok := x.(*equations.Name); ok {
			if n.Kind == equations.KindSubexpr && n.Var != nil {
				walkExpanded(n.Var.Expr, f)
				return
			}
			f(n)
		}
	})
}
