package ei_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/measure"
	"github.com/brainsim/brainsim/sim"
)

// cobaStats runs a COBA network for dur ms and returns the E and I rates
// (Hz) and the mean ISI CV of E.
func cobaStats(t *testing.T, net *sim.Network, c ei.Config, dur float64) (rE, rI, cv float64) {
	t.Helper()
	r, err := sim.NewRunner(net, sim.Options{Threads: 1, Monitors: sim.Mon("E.spike", "I.spike"), Inputs: c.Inputs()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(dur)
	if err != nil {
		t.Fatal(err)
	}
	e, i := res.Spikes["E.spike"], res.Spikes["I.spike"]
	rE = float64(len(e.T)) / float64(e.N) / (dur / 1000)
	rI = float64(len(i.T)) / float64(i.N) / (dur / 1000)
	_, cv, err = measure.CV(e.T, e.I, e.N)
	if err != nil {
		t.Fatal(err)
	}
	return rE, rI, cv
}

// TestCOBAEquations: the COBA benchmark with its neurons written as
// equations gives E and I rates within 2 % and a mean ISI CV within 5 % of
// the built-in network, averaged over 5 seeds.
func TestCOBAEquations(t *testing.T) {
	if testing.Short() {
		t.Skip("10 network runs")
	}
	const dur = 1000.0
	var want, got [3]float64
	for seed := uint64(1); seed <= 5; seed++ {
		c := ei.COBA(1)
		c.Seed = seed
		nb, err := ei.Build(c)
		if err != nil {
			t.Fatal(err)
		}
		ne, err := ei.BuildEquations(c)
		if err != nil {
			t.Fatal(err)
		}
		a, b, cv := cobaStats(t, nb, c, dur)
		x, y, cv2 := cobaStats(t, ne, c, dur)
		t.Logf("seed %d: built-in E %.3f I %.3f Hz CV %.4f; equations E %.3f I %.3f Hz CV %.4f", seed, a, b, cv, x, y, cv2)
		want[0], want[1], want[2] = want[0]+a/5, want[1]+b/5, want[2]+cv/5
		got[0], got[1], got[2] = got[0]+x/5, got[1]+y/5, got[2]+cv2/5
	}
	for i, c := range []struct {
		what string
		tol  float64
	}{{"E rate", 0.02}, {"I rate", 0.02}, {"CV", 0.05}} {
		if d := math.Abs(got[i]/want[i] - 1); !(d <= c.tol) {
			t.Errorf("%s: equations %.4f, built-in %.4f: relative difference %.3f > %v", c.what, got[i], want[i], d, c.tol)
		}
	}
}
