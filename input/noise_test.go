package input_test

import (
	"github.com/brainsim/brainsim/internal/check"
	"math"
	"testing"

	"github.com/brainsim/brainsim/input"
)

// TestWienerMoments checks that the increments are N(0, dt): mean 0 and
// variance dt within 5 standard errors (SE of the mean √(dt/M), of the
// variance dt·√(2/M) for M normal samples), and a third moment of 0.
func TestWienerMoments(t *testing.T) {
	const dt, n = 0.1, 50
	s, err := input.Wiener(1000, dt, n, input.Window{}, 7)
	if err != nil {
		t.Fatal(err)
	}
	if s.Steps() != 10000 || s.N != n {
		t.Fatalf("shape %d×%d, want 10000×%d", s.Steps(), s.N, n)
	}
	M := float64(len(s.Data))
	mean, variance := moments(s.Data)
	check.Within(t, "mean", mean, 0, 5*math.Sqrt(dt/M))
	check.Within(t, "variance", variance, dt, 5*dt*math.Sqrt(2/M))
	skew := 0.0
	for _, x := range s.Data {
		skew += x * x * x
	}
	skew /= M * math.Pow(dt, 1.5)
	check.Within(t, "E[ξ³]", skew, 0, 5*math.Sqrt(15/M))

	// channels are independent: the correlation of two channels is 0 ± 5/√steps
	a, b := s.Channel(0), s.Channel(1)
	c := 0.0
	for k := range a {
		c += a[k] * b[k]
	}
	check.Within(t, "corr(ch0, ch1)", c/float64(len(a))/dt, 0, 5/math.Sqrt(float64(len(a))))
}

func TestWienerWindowAndSeed(t *testing.T) {
	s, err := input.Wiener(10, 0.5, 2, input.Window{Start: 2, End: 7}, 3)
	if err != nil {
		t.Fatal(err)
	}
	for k := range s.Steps() {
		for i := range 2 {
			inside := k >= 4 && k < 14
			if (s.At(k, i) != 0) != inside {
				t.Errorf("step %d channel %d = %v: want nonzero only in steps [4, 14)", k, i, s.At(k, i))
			}
		}
	}
	again, _ := input.Wiener(10, 0.5, 2, input.Window{Start: 2, End: 7}, 3)
	other, _ := input.Wiener(10, 0.5, 2, input.Window{Start: 2, End: 7}, 4)
	equal(t, "same seed", again.Data, s.Data)
	same := 0
	for k := range s.Data {
		if s.Data[k] == other.Data[k] {
			same++
		}
	}
	if same != 2*10 { // only the zeros outside the window agree
		t.Errorf("seeds 3 and 4 agree on %d values, want only the 20 zeros", same)
	}
}

// TestOUStationary checks the stationary mean and variance of the
// Euler–Maruyama OU process. The scheme is the AR(1) process
// x' = a·x + (1−a)·μ + b·ξ with a = 1 − dt/τ, b = σ√dt, whose stationary
// variance is b²/(1−a²) = σ²τ/(2 − dt/τ). With M samples of an AR(1) series
// the standard error of the mean is √(var·(1+a)/(1−a)/M) and that of the
// sample variance var·√(2(1+a²)/(1−a²)/M); the tolerances are 5 SE.
func TestOUStationary(t *testing.T) {
	const mu, sigma, tau, dt, n = 2.0, 0.5, 10.0, 0.1, 40
	s, err := input.OU(input.OUParams{Mean: mu, Sigma: sigma, Tau: tau}, 2000, dt, n, input.Window{}, 11)
	if err != nil {
		t.Fatal(err)
	}
	burn := int(10 * tau / dt) // the process starts at μ; let its variance build up
	x := s.Data[burn*n:]
	M := float64(len(x)) // rows × channels, each channel an independent AR(1)
	a := 1 - dt/tau
	v := sigma * sigma * tau / (2 - dt/tau)
	mean, variance := moments(x)
	check.Within(t, "stationary mean", mean, mu, 5*math.Sqrt(v*(1+a)/(1-a)/M))
	check.Within(t, "stationary variance", variance, v, 5*v*math.Sqrt(2*(1+a*a)/(1-a*a)/M))
	// the continuous process's σ²τ/2 differs from the scheme's by dt/(2τ) = 0.5 %
	check.Within(t, "variance / (σ²τ/2)", variance/(sigma*sigma*tau/2), 1, 0.1)

	// lag-1 autocorrelation of the AR(1) series is a, estimated with
	// SE √((1−a²)/M) (Bartlett)
	c := 0.0
	for k := n; k < len(x); k++ {
		c += (x[k] - mean) * (x[k-n] - mean)
	}
	check.Within(t, "lag-1 autocorrelation", c/float64(len(x)-n)/variance, a, 5*math.Sqrt((1-a*a)/M))
}

// TestOUDeterministic checks the noise-free scheme against its closed form:
// with σ = 0 and start at μ it stays at μ, and the window's first row is
// one step from μ.
func TestOUDeterministic(t *testing.T) {
	s, err := input.OU(input.OUParams{Mean: -1, Sigma: 0, Tau: 5}, 3, 0.5, 1, input.Window{Start: 1}, 1)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "OU(σ=0)", s.Data, []float64{0, 0, -1, -1, -1, -1})
}
