package equations

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDerivativeNumerically compares Derivative with central differences
// (step 1e-6·max(1,|x|)) at 200 random points per expression; tolerance
// 1e-5 relative to max(1, |value|).
func TestDerivativeNumerically(t *testing.T) {
	exprs := []string{
		"x*y + x**3 - 2*x/y", "exp(x*y) + log(x*x + 1) + log10(x*x + 2)",
		"sqrt(x*x + y*y)", "sin(x)*cos(y*x) + tan(x/3)", "tanh(x) + sinh(x/2) + cosh(y*x/4)",
		"arcsin(x/4) + arccos(x/5) + arctan(x*y)", "abs(x - 0.3) + clip(x, -0.5, 0.5)*y",
		"where(x > y, x*x, y*x)", "x**y + y**x", "exprel(x) + exprel(x*y + 0.1)",
		"(1 + x)/(1 + x*x) - -x", "floor(x) + x % 0.7 + x // 2", "((x*y)**2)**0.5",
		"0.32*4/exprel((13 + x*10 + 63)/4) * (1 - y) - 0.28*5/exprel((x*10 - 23)/5)*y",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, src := range exprs {
		m, err := Parse("f = "+src+" : 1\nx : 1\ny : 1", Options{})
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		f := m.Lookup("f").Expr
		df := Derivative(f, "x")
		for range 200 {
			x, y := rng.Float64()*3-1.5, rng.Float64()*1.5+0.5
			at := func(xv float64) float64 {
				return evalEnv(t, f, map[string]float64{"x": xv, "y": y})
			}
			h := 1e-6 * math.Max(1, math.Abs(x))
			num := (at(x+h) - at(x-h)) / (2 * h)
			sym := evalEnv(t, df, map[string]float64{"x": x, "y": y})
			if math.IsNaN(num) || math.IsInf(num, 0) || math.Abs(num) > 1e6 {
				continue // outside the domain or at a jump
			}
			if math.Abs(num-sym) > 1e-5*math.Max(1, math.Abs(num)) {
				// a jump of floor, %, //, clip, where or abs within h: skip
				if near(at(x+h)-at(x), at(x)-at(x-h), 1e-3) {
					t.Errorf("d/dx %s at x=%g y=%g: symbolic %g (%s), numeric %g", src, x, y, sym, df, num)
				}
			}
		}
	}
}

func TestDerivativeSimplifies(t *testing.T) {
	m := mustParse(t, "f = (a*(E - x) + 3*x*b)/C : 1\nx : 1\na : 1\nb : 1\nE : 1\nC : 1", Options{})
	if got := Derivative(m.Lookup("f").Expr, "x").String(); got != "(-a + 3 * b) / C" {
		t.Errorf("derivative = %s", got)
	}
	if got := Derivative(m.Lookup("f").Expr, "q").String(); got != "0" {
		t.Errorf("derivative w.r.t. absent name = %s", got)
	}
}
