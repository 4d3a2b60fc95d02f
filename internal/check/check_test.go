package check

import (
	"errors"
	"math"
	"testing"
)

// recorder counts failures instead of failing the real test.
type recorder struct {
	testing.TB
	fails int
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.fails++ }
func (r *recorder) Logf(string, ...any)   {}

func TestWithinAndErr(t *testing.T) {
	r := &recorder{TB: t}
	Within(r, "x", 1.05, 1, 0.1)
	Err(r, "e", errors.New("neuron: LIF Tau = 0: must be > 0"), "Tau = 0", "must be")
	if r.fails != 0 {
		t.Fatalf("%d failures for passing checks", r.fails)
	}
	Within(r, "x", 1.2, 1, 0.1)
	Within(r, "x", math.NaN(), 1, 0.1)
	Err(r, "e", nil)
	Err(r, "e", errors.New("other"), "Tau")
	if r.fails != 4 {
		t.Fatalf("%d failures, want 4", r.fails)
	}
}
