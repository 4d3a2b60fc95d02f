package equations

// Func is a built-in function.
type Func uint8

// Built-in functions (Brian2's default functions). exprel(x) = (exp(x)-1)/x.
const (
	FuncExp Func = iota
	FuncLog
	FuncLog10
	FuncSqrt
	FuncAbs
	FuncSin
	FuncCos
	FuncTan
	FuncTanh
	FuncSinh
	FuncCosh
	FuncArcsin
	FuncArccos
	FuncArctan
	FuncFloor
	FuncCeil
	FuncClip
	FuncInt
	FuncSign
	FuncWhere
	FuncRand
	FuncRandn
	FuncExprel
	numFuncs
)

type funcInfo struct {
	name  string
	arity int
	// unit rule: fDimless (argument and result dimensionless), fSame (result
	// has the argument's dimension), fSqrt, fClip, fWhere, fRandom.
	rule int
	// smooth functions have a derivative everywhere (in their domain); the
	// linearity analysis treats the others as non-linear in their argument.
	smooth bool
}

const (
	fDimless = iota
	fSame
	fSqrt
	fClip
	fWhere
	fRandom
	fSign
	fInt
)

var funcs = [numFuncs]funcInfo{
	FuncExp: {"exp", 1, fDimless, true}, FuncLog: {"log", 1, fDimless, true},
	FuncLog10: {"log10", 1, fDimless, true}, FuncSqrt: {"sqrt", 1, fSqrt, true},
	FuncAbs: {"abs", 1, fSame, false}, FuncSin: {"sin", 1, fDimless, true},
	FuncCos: {"cos", 1, fDimless, true}, FuncTan: {"tan", 1, fDimless, true},
	FuncTanh: {"tanh", 1, fDimless, true}, FuncSinh: {"sinh", 1, fDimless, true},
	FuncCosh: {"cosh", 1, fDimless, true}, FuncArcsin: {"arcsin", 1, fDimless, true},
	FuncArccos: {"arccos", 1, fDimless, true}, FuncArctan: {"arctan", 1, fDimless, true},
	FuncFloor: {"floor", 1, fSame, false}, FuncCeil: {"ceil", 1, fSame, false},
	FuncClip: {"clip", 3, fClip, false}, FuncInt: {"int", 1, fInt, false},
	FuncSign: {"sign", 1, fSign, false}, FuncWhere: {"where", 3, fWhere, false},
	FuncRand: {"rand", 0, fRandom, false}, FuncRandn: {"randn", 0, fRandom, false},
	FuncExprel: {"exprel", 1, fDimless, true},
}

func (f Func) String() string { return funcs[f].name }

// Arity is the number of arguments f takes.
func (f Func) Arity() int { return funcs[f].arity }

func lookupFunc(name string) (Func, bool) {
	for i, fi := range funcs {
		if fi.name == name {
			return Func(i), true
		}
	}
	return 0, false
}
