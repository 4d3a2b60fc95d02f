package measure_test

import (
	"github.com/brainsim/brainsim/internal/check"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/brainsim/brainsim/measure"
)

func TestISI(t *testing.T) {
	// neuron 0: spikes at 5, 1, 3 (unsorted); neuron 1: one spike; neuron 2: 2, 9.5
	d, err := measure.ISI([]float64{5, 7, 1, 2, 3, 9.5}, []int32{0, 1, 0, 2, 0, 2}, 4)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{2, 2}, {}, {7.5}, {}}
	for i := range want {
		if len(d[i]) != len(want[i]) {
			t.Fatalf("neuron %d: %v, want %v", i, d[i], want[i])
		}
		for j := range want[i] {
			if d[i][j] != want[i][j] {
				t.Errorf("neuron %d: %v, want %v", i, d[i], want[i])
			}
		}
	}
}

// TestCVRegular: a regular train has CV 0; neurons with fewer than two
// intervals have CV NaN and are left out of the mean.
func TestCVRegular(t *testing.T) {
	var times []float64
	var idx []int32
	for k := range 50 {
		times = append(times, 3+float64(k)*8, float64(k)*2)
		idx = append(idx, 0, 1)
	}
	times, idx = append(times, 4, 6), append(idx, 2, 2)
	cv, mean, err := measure.CV(times, idx, 4)
	if err != nil {
		t.Fatal(err)
	}
	if cv[0] > 1e-12 || cv[1] > 1e-12 || mean > 1e-12 {
		t.Errorf("regular trains: CV = %v, mean %v; want 0", cv[:2], mean)
	}
	if !math.IsNaN(cv[2]) || !math.IsNaN(cv[3]) {
		t.Errorf("one interval or none: CV = %v, want NaN", cv[2:])
	}
	// two intervals 1 and 3: μ = 2, σ = 1
	cv, _, _ = measure.CV([]float64{0, 1, 4}, []int32{0, 0, 0}, 1)
	check.Within(t, "CV of intervals {1, 3}", cv[0], 0.5, 1e-12)
}

// TestCVGamma: renewal trains with gamma(κ) intervals have CV 1/√κ
// (κ = 1: Poisson). By the delta method the sample CV of m intervals has
// variance (κ+1)/(2κ²m); the mean over N neurons is tested within 5 SE.
func TestCVGamma(t *testing.T) {
	const n, m = 50, 2000
	for _, order := range []int{1, 4} {
		times, idx := gammaTrains(rand.New(rand.NewPCG(uint64(order), 7)), n, m, order, 50)
		_, mean, err := measure.CV(times, idx, n)
		if err != nil {
			t.Fatal(err)
		}
		k := float64(order)
		check.Within(t, "mean CV", mean, 1/math.Sqrt(k), 5*math.Sqrt((k+1)/(2*k*k*m*n)))
	}
}

// TestFano: Poisson counts in K disjoint windows have population variance
// (K−1)/K·λ, so F ≈ (K−1)/K; by the delta method (Var s² ≈ (λ+2λ²)/K,
// Cov(s², mean) ≈ λ/K) F has variance ≈ 2/K per neuron. Regular trains whose
// period divides the window have F = 0.
func TestFano(t *testing.T) {
	const n, rate, T, win = 50, 20.0, 100000.0, 100.0
	times, idx := poissonTrains(rand.New(rand.NewPCG(3, 4)), n, rate, T)
	f, mean, err := measure.Fano(times, idx, n, T, win)
	if err != nil {
		t.Fatal(err)
	}
	K := T / win
	se := math.Sqrt(2 / K)
	check.Within(t, "mean Fano (Poisson)", mean, (K-1)/K, 5*se/math.Sqrt(n))
	check.Within(t, "Fano of neuron 0 (Poisson)", f[0], (K-1)/K, 5*se)

	times, idx = nil, nil
	for k := range 1000 {
		times = append(times, float64(k)*10+3)
		idx = append(idx, 0)
	}
	f, _, err = measure.Fano(times, idx, 2, 10000, 100)
	if err != nil {
		t.Fatal(err)
	}
	if f[0] != 0 || !math.IsNaN(f[1]) {
		t.Errorf("regular train: Fano = %v, want [0 NaN]", f)
	}
}

func TestISIErrors(t *testing.T) {
	_, err := measure.ISI([]float64{1, 2}, []int32{0}, 2)
	check.Err(t, "length mismatch", err, "2 times but 1 indices")
	_, err = measure.ISI([]float64{1}, []int32{-1}, 2)
	check.Err(t, "negative index", err, "indices[0] = -1", "[0, n = 2)")
	_, _, err = measure.CV([]float64{math.NaN()}, []int32{0}, 2)
	check.Err(t, "NaN time", err, "times[0] = NaN")
	_, _, err = measure.Fano([]float64{1}, []int32{0}, 1, 10, 6)
	check.Err(t, "one window", err, "window = 6", "between 2 and")
	_, _, err = measure.Fano([]float64{12}, []int32{0}, 1, 10, 1)
	check.Err(t, "time past the end", err, "times[0] = 12", "[0, 10)")
	_, _, err = measure.Fano(nil, nil, 1, 10, 0)
	check.Err(t, "window 0", err, "window = 0")
}
