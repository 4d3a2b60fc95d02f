package equations

import (
	"math"
	"testing"
)

func near(a, b, rel float64) bool {
	return math.Abs(a-b) <= rel*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func exprelRef(x float64) float64 { return (math.Exp(x) - 1) / x }

func evalEnv(t testing.TB, e Expr, env map[string]float64) float64 {
	t.Helper()
	return eval(e, func(n *Name) float64 {
		if v, ok := env[n.Name]; ok {
			return v
		}
		if n.Kind == KindSubexpr {
			return evalEnv(t, n.Var.Expr, env)
		}
		t.Fatalf("no value for %s", n.Name)
		return 0
	})
}
