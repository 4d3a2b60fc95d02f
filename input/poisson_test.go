package input_test

import (
	"github.com/brainsim/brainsim/internal/check"
	"math"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/sim"
)

// TestPoissonGroupCounts checks that every neuron's spike count over K steps
// is Binomial(K, p), p = rate·dt/1000: across neurons, the mean count is Kp
// and the variance Kp(1−p) (Fano factor 1−p ≈ 1), within 5 standard errors
// (SE of the mean √(Kp(1−p)/N); SE of the variance √((κ₄ + 2σ⁴)/N), κ₄ the
// binomial's fourth cumulant Kp(1−p)(1−6p(1−p))).
func TestPoissonGroupCounts(t *testing.T) {
	const N, rate, dt, T = 2000, 100.0, 0.1, 1000.0
	g, err := input.NewPoissonGroup(N, rate)
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, 5, sim.Options{Dt: dt, Monitors: sim.Mon("P.spike")}, T, "P", g)
	K, p := float64(res.Steps), rate*dt/1000
	counts := make([]float64, N)
	for i, c := range res.Spikes["P.spike"].Count() {
		counts[i] = float64(c)
	}
	mean, variance := moments(counts)
	s2 := K * p * (1 - p)
	k4 := s2 * (1 - 6*p*(1-p))
	check.Within(t, "mean count", mean, K*p, 5*math.Sqrt(s2/N))
	check.Within(t, "count variance", variance, s2, 5*math.Sqrt((k4+2*s2*s2)/N))
	check.Within(t, "Fano factor", variance/mean, 1-p, 5*math.Sqrt((k4+2*s2*s2)/N)/(K*p))
	// interval between consecutive spikes of a neuron is geometric: P(1 step) = p
	rec := res.Spikes["P.spike"]
	last := make([]float64, N)
	for i := range last {
		last[i] = -1
	}
	ones, intervals := 0.0, 0.0
	for q, tm := range rec.T {
		i := rec.I[q]
		if last[i] >= 0 {
			intervals++
			if math.Round((tm-last[i])/dt) == 1 {
				ones++
			}
		}
		last[i] = tm
	}
	check.Within(t, "P(ISI = 1 step)", ones/intervals, p, 5*math.Sqrt(p*(1-p)/intervals))
}

// TestPoissonGroupThreads checks that spikes do not depend on the number of
// threads and do depend on the network seed.
func TestPoissonGroupThreads(t *testing.T) {
	spikes := func(seed uint64, threads int) ([]float64, []int32) {
		g, err := input.NewPoissonGroup(301, 40)
		if err != nil {
			t.Fatal(err)
		}
		res := run(t, seed, sim.Options{Threads: threads, Monitors: sim.Mon("P.spike")}, 100, "P", g)
		return res.Spikes["P.spike"].T, res.Spikes["P.spike"].I
	}
	t1, i1 := spikes(9, 1)
	if len(t1) == 0 {
		t.Fatal("no spikes")
	}
	for _, th := range []int{2, 3} {
		tn, in := spikes(9, th)
		if !slices.Equal(t1, tn) || !slices.Equal(i1, in) {
			t.Errorf("threads %d: spikes differ from 1 thread", th)
		}
	}
	t2, i2 := spikes(10, 1)
	if slices.Equal(t1, t2) && slices.Equal(i1, i2) {
		t.Error("seeds 9 and 10 give the same spikes")
	}
}

// TestPoissonGroupRates checks per-neuron rates and the "rate" variable.
func TestPoissonGroupRates(t *testing.T) {
	g, err := input.NewPoissonGroupRates([]float64{0, 50, 5000})
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, 1, sim.Options{Monitors: sim.Mon("P.spike", "P.rate")}, 2000, "P", g)
	c := res.Spikes["P.spike"].Count()
	K := float64(res.Steps)
	if c[0] != 0 {
		t.Errorf("neuron of rate 0 spiked %d times", c[0])
	}
	for i, r := range []float64{50, 5000} {
		p := r * 0.1 / 1000
		check.Within(t, "count", float64(c[i+1]), K*p, 5*math.Sqrt(K*p*(1-p)))
	}
	equal(t, "rate", res.Traces["P.rate"].Column(2)[:3], []float64{5000, 5000, 5000})

	// an input setting the rate to 0 silences the group (a new group: a
	// node belongs to one network)
	g, _ = input.NewPoissonGroupRates([]float64{0, 50, 5000})
	res = run(t, 1, sim.Options{Monitors: sim.Mon("P.spike"),
		Inputs: []sim.Input{{Target: "P.rate", Value: 0, Op: "="}}}, 100, "P", g)
	if n := len(res.Spikes["P.spike"].T); n != 0 {
		t.Errorf("rate set to 0: %d spikes", n)
	}
}

