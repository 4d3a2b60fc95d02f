package equations

import (
	"fmt"
	"math"
	"strings"
)

// dimDen is the common denominator of dimension exponents: an exponent e is
// stored as e*dimDen, so halves (xi has second**-0.5), thirds, quarters ...
// up to eighths are exact and Dim values compare with ==.
const dimDen = 840

// maxExp bounds the magnitude of a stored exponent (±1000 in real terms) so
// repeated powers in a hostile input cannot overflow.
const maxExp = 1000 * dimDen

// Base SI dimensions, in the order of Dim's entries.
const (
	dimLength = iota
	dimMass
	dimTime
	dimCurrent
	dimTemperature
	dimAmount
	dimLuminosity
	numDims
)

var baseNames = [numDims]string{"metre", "kilogram", "second", "amp", "kelvin", "mole", "candela"}

// Dim is a physical dimension: rational exponents of the seven SI base
// dimensions. The zero value is dimensionless.
type Dim [numDims]int32

// Dimensionless is the dimension of pure numbers.
var Dimensionless Dim

func baseDim(i int) Dim {
	var d Dim
	d[i] = dimDen
	return d
}

// Mul returns the dimension of a product.
func (d Dim) Mul(o Dim) Dim {
	for i := range d {
		d[i] += o[i]
	}
	return d
}

// Div returns the dimension of a quotient.
func (d Dim) Div(o Dim) Dim {
	for i := range d {
		d[i] -= o[i]
	}
	return d
}

// Pow returns d**(p/q). ok is false if an exponent is not a multiple of
// 1/840 or grows beyond ±1000.
func (d Dim) Pow(p, q int64) (Dim, bool) {
	if q <= 0 {
		return d, false
	}
	var r Dim
	for i, e := range d {
		n := int64(e) * p
		if n%q != 0 {
			return d, false
		}
		n /= q
		if n > maxExp || n < -maxExp {
			return d, false
		}
		r[i] = int32(n)
	}
	return r, true
}

// IsDimensionless reports whether d is the dimension of pure numbers.
func (d Dim) IsDimensionless() bool { return d == Dimensionless }

// Exponent returns the exponent of base dimension i (0 metre, 1 kilogram,
// 2 second, 3 amp, 4 kelvin, 5 mole, 6 candela).
func (d Dim) Exponent(i int) float64 { return float64(d[i]) / dimDen }

// named dimensions used for display, most familiar first.
var displayNames = []struct {
	name string
	dim  Dim
}{
	{"volt", dimVolt}, {"amp", baseDim(dimCurrent)}, {"siemens", dimSiemens},
	{"farad", dimFarad}, {"ohm", dimOhm}, {"second", baseDim(dimTime)},
	{"metre", baseDim(dimLength)}, {"kilogram", baseDim(dimMass)},
	{"mole", baseDim(dimAmount)}, {"molar", dimMolar}, {"kelvin", baseDim(dimTemperature)},
	{"coulomb", dimCoulomb}, {"candela", baseDim(dimLuminosity)},
}

// String renders d with the familiar unit names Brian2 users know:
// "1", "volt", "volt/second", "amp*second", else SI base units such as
// "metre**2*kilogram*second**-3".
func (d Dim) String() string {
	if d.IsDimensionless() {
		return "1"
	}
	sec := baseDim(dimTime)
	for _, n := range displayNames {
		if n.dim == d {
			return n.name
		}
	}
	if d == Dimensionless.Div(sec) {
		return "1/second"
	}
	for _, n := range displayNames {
		if n.dim.Div(sec) == d {
			return n.name + "/second"
		}
		if n.dim.Mul(sec) == d && n.name != "second" {
			return n.name + "*second"
		}
	}
	var b strings.Builder
	for i, e := range d {
		if e == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('*')
		}
		b.WriteString(baseNames[i])
		if e != dimDen {
			fmt.Fprintf(&b, "**%s", fmtExp(e))
		}
	}
	return b.String()
}

func fmtExp(e int32) string {
	if e%dimDen == 0 {
		return fmt.Sprint(e / dimDen)
	}
	v := float64(e) / dimDen
	if v == math.Trunc(v*1e6)/1e6 {
		return fmt.Sprint(v)
	}
	g := gcd(int64(e), dimDen)
	return fmt.Sprintf("(%d/%d)", int64(e)/g, dimDen/g)
}

func gcd(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// ratApprox returns p/q == x for a small denominator q dividing dimDen, or
// ok=false.
func ratApprox(x float64) (p, q int64, ok bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1000 {
		return 0, 0, false
	}
	n := math.Round(x * dimDen)
	if math.Abs(n-x*dimDen) > 1e-6 {
		return 0, 0, false
	}
	g := gcd(int64(n), dimDen)
	return int64(n) / g, dimDen / g, true
}
