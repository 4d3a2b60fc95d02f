package dual

// Num is a dual number V + D·ε with ε² = 0: V is the value and D the
// derivative with respect to the seeded direction.
type Num struct {
	V, D float64
}

// C returns the constant v (derivative 0).
func C(v float64) Num { return Num{V: v} }

// Var returns the independent variable at v (derivative 1).
func Var(v float64) Num { return Num{V: v, D: 1} }

// Add returns a + b.
func (a Num) Add(b Num) Num { return Num{a.V + b.V, a.D + b.D} }

// Sub returns a − b.
func (a Num) Sub(b Num) Num { return Num{a.V - b.V, a.D - b.D} }

// Mul returns a·b; (ab)' = a'b + ab'.
func (a Num) Mul(b Num) Num { return Num{a.V * b.V, a.D*b.V + a.V*b.D} }

// Div returns a/b; (a/b)' = (a'b − ab')/b².
func (a Num) Div(b Num) Num {
	q := a.V / b.V
	return Num{q, (a.D - q*b.D) / b.V}
}

// Neg returns −a.
func (a Num) Neg() Num { return Num{-a.V, -a.D} }

// Inv returns 1/a; (1/a)' = −a'/a².
func (a Num) Inv() Num {
	r := 1 / a.V
	return Num{r, -a.D * r * r}
}

// AddC returns a + c for a constant c.
func (a Num) AddC(c float64) Num { return Num{a.V + c, a.D} }

// SubC returns a − c for a constant c.
func (a Num) SubC(c float64) Num { return Num{a.V - c, a.D} }

// MulC returns c·a for a constant c.
func (a Num) MulC(c float64) Num { return Num{a.V * c, a.D * c} }

// DivC returns a/c for a constant c.
func (a Num) DivC(c float64) Num { return Num{a.V / c, a.D / c} }

// CSub returns c − a for a constant c.
func CSub(c float64, a Num) Num { return Num{c - a.V, -a.D} }

// CDiv returns c/a for a constant c; (c/a)' = −c·a'/a².
func CDiv(c float64, a Num) Num {
	q := c / a.V
	return Num{q, -q * a.D / a.V}
}

// Square returns a²; (a²)' = 2aa'.
func (a Num) Square() Num { return Num{a.V * a.V, 2 * a.V * a.D} }

// Values copies the value parts of src into dst (len(dst) ≥ len(src)).
func Values(dst []float64, src []Num) {
	dst = dst[:len(src)]
	for i, x := range src {
		dst[i] = x.V
	}
}

// Derivs copies the derivative parts of src into dst (len(dst) ≥ len(src)).
func Derivs(dst []float64, src []Num) {
	dst = dst[:len(src)]
	for i, x := range src {
		dst[i] = x.D
	}
}
