package equations

import (
	"fmt"
	"strings"
)

// parser reads expressions from a token slice. On the first error it
// records it and sets failed; callers stop at the next statement boundary.
type parser struct {
	toks     []token
	i        int
	depth    int
	maxDepth int
	failed   bool
	errs     *errList
	stmt     string // source text of the current statement, for errors
	text     string // the whole text
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) fail(at Pos, format string, args ...any) {
	if !p.failed {
		p.errs.add(at, p.stmt, fmt.Sprintf(format, args...))
	}
	p.failed = true
}

func (p *parser) expect(op string) bool {
	if t := p.peek(); !t.is(op) {
		p.fail(t.pos, "expected '%s', found %s", op, t.describe())
		return false
	}
	p.next()
	return true
}

func (p *parser) enter(at Pos) bool {
	p.depth++
	if p.depth > p.maxDepth {
		p.fail(at, "expression nested deeper than %d levels (Options.MaxDepth)", p.maxDepth)
		return false
	}
	return true
}

// restore resets the depth after a left-associative chain, whose length
// counts towards the tree height while it is read.
func (p *parser) restore(d int) { p.depth = d }

var zero = &Num{}

// expr parses a full expression (lowest precedence: or).
func (p *parser) expr() Expr {
	if !p.enter(p.peek().pos) {
		return zero
	}
	defer func() { p.depth-- }()
	x := p.and()
	defer p.restore(p.depth)
	for !p.failed && p.peek().kind == tIdent && p.peek().text == "or" {
		t := p.next()
		p.enter(t.pos)
		x = &Binary{At: t.pos, Op: OpOr, X: x, Y: p.and()}
	}
	return x
}

func (p *parser) and() Expr {
	x := p.not()
	defer p.restore(p.depth)
	for !p.failed && p.peek().kind == tIdent && p.peek().text == "and" {
		t := p.next()
		p.enter(t.pos)
		x = &Binary{At: t.pos, Op: OpAnd, X: x, Y: p.not()}
	}
	return x
}

func (p *parser) not() Expr {
	if t := p.peek(); t.kind == tIdent && t.text == "not" {
		p.next()
		if !p.enter(t.pos) {
			return zero
		}
		defer func() { p.depth-- }()
		return &Unary{At: t.pos, Op: OpNot, X: p.not()}
	}
	return p.cmp()
}

var cmpOps = map[string]Op{"<": OpLT, "<=": OpLE, ">": OpGT, ">=": OpGE, "==": OpEQ, "!=": OpNE}

func (p *parser) cmp() Expr {
	x := p.arith()
	if t := p.peek(); t.kind == tOp {
		if op, ok := cmpOps[t.text]; ok && !p.failed {
			p.next()
			x = &Binary{At: t.pos, Op: op, X: x, Y: p.arith()}
			if _, chained := cmpOps[p.peek().text]; chained && p.peek().kind == tOp {
				t2 := p.peek()
				p.fail(t2.pos, "chained comparison: write 'a < b and b < c' instead")
			}
		}
	}
	return x
}

func (p *parser) arith() Expr {
	x := p.term()
	defer p.restore(p.depth)
	for !p.failed {
		t := p.peek()
		var op Op
		switch {
		case t.is("+"):
			op = OpAdd
		case t.is("-"):
			op = OpSub
		default:
			return x
		}
		p.next()
		p.enter(t.pos)
		x = &Binary{At: t.pos, Op: op, X: x, Y: p.term()}
	}
	return x
}

var termOps = map[string]Op{"*": OpMul, "/": OpDiv, "//": OpFloorDiv, "%": OpMod}

func (p *parser) term() Expr {
	x := p.unary()
	defer p.restore(p.depth)
	for !p.failed {
		t := p.peek()
		op, ok := termOps[t.text]
		if t.kind != tOp || !ok {
			return x
		}
		p.next()
		p.enter(t.pos)
		x = &Binary{At: t.pos, Op: op, X: x, Y: p.unary()}
	}
	return x
}

func (p *parser) unary() Expr {
	t := p.peek()
	if t.is("-") || t.is("+") {
		p.next()
		if !p.enter(t.pos) {
			return zero
		}
		defer func() { p.depth-- }()
		x := p.unary()
		if t.is("+") {
			return x
		}
		return &Unary{At: t.pos, Op: OpNeg, X: x}
	}
	return p.power()
}

func (p *parser) power() Expr {
	x := p.atom()
	if t := p.peek(); t.is("**") && !p.failed {
		p.next()
		if !p.enter(t.pos) {
			return zero
		}
		x = &Binary{At: t.pos, Op: OpPow, X: x, Y: p.unary()}
		p.depth--
	}
	return x
}

func (p *parser) atom() Expr {
	if p.failed {
		return zero
	}
	t := p.next()
	switch {
	case t.kind == tNumber:
		return &Num{At: t.pos, Value: t.num}
	case t.kind == tIdent:
		switch t.text {
		case "True":
			return &Num{At: t.pos, Value: 1, Text: "True"}
		case "False":
			return &Num{At: t.pos, Value: 0, Text: "False"}
		case "and", "or", "not", "if", "else", "lambda", "in", "is":
			p.fail(t.pos, "expected a value, found keyword '%s'", t.text)
			return zero
		}
		if p.peek().is("(") {
			return p.call(t)
		}
		return &Name{At: t.pos, Name: t.text}
	case t.is("("):
		x := p.expr()
		p.expect(")")
		return x
	}
	p.fail(t.pos, "expected a value (number, name or '('), found %s", t.describe())
	return zero
}

func (p *parser) call(name token) Expr {
	f, ok := lookupFunc(name.text)
	if !ok {
		known := make([]string, len(funcs))
		for i, fi := range funcs {
			known[i] = fi.name
		}
		p.fail(name.pos, "unknown function '%s'%s; known functions: %s", name.text,
			suggest(name.text, known), strings.Join(known, ", "))
		return zero
	}
	p.next() // (
	c := &Call{At: name.pos, Func: f}
	for !p.failed && !p.peek().is(")") {
		c.Args = append(c.Args, p.expr())
		if !p.peek().is(",") {
			break
		}
		p.next()
	}
	if !p.expect(")") {
		return zero
	}
	if len(c.Args) != f.Arity() {
		p.fail(name.pos, "%s takes %d argument(s), got %d", f, f.Arity(), len(c.Args))
	}
	return c
}

// start returns the position of the leftmost token of e.
func start(e Expr) Pos {
	switch e := e.(type) {
	case *Binary:
		return start(e.X)
	}
	return e.Pos()
}
