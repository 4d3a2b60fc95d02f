package connect

import "math"

// segStream is a small sequential random stream for one segment of a
// procedural row: SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable
// pseudorandom number generators", OOPSLA), a Weyl sequence with step γ
// passed through a 64-bit mixing finaliser. It is a value type, so a segment
// stream costs no allocation.
type segStream struct{ s uint64 }

const weylGamma = 0x9e3779b97f4a7c15

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *segStream) next() uint64 {
	r.s += weylGamma
	return mix64(r.s)
}

// uniform returns a draw in (0, 1].
func (r *segStream) uniform() float64 {
	return (float64(r.next()>>11) + 1) * 0x1p-53
}

// Exponential ziggurat of Marsaglia & Tsang (2000), "The ziggurat method for
// generating random variables", J. Stat. Softw. 5(8), with 256 layers: layer
// 0 is the base (a rectangle of width zigQ plus the tail beyond zigR), layer
// i ≥ 1 spans x in [0, x_i) between heights f(x_i) and f(x_{i−1}), x_1 <
// … < x_255 = zigR, all of equal area zigV. A draw picks a layer and a
// 32-bit position in it; ~98.9% of draws are accepted by one comparison.
const (
	zigR = 7.69711747013104972 // x_255, where the tail starts
	zigV = 3.949659822581572e-3
)

// zigTables are read-only after init: ke[i] is the accept threshold of
// layer i (x_{i−1}/x_i · 2³²; for the base, zigR/zigQ · 2³²), we[i] turns a
// 32-bit position into x, fe[i] = e^{−x_i}.
type zigTables struct {
	ke [256]uint32
	we [256]float64
	fe [256]float64
}

var zigExp = newZigTables()

func newZigTables() *zigTables {
	const m2 = 1 << 32
	t := new(zigTables)
	de, te := zigR, zigR
	q := zigV / math.Exp(-de) // width of the base rectangle
	t.ke[0] = uint32(de / q * m2)
	t.ke[1] = 0
	t.we[0] = q / m2
	t.we[255] = de / m2
	t.fe[0] = 1
	t.fe[255] = math.Exp(-de)
	for i := 254; i >= 1; i-- {
		de = -math.Log(zigV/de + math.Exp(-de))
		t.ke[i+1] = uint32(de / te * m2)
		te = de
		t.fe[i] = math.Exp(-de)
		t.we[i] = de / m2
	}
	return t
}

// exp returns an Exp(1) draw: one 64-bit draw in the common case, its low 32
// bits the position and bits 32–39 the layer. Hot loops inline the common
// case and call expSlow for the rest (expFrom).
func (r *segStream) exp() float64 {
	t := zigExp
	u := r.next()
	if j, i := uint32(u), uint8(u>>32); j < t.ke[i] {
		return float64(j) * t.we[i]
	}
	return r.expSlow(u)
}

// expSlow finishes a draw whose first 64 bits u fell outside the layer's
// rectangle: the base layer's tail, or a layer's wedge.
func (r *segStream) expSlow(u uint64) float64 {
	t := zigExp
	for {
		j, i := uint32(u), uint8(u>>32)
		x := float64(j) * t.we[i]
		if j < t.ke[i] {
			return x
		}
		if i == 0 { // the tail beyond zigR is zigR + Exp(1)
			return zigR - math.Log(r.uniform())
		}
		// wedge: accept if a uniform height in the layer lies under e^{−x}
		if t.fe[i]+r.uniform()*(t.fe[i-1]-t.fe[i]) < math.Exp(-x) {
			return x
		}
		u = r.next()
	}
}
