package connect

import (
	"math"
	"slices"
	"testing"
)

// FixedPostNum(m) and FixedProb(p).FixedOutDegree() with round(nPost·p) = m
// share the sampler and the row streams, so they agree row for row.
func TestFixedPostNum(t *testing.T) {
	a := mustConnect(t, FixedPostNum(16), 3200, 800, 4)
	b := mustConnect(t, FixedProb(0.02).FixedOutDegree(), 3200, 800, 4)
	if !a.Equal(b) {
		t.Error("FixedPostNum(16) differs from FixedProb(0.02).FixedOutDegree() on 3200x800")
	}
	for _, c := range []*FixedPostNumConn{FixedPostNum(5), FixedPostNum(5).ExcludeSelf(), FixedPostNum(60).WithSeed(3)} {
		ref, err := c.connect(60, 60, 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		par, _ := c.connect(60, 60, 1, 4)
		if !par.Equal(ref) {
			t.Errorf("%v: 4 workers differ", c)
		}
		checkRowsAscending(t, ref)
		checkAppendRow(t, c, ref, 1)
	}
	// num = nPost: every post; ExcludeSelf then removes exactly the diagonal.
	checkRows(t, "FixedPostNum(3).ExcludeSelf()", mustConnect(t, FixedPostNum(3).ExcludeSelf(), 3, 3, 0),
		[][]uint32{{1, 2}, {0, 2}, {0, 1}})
	_, err := FixedPostNum(5).Connect(4, 3, 0)
	wantErr(t, "num > nPost", err, "FixedPostNum", "num = 5", "nPost = 3")
	_, err = FixedPostNum(-1).Connect(4, 3, 0)
	wantErr(t, "num < 0", err, "FixedPostNum", "num = -1", ">= 0")
	_, err = FixedPostNum(1).ExcludeSelf().Connect(4, 3, 0)
	wantErr(t, "ExcludeSelf non-square", err, "FixedPostNum", "ExcludeSelf", "nPre = 4", "nPost = 3")
}

// FixedPreNum: every column has exactly num distinct pres; the out-degrees
// are then Binomial(nPost, num/nPre).
func TestFixedPreNum(t *testing.T) {
	const nPre, nPost, num = 1000, 2000, 50
	c := mustConnect(t, FixedPreNum(num), nPre, nPost, 8)
	checkRowsAscending(t, c)
	for j, d := range c.InDegrees() {
		if d != num {
			t.Fatalf("post %d has %d pres, want %d", j, d, num)
		}
	}
	checkBinomialSample(t, "FixedPreNum out-degree", c.OutDegrees(), nPost, float64(num)/nPre, 4)
	cols := c.Transpose()
	checkRowsAscending(t, cols) // distinct pres per post
	par, _ := FixedPreNum(num).connect(nPre, nPost, 8, 3)
	if !par.Equal(c) {
		t.Error("FixedPreNum: 3 workers differ from GOMAXPROCS")
	}
	if !mustConnect(t, FixedPreNum(num).WithSeed(8), nPre, nPost, 0).Equal(c) {
		t.Error("FixedPreNum: WithSeed(8) differs from network seed 8")
	}
	// FixedPreNum columns are FixedPostNum rows of the transposed problem.
	if !mustConnect(t, FixedPostNum(num), nPost, nPre, 8).Equal(cols) {
		t.Error("FixedPreNum columns differ from FixedPostNum rows with swapped sizes")
	}

	ex := mustConnect(t, FixedPreNum(20).ExcludeSelf(), 400, 400, 2)
	if s := selfPairs(ex); s != 0 {
		t.Errorf("ExcludeSelf: %d self pairs", s)
	}
	for j, d := range ex.InDegrees() {
		if d != 20 && d != 19 {
			t.Fatalf("ExcludeSelf: post %d has %d pres, want 20 or 19", j, d)
		}
	}
	_, err := FixedPreNum(11).Connect(10, 3, 0)
	wantErr(t, "num > nPre", err, "FixedPreNum", "num = 11", "nPre = 10")
	_, err = FixedPreNum(1).ExcludeSelf().Connect(4, 3, 0)
	wantErr(t, "ExcludeSelf non-square", err, "FixedPreNum", "ExcludeSelf", "nPre = 4", "nPost = 3")
}

// FixedTotalNum: exactly num distinct pairs, each of the C(6, 2) = 15
// two-pair subsets of a 2×3 grid equally likely across seeds.
func TestFixedTotalNum(t *testing.T) {
	const trials = 30000
	counts := map[[2]int]int{}
	for s := range uint64(trials) {
		c := mustConnect(t, FixedTotalNum(2), 2, 3, s)
		pre, post := c.ToPairs()
		if len(pre) != 2 {
			t.Fatalf("seed %d: %d pairs, want 2", s, len(pre))
		}
		a, b := pre[0]*3+post[0], pre[1]*3+post[1]
		if a >= b {
			t.Fatalf("seed %d: pairs %v→%v not distinct and ordered", s, pre, post)
		}
		counts[[2]int{a, b}]++
	}
	e, chi := trials/15.0, 0.0
	for _, c := range counts {
		chi += (float64(c) - e) * (float64(c) - e) / e
	}
	if len(counts) != 15 || chi > chi2Crit001[14] {
		t.Errorf("FixedTotalNum(2) on 2x3: %d subsets, chi-square %.2f (want 15, < %.2f)", len(counts), chi, chi2Crit001[14])
	}
	// Large sparse case (hash path, as 256·num < nPre·nPost): out-degrees of
	// num = 2000 pairs among 1000×1000 have mean 2 and hypergeometric
	// variance σ² = 2·(1−1/1000)·(1e6−2000)/(1e6−1) ≈ 1.994; near-Poisson,
	// so the sample variance of 1000 rows has standard error
	// sqrt((σ²+2σ⁴)/1000).
	c := mustConnect(t, FixedTotalNum(2000), 1000, 1000, 1)
	checkRowsAscending(t, c)
	if c.NNZ() != 2000 {
		t.Errorf("NNZ = %d, want 2000", c.NNZ())
	}
	m, v := meanVar(c.OutDegrees())
	wantV := 2 * (1 - 1e-3) * (1e6 - 2000) / (1e6 - 1)
	if math.Abs(m-2) > 1e-12 || math.Abs(v-wantV) > 4*math.Sqrt((wantV+2*wantV*wantV)/1000) {
		t.Errorf("out-degree mean %v variance %v, want 2 and %.3f", m, v, wantV)
	}
	all := mustConnect(t, FixedTotalNum(12), 3, 4, 5)
	if !all.Equal(mustConnect(t, All2All(), 3, 4, 0)) {
		t.Errorf("FixedTotalNum(12) on 3x4 = %v, want all pairs", rowsOf(all))
	}
	_, err := FixedTotalNum(13).Connect(3, 4, 0)
	wantErr(t, "num > total", err, "FixedTotalNum", "num = 13", "3·4 = 12")
	_, err = FixedTotalNum(-4).Connect(3, 4, 0)
	wantErr(t, "num < 0", err, "FixedTotalNum", "num = -4")
	if s := FixedTotalNum(7).WithSeed(2).String(); s != "FixedTotalNum(7).WithSeed(2)" {
		t.Errorf("String() = %q", s)
	}
	if !slices.Equal(mustConnect(t, FixedTotalNum(0), 3, 4, 0).Indptr, []int64{0, 0, 0, 0}) {
		t.Error("FixedTotalNum(0) not empty")
	}
}
