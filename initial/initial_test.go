package initial_test

import (
	"math"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/initial"
)

// TestNormalMoments checks the sample mean and variance of Normal(−55, 2)
// within 5 standard errors: SE(mean) = σ/√n, SE(var) = σ²·√(2/(n−1)).
func TestNormalMoments(t *testing.T) {
	const n, mu, sd = 200000, -55.0, 2.0
	x := make([]float64, n)
	if err := initial.Normal(mu, sd).Fill(x, 42); err != nil {
		t.Fatal(err)
	}
	m, v := moments(x)
	if d := math.Abs(m - mu); d > 5*sd/math.Sqrt(n) {
		t.Errorf("mean %v, want %v ± %v", m, mu, 5*sd/math.Sqrt(n))
	}
	if d := math.Abs(v - sd*sd); d > 5*sd*sd*math.Sqrt(2.0/(n-1)) {
		t.Errorf("variance %v, want %v", v, sd*sd)
	}
}

// TestUniformMoments checks bounds, mean (lo+hi)/2 and variance (hi−lo)²/12.
func TestUniformMoments(t *testing.T) {
	const n, lo, hi = 200000, -70.0, -60.0
	x := make([]float64, n)
	if err := initial.Uniform(lo, hi).Fill(x, 7); err != nil {
		t.Fatal(err)
	}
	for i, v := range x {
		if v < lo || v >= hi {
			t.Fatalf("x[%d] = %v outside [%v, %v)", i, v, lo, hi)
		}
	}
	m, v := moments(x)
	sd := (hi - lo) / math.Sqrt(12)
	if math.Abs(m-(lo+hi)/2) > 5*sd/math.Sqrt(n) {
		t.Errorf("mean %v, want %v", m, (lo+hi)/2)
	}
	// the variance of a uniform sample has SE = sqrt((μ4 − σ⁴)/n), μ4 = 9σ⁴/5
	if se := math.Sqrt((9.0/5-1)/n) * sd * sd; math.Abs(v-sd*sd) > 5*se {
		t.Errorf("variance %v, want %v ± %v", v, sd*sd, 5*se)
	}
}

func TestDeterministicByKey(t *testing.T) {
	a, b, c := make([]float64, 10), make([]float64, 10), make([]float64, 10)
	_ = initial.Normal(0, 1).Fill(a, 1)
	_ = initial.Normal(0, 1).Fill(b, 1)
	_ = initial.Normal(0, 1).Fill(c, 2)
	same := true
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("same key, element %d: %v vs %v", i, a[i], b[i])
		}
		same = same && a[i] == c[i]
	}
	if same {
		t.Error("keys 1 and 2 gave the same values")
	}
}

func TestConstantAndValues(t *testing.T) {
	x := make([]float64, 3)
	if err := initial.Constant(-65).Fill(x, 0); err != nil || x[0] != -65 || x[2] != -65 {
		t.Errorf("Constant: %v %v", x, err)
	}
	if err := (initial.Values{1, 2, 3}).Fill(x, 0); err != nil || x[1] != 2 {
		t.Errorf("Values: %v %v", x, err)
	}
}

func TestBadInput(t *testing.T) {
	x := make([]float64, 3)
	for _, c := range []struct {
		init initial.Init
		want string
	}{
		{initial.Normal(0, -1), "sd=-1"},
		{initial.Normal(math.NaN(), 1), "mean=NaN"},
		{initial.Uniform(2, 1), "low=2, high=1"},
		{initial.Constant(math.Inf(1)), "Constant(+Inf)"},
		{initial.Values{1, 2}, "Values has 2 elements: must have 3"},
	} {
		if err := c.init.Fill(x, 0); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.init, err, c.want)
		}
	}
}

func moments(x []float64) (mean, variance float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		variance += (v - mean) * (v - mean)
	}
	return mean, variance / float64(len(x)-1)
}
