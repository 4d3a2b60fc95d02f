package neuron

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDiagonalJacobians checks every model's hand-written diagonal
// ∂f_i/∂x_i (used by exp_auto) against a central difference of its own
// right-hand side at random states, and that diag's f equals deriv.
func TestDiagonalJacobians(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	u := func(lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }
	e, a, q, aq := DefaultExpIF(), DefaultAdExIF(), DefaultQuaIF(), DefaultAdQuaIF()
	z, g, hr, f := DefaultIzhikevich(), DefaultGIF(), DefaultHindmarshRose(), DefaultFHN()
	h := DefaultHH()
	cases := []struct {
		name string
		sys  system
		dim  int
		x    func() [4]float64
	}{
		{"ExpIF", expIFSys{e.VRest, e.VT, e.DeltaT, e.R, e.Tau}, 1, func() [4]float64 { return [4]float64{u(-80, -35)} }},
		{"AdExIF", adExSys{a.VRest, a.VT, a.DeltaT, a.A, a.R, a.Tau, a.TauW}, 2, func() [4]float64 { return [4]float64{u(-80, -35), u(-5, 20)} }},
		{"QuaIF", quaIFSys{q.VRest, q.VC, q.C, q.R, q.Tau}, 1, func() [4]float64 { return [4]float64{u(-80, -30)} }},
		{"AdQuaIF", adQuaSys{aq.VRest, aq.VC, aq.A, aq.C, aq.Tau, aq.TauW}, 2, func() [4]float64 { return [4]float64{u(-80, -30), u(-5, 20)} }},
		{"Izhikevich", izhSys{z.A, z.B, z.P1, z.P2, z.P3}, 2, func() [4]float64 { return [4]float64{u(-80, 30), u(-20, 10)} }},
		{"GIF", gifSys{g.VRest, g.VThInf, g.R, g.Tau, g.A + 0.005, g.B, g.K1, g.K2}, 4, func() [4]float64 { return [4]float64{u(-80, -40), u(-60, -40), u(-5, 5), u(-5, 5)} }},
		{"HH", hhSys{h.ENa, h.GNa, h.EK, h.GK, h.EL, h.GL, h.C}, 4, func() [4]float64 { return [4]float64{u(-90, 50), u(0, 1), u(0, 1), u(0, 1)} }},
		{"MorrisLecar", &mlSys{DefaultMorrisLecar()}, 2, func() [4]float64 { return [4]float64{u(-80, 50), u(0, 1)} }},
		{"WangBuzsaki", &wbSys{DefaultWangBuzsaki()}, 3, func() [4]float64 { return [4]float64{u(-90, 50), u(0, 1), u(0, 1)} }},
		{"HindmarshRose", hrSys{hr.A, hr.B, hr.C, hr.D, hr.R, hr.S, hr.VRest}, 3, func() [4]float64 { return [4]float64{u(-2, 2), u(-15, 1), u(-1, 4)} }},
		{"FHN", fhnSys{f.A, f.B, f.Tau}, 2, func() [4]float64 { return [4]float64{u(-2.5, 2.5), u(-1, 2)} }},
	}
	// also the removable singular points of the HH and WB rate functions
	special := map[string][][4]float64{
		"HH":          {{-40, 0.5, 0.5, 0.5}, {-55, 0.5, 0.5, 0.5}},
		"WangBuzsaki": {{-35, 0.5, 0.5}, {-34, 0.5, 0.5}, {-35 + 1e-5, 0.5, 0.5}},
	}
	for _, c := range cases {
		xs := special[c.name]
		for range 200 {
			xs = append(xs, c.x())
		}
		for _, x := range xs {
			in := u(-5, 20)
			fd, jv := c.sys.diag(toVec(x), in)
			j := jv.arr()
			if f := c.sys.deriv(toVec(x), in); f != fd {
				t.Fatalf("%s at %v: deriv %v, diag's f %v", c.name, x, f, fd)
			}
			for i := 0; i < c.dim; i++ {
				step := 1e-5 * math.Max(1, math.Abs(x[i]))
				xp, xm := x, x
				xp[i] += step
				xm[i] -= step
				num := (c.sys.deriv(toVec(xp), in).arr()[i] - c.sys.deriv(toVec(xm), in).arr()[i]) / (2 * step)
				if math.IsNaN(j[i]) || math.Abs(j[i]-num) > 1e-5*math.Max(1, math.Abs(num)) {
					t.Errorf("%s at %v: ∂f%d/∂x%d = %v, central difference %v", c.name, x, i, i, j[i], num)
				}
			}
		}
	}
}

func toVec(a [4]float64) vec { return vec{a[0], a[1], a[2], a[3]} }

func (v vec) arr() [4]float64 { return [4]float64{v.x0, v.x1, v.x2, v.x3} }
