package equations

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type resolver struct {
	m    *Model
	errs *errList
	stmt string
}

func (r *resolver) fail(at Pos, format string, args ...any) {
	r.errs.add(at, r.stmt, fmt.Sprintf(format, args...))
}

// resolve binds the names of e (in place) and returns e with unit names and
// constants replaced by Nums in brainsim's internal units.
func (r *resolver) resolve(e Expr) Expr {
	switch e := e.(type) {
	case *Name:
		return r.name(e)
	case *Unary:
		e.X = r.resolve(e.X)
	case *Binary:
		e.X, e.Y = r.resolve(e.X), r.resolve(e.Y)
	case *Call:
		for i, a := range e.Args {
			e.Args[i] = r.resolve(a)
		}
	}
	return e
}

func (r *resolver) name(e *Name) Expr {
	n := e.Name
	if v := r.m.byName[n]; v != nil {
		e.Var, e.Kind = v, kindOf(v)
		return e
	}
	if q, ok := r.m.opts.Constants[n]; ok {
		if r.m.Units == UnitsNone {
			return &Num{At: e.At, Value: q.Value, Text: n}
		}
		return &Num{At: e.At, Value: q.Value / InternalScale(q.Dim), Text: n, Dim: q.Dim}
	}
	switch {
	case n == "t":
		e.Kind = KindTime
		return e
	case n == "dt":
		e.Kind = KindDt
		return e
	case n == "i" || n == "N":
		e.Kind = KindIndex
		return e
	case n == "xi" || strings.HasPrefix(n, "xi_"):
		e.Kind = KindNoise
		return e
	case n == "pi":
		return &Num{At: e.At, Value: math.Pi, Text: n}
	case n == "e":
		return &Num{At: e.At, Value: math.E, Text: n}
	case n == "inf":
		return &Num{At: e.At, Value: math.Inf(1), Text: n}
	}
	for _, side := range []struct {
		suffix string
		m      *Model
	}{{"_pre", r.m.opts.Pre}, {"_post", r.m.opts.Post}} {
		if base, ok := strings.CutSuffix(n, side.suffix); ok && side.m != nil {
			if v := side.m.byName[base]; v != nil {
				e.Var, e.Kind = v, kindOf(v)
				return e
			}
		}
	}
	scale, d, isUnit := lookupUnit(n)
	if isUnit && r.m.Units == UnitsChecked {
		return &Num{At: e.At, Value: scale / InternalScale(d), Text: n, Dim: d}
	}
	if isUnit {
		r.fail(e.At, "unit '%s' in a model with Options.Units = UnitsNone: write plain numbers in brainsim's units (mV, ms, nS, pA, pF, GOhm), e.g. -60 for -60*mV", n)
	} else if _, ok := lookupFunc(n); ok {
		r.fail(e.At, "'%s' is a function: call it as %s(...)", n, n)
	} else {
		r.fail(e.At, "unknown name '%s'%s: define it (e.g. '%s : volt' for a parameter) or pass it in Options.Constants", n, suggest(n, r.m.knownNames()), n)
	}
	return e
}

func kindOf(v *Var) NameKind {
	return [...]NameKind{State: KindState, Param: KindParam, Subexpr: KindSubexpr}[v.Kind]
}

func (m *Model) knownNames() []string {
	names := []string{"t", "dt", "i", "N", "pi", "e", "inf", "xi"}
	for _, v := range m.Vars {
		names = append(names, v.Name)
	}
	for n := range m.opts.Constants {
		names = append(names, n)
	}
	for _, side := range []struct {
		s string
		m *Model
	}{{"_pre", m.opts.Pre}, {"_post", m.opts.Post}} {
		if side.m != nil {
			for _, v := range side.m.Vars {
				names = append(names, v.Name+side.s)
			}
		}
	}
	sort.Strings(names)
	return names
}

// walk calls f for every node of e (pre-order) until f returns false.
func walk(e Expr, f func(Expr) bool) bool {
	if !f(e) {
		return false
	}
	switch e := e.(type) {
	case *Unary:
		return walk(e.X, f)
	case *Binary:
		return walk(e.X, f) && walk(e.Y, f)
	case *Call:
		for _, a := range e.Args {
			if !walk(a, f) {
				return false
			}
		}
	}
	return true
}

// checkNoise applies Brian2's rules for xi: only in differential equations,
// and plain 'xi' in one equation only (use xi_1, xi_2 ... otherwise).
func (r *resolver) checkNoise() {
	usedXi := ""
	for _, v := range r.m.Vars {
		if v.Expr == nil {
			continue
		}
		walk(v.Expr, func(e Expr) bool {
			n, ok := e.(*Name)
			if !ok || n.Kind != KindNoise {
				return true
			}
			switch {
			case v.Kind != State:
				r.errs.add(n.At, v.Stmt, fmt.Sprintf("'%s' (white noise) may only appear in differential equations", n.Name))
			case n.Name == "xi" && usedXi != "" && usedXi != v.Name:
				r.errs.add(n.At, v.Stmt, fmt.Sprintf("'xi' is already used in the equation for %s; write xi_1, xi_2 ... for independent noise or the same xi_name for shared noise", usedXi))
			case n.Name == "xi":
				usedXi = v.Name
			}
			return true
		})
	}
}

// sortSubexprs orders subexpressions so that each comes after those it uses,
// reporting cycles.
func (m *Model) sortSubexprs(errs *errList) {
	const (
		unseen = iota
		active
		done
	)
	state := map[*Var]int{}
	var stack []*Var
	var visit func(v *Var)
	visit = func(v *Var) {
		switch state[v] {
		case done:
			return
		case active:
			k := len(stack) - 1
			for stack[k] != v {
				k--
			}
			names := []string{}
			for _, s := range stack[k:] {
				names = append(names, s.Name)
			}
			errs.add(v.Pos, v.Stmt, "subexpressions depend on each other in a cycle: "+strings.Join(names, " -> ")+" -> "+v.Name)
			return
		}
		state[v] = active
		stack = append(stack, v)
		walk(v.Expr, func(e Expr) bool {
			if n, ok := e.(*Name); ok && n.Kind == KindSubexpr && m.byName[n.Name] == n.Var {
				visit(n.Var)
			}
			return state[v] == active
		})
		stack = stack[:len(stack)-1]
		state[v] = done
		m.Subexprs = append(m.Subexprs, v)
	}
	for _, v := range m.Vars {
		if v.Kind == Subexpr {
			visit(v)
		}
	}
}
