package measure_test

import (
	"github.com/brainsim/brainsim/internal/check"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/brainsim/brainsim/measure"
)

// TestCrossCorrelationByHand: 3 neurons, dt = 1 ms, bins of 2 steps over
// 8 steps (4 bins). Neuron 0 fires in bins 0 and 1 (twice in bin 0, which
// counts once), neuron 1 in bins 0 and 2, neuron 2 never:
// κ₁₀ = 1/√(2·2) = 1/2, κ₂₀ = κ₂₁ = 0, so κ = (1/2)/3.
func TestCrossCorrelationByHand(t *testing.T) {
	times := []float64{0, 1, 3, 0, 5}
	idx := []int32{0, 0, 0, 1, 1}
	k, err := measure.CrossCorrelation(times, idx, 3, 8, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	check.Within(t, "κ", k, 1.0/6, 1e-15)
	// padding: 7 steps in bins of 2 give 4 bins, the last one of 1 step
	k, err = measure.CrossCorrelation([]float64{6, 6}, []int32{0, 1}, 2, 7, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	check.Within(t, "κ (padded last bin)", k, 1, 0)
}

// TestCrossCorrelationSynchronous: neurons firing in the same bins (at
// different times within them) have κ = 1.
func TestCrossCorrelationSynchronous(t *testing.T) {
	var times []float64
	var idx []int32
	for burst := range 20 {
		for i := range 30 {
			times = append(times, float64(burst)*25+float64(i%5)*0.1) // within one 1-ms bin
			idx = append(idx, int32(i))
		}
	}
	k, err := measure.CrossCorrelation(times, idx, 30, 500, 0.1, 1)
	if err != nil {
		t.Fatal(err)
	}
	check.Within(t, "κ", k, 1, 1e-12)
}

// TestCrossCorrelationIndependent: neurons firing independently in each
// bin with probability q have κ_ij ≈ q. A pair's κ has SE about
// σ = √((1−q²)/K) for K bins, pairs sharing a neuron are correlated with
// ρ ≈ q/(1+q), so the mean over P pairs has SE σ·√((1 + 2(n−2)ρ)/P).
func TestCrossCorrelationIndependent(t *testing.T) {
	const n, K, q, dt = 40, 4000, 0.1, 0.5
	r := rand.New(rand.NewPCG(5, 6))
	var times []float64
	var idx []int32
	for l := range K {
		for i := range n {
			if r.Float64() < q {
				times = append(times, float64(2*l+r.IntN(2))*dt) // bins of 2 steps
				idx = append(idx, int32(i))
			}
		}
	}
	k, err := measure.CrossCorrelation(times, idx, n, 2*K*dt, dt, 2*dt)
	if err != nil {
		t.Fatal(err)
	}
	P := float64(n * (n - 1) / 2)
	sigma, rho := math.Sqrt((1-q*q)/K), q/(1+q)
	check.Within(t, "κ", k, q, 5*sigma*math.Sqrt((1+2*(n-2)*rho)/P))
}

// TestVoltageFluctuation checks χ² on analytic cases: identical traces
// give 1, constant traces 1 (BrainPy's convention), independent noise of
// equal variance 1/n, and V_i = s(t) + η_i(t) with Var s = a, Var η = b
// gives (a + b/n)/(a + b).
func TestVoltageFluctuation(t *testing.T) {
	const n, T = 100, 5000
	r := rand.New(rand.NewPCG(8, 9))
	same, noise, mixed := make([]float64, n*T), make([]float64, n*T), make([]float64, n*T)
	const a, b = 1.0, 3.0
	for s := range T {
		common := r.NormFloat64()
		for i := range n {
			same[s*n+i] = math.Sin(float64(s) / 50)
			noise[s*n+i] = -60 + 2*r.NormFloat64()
			mixed[s*n+i] = math.Sqrt(a)*common + math.Sqrt(b)*r.NormFloat64()
		}
	}
	chi, err := measure.VoltageFluctuation(same, n)
	if err != nil {
		t.Fatal(err)
	}
	check.Within(t, "χ² (identical)", chi, 1, 1e-12)
	chi, _ = measure.VoltageFluctuation(make([]float64, 30), 3)
	check.Within(t, "χ² (constant)", chi, 1, 0)

	// the ratio of variance estimates from T samples has relative SE ≈ √(2/T)
	chi, _ = measure.VoltageFluctuation(noise, n)
	check.Within(t, "χ² (independent)", chi, 1.0/n, 5*math.Sqrt(2.0/T)/n)
	chi, _ = measure.VoltageFluctuation(mixed, n)
	want := (a + b/n) / (a + b)
	check.Within(t, "χ² (partly synchronous)", chi, want, 5*math.Sqrt(2.0/T)*want)
}

func TestSyncErrors(t *testing.T) {
	_, err := measure.CrossCorrelation(nil, nil, 1, 10, 0.1, 1)
	check.Err(t, "one neuron", err, "n = 1", ">= 2")
	_, err = measure.CrossCorrelation(nil, nil, 2, 10, 0.1, 0.05)
	check.Err(t, "bin < dt", err, "bin = 0.05", "at least one step")
	_, err = measure.CrossCorrelation([]float64{-1}, []int32{0}, 2, 10, 0.1, 1)
	check.Err(t, "negative time", err, "times[0] = -1")
	_, err = measure.VoltageFluctuation(make([]float64, 7), 3)
	check.Err(t, "ragged", err, "len(v) = 7", "multiple of n = 3")
	_, err = measure.VoltageFluctuation([]float64{1, math.Inf(-1)}, 2)
	check.Err(t, "infinite V", err, "v[1] = -Inf")
}
