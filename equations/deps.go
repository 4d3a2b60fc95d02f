package equations

// Dependency queries on expression DAGs (shared subtrees visited once).

func names(n string) map[string]bool { return map[string]bool{n: true} }

func namesOf(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}

func noiseSymbols(e Expr) []string {
	seen := map[string]bool{}
	var out []string
	visitOnce(e, func(x Expr) {
		if n, ok := x.(*Name); ok && n.Kind == KindNoise && !seen[n.Name] {
			seen[n.Name] = true
			out = append(out, n.Name)
		}
	})
	return out
}

// visitOnce calls f once per distinct node of the DAG e.
func visitOnce(e Expr, f func(Expr)) {
	seen := map[Expr]bool{}
	var rec func(Expr)
	rec = func(x Expr) {
		if seen[x] {
			return
		}
		seen[x] = true
		f(x)
		switch x := x.(type) {
		case *Unary:
			rec(x.X)
		case *Binary:
			rec(x.X)
			rec(x.Y)
		case *Call:
			for _, a := range x.Args {
				rec(a)
			}
		}
	}
	rec(e)
}

func dependsOn(e Expr, set map[string]bool) bool {
	found := false
	visitOnce(e, func(x Expr) {
		if n, ok := x.(*Name); ok && set[n.Name] {
			found = true
		}
	})
	return found
}

func timeOrRandom(e Expr) bool {
	found := false
	visitOnce(e, func(x Expr) {
		switch x := x.(type) {
		case *Name:
			found = found || x.Kind == KindTime
		case *Call:
			found = found || x.Func == FuncRand || x.Func == FuncRandn
		}
	})
	return found
}

// nonSmooth reports whether a piecewise part of e (comparison, and/or/not,
// %, //, or a non-smooth function) depends on a name in set.
func nonSmooth(e Expr, set map[string]bool) bool {
	found := false
	visitOnce(e, func(x Expr) {
		switch x := x.(type) {
		case *Unary:
			found = found || x.Op == OpNot && dependsOn(x, set)
		case *Binary:
			piecewise := x.Op >= OpLT || x.Op == OpMod || x.Op == OpFloorDiv
			found = found || piecewise && dependsOn(x, set)
		case *Call:
			found = found || !funcs[x.Func].smooth && dependsOn(x, set)
		}
	})
	return found
}
