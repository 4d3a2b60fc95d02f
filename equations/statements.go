package equations

import "fmt"

// AssignOp is the operator of a reset or on_pre/on_post statement.
type AssignOp uint8

// Assignment operators.
const (
	Assign    AssignOp = iota // =
	AddAssign                 // +=
	SubAssign                 // -=
	MulAssign                 // *=
	DivAssign                 // /=
)

var assignOps = map[string]AssignOp{"=": Assign, "+=": AddAssign, "-=": SubAssign, "*=": MulAssign, "/=": DivAssign}

func (o AssignOp) String() string { return [...]string{"=", "+=", "-=", "*=", "/="}[o] }

// Statement is one assignment `target op expr` of a reset, on_pre or
// on_post block.
type Statement struct {
	Target string // as written: v, ge_post
	Var    *Var   // the variable assigned (of the model, or its Pre/Post)
	Op     AssignOp
	Expr   Expr
	Pos    Pos
	Stmt   string
}

// Refractory is a refractory period (Period, a time) or a condition that
// holds while the neuron is refractory (Condition); one of them is nil.
type Refractory struct {
	Period    Expr
	Condition Expr
}

// ParseCondition reads a threshold condition such as `v > v_th` and
// checks that it is a condition on known names.
func (m *Model) ParseCondition(text string) (Expr, error) {
	var errs errList
	r, e, ok := m.single(text, &errs)
	if ok && r.boolean(e, "threshold") {
		r.checkDims(e, Dimensionless, "a condition")
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return e, nil
}

// ParseRefractory reads a refractory period given as a time (`5*ms`,
// `tau_ref`) or as a condition (`v > -40*mV`).
func (m *Model) ParseRefractory(text string) (*Refractory, error) {
	var errs errList
	r, e, ok := m.single(text, &errs)
	if !ok {
		return nil, errs.err()
	}
	if isBoolean(e) {
		r.checkDims(e, Dimensionless, "a condition")
		return &Refractory{Condition: e}, errs.err()
	}
	if m.Units == UnitsChecked {
		if d, ok := r.dimOf(e); ok && d != dimSecond {
			r.fail(start(e), "the refractory period has units of %s; give a time (e.g. 5*ms) or a condition (e.g. v > -40*mV)", d)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return &Refractory{Period: e}, nil
}

// single parses text as one expression and resolves its names.
func (m *Model) single(text string, errs *errList) (*resolver, Expr, bool) {
	opts := m.opts.withDefaults()
	p := begin(text, opts, errs)
	if p == nil {
		return nil, nil, false
	}
	for p.peek().kind == tNewline {
		p.next()
	}
	p.stmt, _ = p.stmtText(false)
	e := p.expr()
	for !p.failed && p.peek().kind == tNewline {
		p.next()
	}
	if t := p.peek(); !p.failed && t.kind != tEOF {
		p.fail(t.pos, "unexpected %s after the expression", t.describe())
	}
	if p.failed || len(errs.list) > 0 {
		return nil, nil, false
	}
	r := &resolver{m: m, errs: errs, stmt: p.stmt}
	e = r.resolve(e)
	r.noNoise(e)
	return r, e, len(errs.list) == 0
}

func (r *resolver) noNoise(e Expr) {
	walk(e, func(x Expr) bool {
		if n, ok := x.(*Name); ok && n.Kind == KindNoise {
			r.fail(n.At, "'%s' (white noise) may only appear in differential equations", n.Name)
		}
		return true
	})
}

func isBoolean(e Expr) bool {
	switch e := e.(type) {
	case *Binary:
		return e.Op.IsComparison() || e.Op == OpAnd || e.Op == OpOr
	case *Unary:
		return e.Op == OpNot
	case *Name:
		return e.Var != nil && e.Var.Type == Boolean
	case *Num:
		return e.Text == "True" || e.Text == "False"
	}
	return false
}

func (r *resolver) boolean(e Expr, what string) bool {
	if !isBoolean(e) {
		r.fail(start(e), "a %s must be a condition such as 'v > v_th', not '%s'", what, e)
		return false
	}
	return true
}

// checkDims checks e's units (UnitsChecked only) against want.
func (r *resolver) checkDims(e Expr, want Dim, what string) {
	if r.m.Units != UnitsChecked {
		return
	}
	if d, ok := r.dimOf(e); ok && d != want {
		r.fail(start(e), "'%s' has units of %s, but %s must have units of %s; %s", e, d, what, want, r.hint(d, want))
	}
}

// ParseStatements reads a reset, on_pre or on_post block: assignments
// `v = v_reset; v_th += d_th` separated by ';' or newlines, with =, +=, -=,
// *=, /=.
func (m *Model) ParseStatements(text string) ([]Statement, error) {
	var errs errList
	p := begin(text, m.opts.withDefaults(), &errs)
	if p == nil {
		return nil, errs.err()
	}
	var out []Statement
	for p.peek().kind != tEOF && !errs.full {
		if t := p.peek(); t.kind == tNewline || t.is(";") {
			p.next()
			continue
		}
		stmt, end := p.stmtText(true)
		p.stmt = stmt
		if s, ok := m.statement(p); ok {
			out = append(out, s)
		}
		p.skipTo(end)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return out, nil
}

func (m *Model) statement(p *parser) (Statement, bool) {
	t, opTok := p.next(), p.next()
	op, isOp := assignOps[opTok.text]
	if t.kind != tIdent || opTok.kind != tOp || !isOp {
		p.fail(t.pos, "expected an assignment such as 'v = v_reset' or 'ge += w'")
		return Statement{}, false
	}
	s := Statement{Target: t.text, Op: op, Pos: t.pos, Stmt: p.stmt}
	s.Expr = p.expr()
	if end := p.peek(); !p.failed && end.kind != tNewline && !end.is(";") {
		p.fail(end.pos, "unexpected %s after the statement", end.describe())
	}
	if p.failed {
		return s, false
	}
	r := &resolver{m: m, errs: p.errs, stmt: p.stmt}
	n0 := len(p.errs.list)
	target, ok := r.resolve(&Name{At: t.pos, Name: t.text}).(*Name)
	s.Expr = r.resolve(s.Expr)
	r.noNoise(s.Expr)
	switch {
	case len(p.errs.list) > n0:
		return s, false
	case !ok || target.Var == nil:
		r.fail(t.pos, "cannot assign to '%s': only state variables and non-constant parameters can be assigned", t.text)
	case target.Var.Kind == Subexpr:
		r.fail(t.pos, "cannot assign to '%s': it is a subexpression (computed from its expression)", t.text)
	case target.Var.Has(FlagConstant):
		r.fail(t.pos, "cannot assign to '%s': it is a constant parameter (flag 'constant'); remove the flag to change it in statements", t.text)
	default:
		s.Var = target.Var
		want, what := s.Var.Dim, fmt.Sprintf("'%s %s'", t.text, op)
		if op == MulAssign || op == DivAssign {
			want = Dimensionless
		}
		r.checkDims(s.Expr, want, "the right-hand side of "+what)
	}
	return s, len(p.errs.list) == n0
}
