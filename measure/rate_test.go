package measure_test

import (
	"github.com/brainsim/brainsim/internal/check"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/brainsim/brainsim/measure"
)

// TestFiringRateStaggered: 10 neurons each firing every 10 steps (1 ms at
// dt = 0.1), neuron i at the steps ≡ i mod 10, so exactly one neuron fires
// per step: 1000 Hz each. With width 1 ms the window is w = 11 steps, and
// near the edges only the steps inside the recording count:
// r_k = 1000·(#steps of [k−5, k+5] in [0, 100))/11.
func TestFiringRateStaggered(t *testing.T) {
	var times []float64
	for k := range 100 {
		times = append(times, float64(k)*0.1)
	}
	r, err := measure.FiringRate(times, 10, 10, 0.1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(r) != 100 {
		t.Fatalf("len = %d, want 100", len(r))
	}
	for k, v := range r {
		in := float64(min(99, k+5) - max(0, k-5) + 1)
		check.Within(t, "rate", v, 1000*in/11, 1e-9)
	}
}

// TestFiringRateConvolution compares random spikes with a direct
// computation of numpy's convolve(mean_n spikes, ones(w), 'same')·1000/(w·dt).
func TestFiringRateConvolution(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n, steps, dt = 7, 300, 0.25
	spk := make([][]bool, steps)
	var times []float64
	for k := range spk {
		spk[k] = make([]bool, n)
		for i := range n {
			if rng.Float64() < 0.2 {
				spk[k][i] = true
				times = append(times, float64(k)*dt)
			}
		}
	}
	for _, width := range []float64{0, 0.4, 0.5, 3, 10, 200} {
		w := 2*int(width/2/dt) + 1
		r, err := measure.FiringRate(times, n, steps*dt, dt, width)
		if err != nil {
			t.Fatal(err)
		}
		for k := range steps {
			want := 0.0
			for j := k - w/2; j <= k+w/2; j++ {
				if j < 0 || j >= steps {
					continue
				}
				for i := range n {
					if spk[j][i] {
						want += 1.0 / n
					}
				}
			}
			want *= 1000 / (float64(w) * dt)
			if math.Abs(r[k]-want) > 1e-9*want+1e-12 {
				t.Fatalf("width %v step %d: %v, want %v", width, k, r[k], want)
			}
		}
	}
}

func TestMeanRates(t *testing.T) {
	r, err := measure.MeanRates([]int32{0, 2, 2, 0, 2, 2, 2}, 3, 500)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{4, 0, 10} {
		check.Within(t, "rate", r[i], want, 1e-12)
	}
}

func TestRateErrors(t *testing.T) {
	_, err := measure.FiringRate([]float64{1}, 0, 10, 0.1, 1)
	check.Err(t, "n = 0", err, "n = 0")
	_, err = measure.FiringRate([]float64{1}, 2, 10, 0, 1)
	check.Err(t, "dt = 0", err, "dt = 0")
	_, err = measure.FiringRate([]float64{10}, 2, 10, 0.1, 1)
	check.Err(t, "time past the end", err, "times[0] = 10", "[0, 10)")
	_, err = measure.FiringRate([]float64{1}, 2, 10, 0.1, -1)
	check.Err(t, "negative width", err, "width = -1")
	_, err = measure.FiringRate(nil, 2, 0.01, 0.1, 1)
	check.Err(t, "shorter than a step", err, "duration = 0.01")
	_, err = measure.MeanRates([]int32{3}, 3, 10)
	check.Err(t, "index out of range", err, "indices[0] = 3", "[0, n = 3)")
	_, err = measure.MeanRates(nil, 3, math.Inf(1))
	check.Err(t, "infinite duration", err, "duration = +Inf")
}

// TestFiringRateSteps: a spike belongs to the step whose interval
// [k·dt, (k+1)·dt) holds it, and a monitor's time k·dt (rounded in floating
// point, e.g. 3·0.1 = 0.30000000000000004 and 7·0.1 = 0.7000000000000001) is
// step k.
func TestFiringRateSteps(t *testing.T) {
	r, err := measure.FiringRate([]float64{0.19, 3 * 0.1, 7 * 0.1, 0.999}, 1, 1, 0.1, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0, 1e4, 0, 1e4, 0, 0, 0, 1e4, 0, 1e4}
	for k := range want {
		check.Within(t, "rate", r[k], want[k], 1e-9)
	}
}
