package measure_test

import (
	"github.com/brainsim/brainsim/internal/check"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/brainsim/brainsim/measure"
)

// naiveVanRossum evaluates the double sums of the closed form directly.
func naiveVanRossum(a, b []float64, tau float64) float64 {
	s := func(x, y []float64) float64 {
		v := 0.0
		for _, p := range x {
			for _, q := range y {
				v += math.Exp(-math.Abs(p-q) / tau)
			}
		}
		return v
	}
	return math.Sqrt((s(a, a) + s(b, b) - 2*s(a, b)) / 2)
}

func TestVanRossumAnalytic(t *testing.T) {
	d, _ := measure.VanRossum([]float64{5}, nil, 10)
	check.Within(t, "one spike vs none", d, math.Sqrt(0.5), 1e-15)
	d, _ = measure.VanRossum(nil, nil, 10)
	check.Within(t, "empty trains", d, 0, 0)
	d, _ = measure.VanRossum([]float64{3, 9, 1}, []float64{1, 3, 9}, 4)
	check.Within(t, "same train, other order", d, 0, 1e-7)
	// single spikes Δ apart: D² = 1 − e^{−Δ/τ}
	for _, delta := range []float64{0.1, 2, 10, 100} {
		d, _ = measure.VanRossum([]float64{20}, []float64{20 + delta}, 5)
		check.Within(t, "shifted spike", d*d, 1-math.Exp(-delta/5), 1e-12)
	}
	// far-apart trains add up: |a| + |b| spikes with no overlap give (|a|+|b|)/2
	d, _ = measure.VanRossum([]float64{0, 1000, 2000}, []float64{5000, 6000}, 1)
	check.Within(t, "disjoint trains", d*d, 2.5, 1e-12)
}

// TestVanRossumNaive compares the merged linear pass with the double sums
// on random trains with ties.
func TestVanRossumNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for trial := range 50 {
		a := make([]float64, r.IntN(30))
		b := make([]float64, r.IntN(30))
		for i := range a {
			a[i] = float64(r.IntN(200)) * 0.5
		}
		for i := range b {
			b[i] = float64(r.IntN(200)) * 0.5
		}
		tau := 0.5 + 20*r.Float64()
		got, err := measure.VanRossum(a, b, tau)
		if err != nil {
			t.Fatal(err)
		}
		if want := naiveVanRossum(a, b, tau); math.Abs(got-want) > 1e-9*(1+want) {
			t.Errorf("trial %d: %v, want %v", trial, got, want)
		}
	}
}

func TestVanRossumErrors(t *testing.T) {
	_, err := measure.VanRossum(nil, nil, 0)
	check.Err(t, "tau 0", err, "tau = 0")
	_, err = measure.VanRossum([]float64{1}, []float64{2, math.NaN()}, 1)
	check.Err(t, "NaN", err, "b[1] = NaN")
}
