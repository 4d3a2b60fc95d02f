package integrate

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/integrate/dual"
	"github.com/brainsim/brainsim/rng"
)

// Geometric Brownian motion dX = λX dt + μX dW, X(0) = 1, with the exact
// solution X(T) = exp((λ − μ²/2)T + μW(T)) (Kloeden & Platen 1992, §4.4;
// parameters of Higham 2001, SIAM Review 43(3)).
const gbmLambda, gbmMu = 2.0, 1.0

func gbmDrift(_ float64, y, dy []float64) {
	for i, v := range y {
		dy[i] = gbmLambda * v
	}
}

func gbmDiff(_ float64, y, g []float64) {
	for i, v := range y {
		g[i] = gbmMu * v
	}
}

// strongErrors integrates P paths of GBM (one component per path) to T = 1
// with dt = 2^−9·R for R = 1, 2, 4, 8, 16, the coarse increments being sums
// of the same fine Brownian increments, and returns mean |X_N − X(T)|.
func strongErrors(t *testing.T, s *SDE, P int) (dts, errs []float64) {
	t.Helper()
	const fine = 512
	dtf := 1.0 / fine
	src := rng.New(rng.String(7, "gbm paths"))
	dWf := make([][]float64, fine)
	W := make([]float64, P)
	for k := range dWf {
		dWf[k] = make([]float64, P)
		for p := range dWf[k] {
			dWf[k][p] = math.Sqrt(dtf) * src.NormFloat64()
			W[p] += dWf[k][p]
		}
	}
	dW := make([]float64, P)
	for R := 1; R <= 16; R *= 2 {
		dt := dtf * float64(R)
		y := make([]float64, P)
		for p := range y {
			y[p] = 1
		}
		for k := 0; k < fine/R; k++ {
			clear(dW)
			for r := 0; r < R; r++ {
				for p, w := range dWf[k*R+r] {
					dW[p] += w
				}
			}
			if err := s.StepIncrement(float64(k)*dt, dt, y, dW); err != nil {
				t.Fatal(err)
			}
		}
		var sum float64
		for p, v := range y {
			sum += math.Abs(v - math.Exp((gbmLambda-gbmMu*gbmMu/2)+gbmMu*W[p]))
		}
		dts = append(dts, dt)
		errs = append(errs, sum/float64(P))
	}
	return dts, errs
}

// slope is the least-squares slope of log err against log dt.
func slope(dts, errs []float64) float64 {
	var mx, my float64
	for i := range dts {
		mx += math.Log(dts[i])
		my += math.Log(errs[i])
	}
	n := float64(len(dts))
	mx, my = mx/n, my/n
	var sxy, sxx float64
	for i := range dts {
		dx := math.Log(dts[i]) - mx
		sxy += dx * (math.Log(errs[i]) - my)
		sxx += dx * dx
	}
	return sxy / sxx
}

