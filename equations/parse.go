package equations

import (
	"fmt"
	"strings"
)

const (
	defaultMaxBytes = 1 << 20
	defaultMaxDepth = 500
)

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = defaultMaxBytes
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = defaultMaxDepth
	}
	return o
}

// begin checks the size limit and lexes text.
func begin(text string, opts Options, errs *errList) *parser {
	if len(text) > opts.MaxBytes {
		errs.add(Pos{1, 1}, "", fmt.Sprintf("text is %d bytes long; the limit is %d (Options.MaxBytes)", len(text), opts.MaxBytes))
		return nil
	}
	return &parser{toks: lex(text, errs), text: text, maxDepth: opts.MaxDepth, errs: errs}
}

// Parse reads model equations, one statement per line:
//
//	dv/dt = (v_rest - v + R*I)/tau : volt (unless refractory)
//	I = g*(E - v) : amp
//	tau : second (constant)
//
// It checks names, flags and (with UnitsChecked) units, and classifies the
// differential equations for integration (see Model.Method). All problems
// found are returned together as an ErrorList.
func Parse(text string, opts Options) (*Model, error) {
	opts = opts.withDefaults()
	var errs errList
	p := begin(text, opts, &errs)
	if p == nil {
		return nil, errs.err()
	}
	m := &Model{Units: opts.Units, Kind: opts.Kind, opts: opts, byName: map[string]*Var{}}
	for p.peek().kind != tEOF {
		if p.peek().kind == tNewline {
			p.next()
			continue
		}
		stmt, end := p.stmtText(false)
		p.stmt = stmt
		v := p.modelLine(opts.Units)
		p.skipTo(end)
		if v != nil {
			m.define(v, &errs)
		}
		if errs.full {
			return nil, errs.err()
		}
	}
	r := &resolver{m: m, errs: &errs}
	for _, v := range m.Vars {
		if v.Expr != nil {
			r.stmt = v.Stmt
			v.Expr = r.resolve(v.Expr)
		}
	}
	r.checkNoise()
	m.sortSubexprs(&errs)
	if m.Units == UnitsChecked && len(errs.list) == 0 {
		for _, v := range m.Vars {
			r.checkVarDims(v)
		}
	}
	if len(errs.list) == 0 {
		m.analysis = analyze(m, &errs)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// reservedNames have a meaning of their own in model text (Brian2's rules).
var reservedNames = map[string]string{
	"t": "the time", "dt": "the time step", "i": "the index", "N": "the group size",
	"t_in_timesteps": "the time in steps", "xi": "white noise", "pi": "a constant",
	"e": "a constant", "inf": "a constant", "and": "a keyword", "or": "a keyword",
	"not": "a keyword", "True": "a keyword", "False": "a keyword",
}

func (m *Model) define(v *Var, errs *errList) {
	fail := func(format string, args ...any) { errs.add(v.Pos, v.Stmt, fmt.Sprintf(format, args...)) }
	if old := m.byName[v.Name]; old != nil {
		if old.Kind != v.Kind && (old.Kind == Param || v.Kind == Param) {
			fail("'%s' is a %s (line %d) and a %s here; a parameter cannot have a differential equation or expression: remove one of them", v.Name, old.Kind, old.Pos.Line, v.Kind)
		} else {
			fail("duplicate definition of '%s' (first defined at line %d)", v.Name, old.Pos.Line)
		}
		return
	}
	if what, ok := reservedNames[v.Name]; ok {
		fail("'%s' is %s and cannot be used as a variable name", v.Name, what)
	} else if strings.HasPrefix(v.Name, "xi_") {
		fail("names starting with 'xi_' denote white noise and cannot be used as variable names")
	} else if strings.HasPrefix(v.Name, "_") {
		fail("names starting with '_' are reserved; rename '%s'", v.Name)
	} else if _, ok := lookupFunc(v.Name); ok {
		fail("'%s' is the name of a function and cannot be used as a variable name", v.Name)
	} else if _, _, ok := lookupUnit(v.Name); ok && m.Units == UnitsChecked {
		fail("'%s' is the name of a unit and cannot be used as a variable name", v.Name)
	} else if m.Kind == SynapseModel && (strings.HasSuffix(v.Name, "_pre") || strings.HasSuffix(v.Name, "_post")) &&
		!(v.Kind == Subexpr && v.Has(FlagSummed) && strings.HasSuffix(v.Name, "_post")) {
		fail("'%s': the suffixes _pre and _post refer to the connected neurons' variables (only a (summed) variable may be named after its post target, as I_syn_post)", v.Name)
	}
	m.checkFlags(v, fail)
	m.Vars = append(m.Vars, v)
	m.byName[v.Name] = v
	switch v.Kind {
	case State:
		m.States = append(m.States, v)
	case Param:
		m.Params = append(m.Params, v)
	}
}

func (m *Model) checkFlags(v *Var, fail func(string, ...any)) {
	allowed := allowedFlags[m.Kind][v.Kind]
	kind := [...]string{"neuron", "synapse"}[m.Kind]
	for _, fn := range flagNames {
		if v.Flags&fn.f == 0 || allowed&fn.f != 0 {
			continue
		}
		var ok []string
		for _, a := range flagNames {
			if allowed&a.f != 0 {
				ok = append(ok, a.name)
			}
		}
		fail("flag '%s' is not allowed on a %s in a %s model; allowed: %s", fn.name, v.Kind, kind, strings.Join(ok, ", "))
	}
	if v.Has(FlagEventDriven | FlagClockDriven) {
		fail("flags 'event-driven' and 'clock-driven' exclude each other")
	}
	if v.Has(FlagSummed) && v.Flags&(FlagShared|FlagConstantOverDt) != 0 {
		fail("flag 'summed' cannot be combined with other flags")
	}
	if v.Kind == State && v.Type != Float {
		fail("a differential equation's variable must be a float, not %s", v.Unit)
	}
}
