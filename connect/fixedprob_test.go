package connect

import (
	"math"
	"slices"
	"testing"
)

// Bernoulli sampler: out- and in-degrees of a square 3200×3200 network at
// p = 0.02 are Binomial(3200, 0.02): mean 64, variance 62.72.
func TestFixedProbBernoulliDegrees(t *testing.T) {
	for _, tc := range []struct {
		nPre, nPost int
		p           float64
		seed        uint64
	}{
		{3200, 3200, 0.02, 1},
		{1000, 3000, 0.3, 2},    // large p: short geometric gaps
		{4000, 20000, 0.001, 3}, // small p: long gaps
	} {
		c := mustConnect(t, FixedProb(tc.p), tc.nPre, tc.nPost, tc.seed)
		checkRowsAscending(t, c)
		checkBinomialSample(t, "out-degree", c.OutDegrees(), tc.nPost, tc.p, 4)
		checkBinomialSample(t, "in-degree", c.InDegrees(), tc.nPre, tc.p, 4)
	}
}

func selfPairs(c *CSR) int {
	n := 0
	for i := range min(c.NPre, c.NPost) {
		if _, ok := slices.BinarySearch(c.Row(i), uint32(i)); ok {
			n++
		}
	}
	return n
}

// The i→i pairs: with self pairs included their number is
// Binomial(3200, 0.02) (mean 64, sd 7.92); ExcludeSelf removes all of them,
// and then row i (i < nPost) is Binomial(nPost−1, p).
func TestFixedProbSelf(t *testing.T) {
	const n, p = 3200, 0.02
	inc := mustConnect(t, FixedProb(p), n, n, 11)
	mu, sd := n*p, math.Sqrt(n*p*(1-p))
	if s := selfPairs(inc); math.Abs(float64(s)-mu) > 5*sd {
		t.Errorf("include self: %d self pairs, want %.0f ± 5·%.2f", s, mu, sd)
	}
	exc := mustConnect(t, FixedProb(p).ExcludeSelf(), n, n, 11)
	if s := selfPairs(exc); s != 0 {
		t.Errorf("ExcludeSelf: %d self pairs, want 0", s)
	}
	checkBinomialSample(t, "ExcludeSelf out-degree", exc.OutDegrees(), n-1, p, 4)
	// Non-square: rows i < nPost lose index i, the others are untouched.
	ns := mustConnect(t, FixedProb(1).ExcludeSelf(), 5, 3, 0)
	want := [][]uint32{{1, 2}, {0, 2}, {0, 1}, {0, 1, 2}, {0, 1, 2}}
	if got := rowsOf(ns); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("FixedProb(1).ExcludeSelf() 5x3 rows = %v, want %v", got, want)
	}
}

func TestFixedProbSeeds(t *testing.T) {
	for _, mk := range []func() *FixedProbConn{
		func() *FixedProbConn { return FixedProb(0.05) },
		func() *FixedProbConn { return FixedProb(0.05).FixedOutDegree() },
	} {
		a := mustConnect(t, mk(), 500, 400, 7)
		b := mustConnect(t, mk(), 500, 400, 7)
		c := mustConnect(t, mk(), 500, 400, 8)
		if !a.Equal(b) {
			t.Errorf("%v: same seed gave different CSRs", mk())
		}
		if a.Equal(c) {
			t.Errorf("%v: seeds 7 and 8 gave identical CSRs", mk())
		}
		// Own seed overrides the network seed.
		own1 := mustConnect(t, mk().WithSeed(7), 500, 400, 1)
		own2 := mustConnect(t, mk().WithSeed(7), 500, 400, 2)
		if !own1.Equal(a) || !own2.Equal(a) {
			t.Errorf("%v: WithSeed(7) not equal to network seed 7", mk())
		}
	}
}