// TestStrongOrder: on GBM with 2000 paths, the fitted slope of the mean
// absolute error at T = 1 against dt is 0.5 ± 0.15 for Euler–Maruyama and
// 1 ± 0.15 for Milstein (Kloeden & Platen 1992, Thms 10.2.2 and 10.3.5), and
// Milstein is more accurate at every dt.
func TestStrongOrder(t *testing.T) {
	const P = 2000
	em, err := NewSDE("euler", P, gbmDrift, gbmDiff)
	if err != nil {
		t.Fatal(err)
	}
	mil, err := NewSDE("milstein", P, gbmDrift, gbmDiff, WithNoiseDerivative(func(_ float64, _, d []float64) {
		for i := range d {
			d[i] = gbmMu
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	dts, eEM := strongErrors(t, em, P)
	_, eMil := strongErrors(t, mil, P)
	sEM, sMil := slope(dts, eEM), slope(dts, eMil)
	t.Logf("dt %v\nEM errors %v slope %.3f\nMilstein errors %v slope %.3f", dts, eEM, sEM, eMil, sMil)
	if math.Abs(sEM-0.5) > 0.15 {
		t.Errorf("Euler–Maruyama strong order %.3f, want 0.5 ± 0.15", sEM)
	}
	if math.Abs(sMil-1) > 0.15 {
		t.Errorf("Milstein strong order %.3f, want 1 ± 0.15", sMil)
	}
	for i := range dts {
		if eMil[i] >= eEM[i] {
			t.Errorf("dt %g: Milstein error %.3g ≥ EM %.3g", dts[i], eMil[i], eEM[i])
		}
	}
}

// TestMilsteinDual: the dual-number Milstein (∂g/∂y by forward mode) gives
// the same path as the one with the hand-written derivative, for a
// nonlinear diffusion g = 0.3·sin(y).
func TestMilsteinDual(t *testing.T) {
	const n = 5
	f := func(_ float64, y, dy []float64) {
		for i, v := range y {
			dy[i] = -v
		}
	}
	g := func(_ float64, y, dy []float64) {
		for i, v := range y {
			dy[i] = 0.3 * math.Sin(v)
		}
	}
	hand, err := NewSDE("milstein", n, f, g, WithSeed(3), WithNoiseDerivative(func(_ float64, y, d []float64) {
		for i, v := range y {
			d[i] = 0.3 * math.Cos(v)
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	auto, err := NewSDEDual("milstein", 1, n,
		func(_ float64, y, dy []dual.Num) {
			for i, v := range y {
				dy[i] = v.Neg()
			}
		},
		func(_ float64, y, dy []dual.Num) {
			for i, v := range y {
				dy[i] = dual.Sin(v).MulC(0.3)
			}
		}, WithSeed(3))
	if err != nil {
		t.Fatal(err)
	}
	y1 := []float64{-2, -1, 0, 1, 2}
	y2 := append([]float64(nil), y1...)
	for k := uint64(0); k < 100; k++ {
		hand.Step(float64(k)*0.01, 0.01, y1, k)
		auto.Step(float64(k)*0.01, 0.01, y2, k)
	}
	for i := range y1 {
		if relErr(y2[i], y1[i]) > 1e-13 {
			t.Errorf("component %d: dual %.17g, hand %.17g", i, y2[i], y1[i])
		}
	}
}

// TestOUMoments: Ornstein–Uhlenbeck dX = θ(m − X)dt + σdW, X(0) = 0, over
// 20000 independent components with the default counter-based noise. The
// sample mean and variance at t = 2 must match, within 4 standard errors,
// the exact moments of each scheme's recursion:
//
//	exp_euler: X' = m + (X − m)e^{−θdt} + σdW → mean exact, V' = e^{−2θdt}V + σ²dt
//	euler:     X' = X + θ(m − X)dt + σdW      → mean m + (X₀−m)(1−θdt)^n, V' = (1−θdt)²V + σ²dt
func TestOUMoments(t *testing.T) {
	const (
		P               = 20000
		theta, m, sigma = 1.0, 2.0, 0.5
		dt              = 0.05
		steps           = 40
	)
	f := func(_ float64, y, dy []float64) {
		for i, v := range y {
			dy[i] = theta * (m - v)
		}
	}
	g := func(_ float64, _, dy []float64) {
		for i := range dy {
			dy[i] = sigma
		}
	}
	diag := func(_ float64, _, d []float64) {
		for i := range d {
			d[i] = -theta
		}
	}
	for _, method := range []string{"exp_euler", "euler"} {
		s, err := NewSDE(method, P, f, g, WithDiagJacobian(diag), WithSeed(11))
		if err != nil {
			t.Fatal(err)
		}
		y := make([]float64, P)
		for k := 0; k < steps; k++ {
			if err := s.Step(float64(k)*dt, dt, y, uint64(k)); err != nil {
				t.Fatal(err)
			}
		}
		a := math.Exp(-theta * dt)
		if method == "euler" {
			a = 1 - theta*dt
		}
		mean, v := 0.0, 0.0
		for k := 0; k < steps; k++ {
			v = a*a*v + sigma*sigma*dt
		}
		mean = m + (0-m)*math.Pow(a, steps)
		var sm, ss float64
		for _, x := range y {
			sm += x
		}
		sm /= P
		for _, x := range y {
			ss += (x - sm) * (x - sm)
		}
		ss /= P - 1
		if se := math.Sqrt(v / P); math.Abs(sm-mean) > 4*se {
			t.Errorf("%s: mean %.5f, want %.5f ± %.5f", method, sm, mean, 4*se)
		}
		if se := v * math.Sqrt(2.0/(P-1)); math.Abs(ss-v) > 4*se {
			t.Errorf("%s: variance %.5f, want %.5f ± %.5f", method, ss, v, 4*se)
		}
	}
}

// TestSDEDeterminism: the same seed and step index give identical results;
// another seed or step index gives different ones; exp_euler with zero
// diffusion equals the ODE exp_euler.
func TestSDEDeterminism(t *testing.T) {
	const n = 50
	f := func(_ float64, y, dy []float64) {
		for i, v := range y {
			dy[i] = -v
		}
	}
	g := func(_ float64, _, dy []float64) {
		for i := range dy {
			dy[i] = 1
		}
	}
	run := func(seed, k uint64) []float64 {
		s, _ := NewSDE("euler", n, f, g, WithSeed(seed))
		y := make([]float64, n)
		s.Step(0, 0.1, y, k)
		return y
	}
	a, b, c, d := run(1, 5), run(1, 5), run(2, 5), run(1, 6)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("same seed and step differ at %d", i)
		}
	}
	same := func(x, y []float64) bool {
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	if same(a, c) || same(a, d) {
		t.Error("different seed or step index gave identical noise")
	}
	zero := func(_ float64, _, dy []float64) { clear(dy) }
	diag := func(_ float64, _, d []float64) {
		for i := range d {
			d[i] = -1
		}
	}
	s, _ := NewSDE("exp_euler", n, f, zero, WithDiagJacobian(diag))
	o, _ := NewODE("exp_euler", n, f, WithDiagJacobian(diag))
	y1, y2 := make([]float64, n), make([]float64, n)
	for i := range y1 {
		y1[i], y2[i] = float64(i), float64(i)
	}
	s.Step(0, 0.3, y1, 0)
	o.Step(0, 0.3, y2)
	if !same(y1, y2) {
		t.Error("exp_euler SDE with g = 0 differs from the ODE step")
	}
}

// TestCounterNoise: CounterNoise draws have mean 0 and variance 1 (4 standard
// errors over 10⁵ draws) and consecutive steps are uncorrelated.
func TestCounterNoise(t *testing.T) {
	const n, K = 1000, 100
	nz := CounterNoise{Key: 42}
	a, b := make([]float64, n), make([]float64, n)
	var s1, s2, cross float64
	for k := uint64(0); k < K; k++ {
		nz.Fill(k, a)
		nz.Fill(k+1, b)
		for i := range a {
			s1 += a[i]
			s2 += a[i] * a[i]
			cross += a[i] * b[i]
		}
	}
	N := float64(n * K)
	mean, v, corr := s1/N, s2/N, cross/N
	if math.Abs(mean) > 4/math.Sqrt(N) || math.Abs(v-1) > 4*math.Sqrt(2/N) || math.Abs(corr) > 4/math.Sqrt(N) {
		t.Errorf("mean %.4f, variance %.4f, lag-1 correlation %.4f", mean, v, corr)
	}
}
