package connect

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/rng"
)

// chi2Crit001 holds the 0.999 quantiles of the chi-square distribution
// (standard tables) for the degrees of freedom used below.
var chi2Crit001 = map[int]float64{9: 27.877, 14: 36.123}

type sampler func(dst []uint64, r *rand.Rand, n uint64, m int, sc *scratch) []uint64

// Every m-subset must be equally likely: with C(n, m) subsets and T trials
// each count is about T/C(n, m); the chi-square statistic over the subsets
// has C(n, m)−1 degrees of freedom. Both membership structures are tried.
func TestSampleDistinctUniform(t *testing.T) {
	for name, f := range map[string]sampler{
		"bitset": floydBitset[uint64], "hash": floydHash[uint64], "auto": sampleDistinct[uint64],
	} {
		for _, tc := range []struct {
			n uint64
			m int
		}{{5, 2}, {6, 4}, {15, 14}} {
			const trials = 60000
			counts := map[uint64]int{}
			r := rng.New(rng.Mix(99, tc.n))
			sc := new(scratch)
			var buf []uint64
			for range trials {
				buf = f(buf[:0], r, tc.n, tc.m, sc)
				if len(buf) != tc.m || !slices.IsSorted(buf) || len(slices.Compact(slices.Clone(buf))) != tc.m {
					t.Fatalf("%s n=%d m=%d: sample %v: want %d distinct ascending values", name, tc.n, tc.m, buf, tc.m)
				}
				var mask uint64
				for _, v := range buf {
					if v >= tc.n {
						t.Fatalf("%s: value %d out of [0, %d)", name, v, tc.n)
					}
					mask |= 1 << v
				}
				counts[mask]++
			}
			k := binom(int(tc.n), tc.m)
			if len(counts) != k {
				t.Errorf("%s n=%d m=%d: %d distinct subsets seen, want %d", name, tc.n, tc.m, len(counts), k)
			}
			e := float64(trials) / float64(k)
			chi := 0.0
			for _, c := range counts {
				chi += (float64(c) - e) * (float64(c) - e) / e
			}
			if crit := chi2Crit001[k-1]; chi > crit {
				t.Errorf("%s n=%d m=%d: chi-square %.2f > %.2f (df %d, p = 0.001)", name, tc.n, tc.m, chi, crit, k-1)
			}
		}
	}
}

func binom(n, k int) int {
	r := 1
	for i := 1; i <= k; i++ {
		r = r * (n - k + i) / i
	}
	return r
}

// The two membership structures must pick the same set from the same draws,
// so that the row does not depend on which one is used.
func TestSampleDistinctPathsAgree(t *testing.T) {
	sc := new(scratch)
	for k := range 300 {
		n := uint64(1 + k*k%5000)
		m := 1 + k*7%int(n)
		a := floydBitset[uint32](nil, rng.New(uint64(k)), n, m, sc)
		b := floydHash[uint32](nil, rng.New(uint64(k)), n, m, nil)
		c := floydBitset[uint32](nil, rng.New(uint64(k)), n, m, nil)
		if !slices.Equal(a, b) || !slices.Equal(a, c) {
			t.Fatalf("n=%d m=%d: bitset %v, hash %v, bitset without scratch %v", n, m, a, b, c)
		}
	}
	for _, w := range sc.bits {
		if w != 0 {
			t.Fatal("scratch bitset not left zeroed")
		}
	}
}

// appendBernoulli: each position is kept with probability p, independently.
// Over T trials position j's count is Binomial(T, p) and the count of
// (j, j+1) both kept is Binomial(T, p²); the skipped index is never kept.
func TestAppendBernoulli(t *testing.T) {
	const n, p, trials, skip = 12, 0.3, 40000, 5
	r := rng.New(1)
	var single [n]int
	var pair [n - 1]int
	var buf []uint32
	for range trials {
		buf = appendBernoulli(buf[:0], r, n, p, -1/math.Log1p(-p), skip)
		var on [n]bool
		for _, j := range buf {
			on[j] = true
			single[j]++
		}
		for j := range n - 1 {
			if on[j] && on[j+1] {
				pair[j]++
			}
		}
	}
	sd1 := math.Sqrt(trials * p * (1 - p))
	sd2 := math.Sqrt(trials * p * p * (1 - p*p))
	for j := range n {
		want := trials * p
		if j == skip {
			want = 0
		}
		if math.Abs(float64(single[j])-want) > 5*sd1 {
			t.Errorf("position %d kept %d times, want %.0f ± 5·%.1f", j, single[j], want, sd1)
		}
		if j < n-1 && j != skip && j+1 != skip && math.Abs(float64(pair[j])-trials*p*p) > 5*sd2 {
			t.Errorf("pair (%d,%d) kept %d times, want %.0f ± 5·%.1f", j, j+1, pair[j], trials*p*p, sd2)
		}
	}
}