// Rows are pure functions of (seed, i): any worker count gives the same CSR,
// and AppendRow reproduces every row.
func TestFixedProbWorkersAndRows(t *testing.T) {
	for _, c := range []*FixedProbConn{
		FixedProb(0.03),
		FixedProb(0.03).ExcludeSelf(),
		FixedProb(0.03).FixedOutDegree(),
		FixedProb(0.03).FixedOutDegree().ExcludeSelf(),
		FixedProb(0.7).FixedOutDegree(),
		FixedProb(0.002).FixedOutDegree(), // m = 2: hash-set path
	} {
		ref, err := c.connect(1000, 900, 5, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := ref.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{2, 4, 7} {
			got, _ := c.connect(1000, 900, 5, w)
			if !got.Equal(ref) {
				t.Errorf("%v: %d workers differ from 1 worker", c, w)
			}
		}
		checkRowsAscending(t, ref)
		checkAppendRow(t, c, ref, 5)
	}
}

// Fixed out-degree: every row has exactly round(nPost·p) distinct posts;
// in-degree j counts nPre independent Bernoulli(m/nPost) events, so it is
// Binomial(nPre, m/nPost), with mean exactly nPre·m/nPost over the columns.
func TestFixedOutDegree(t *testing.T) {
	for _, tc := range []struct {
		nPre, nPost, m int
	}{{3200, 3200, 64}, {3200, 800, 16}} {
		const p = 0.02
		c := mustConnect(t, FixedProb(p).FixedOutDegree(), tc.nPre, tc.nPost, 3)
		checkRowsAscending(t, c)
		for i, d := range c.OutDegrees() {
			if d != tc.m {
				t.Fatalf("%dx%d: row %d has %d entries, want %d", tc.nPre, tc.nPost, i, d, tc.m)
			}
		}
		in := c.InDegrees()
		mean := float64(tc.nPre*tc.m) / float64(tc.nPost)
		if m, _ := meanVar(in); math.Abs(m-mean) > 1e-9 {
			t.Errorf("in-degree mean %v, want exactly %v", m, mean)
		}
		q := float64(tc.m) / float64(tc.nPost)
		checkBinomialSample(t, "fixed-out in-degree", in, tc.nPre, q, 4)
		// Chi-square of the in-degrees against the uniform expectation E:
		// E[X²] = nPost(1−q), and sd ≈ sqrt(2·nPost)(1−q).
		chi := 0.0
		for _, d := range in {
			chi += (float64(d) - mean) * (float64(d) - mean) / mean
		}
		want, sd := float64(tc.nPost)*(1-q), math.Sqrt(2*float64(tc.nPost))*(1-q)
		if math.Abs(chi-want) > 5*sd {
			t.Errorf("%dx%d: in-degree chi-square %.1f, want %.1f ± 5·%.1f", tc.nPre, tc.nPost, chi, want, sd)
		}
	}
}

// ExcludeSelf with a fixed out-degree drops i from row i after sampling:
// the row equals the include-self row minus i, so it has m−1 entries exactly
// when i was drawn, which happens with probability m/nPost.
func TestFixedOutDegreeExcludeSelf(t *testing.T) {
	const n, p, m = 3200, 0.02, 64
	inc := mustConnect(t, FixedProb(p).FixedOutDegree(), n, n, 9)
	exc := mustConnect(t, FixedProb(p).FixedOutDegree().ExcludeSelf(), n, n, 9)
	short := 0
	for i := range n {
		want := slices.DeleteFunc(slices.Clone(inc.Row(i)), func(j uint32) bool { return int(j) == i })
		if !slices.Equal(exc.Row(i), want) {
			t.Fatalf("row %d = %v, want %v", i, exc.Row(i), want)
		}
		switch len(want) {
		case m - 1:
			short++
		case m:
		default:
			t.Fatalf("row %d has %d entries, want %d or %d", i, len(want), m, m-1)
		}
	}
	if sd := math.Sqrt(n * p * (1 - p)); math.Abs(float64(short)-n*p) > 5*sd {
		t.Errorf("%d rows drew their own index, want %.0f ± 5·%.2f", short, n*p, sd)
	}
}

func TestFixedProbEdgeCases(t *testing.T) {
	for _, fo := range []bool{false, true} {
		mk := func(p float64) *FixedProbConn {
			if fo {
				return FixedProb(p).FixedOutDegree()
			}
			return FixedProb(p)
		}
		if c := mustConnect(t, mk(0), 50, 60, 1); c.NNZ() != 0 {
			t.Errorf("%v: %d synapses, want 0", mk(0), c.NNZ())
		}
		all := mustConnect(t, mk(1), 4, 3, 1)
		if !all.Equal(mustConnect(t, All2All(), 4, 3, 0)) {
			t.Errorf("%v: rows %v, want all pairs", mk(1), rowsOf(all))
		}
		if c := mustConnect(t, mk(1).ExcludeSelf(), 6, 6, 1); c.NNZ() != 30 {
			t.Errorf("%v.ExcludeSelf() 6x6: %d synapses, want 30", mk(1), c.NNZ())
		}
		for _, sz := range [][2]int{{0, 5}, {5, 0}, {0, 0}} {
			c := mustConnect(t, mk(0.5), sz[0], sz[1], 1)
			if c.NNZ() != 0 {
				t.Errorf("%v %v: %d synapses, want 0", mk(0.5), sz, c.NNZ())
			}
		}
	}
	// round(nPost·p), halves to even: 10·0.25 = 2.5 → 2, 10·0.35 = 3.5 → 4.
	for _, tc := range []struct {
		p    float64
		want int
	}{{0.25, 2}, {0.35, 4}, {0.02, 0}, {0.06, 1}} {
		if got := FixedProb(tc.p).OutDegree(10); got != tc.want {
			t.Errorf("FixedProb(%v).OutDegree(10) = %d, want %d", tc.p, got, tc.want)
		}
	}
}

func TestFixedProbErrors(t *testing.T) {
	for _, tc := range []struct {
		p     float64
		shown string
	}{{-0.1, "-0.1"}, {1.5, "1.5"}, {math.NaN(), "NaN"}} {
		_, err := FixedProb(tc.p).Connect(10, 10, 0)
		wantErr(t, "FixedProb", err, "FixedProb", "prob = "+tc.shown, "[0, 1]")
		if got := FixedProb(tc.p).AppendRow(nil, 0, 10, 10, 0); len(got) != 0 {
			t.Errorf("AppendRow with prob %v appended %v", tc.p, got)
		}
	}
	_, err := FixedProb(0.1).Connect(-1, 10, 0)
	wantErr(t, "nPre -1", err, "FixedProb", "nPre = -1", ">= 0")
	_, err = FixedProb(0.1).Connect(10, -3, 0)
	wantErr(t, "nPost -3", err, "FixedProb", "nPost = -3", ">= 0")
	if got := FixedProb(0.5).AppendRow(nil, 10, 10, 10, 0); len(got) != 0 {
		t.Errorf("AppendRow(i = nPre) appended %v", got)
	}
}

func TestFixedProbString(t *testing.T) {
	for _, tc := range []struct {
		c    Connector
		want string
	}{
		{FixedProb(0.02), "FixedProb(0.02)"},
		{FixedProb(0.5).ExcludeSelf().FixedOutDegree().WithSeed(42), "FixedProb(0.5).ExcludeSelf().FixedOutDegree().WithSeed(42)"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
