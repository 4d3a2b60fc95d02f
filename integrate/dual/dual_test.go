package dual

import (
	"math"
	"math/big"
	"testing"
)

// points at which every function is checked (inside each domain).
var points = []float64{-2.3, -0.7, -1e-3, 0.2, 0.9, 1.7, 4.2}

func close(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// TestElementary checks value and derivative of each function at a seeded
// variable against the textbook derivative written out here.
func TestElementary(t *testing.T) {
	cases := []struct {
		name   string
		f      func(Num) Num
		val, d func(float64) float64
		domain func(float64) bool
	}{
		{"Exp", Exp, math.Exp, math.Exp, nil},
		{"Expm1", Expm1, func(x float64) float64 { return math.Exp(x) - 1 }, math.Exp, nil},
		{"Log", Log, math.Log, func(x float64) float64 { return 1 / x }, pos},
		{"Log1p", Log1p, func(x float64) float64 { return math.Log(1 + x) }, func(x float64) float64 { return 1 / (1 + x) }, func(x float64) bool { return x > -1 }},
		{"Sqrt", Sqrt, math.Sqrt, func(x float64) float64 { return 0.5 / math.Sqrt(x) }, pos},
		{"Pow2.5", func(a Num) Num { return Pow(a, 2.5) }, func(x float64) float64 { return x * x * math.Sqrt(x) }, func(x float64) float64 { return 2.5 * x * math.Sqrt(x) }, pos},
		{"Pow3", func(a Num) Num { return Pow(a, 3) }, func(x float64) float64 { return x * x * x }, func(x float64) float64 { return 3 * x * x }, nil},
		{"Pow0", func(a Num) Num { return Pow(a, 0) }, func(float64) float64 { return 1 }, func(float64) float64 { return 0 }, nil},
		{"Abs", Abs, math.Abs, func(x float64) float64 { return math.Copysign(1, x) }, nil},
		{"Sin", Sin, math.Sin, math.Cos, nil},
		{"Cos", Cos, math.Cos, func(x float64) float64 { return -math.Sin(x) }, nil},
		{"Tanh", Tanh, math.Tanh, func(x float64) float64 { c := math.Cosh(x); return 1 / (c * c) }, nil},
		{"Sinh", Sinh, math.Sinh, math.Cosh, nil},
		{"Cosh", Cosh, math.Cosh, math.Sinh, nil},
		{"Sigmoid", Sigmoid, func(x float64) float64 { return 1 / (1 + math.Exp(-x)) },
			func(x float64) float64 { e := math.Exp(-x); return e / ((1 + e) * (1 + e)) }, nil},
		{"Inv", Num.Inv, func(x float64) float64 { return 1 / x }, func(x float64) float64 { return -1 / (x * x) }, nil},
		{"Square", Num.Square, func(x float64) float64 { return x * x }, func(x float64) float64 { return 2 * x }, nil},
		{"Neg", Num.Neg, func(x float64) float64 { return -x }, func(float64) float64 { return -1 }, nil},
	}
	for _, c := range cases {
		for _, x := range points {
			if c.domain != nil && !c.domain(x) {
				continue
			}
			got := c.f(Var(x))
			if !close(got.V, c.val(x), 1e-14) || !close(got.D, c.d(x), 1e-13) {
				t.Errorf("%s(%g) = {%.17g, %.17g}, want {%.17g, %.17g}", c.name, x, got.V, got.D, c.val(x), c.d(x))
			}
			// The derivative scales with the seed (chain rule with a' = −3).
			s := c.f(Num{x, -3})
			if !close(s.D, -3*c.d(x), 1e-13) {
				t.Errorf("%s(%g) seed −3: D = %g, want %g", c.name, x, s.D, -3*c.d(x))
			}
			// A constant has zero derivative.
			if k := c.f(C(x)); k.D != 0 {
				t.Errorf("%s(C(%g)).D = %g, want 0", c.name, x, k.D)
			}
		}
	}
}

func pos(x float64) bool { return x > 0 }

// TestArithmetic checks the binary operations against the product and
// quotient rules for a = x² (a' = 2x) and b = sin x (b' = cos x).
func TestArithmetic(t *testing.T) {
	for _, x := range points {
		a, b := Var(x).Square(), Sin(Var(x))
		av, ad, bv, bd := x*x, 2*x, math.Sin(x), math.Cos(x)
		check := func(name string, got Num, v, d float64) {
			t.Helper()
			if !close(got.V, v, 1e-14) || !close(got.D, d, 1e-13) {
				t.Errorf("%s at x=%g = {%g, %g}, want {%g, %g}", name, x, got.V, got.D, v, d)
			}
		}
		check("Add", a.Add(b), av+bv, ad+bd)
		check("Sub", a.Sub(b), av-bv, ad-bd)
		check("Mul", a.Mul(b), av*bv, ad*bv+av*bd)
		check("Div", a.Div(b), av/bv, (ad*bv-av*bd)/(bv*bv))
		check("AddC", a.AddC(2.5), av+2.5, ad)
		check("SubC", a.SubC(2.5), av-2.5, ad)
		check("MulC", a.MulC(-1.5), -1.5*av, -1.5*ad)
		check("DivC", a.DivC(4), av/4, ad/4)
		check("CSub", CSub(7, b), 7-bv, -bd)
		check("CDiv", CDiv(3, b), 3/bv, -3*bd/(bv*bv))
	}
}

// TestChainAgainstDifferences checks a composite neuron-model expression (an
// AdEx-like drift with an HH-like rate) against a Richardson-extrapolated
// central difference, an independent numerical derivative.
func TestChainAgainstDifferences(t *testing.T) {
	f := func(v Num) Num {
		expo := Exp(v.AddC(50).DivC(2)).MulC(2)          // ΔT·e^{(V−VT)/ΔT}
		rate := CDiv(0.1, Exprel(v.AddC(40).MulC(-0.1))) // 0.1(V+40)/(1−e^{−(V+40)/10})
		return v.AddC(65).Neg().Add(expo).Add(rate.Mul(Tanh(v.DivC(30))))
	}
	fv := func(x float64) float64 { return f(C(x)).V }
	for _, x := range []float64{-70, -55, -40, -40.0000001, -30, -10} {
		h := 1e-2
		d1 := (fv(x+h) - fv(x-h)) / (2 * h)
		d2 := (fv(x+h/2) - fv(x-h/2)) / h
		fd := (4*d2 - d1) / 3 // O(h⁴)
		got := f(Var(x)).D
		if !close(got, fd, 1e-8) {
			t.Errorf("d/dV at %g = %.12g, finite difference %.12g", x, got, fd)
		}
	}
}

// exprelRef returns exprel(x) and exprel'(x) by summing their Maclaurin
// series in 256-bit arithmetic (an independent reference).
func exprelRef(x float64) (float64, float64) {
	const prec = 256
	bx := new(big.Float).SetPrec(prec).SetFloat64(x)
	v := new(big.Float).SetPrec(prec)
	d := new(big.Float).SetPrec(prec)
	pow := new(big.Float).SetPrec(prec).SetFloat64(1)  // x^k
	fact := new(big.Float).SetPrec(prec).SetFloat64(1) // (k+1)!
	powm1 := new(big.Float).SetPrec(prec)              // x^(k−1)
	for k := 0; k < 120; k++ {
		fact.Mul(fact, new(big.Float).SetInt64(int64(k+1)))
		v.Add(v, new(big.Float).SetPrec(prec).Quo(pow, fact))
		if k >= 1 {
			term := new(big.Float).SetPrec(prec).Mul(powm1, new(big.Float).SetInt64(int64(k)))
			d.Add(d, term.Quo(term, fact))
		}
		powm1.Set(pow)
		pow.Mul(pow, bx)
	}
	fv, _ := v.Float64()
	fd, _ := d.Float64()
	return fv, fd
}

func TestExprel(t *testing.T) {
	xs := []float64{0, 1e-12, -1e-9, 1e-4, 0.05, -0.0999, 0.0999, 0.1, -0.1, 0.10001, 0.3, -0.7, 2, -5, 9}
	for _, x := range xs {
		wv, wd := exprelRef(x)
		got := Exprel(Var(x))
		if !close(got.V, wv, 2e-15) || !close(got.D, wd, 5e-15) {
			t.Errorf("Exprel(%g) = {%.17g, %.17g}, want {%.17g, %.17g}", x, got.V, got.D, wv, wd)
		}
	}
	if g := Exprel(Var(0)); g.V != 1 || g.D != 0.5 {
		t.Errorf("Exprel(0) = %v, want {1, 0.5}", g)
	}
}

func TestValuesDerivs(t *testing.T) {
	src := []Num{{1, 2}, {3, 4}}
	v, d := make([]float64, 3), make([]float64, 3)
	Values(v, src)
	Derivs(d, src)
	if v[0] != 1 || v[1] != 3 || d[0] != 2 || d[1] != 4 || v[2] != 0 {
		t.Errorf("Values/Derivs = %v %v", v, d)
	}
}
