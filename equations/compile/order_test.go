package compile_test

import (
	"math"
	"testing"
)

// slope fits log(err) = p·log(dt) + c by least squares.
func slope(dts, errs []float64) float64 {
	var sx, sy, sxx, sxy float64
	for i := range dts {
		x, y := math.Log(dts[i]), math.Log(errs[i])
		sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
	}
	n := float64(len(dts))
	return (n*sxy - sx*sy) / (n*sxx - sx*sx)
}

// TestOrders: on dx/dt = x·cos(t), x = e^{sin t}, the error at T = 2
// falls as dt^p with p within ±0.15 of each method's order.
func TestOrders(t *testing.T) {
	const T = 2.0
	for _, c := range []struct {
		method  string
		order   float64
		atLeast bool
	}{{"euler", 1, false}, {"rk2", 2, false}, {"heun", 2, false}, {"rk4", 4, false},
		{"exponential_euler", 1, true}, {"milstein", 1, false}, {"euler_maruyama", 1, false}} {
		var dts, errs []float64
		for _, steps := range []int64{20, 40, 80, 160} {
			dt := T / float64(steps)
			it := newIntegrator(t, "dx/dt = x*cos(t) : 1", c.method, dt, 1, []float64{1})
			it.run(0, steps)
			dts = append(dts, dt)
			errs = append(errs, math.Abs(it.x[0][0]-math.Exp(math.Sin(T))))
		}
		p := slope(dts, errs)
		t.Logf("%s: errors %.3g, order %.3f", c.method, errs, p)
		if c.atLeast && p < c.order-0.15 || !c.atLeast && math.Abs(p-c.order) > 0.15 {
			t.Errorf("%s: order %.3f, want %v ± 0.15", c.method, p, c.order)
		}
	}
}

// TestExact: exact is exact for an uncoupled linear equation and for a
// coupled one with constant coefficients (the harmonic oscillator, by the
// matrix exponential), whatever dt.
func TestExact(t *testing.T) {
	it := newIntegrator(t, "dx/dt = (3 - x)/5 : 1", "exact", 0.7, 1, []float64{-2})
	it.run(0, 100)
	if want := 3 + (-2-3)*math.Exp(-70.0/5); math.Abs(it.x[0][0]-want) > 1e-13 {
		t.Errorf("uncoupled: x(70) = %v, want %v", it.x[0][0], want)
	}
	osc := "dx/dt = y + 1 : 1\ndy/dt = -x : 1"
	it = newIntegrator(t, osc, "exact", 0.37, 1, []float64{1, 0})
	it.run(0, 100) // x'' = −x, x(0) = 1, x'(0) = 1: x = cos t + sin t, y = x' − 1
	tt := 37.0
	wx, wy := math.Cos(tt)+math.Sin(tt), math.Cos(tt)-math.Sin(tt)-1
	if x, y := it.x[0][0], it.x[1][0]; math.Abs(x-wx) > 1e-12 || math.Abs(y-wy) > 1e-12 {
		t.Errorf("oscillator: (x, y)(%v) = (%v, %v), want (%v, %v)", tt, x, y, wx, wy)
	}
}

// TestStrongOrder: on geometric Brownian motion dx = μx dt + σx dW (Itô),
// x(T) = x0·exp((μ − σ²/2)T + σW(T)), with W integrated alongside from the
// same draws, the mean error over 4000 paths falls as dt^1.0 for milstein
// and dt^0.5 for euler_maruyama (± 0.15).
func TestStrongOrder(t *testing.T) {
	const T, mu, sigma, paths = 1.0, 1.5, 1.0, 4000
	model := "dx/dt = mu*x + sigma*x*xi_1 : 1\ndW/dt = xi_1 : 1"
	for _, c := range []struct {
		method string
		order  float64
	}{{"milstein", 1}, {"euler_maruyama", 0.5}} {
		var dts, errs []float64
		for _, steps := range []int64{16, 32, 64, 128, 256} {
			dt := T / float64(steps)
			text := "mu = 1.5 : 1\nsigma = 1.0 : 1\n" + model
			it := newIntegrator(t, text, c.method, dt, paths, []float64{1, 0})
			it.run(0, steps)
			e := 0.0
			for j := 0; j < paths; j++ {
				exact := math.Exp((mu-sigma*sigma/2)*T + sigma*it.x[1][j])
				e += math.Abs(it.x[0][j] - exact)
			}
			dts, errs = append(dts, dt), append(errs, e/paths)
		}
		p := slope(dts, errs)
		t.Logf("%s: errors %.3g, strong order %.3f", c.method, errs, p)
		if math.Abs(p-c.order) > 0.15 {
			t.Errorf("%s: strong order %.3f, want %v ± 0.15", c.method, p, c.order)
		}
	}
}
