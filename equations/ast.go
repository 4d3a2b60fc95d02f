package equations

import (
	"strconv"
	"strings"
)

// Expr is a node of an expression tree: *Num, *Name, *Unary, *Binary or
// *Call. Trees are immutable once built; analysis shares subtrees.
type Expr interface {
	Pos() Pos
	String() string
	isExpr()
}

// Op is a unary or binary operator.
type Op uint8

// Operators, in Python's meaning.
const (
	OpAdd Op = iota
	OpSub
	OpMul
	OpDiv
	OpFloorDiv // x // y
	OpMod      // x % y, sign of y as in Python
	OpPow
	OpLT
	OpLE
	OpGT
	OpGE
	OpEQ
	OpNE
	OpAnd
	OpOr
	OpNeg // unary -
	OpNot // unary not
)

var opText = [...]string{"+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!=", "and", "or", "-", "not "}

func (o Op) String() string { return strings.TrimSpace(opText[o]) }

// IsComparison reports whether o is <, <=, >, >=, == or !=.
func (o Op) IsComparison() bool { return o >= OpLT && o <= OpNE }

// Num is a number. In a unit-checked model a unit name such as mV becomes a
// Num whose Value is its size in brainsim's internal units and whose Text
// is the unit's name.
type Num struct {
	At    Pos
	Value float64
	Text  string // source spelling (unit or constant name, True/False), "" for a literal
	Dim   Dim    // dimension (of a unit name or constant); literals are dimensionless
}

// NameKind tells what a name refers to.
type NameKind uint8

// Name kinds.
const (
	KindUnresolved NameKind = iota
	KindState               // variable with a differential equation
	KindParam               // parameter
	KindSubexpr             // subexpression
	KindConst               // constant given in Options.Constants, or pi, e, inf
	KindTime                // t
	KindDt                  // dt
	KindIndex               // i, N
	KindNoise               // xi, xi_*
)

// Name is a reference to a variable, parameter, subexpression, constant or
// special symbol. Var is set for model variables (of Model, or of its Pre
// or Post model for names ending in _pre/_post).
type Name struct {
	At   Pos
	Name string
	Kind NameKind
	Var  *Var
}

// Unary is -X or not X.
type Unary struct {
	At Pos
	Op Op
	X  Expr
}

// Binary is X op Y.
type Binary struct {
	At   Pos
	Op   Op
	X, Y Expr
}

// Call is a function call f(args...).
type Call struct {
	At   Pos
	Func Func
	Args []Expr
}

func (e *Num) Pos() Pos    { return e.At }
func (e *Name) Pos() Pos   { return e.At }
func (e *Unary) Pos() Pos  { return e.At }
func (e *Binary) Pos() Pos { return e.At }
func (e *Call) Pos() Pos   { return e.At }
func (*Num) isExpr()       {}
func (*Name) isExpr()      {}
func (*Unary) isExpr()     {}
func (*Binary) isExpr()    {}
func (*Call) isExpr()      {}

// precedence levels, Python's order.
func prec(e Expr) int {
	switch e := e.(type) {
	case *Binary:
		return binPrec[e.Op]
	case *Unary:
		if e.Op == OpNot {
			return 3
		}
		return 7
	case *Num:
		if e.Value < 0 && e.Text == "" {
			return 7
		}
	}
	return 10
}

var binPrec = map[Op]int{OpOr: 1, OpAnd: 2, OpLT: 4, OpLE: 4, OpGT: 4, OpGE: 4, OpEQ: 4, OpNE: 4,
	OpAdd: 5, OpSub: 5, OpMul: 6, OpDiv: 6, OpFloorDiv: 6, OpMod: 6, OpPow: 8}

func (e *Num) String() string {
	if e.Text != "" {
		return e.Text
	}
	return strconv.FormatFloat(e.Value, 'g', -1, 64)
}

func (e *Name) String() string { return e.Name }

func (e *Unary) String() string {
	return opText[e.Op] + paren(e.X, prec(e.X) < prec(e))
}

func (e *Binary) String() string {
	p := prec(e)
	lp, rp := prec(e.X) < p, prec(e.Y) <= p
	if e.Op == OpPow { // right-associative; unary binds looser on the left
		lp, rp = prec(e.X) <= p, prec(e.Y) < 7
	}
	return paren(e.X, lp) + " " + e.Op.String() + " " + paren(e.Y, rp)
}

func (e *Call) String() string {
	var b strings.Builder
	b.WriteString(e.Func.String())
	b.WriteByte('(')
	for i, a := range e.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.String())
	}
	b.WriteByte(')')
	return b.String()
}

func paren(e Expr, p bool) string {
	if p {
		return "(" + e.String() + ")"
	}
	return e.String()
}
