package connect

import (
	"math"
	"testing"
)

// On a periodic grid every row sees the same distances, so the out-degree is
// a sum of independent Bernoulli(p_j): mean Σ p_j, variance Σ p_j(1−p_j),
// with p_j = exp(−d²/2σ²) summed here over the offsets (dr, dc) directly.
// The fraction of connected pairs at distance 1 must be exp(−1/(2σ²)).
func TestGaussianProb(t *testing.T) {
	const R, C, sigma = 30, 40, 2.0
	c := GaussianProb(sigma, R, C).Periodic()
	g := mustConnect(t, c, R*C, R*C, 5)
	checkRowsAscending(t, g)
	mu, v := 0.0, 0.0
	for dr := -R / 2; dr < R-R/2; dr++ {
		for dc := -C / 2; dc < C-C/2; dc++ {
			p := math.Exp(-float64(dr*dr+dc*dc) / (2 * sigma * sigma))
			mu += p
			v += p * (1 - p)
		}
	}
	m, _ := meanVar(g.OutDegrees())
	if se := math.Sqrt(v / (R * C)); math.Abs(m-mu) > 4*se {
		t.Errorf("mean out-degree %.4f, want %.4f ± 4·%.4f", m, mu, se)
	}
	dense := g.Dense()
	hits, pairs := 0, 0
	for i := range R * C {
		for _, j := range []int{(i/C)*C + (i%C+1)%C, ((i/C+1)%R)*C + i%C} { // right and down neighbours
			pairs++
			if dense[i][j] {
				hits++
			}
		}
	}
	p1 := math.Exp(-1 / (2 * sigma * sigma))
	if sd := math.Sqrt(float64(pairs) * p1 * (1 - p1)); math.Abs(float64(hits)-float64(pairs)*p1) > 4*sd {
		t.Errorf("distance-1 pairs connected: %d of %d, want %.0f ± 4·%.1f", hits, pairs, float64(pairs)*p1, sd)
	}
	par, _ := c.connect(R*C, R*C, 5, 3)
	if !par.Equal(g) {
		t.Error("GaussianProb: 3 workers differ")
	}
	checkAppendRow(t, c, g, 5)
	if s := selfPairs(mustConnect(t, GaussianProb(sigma, 5, 5).ExcludeSelf(), 25, 25, 1)); s != 0 {
		t.Errorf("ExcludeSelf: %d self pairs", s)
	}
	// Self pairs have p = 1: always present by default.
	if s := selfPairs(mustConnect(t, GaussianProb(0.3, 5, 5), 25, 25, 1)); s != 25 {
		t.Errorf("include self: %d self pairs, want 25", s)
	}
	_, err := GaussianProb(0, 3, 3).Connect(9, 9, 0)
	wantErr(t, "sigma", err, "GaussianProb", "sigma = 0", "> 0")
	_, err = GaussianProb(1, 3, 3).Connect(9, 8, 0)
	wantErr(t, "size", err, "GaussianProb", "nPost = 8")
	if s := GaussianProb(1.5, 2, 3).Periodic().WithSeed(4).String(); s != "GaussianProb(1.5, 2, 3).Periodic().WithSeed(4)" {
		t.Errorf("String() = %q", s)
	}
}
