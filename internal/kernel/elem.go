package kernel

// Element-wise arithmetic for compiled equation programs: d[j] = x[j] op
// y[j] (VV), x[j] op s (VS) or s op x[j] (SV). x and y must be at least
// as long as d; d may be x or y (in place). On amd64 with AVX2 the loops
// run 4 lanes at a time; each lane is the same IEEE operation, so the
// results are those of the Go loops bit for bit.

// AddVV sets d[j] = x[j] + y[j].
func AddVV(d, x, y []float64) {
	x, y = x[:len(d)], y[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		addVVSIMD(d[:n], x, y)
		d, x, y = d[n:], x[n:], y[n:]
	}
	for j := range d {
		d[j] = x[j] + y[j]
	}
}

// SubVV sets d[j] = x[j] − y[j].
func SubVV(d, x, y []float64) {
	x, y = x[:len(d)], y[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		subVVSIMD(d[:n], x, y)
		d, x, y = d[n:], x[n:], y[n:]
	}
	for j := range d {
		d[j] = x[j] - y[j]
	}
}

// MulVV sets d[j] = x[j] · y[j].
func MulVV(d, x, y []float64) {
	x, y = x[:len(d)], y[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		mulVVSIMD(d[:n], x, y)
		d, x, y = d[n:], x[n:], y[n:]
	}
	for j := range d {
		d[j] = x[j] * y[j]
	}
}

// DivVV sets d[j] = x[j] / y[j].
func DivVV(d, x, y []float64) {
	x, y = x[:len(d)], y[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		divVVSIMD(d[:n], x, y)
		d, x, y = d[n:], x[n:], y[n:]
	}
	for j := range d {
		d[j] = x[j] / y[j]
	}
}

// AddVS sets d[j] = x[j] + s.
func AddVS(d, x []float64, s float64) {
	x = x[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		addVSSIMD(d[:n], x, s)
		d, x = d[n:], x[n:]
	}
	for j := range d {
		d[j] = x[j] + s
	}
}

// SubVS sets d[j] = x[j] − s.
func SubVS(d, x []float64, s float64) {
	x = x[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		subVSSIMD(d[:n], x, s)
		d, x = d[n:], x[n:]
	}
	for j := range d {
		d[j] = x[j] - s
	}
}

// SubSV sets d[j] = s − x[j].
func SubSV(d, x []float64, s float64) {
	x = x[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		subSVSIMD(d[:n], x, s)
		d, x = d[n:], x[n:]
	}
	for j := range d {
		d[j] = s - x[j]
	}
}

// MulVS sets d[j] = x[j] · s.
func MulVS(d, x []float64, s float64) {
	x = x[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		mulVSSIMD(d[:n], x, s)
		d, x = d[n:], x[n:]
	}
	for j := range d {
		d[j] = x[j] * s
	}
}

// DivVS sets d[j] = x[j] / s.
func DivVS(d, x []float64, s float64) {
	x = x[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		divVSSIMD(d[:n], x, s)
		d, x = d[n:], x[n:]
	}
	for j := range d {
		d[j] = x[j] / s
	}
}

// DivSV sets d[j] = s / x[j].
func DivSV(d, x []float64, s float64) {
	x = x[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		divSVSIMD(d[:n], x, s)
		d, x = d[n:], x[n:]
	}
	for j := range d {
		d[j] = s / x[j]
	}
}

// Neg sets d[j] = −x[j] (the sign bit flipped, as Go's unary minus).
func Neg(d, x []float64) {
	x = x[:len(d)]
	if n := len(d) &^ 3; n > 0 && simdOK(n) {
		negSIMD(d[:n], x)
		d, x = d[n:], x[n:]
	}
	for j := range d {
		d[j] = -x[j]
	}
}
