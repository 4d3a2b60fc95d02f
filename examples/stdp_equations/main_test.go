package main

import "testing"

// TestBimodal: after 30 s of STDP the weights, drawn uniformly in
// [0, gmax], pile up at both bounds (Song, Miller & Abbott 2000, Fig. 2):
// the lowest and highest tenths each hold at least 1.5 times the mean of
// the middle four, and every weight stays in [0, gmax].
func TestBimodal(t *testing.T) {
	res, err := Run(30000, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	var hist [10]int
	for _, w := range res.W {
		if w < 0 || w > gmax {
			t.Fatalf("weight %g outside [0, %g]", w, gmax)
		}
		hist[min(9, int(w/gmax*10))]++
	}
	mid := float64(hist[3]+hist[4]+hist[5]+hist[6]) / 4
	t.Logf("rate %.1f Hz, histogram %v", res.Rate, hist)
	if float64(hist[0]) < 1.5*mid || float64(hist[9]) < 1.5*mid {
		t.Errorf("weights not bimodal: histogram %v", hist)
	}
	if res.Rate < 5 || res.Rate > 100 {
		t.Errorf("output rate %.1f Hz: want a driven neuron (5–100 Hz)", res.Rate)
	}
}
