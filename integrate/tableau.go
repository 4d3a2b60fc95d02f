package integrate

import "math"

// tableau is an explicit Runge–Kutta Butcher tableau (c, A, b), with an
// optional embedded solution b̂ for error estimation. Row i of a holds
// a_{i,0..i−1}.
type tableau struct {
	order int         // order of the b solution
	c     []float64   // nodes
	a     [][]float64 // strictly lower-triangular coefficients
	b     []float64   // weights of the propagated solution
	bhat  []float64   // embedded weights (order order−1), nil if none
}

// fixedStages is the number of stages a fixed step needs: trailing stages
// with zero weight (Dormand–Prince's seventh, FSAL, stage) are skipped.
func (tb *tableau) fixedStages() int {
	s := len(tb.b)
	for s > 1 && tb.b[s-1] == 0 {
		s--
	}
	return s
}

// newTableau returns the tableau of an explicit Runge–Kutta method by its
// BrainPy name, or nil. Sources: Butcher (2016) for the
// classical methods, Ralston (1962) for ralston2/3/4, Shu & Osher (1988) for
// ssprk3, Fehlberg (1969) for rkf45, Dormand & Prince (1980) for rkdp.
func newTableau(name string) *tableau {
	switch name {
	case "euler":
		return &tableau{order: 1, c: []float64{0}, a: [][]float64{{}}, b: []float64{1}}
	case "midpoint":
		return &tableau{order: 2, c: []float64{0, 0.5},
			a: [][]float64{{}, {0.5}}, b: []float64{0, 1}}
	case "heun2":
		return &tableau{order: 2, c: []float64{0, 1},
			a: [][]float64{{}, {1}}, b: []float64{0.5, 0.5}}
	case "ralston2":
		return &tableau{order: 2, c: []float64{0, 2.0 / 3},
			a: [][]float64{{}, {2.0 / 3}}, b: []float64{0.25, 0.75}}
	case "rk2":
		// The generic second-order family with BrainPy's default β = 2/3:
		// c₂ = a₂₁ = β, b = (1 − 1/(2β), 1/(2β)). With this β it coincides
		// with ralston2.
		const beta = 2.0 / 3
		return &tableau{order: 2, c: []float64{0, beta},
			a: [][]float64{{}, {beta}}, b: []float64{1 - 1/(2*beta), 1 / (2 * beta)}}
	case "rk3":
		return &tableau{order: 3, c: []float64{0, 0.5, 1},
			a: [][]float64{{}, {0.5}, {-1, 2}}, b: []float64{1.0 / 6, 2.0 / 3, 1.0 / 6}}
	case "heun3":
		return &tableau{order: 3, c: []float64{0, 1.0 / 3, 2.0 / 3},
			a: [][]float64{{}, {1.0 / 3}, {0, 2.0 / 3}}, b: []float64{0.25, 0, 0.75}}
	case "ralston3":
		return &tableau{order: 3, c: []float64{0, 0.5, 0.75},
			a: [][]float64{{}, {0.5}, {0, 0.75}}, b: []float64{2.0 / 9, 1.0 / 3, 4.0 / 9}}
	case "ssprk3":
		return &tableau{order: 3, c: []float64{0, 1, 0.5},
			a: [][]float64{{}, {1}, {0.25, 0.25}}, b: []float64{1.0 / 6, 1.0 / 6, 2.0 / 3}}
	case "rk4":
		return &tableau{order: 4, c: []float64{0, 0.5, 0.5, 1},
			a: [][]float64{{}, {0.5}, {0, 0.5}, {0, 0, 1}},
			b: []float64{1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6}}
	case "rk4_38rule":
		return &tableau{order: 4, c: []float64{0, 1.0 / 3, 2.0 / 3, 1},
			a: [][]float64{{}, {1.0 / 3}, {-1.0 / 3, 1}, {1, -1, 1}},
			b: []float64{0.125, 0.375, 0.375, 0.125}}
	case "ralston4":
		return ralston4()
	case "rkf45":
		// Fehlberg (1969), Table III. b is the fifth-order solution (used to
		// advance, as BrainPy's B1), bhat the fourth-order one. BrainPy's
		// table has c₆ = 1/3, a misprint for the 1/2 used here (the row sum
		// of a₆ is 1/2).
		return &tableau{order: 5,
			c: []float64{0, 0.25, 3.0 / 8, 12.0 / 13, 1, 0.5},
			a: [][]float64{{}, {0.25}, {3.0 / 32, 9.0 / 32},
				{1932.0 / 2197, -7200.0 / 2197, 7296.0 / 2197},
				{439.0 / 216, -8, 3680.0 / 513, -845.0 / 4104},
				{-8.0 / 27, 2, -3544.0 / 2565, 1859.0 / 4104, -11.0 / 40}},
			b:    []float64{16.0 / 135, 0, 6656.0 / 12825, 28561.0 / 56430, -9.0 / 50, 2.0 / 55},
			bhat: []float64{25.0 / 216, 0, 1408.0 / 2565, 2197.0 / 4104, -1.0 / 5, 0}}
	case "rkdp":
		// Dormand & Prince (1980), RK5(4)7M: b fifth order (advances),
		// bhat fourth order.
		return &tableau{order: 5,
			c: []float64{0, 0.2, 0.3, 0.8, 8.0 / 9, 1, 1},
			a: [][]float64{{}, {0.2}, {3.0 / 40, 9.0 / 40},
				{44.0 / 45, -56.0 / 15, 32.0 / 9},
				{19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
				{9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
				{35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}},
			b:    []float64{35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0},
			bhat: []float64{5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100, 1.0 / 40}}
	}
	return nil
}

// ralston4 is Ralston's (1962) fourth-order method with minimum error bound.
// The coefficients are the exact surds in √5; BrainPy stores them rounded to
// 8 decimals, which differ from these by up to 1.2e-8.
func ralston4() *tableau {
	s5 := math.Sqrt(5)
	return &tableau{order: 4,
		c: []float64{0, 0.4, 7.0/8 - 3*s5/16, 1},
		a: [][]float64{{}, {0.4},
			{(-2889 + 1428*s5) / 1024, (3785 - 1620*s5) / 1024},
			{(-3365 + 2094*s5) / 6040, (-975 - 3046*s5) / 2552, (467040 + 203968*s5) / 240845}},
		b: []float64{(263 + 24*s5) / 1812, (125 - 1000*s5) / 3828,
			1024 * (3346 + 1623*s5) / 5924787, (30 - 4*s5) / 123}}
}
