package initial_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/initial"
)

// plain is a user initialiser without FillShare: Share fills it whole.
type plain struct{}

func (plain) Fill(dst []float64, _ uint64) error {
	for i := range dst {
		dst[i] = float64(i * i)
	}
	return nil
}
func (plain) String() string { return "plain" }

// The shares of any split, concatenated, are what Fill gives the whole.
func TestShareEqualsWhole(t *testing.T) {
	const total = 1001
	vals := make(initial.Values, total)
	for i := range vals {
		vals[i] = float64(i) / 3
	}
	for _, in := range []initial.Init{initial.Constant(-65), initial.Normal(-60, 5), initial.Uniform(-70, -50), vals, plain{}} {
		whole := make([]float64, total)
		if err := in.Fill(whole, 42); err != nil {
			t.Fatal(err)
		}
		for _, parts := range []int{1, 2, 3, 7} {
			var got []float64
			rr := make([]float64, total)
			for q := range parts {
				lo, hi := total*q/parts, total*(q+1)/parts
				dst := make([]float64, hi-lo)
				if err := initial.Share(in, dst, 42, lo, 1, total); err != nil {
					t.Fatalf("%s, share %d of %d: %v", in, q, parts, err)
				}
				got = append(got, dst...)
				every := make([]float64, (total-q+parts-1)/parts) // round-robin
				if err := initial.Share(in, every, 42, q, parts, total); err != nil {
					t.Fatalf("%s, every %d-th from %d: %v", in, parts, q, err)
				}
				for j, x := range every {
					rr[q+j*parts] = x
				}
			}
			for i := range whole {
				if got[i] != whole[i] || rr[i] != whole[i] {
					t.Fatalf("%s in %d shares: element %d = %v (contiguous), %v (round-robin), whole %v", in, parts, i, got[i], rr[i], whole[i])
				}
			}
		}
	}
}

func TestShareBadInput(t *testing.T) {
	dst := make([]float64, 10)
	for _, c := range []struct{ off, total int }{{-1, 20}, {15, 20}, {0, 5}, {0, -1}} {
		err := initial.Share(initial.Constant(1), dst, 1, c.off, 1, c.total)
		if err == nil || !strings.Contains(err.Error(), fmt.Sprint(c.total)) {
			t.Errorf("share at %d of %d: err = %v, want an error naming the range", c.off, c.total, err)
		}
	}
	if err := initial.Share(initial.Constant(1), dst, 1, 0, 3, 25); err == nil {
		t.Errorf("10 elements every 3rd of 25: no error")
	}
	if err := initial.Share(initial.Values{1, 2, 3}, dst[:2], 1, 1, 1, 4); err == nil || !strings.Contains(err.Error(), "3 elements") {
		t.Errorf("Values of 3 for 4: err = %v", err)
	}
	if err := initial.Share(initial.Normal(0, -1), dst[:2], 1, 1, 1, 4); err == nil || !strings.Contains(err.Error(), "sd") {
		t.Errorf("Normal(0, -1): err = %v", err)
	}
}
