package sim_test

import (
	"math"
	"testing"

	chk "github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// nanToy turns neuron 7's V into NaN from step 250 on.
type nanToy struct{ toy }

func (p *nanToy) Update(k int64, _ float64, lo, hi int, s []int32) []int32 {
	for i := lo; i < hi; i++ {
		p.v[i] = 1
		if k >= 250 && i == 7 {
			p.v[i] = math.NaN()
		}
	}
	return s
}

func TestNonFiniteStateStopsRun(t *testing.T) {
	for _, c := range []struct {
		every     int
		wantStep  string
		wantSince string
	}{{0, "at step 300", "finite at step 200"}, {10, "at step 250", "finite at step 240"}, {1, "at step 250", "finite at step 249"}} {
		net := sim.NewNetwork(1)
		_ = net.Add("E", &nanToy{toy{n: 20, panicAt: -1}})
		r, err := sim.NewRunner(net, sim.Options{Threads: 3, FiniteEvery: c.every})
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Run(100)
		chk.Err(t, "NaN state", err, `population "E" neuron 7: V = NaN`, c.wantStep, c.wantSince, "time step too large")
	}
	net := sim.NewNetwork(1)
	_ = net.Add("E", &nanToy{toy{n: 20, panicAt: -1}})
	r, _ := sim.NewRunner(net, sim.Options{FiniteEvery: -1})
	if _, err := r.Run(100); err != nil {
		t.Errorf("FiniteEvery -1: %v", err)
	}
}

// TestDivergentHH: Hodgkin–Huxley with Euler at dt = 0.01 ms is stable,
// at dt = 1 ms it diverges, and the run says so instead of finishing
// with NaN state.
func TestDivergentHH(t *testing.T) {
	run := func(dt float64) error {
		p := neuron.DefaultHH()
		p.Method = "euler"
		hh, err := neuron.NewHH(10, p)
		if err != nil {
			t.Fatal(err)
		}
		net := sim.NewNetwork(1)
		_ = net.Add("HH", hh)
		r, err := sim.NewRunner(net, sim.Options{Dt: dt, Inputs: []sim.Input{sim.Const("HH.input", 10)}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Run(200)
		return err
	}
	if err := run(0.01); err != nil {
		t.Fatalf("dt 0.01: %v", err)
	}
	chk.Err(t, "HH euler dt 1", run(1), `population "HH"`, "the model diverged")
}
