package main

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/measure"
	"github.com/brainsim/brainsim/sim"
)

// TestCOBA: the equation network fires asynchronously and irregularly at
// the rates of the built-in COBA network (ei.COBA) with the same seed,
// within 5 % (the initial V are different draws of the same distribution).
func TestCOBA(t *testing.T) {
	st, err := Run(1000, 1)
	if err != nil {
		t.Fatal(err)
	}
	c := ei.COBA(1)
	net, err := ei.Build(c)
	if err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Monitors: sim.Mon("E.spike", "I.spike"), Inputs: c.Inputs()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(1000)
	if err != nil {
		t.Fatal(err)
	}
	e, i := res.Spikes["E.spike"], res.Spikes["I.spike"]
	rE, rI := float64(len(e.T))/float64(e.N), float64(len(i.T))/float64(i.N)
	_, cv, _ := measure.CV(e.T, e.I, e.N)
	t.Logf("equations E %.2f I %.2f Hz CV %.3f; built-in E %.2f I %.2f Hz CV %.3f", st.RateE, st.RateI, st.CV, rE, rI, cv)
	for _, d := range []struct {
		what      string
		got, want float64
	}{{"E rate", st.RateE, rE}, {"I rate", st.RateI, rI}, {"CV", st.CV, cv}} {
		if math.Abs(d.got/d.want-1) > 0.05 {
			t.Errorf("%s %.3f, built-in %.3f", d.what, d.got, d.want)
		}
	}
	if st.CV < 0.5 {
		t.Errorf("CV %.3f: not irregular", st.CV)
	}
}
