package input_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/sim"
)

// sink is a test population that only collects its "input" (cleared by the
// runner every step) and never spikes.
type sink struct {
	n   int
	in  []float64
	spk []bool
}

func (s *sink) Size() int { return s.n }
func (s *sink) Init(*sim.Env) error {
	s.in, s.spk = make([]float64, s.n), make([]bool, s.n)
	return nil
}
func (s *sink) Update(_ int64, _ float64, _, _ int, spikes []int32) []int32 { return spikes }
func (s *sink) Var(name string) []float64 {
	if name == "input" {
		return s.in
	}
	return nil
}
func (s *sink) VarNames() []string { return []string{"input"} }
func (s *sink) Spike() []bool      { return s.spk }

// run builds a network of the populations (name, pop pairs), runs it and
// returns the results.
func run(t *testing.T, seed uint64, opt sim.Options, duration float64, pops ...any) *sim.Results {
	t.Helper()
	net := sim.NewNetwork(seed)
	for i := 0; i < len(pops); i += 2 {
		if err := net.Add(pops[i].(string), pops[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(duration)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// moments returns the sample mean and the unbiased sample variance.
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

// equal fails unless got and want have equal lengths and values within 1e-12.
func equal(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len = %d, want %d", what, len(got), len(want))
	}
	for k := range got {
		if math.Abs(got[k]-want[k]) > 1e-12 {
			t.Errorf("%s[%d] = %v, want %v", what, k, got[k], want[k])
		}
	}
}
