package connect

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// workerConnector is implemented by the connectors that build in parallel;
// connect takes the worker count explicitly.
type workerConnector interface {
	Connector
	connect(nPre, nPost int, seed uint64, workers int) (*CSR, error)
}

// mustConnect builds c or fails the test.
func mustConnect(t testing.TB, c Connector, nPre, nPost int, seed uint64) *CSR {
	t.Helper()
	out, err := c.Connect(nPre, nPost, seed)
	if err != nil {
		t.Fatalf("%v.Connect(%d, %d): %v", c, nPre, nPost, err)
	}
	if err := out.Validate(); err != nil {
		t.Fatalf("%v: invalid CSR: %v", c, err)
	}
	if out.NPre != nPre || out.NPost != nPost {
		t.Fatalf("%v: sizes %dx%d, want %dx%d", c, out.NPre, out.NPost, nPre, nPost)
	}
	return out
}

// meanVar returns the sample mean and the unbiased sample variance.
func meanVar(xs []int) (mean, variance float64) {
	n := float64(len(xs))
	for _, x := range xs {
		mean += float64(x)
	}
	mean /= n
	for _, x := range xs {
		d := float64(x) - mean
		variance += d * d
	}
	return mean, variance / (n - 1)
}

// checkBinomialSample checks that the n values xs look like draws of
// Binomial(N, p): the sample mean within k standard errors of Np, and the
// sample variance within k standard errors of Npq. The standard error of
// the sample variance of n draws is sqrt((μ4 − σ⁴(n−3)/(n−1))/n), with the
// binomial fourth central moment μ4 = Npq(1 + 3(N−2)pq).
func checkBinomialSample(t *testing.T, what string, xs []int, N int, p, k float64) {
	t.Helper()
	n := float64(len(xs))
	mu, s2 := float64(N)*p, float64(N)*p*(1-p)
	mu4 := s2 * (1 + 3*float64(N-2)*p*(1-p))
	seMean := math.Sqrt(s2 / n)
	seVar := math.Sqrt((mu4 - s2*s2*(n-3)/(n-1)) / n)
	m, v := meanVar(xs)
	if math.Abs(m-mu) > k*seMean {
		t.Errorf("%s: mean %.4f, want Binomial(%d, %g) mean %.4f ± %.1f·%.4f", what, m, N, p, mu, k, seMean)
	}
	if math.Abs(v-s2) > k*seVar {
		t.Errorf("%s: variance %.4f, want %.4f ± %.1f·%.4f", what, v, s2, k, seVar)
	}
}

// checkRowsAscending fails unless every row is strictly ascending (which
// also rules out duplicates).
func checkRowsAscending(t *testing.T, c *CSR) {
	t.Helper()
	for i := range c.NPre {
		row := c.Row(i)
		for k := 1; k < len(row); k++ {
			if row[k] <= row[k-1] {
				t.Fatalf("row %d not strictly ascending at %d: %v", i, k, row[k-1:k+1])
			}
		}
	}
}

// checkAppendRow fails unless AppendRow reproduces every row of c, also when
// appending after existing content.
func checkAppendRow(t *testing.T, rc RowConnector, c *CSR, seed uint64) {
	t.Helper()
	prefix := []uint32{7, 7}
	for i := range c.NPre {
		got := rc.AppendRow(prefix[:2:2], i, c.NPre, c.NPost, seed)
		if len(got) < 2 || got[0] != 7 || got[1] != 7 || !slices.Equal(got[2:], c.Row(i)) {
			t.Fatalf("%v: AppendRow(%d) = %v, want prefix [7 7] + %v", rc, i, got, c.Row(i))
		}
	}
}

// wantErr fails unless err is non-nil and its message holds every part.
func wantErr(t *testing.T, what string, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want one mentioning %q", what, parts)
		return
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %q does not mention %q", what, err, p)
		}
	}
}

// rowsOf lists the rows of c as slices, for exact comparisons.
func rowsOf(c *CSR) [][]uint32 {
	out := make([][]uint32, c.NPre)
	for i := range out {
		out[i] = append([]uint32{}, c.Row(i)...)
	}
	return out
}
