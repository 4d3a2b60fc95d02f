package dual

import "math"

// Exp returns e^a; (e^a)' = e^a·a'.
func Exp(a Num) Num {
	e := math.Exp(a.V)
	return Num{e, e * a.D}
}

// Expm1 returns e^a − 1, accurate near 0; (e^a − 1)' = e^a·a'.
func Expm1(a Num) Num {
	return Num{math.Expm1(a.V), math.Exp(a.V) * a.D}
}

// Log returns ln a; (ln a)' = a'/a.
func Log(a Num) Num { return Num{math.Log(a.V), a.D / a.V} }

// Log1p returns ln(1 + a), accurate near 0; its derivative is a'/(1 + a).
func Log1p(a Num) Num { return Num{math.Log1p(a.V), a.D / (1 + a.V)} }

// Pow returns a^p for a constant exponent p; (a^p)' = p·a^(p−1)·a'.
func Pow(a Num, p float64) Num {
	if p == 0 {
		return Num{1, 0}
	}
	return Num{math.Pow(a.V, p), p * math.Pow(a.V, p-1) * a.D}
}

// Sqrt returns √a; (√a)' = a'/(2√a).
func Sqrt(a Num) Num {
	s := math.Sqrt(a.V)
	return Num{s, a.D / (2 * s)}
}

// Abs returns |a|. The derivative is sign(a)·a', taking sign(0) = +1.
func Abs(a Num) Num {
	if a.V < 0 {
		return a.Neg()
	}
	return a
}

// Sin returns sin a; (sin a)' = cos a·a'.
func Sin(a Num) Num {
	s, c := math.Sincos(a.V)
	return Num{s, c * a.D}
}

// Cos returns cos a; (cos a)' = −sin a·a'.
func Cos(a Num) Num {
	s, c := math.Sincos(a.V)
	return Num{c, -s * a.D}
}

// Tanh returns tanh a; (tanh a)' = (1 − tanh² a)·a'.
func Tanh(a Num) Num {
	t := math.Tanh(a.V)
	return Num{t, (1 - t*t) * a.D}
}

// Sinh returns sinh a; (sinh a)' = cosh a·a'.
func Sinh(a Num) Num { return Num{math.Sinh(a.V), math.Cosh(a.V) * a.D} }

// Cosh returns cosh a; (cosh a)' = sinh a·a'.
func Cosh(a Num) Num { return Num{math.Cosh(a.V), math.Sinh(a.V) * a.D} }

// Sigmoid returns the logistic function s = 1/(1 + e^−a), evaluated without
// overflow for large |a|; s' = s(1 − s)·a'.
func Sigmoid(a Num) Num {
	var s float64
	if a.V >= 0 {
		s = 1 / (1 + math.Exp(-a.V))
	} else {
		e := math.Exp(a.V)
		s = e / (1 + e)
	}
	return Num{s, s * (1 - s) * a.D}
}

// Exprel returns the relative error exponential (e^a − 1)/a, with value 1 at
// a = 0. Hodgkin–Huxley rate functions of the form x/(1 − e^−x) equal
// 1/Exprel(−x) and stay finite at the removable singularity.
//
// Its derivative is exprel'(x) = (e^x − exprel(x))/x, which cancels badly near
// 0; for |x| < 0.1 the Maclaurin series Σ_{k≥1} k·x^(k−1)/(k+1)! is summed to
// k = 10 instead (truncation below 1e-16 relative).
func Exprel(a Num) Num {
	x := a.V
	if math.Abs(x) < 0.1 {
		// exprel(x) = Σ_{k≥0} x^k/(k+1)!, exprel'(x) = Σ_{k≥1} k·x^(k−1)/(k+1)!,
		// both summed by Horner's rule from the highest term.
		v, d := 0.0, 0.0
		for k := 11; k >= 1; k-- {
			v = v*x + invFact[k+1]
			d = d*x + float64(k)*invFact[k+1]
		}
		v = v*x + 1
		return Num{v, d * a.D}
	}
	v := math.Expm1(x) / x
	return Num{v, (math.Exp(x) - v) / x * a.D}
}

// invFact[k] = 1/k! for k ≤ 12 (constant expressions, exact before rounding).
var invFact = [13]float64{1.0 / 1, 1.0 / 1, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600}
