package rng

import (
	"math"
	"testing"
)

// TestCounterUniform checks mean 1/2 and variance 1/12 of counter-based
// uniforms within 5 standard errors, and that they stay in [0, 1).
func TestCounterUniform(t *testing.T) {
	const n = 200000
	var s, s2 float64
	for c := uint64(0); c < n; c++ {
		u := Uniform(99, c)
		if u < 0 || u >= 1 {
			t.Fatalf("Uniform(99, %d) = %v", c, u)
		}
		s += u
		s2 += u * u
	}
	m := s / n
	v := s2/n - m*m
	if math.Abs(m-0.5) > 5*math.Sqrt(1.0/12/n) {
		t.Errorf("mean %v, want 0.5", m)
	}
	if math.Abs(v-1.0/12) > 5*math.Sqrt((1.0/80-1.0/144)/n) {
		t.Errorf("variance %v, want 1/12", v)
	}
}

// TestCounterNormal checks mean 0, variance 1 and the 4th moment 3.
func TestCounterNormal(t *testing.T) {
	const n = 200000
	var s, s2, s4 float64
	for c := uint64(0); c < n; c++ {
		x := Normal(5, c)
		s, s2, s4 = s+x, s2+x*x, s4+x*x*x*x
	}
	if m := s / n; math.Abs(m) > 5/math.Sqrt(n) {
		t.Errorf("mean %v, want 0", m)
	}
	if v := s2 / n; math.Abs(v-1) > 5*math.Sqrt(2.0/n) {
		t.Errorf("variance %v, want 1", v)
	}
	if k := s4 / n; math.Abs(k-3) > 5*math.Sqrt(96.0/n) {
		t.Errorf("4th moment %v, want 3", k)
	}
}

// TestKeysSeparate checks that keys and labels give different streams and
// that draws are pure functions of their arguments.
func TestKeysSeparate(t *testing.T) {
	if Bits(1, 2) != Bits(1, 2) || Uniform(3, 4) != Uniform(3, 4) {
		t.Fatal("counter-based draws are not pure functions")
	}
	if String(1, "E") == String(1, "I") || String(1, "E") == String(2, "E") || Mix(1, 2) == Mix(2, 1) {
		t.Error("different labels or seeds gave the same key")
	}
	a, b := New(7), New(7)
	for i := 0; i < 10; i++ {
		if a.Uint64() != b.Uint64() {
			t.Fatal("New(7) streams differ")
		}
	}
	// neighbouring counters are uncorrelated: lag-1 correlation of uniforms
	const n = 100000
	var sxy, sx float64
	prev := Uniform(11, 0)
	for c := uint64(1); c <= n; c++ {
		u := Uniform(11, c)
		sxy += (prev - 0.5) * (u - 0.5)
		sx += (u - 0.5) * (u - 0.5)
		prev = u
	}
	if r := sxy / sx; math.Abs(r) > 5/math.Sqrt(n) {
		t.Errorf("lag-1 correlation %v, want 0 ± %v", r, 5/math.Sqrt(n))
	}
}
