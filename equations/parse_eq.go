package equations

import (
	"strings"
)

// stmtText returns the source text of the tokens from p.i up to the next
// newline (or ';' when semi is set), and the index of that terminator.
func (p *parser) stmtText(semi bool) (string, int) {
	j := p.i
	for p.toks[j].kind != tNewline && p.toks[j].kind != tEOF && !(semi && p.toks[j].is(";")) {
		j++
	}
	if j == p.i {
		return "", j
	}
	last := p.toks[j-1]
	return p.text[p.toks[p.i].off : last.off+len(last.text)], j
}

// skipTo moves to the statement terminator at index j and clears failed.
func (p *parser) skipTo(j int) {
	p.i, p.failed = j, false
	if p.toks[p.i].kind != tEOF {
		p.i++
	}
}

// modelLine parses one line of model equations:
//
//	dx/dt = expr : unit (flags)
//	x = expr : unit (flags)
//	x : unit (flags)
func (p *parser) modelLine(mode UnitMode) *Var {
	t0 := p.peek()
	t1, t2, t3 := p.toks[p.i+1], token{}, token{}
	if p.i+3 < len(p.toks) {
		t2, t3 = p.toks[p.i+2], p.toks[p.i+3]
	}
	v := &Var{Pos: t0.pos, Stmt: p.stmt}
	switch {
	case t0.kind == tIdent && len(t0.text) > 1 && t0.text[0] == 'd' && t1.is("/") &&
		t2.kind == tIdent && t2.text == "dt" && t3.is("="):
		v.Name, v.Kind = t0.text[1:], State
		p.i += 4
		v.Expr = p.expr()
	case t0.kind == tIdent && t1.is("="):
		v.Name, v.Kind = t0.text, Subexpr
		p.i += 2
		v.Expr = p.expr()
	case t0.kind == tIdent && t1.is(":"):
		v.Name, v.Kind = t0.text, Param
		p.i++
	default:
		p.fail(t0.pos, "expected 'dx/dt = expression : unit', 'x = expression : unit' or 'x : unit'")
		return nil
	}
	if p.failed {
		return nil
	}
	if t := p.peek(); t.is(":") {
		p.next()
		p.unitAnnotation(v, mode)
	} else if mode == UnitsChecked {
		p.fail(t.pos, "expected ':' and the unit of %s (e.g. ': volt', or ': 1' if dimensionless), found %s", v.Name, t.describe())
	} else {
		v.Unit = "1"
	}
	if t := p.peek(); t.is("(") && !p.failed {
		p.flags(v)
	}
	if t := p.peek(); t.kind != tNewline && !p.failed {
		p.fail(t.pos, "unexpected %s after the statement", t.describe())
	}
	if p.failed {
		return nil
	}
	return v
}

// unitAnnotation parses '1', 'boolean', 'integer', 'float' or a unit
// expression such as 'volt/second', 'uF/cm**2', 'metre**-2'.
func (p *parser) unitAnnotation(v *Var, mode UnitMode) {
	startTok := p.peek()
	if startTok.kind == tIdent {
		switch startTok.text {
		case "boolean", "integer", "float":
			p.next()
			v.Unit = startTok.text
			v.Type = map[string]Type{"boolean": Boolean, "integer": Integer, "float": Float}[startTok.text]
			return
		}
	}
	d := p.unitTerm(mode)
	if p.failed {
		return
	}
	last := p.toks[p.i-1]
	v.Unit = strings.Join(strings.Fields(p.text[startTok.off:last.off+len(last.text)]), "")
	v.Dim = d
}

func (p *parser) unitTerm(mode UnitMode) Dim {
	d := p.unitFactor(mode)
	for !p.failed {
		t := p.peek()
		switch {
		case t.is("*"):
			p.next()
			d = d.Mul(p.unitFactor(mode))
		case t.is("/"):
			p.next()
			d = d.Div(p.unitFactor(mode))
		default:
			return d
		}
	}
	return d
}

func (p *parser) unitFactor(mode UnitMode) Dim {
	t := p.next()
	var d Dim
	switch {
	case t.kind == tNumber && t.num == 1:
		return Dimensionless
	case t.is("("):
		if !p.enter(t.pos) {
			return d
		}
		d = p.unitTerm(mode)
		p.depth--
		p.expect(")")
	case t.kind == tIdent:
		_, ud, ok := lookupUnit(t.text)
		switch {
		case mode == UnitsNone:
			p.fail(t.pos, "unit '%s' in a model with Options.Units = UnitsNone: write ': 1' (values are plain numbers in mV, ms, nS, pA, pF ...) or parse with UnitsChecked", t.text)
			return d
		case !ok:
			p.fail(t.pos, "unknown unit '%s'%s; use e.g. volt, amp, siemens, farad, second, hertz, ohm, metre, mole, molar with SI prefixes (mV, nS, uF/cm**2), or 1", t.text, suggest(t.text, unitSuggestions))
			return d
		}
		d = ud
	default:
		p.fail(t.pos, "expected a unit (e.g. volt, mV/ms, 1), found %s", t.describe())
		return d
	}
	if p.peek().is("**") {
		p.next()
		neg := false
		if p.peek().is("-") {
			p.next()
			neg = true
		}
		e := p.next()
		num, den, ok := ratApprox(e.num)
		if e.kind != tNumber || !ok {
			p.fail(e.pos, "unit exponent must be a number such as 2, -1 or 0.5, found %s", e.describe())
			return d
		}
		if neg {
			num = -num
		}
		if d, ok = d.Pow(num, den); !ok {
			p.fail(e.pos, "unit exponent %s is out of range", e.text)
		}
	}
	return d
}

var unitSuggestions = []string{"volt", "mV", "amp", "nA", "pA", "siemens", "nS", "mS", "farad", "pF", "uF",
	"second", "ms", "hertz", "Hz", "ohm", "Mohm", "metre", "meter", "cm", "um", "mole", "molar", "mM", "kelvin"}

// flags parses '(flag, flag ...)'; a flag is words joined by spaces or '-'.
func (p *parser) flags(v *Var) {
	p.next() // (
	for !p.failed {
		t := p.peek()
		if t.kind != tIdent {
			p.fail(t.pos, "expected a flag name, found %s", t.describe())
			return
		}
		var sb strings.Builder
		for p.peek().kind == tIdent || p.peek().is("-") {
			w := p.next()
			if sb.Len() > 0 && w.text != "-" && !strings.HasSuffix(sb.String(), "-") {
				sb.WriteByte(' ')
			}
			sb.WriteString(w.text)
		}
		name := sb.String()
		var f Flags
		known := make([]string, len(flagNames))
		for i, fn := range flagNames {
			known[i] = fn.name
			if fn.name == name {
				f = fn.f
			}
		}
		if f == 0 {
			p.fail(t.pos, "unknown flag '%s'%s; flags are: %s", name, suggest(name, known), strings.Join(known, ", "))
			return
		}
		if v.Flags&f != 0 {
			p.fail(t.pos, "flag '%s' given twice", name)
			return
		}
		v.Flags |= f
		if p.peek().is(",") {
			p.next()
			continue
		}
		p.expect(")")
		return
	}
}
