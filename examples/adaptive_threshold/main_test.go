package main

import (
	"math"
	"testing"
)

// TestAdaptation: the ISI grows as the threshold adapts, and the steady
// ISI matches the balance of threshold rise and decay; a slower membrane
// fires more slowly.
func TestAdaptation(t *testing.T) {
	res, err := Run(3, 30, 2000)
	if err != nil {
		t.Fatal(err)
	}
	for i, isi := range res.ISIs {
		if len(isi) < 10 {
			t.Fatalf("neuron %d (tau %v): %d ISIs", i, res.Tau[i], len(isi))
		}
		first, last := isi[0], isi[len(isi)-1]
		if !(last > 1.2*first) {
			t.Errorf("tau %v: first ISI %v, last %v: no adaptation", res.Tau[i], first, last)
		}
		// steady state: v_th just before a spike is θ with
		// θ = v_th0 + (θ + d_th − v_th0)·e^{−ISI/τ_th}, and v reaches θ
		// after the refractory period: ISI = 2 + τ·ln((R·I − (v_reset − v_rest)) / (R·I − (θ − v_rest))).
		theta := -50 + 2*math.Exp(-last/100)/(1-math.Exp(-last/100))
		want := 2 + res.Tau[i]*math.Log(30/(30-(theta+65)))
		if math.Abs(last-want) > 0.2 {
			t.Errorf("tau %v: steady ISI %v ms, analytic %v ms", res.Tau[i], last, want)
		}
		if i > 0 && !(last > res.ISIs[i-1][len(res.ISIs[i-1])-1]) {
			t.Errorf("tau %v fires faster than tau %v", res.Tau[i], res.Tau[i-1])
		}
	}
}