func TestPoissonGroupErrors(t *testing.T) {
	_, err := input.NewPoissonGroup(0, 10)
	check.Err(t, "size 0", err, "size = 0")
	_, err = input.NewPoissonGroup(3, -1)
	check.Err(t, "negative rate", err, "rateHz = -1")
	_, err = input.NewPoissonGroupRates([]float64{1, math.NaN()})
	check.Err(t, "NaN rate", err, "rates[1] = NaN")
	_, err = input.NewPoissonGroupRates(nil)
	check.Err(t, "no rates", err, "len(rates) = 0")
	g, _ := input.NewPoissonGroup(2, 20000)
	net := sim.NewNetwork(1)
	if err := net.Add("P", g); err != nil {
		t.Fatal(err)
	}
	_, err = sim.NewRunner(net, sim.Options{Dt: 0.1})
	check.Err(t, "p > 1", err, "rates[0] = 20000", "must be <= 1")
}

// sample draws the PoissonInput at steps [0, steps) for neurons [0, n).
func sample(t *testing.T, p input.PoissonInputParams, steps, n int) []float64 {
	t.Helper()
	s, err := input.NewPoissonInput(p)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float64, steps*n)
	for k := range steps {
		s.Values(int64(k), float64(k)*p.Dt, 0, n, out[k*n:(k+1)*n])
	}
	return out
}

// TestPoissonInputMoments checks the mean weight·np and variance
// weight²·np(1−p) of the added current in the exact binomial regime (small
// np, and large np with n(1−p) <= 5), and in the normal regime, within 5
// standard errors; in the exact regime also the probabilities of the three
// counts nearest the mean against the binomial pmf.
func TestPoissonInputMoments(t *testing.T) {
	for _, c := range []struct {
		name       string
		n          int
		freq, w    float64
		normal     bool
		brainpyVar bool
	}{
		{"binomial np=0.3", 100, 30, 0.5, false, false},
		{"binomial np=4.5", 50, 900, 1, false, false},
		{"binomial n(1-p)=2", 20, 9000, 2, false, false},
		{"normal np=10", 1000, 100, 0.25, true, false},
		{"normal, BrainPy scale", 1000, 100, 0.25, true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			const dt, steps, N = 0.1, 2000, 250
			par := input.PoissonInputParams{NumInput: c.n, Freq: c.freq, Weight: c.w, Dt: dt, Seed: 3, BrainPyScale: c.brainpyVar}
			s, _ := input.NewPoissonInput(par)
			if s.Normal() != c.normal {
				t.Fatalf("Normal() = %v, want %v", s.Normal(), c.normal)
			}
			x := sample(t, par, steps, N)
			M := float64(len(x))
			n, p := float64(c.n), c.freq*dt/1000
			mu, s2 := n*p, n*p*(1-p)
			k4 := s2 * (1 - 6*p*(1-p)) // binomial fourth cumulant
			if c.normal {
				k4 = 0
			}
			if c.brainpyVar {
				s2 *= s2 // the standard deviation is n·p·(1−p)
			}
			mean, variance := moments(x)
			check.Within(t, "mean", mean, c.w*mu, 5*c.w*math.Sqrt(s2/M))
			check.Within(t, "variance", variance, c.w*c.w*s2, 5*c.w*c.w*math.Sqrt((k4+2*s2*s2)/M))
			if c.normal {
				return
			}
			for j := max(0, int(math.Round(mu))-1); j <= int(math.Round(mu))+1; j++ {
				want := binomPMF(c.n, p, j)
				got := 0.0
				for _, v := range x {
					if math.Round(v/c.w) == float64(j) {
						got++
					}
				}
				check.Within(t, "P(X = j)", got/M, want, 5*math.Sqrt(want*(1-want)/M)+1e-12)
			}
		})
	}
}

// binomPMF computes C(n, j)·p^j·(1−p)^(n−j) with log-gamma, independently of
// the sampler's recurrence.
func binomPMF(n int, p float64, j int) float64 {
	lg := func(x float64) float64 { v, _ := math.Lgamma(x); return v }
	return math.Exp(lg(float64(n+1)) - lg(float64(j+1)) - lg(float64(n-j+1)) +
		float64(j)*math.Log(p) + float64(n-j)*math.Log1p(-p))
}

// TestPoissonInputThreads runs the source through the runner: the input
// seen by every neuron does not depend on the number of threads, is a
// multiple of the weight, and differs between seeds.
func TestPoissonInputThreads(t *testing.T) {
	trace := func(seed uint64, threads int) []float64 {
		s, err := input.NewPoissonInput(input.PoissonInputParams{NumInput: 80, Freq: 20, Weight: 0.5, Dt: 0.1, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		res := run(t, 1, sim.Options{Threads: threads, Monitors: sim.Mon("S.input"),
			Inputs: []sim.Input{s.Input("S.input")}}, 50, "S", &sink{n: 97})
		return res.Traces["S.input"].Data
	}
	a := trace(1, 1)
	for _, v := range a {
		if math.Mod(v, 0.5) != 0 {
			t.Fatalf("input %v is not a multiple of the weight 0.5", v)
		}
	}
	for _, th := range []int{2, 3} {
		if !slices.Equal(a, trace(1, th)) {
			t.Errorf("threads %d: input differs from 1 thread", th)
		}
	}
	if slices.Equal(a, trace(2, 1)) {
		t.Error("seeds 1 and 2 give the same input")
	}
}

func TestPoissonInputErrors(t *testing.T) {
	ok := input.PoissonInputParams{NumInput: 10, Freq: 10, Weight: 1, Dt: 0.1}
	bad := func(f func(*input.PoissonInputParams)) error {
		p := ok
		f(&p)
		_, err := input.NewPoissonInput(p)
		return err
	}
	check.Err(t, "NumInput 0", bad(func(p *input.PoissonInputParams) { p.NumInput = 0 }), "NumInput = 0", ">= 1")
	check.Err(t, "negative Freq", bad(func(p *input.PoissonInputParams) { p.Freq = -2 }), "Freq = -2")
	check.Err(t, "p > 1", bad(func(p *input.PoissonInputParams) { p.Freq = 20000 }), "Freq = 20000", "must be <= 1")
	check.Err(t, "NaN weight", bad(func(p *input.PoissonInputParams) { p.Weight = math.NaN() }), "Weight = NaN")
	check.Err(t, "dt -1", bad(func(p *input.PoissonInputParams) { p.Dt = -1 }), "dt = -1")

	// a runner with another dt is refused when it is built
	s, _ := input.NewPoissonInput(ok)
	net := sim.NewNetwork(1)
	if err := net.Add("S", &sink{n: 2}); err != nil {
		t.Fatal(err)
	}
	_, err := sim.NewRunner(net, sim.Options{Dt: 0.2, Inputs: []sim.Input{s.Input("S.input")}})
	check.Err(t, "dt mismatch", err, "Inputs[0] (S.input)", "Dt = 0.1", "must equal the runner's dt = 0.2")
	// Freq·dt/1000 > 1 with the runner's dt
	s, _ = input.NewPoissonInput(input.PoissonInputParams{NumInput: 1, Freq: 5000, Weight: 1})
	_, err = sim.NewRunner(net, sim.Options{Dt: 0.5, Inputs: []sim.Input{s.Input("S.input")}})
	check.Err(t, "p > 1 with the runner's dt", err, "Freq = 5000", "dt = 0.5")
}

// TestPoissonInputFromRunner: with Dt and Seed left 0 the source takes the
// runner's dt and a key derived from the network seed: the same network
// seed gives the same input, another seed another, and a second source on
// the same target draws independently of the first.
func TestPoissonInputFromRunner(t *testing.T) {
	trace := func(seed uint64, dt float64) (a, b []float64) {
		mk := func() *input.PoissonInput {
			s, err := input.NewPoissonInput(input.PoissonInputParams{NumInput: 80, Freq: 20, Weight: 1})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		s1, s2 := mk(), mk()
		net := sim.NewNetwork(seed)
		for _, n := range []string{"A", "B"} {
			if err := net.Add(n, &sink{n: 50}); err != nil {
				t.Fatal(err)
			}
		}
		r, err := sim.NewRunner(net, sim.Options{Dt: dt, Monitors: sim.Mon("A.input", "B.input"),
			Inputs: []sim.Input{s1.Input("A.input"), s2.Input("B.input")}})
		if err != nil {
			t.Fatal(err)
		}
		if want := 20 * dt / 1000; s1.Prob() != want {
			t.Errorf("Prob = %v with the runner's dt %v, want %v", s1.Prob(), dt, want)
		}
		res, err := r.Run(20)
		if err != nil {
			t.Fatal(err)
		}
		return res.Traces["A.input"].Data, res.Traces["B.input"].Data
	}
	a1, b1 := trace(7, 0.1)
	a2, _ := trace(7, 0.1)
	a3, _ := trace(8, 0.1)
	if !slices.Equal(a1, a2) || slices.Equal(a1, a3) || slices.Equal(a1, b1) {
		t.Error("want: same input for the same network seed, other input for another seed and for another target")
	}
	var sum float64
	for _, v := range a1 {
		sum += v
	}
	// mean n·p per neuron and step, 80·20·0.1/1000 = 0.16; 10 000 draws
	check.Within(t, "mean input per step", sum/float64(len(a1)), 0.16, 5*math.Sqrt(0.16/float64(len(a1))))
	a4, _ := trace(7, 0.05)
	if len(a4) != 2*len(a1) {
		t.Errorf("dt 0.05: %d samples, want %d", len(a4), 2*len(a1))
	}
}

// TestPoissonInputEdges checks p = 0 (no input) and p = 1 (every afferent
// spikes every step: exactly n·weight), for n on both sides of the regime
// threshold.
func TestPoissonInputEdges(t *testing.T) {
	for _, n := range []int{3, 40} {
		for _, c := range []struct{ freq, want float64 }{{0, 0}, {10000, float64(n) * 1.5}} {
			x := sample(t, input.PoissonInputParams{NumInput: n, Freq: c.freq, Weight: 1.5, Dt: 0.1}, 50, 7)
			for _, v := range x {
				if v != c.want {
					t.Fatalf("n = %d, freq = %v: input %v, want %v", n, c.freq, v, c.want)
				}
			}
		}
	}
}
