package neuron_test

import (
	"strings"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// customLIF writes τ·dV/dt = −(V − V_rest) + I as user equations.
func customLIF(method string) neuron.CustomParams {
	return neuron.CustomParams{
		Vars: []string{"V"},
		F: func(_ float64, y, in, dy []float64) {
			for i := range in {
				dy[i] = (-(y[i] + 60) + in[i]) / 20
			}
		},
		Diag: func(_ float64, _, in, d []float64) {
			for i := range in {
				d[i] = -1.0 / 20
			}
		},
		Method: method, VTh: -50, VReset: -60,
		Init: map[string]initial.Init{"V": initial.Constant(-60)},
	}
}

// TestCustomLIFSpikeTimes checks a LIF written as user equations against
// the analytic spike steps: from V_reset with I = 20 the threshold is
// crossed after ceil(200·ln 2) = 139 steps, so (no refractory period) spikes
// come at 138, 277, 416 with exp_euler, which is exact for this linear
// equation, and within a step of them with rk4.
func TestCustomLIFSpikeTimes(t *testing.T) {
	for _, method := range []string{"exp_euler", "rk4"} {
		c, err := neuron.NewCustom(3, customLIF(method))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := runOne(t, c, 20, 45, 0.1)
		want := []int64{138, 277, 416}
		if len(got) != len(want) {
			t.Fatalf("%s: spikes at %v, want %v", method, got, want)
		}
		for q := range got {
			if got[q] != want[q] {
				t.Errorf("%s: spike %d at step %d, want %d", method, q, got[q], want[q])
			}
		}
	}
}

// TestCustomOnSpike checks a two-variable model whose spike rule increments
// an adaptation variable w by 1: after n spikes w is n, less the decay
// dw/dt = −w/100 in between (bounded below by n·e^{−T/100}).
func TestCustomOnSpike(t *testing.T) {
	p := customLIF("rk4")
	p.Vars = []string{"V", "w"}
	p.F = func(_ float64, y, in, dy []float64) {
		m := len(in)
		for i := range in {
			dy[i] = (-(y[i] + 60) + in[i] - y[m+i]) / 20
			dy[m+i] = -y[m+i] / 100
		}
	}
	p.OnSpike = func(x []float64) { x[1]++ }
	c, err := neuron.NewCustom(2, p)
	if err != nil {
		t.Fatal(err)
	}
	spk, _ := runOne(t, c, 30, 100, 0.1)
	if len(spk) < 3 {
		t.Fatalf("%d spikes", len(spk))
	}
	w := c.Var("w")[0]
	if w <= 0 || w > float64(len(spk)) {
		t.Errorf("w = %v after %d spikes, want in (0, %d]", w, len(spk), len(spk))
	}
	for q := 2; q < len(spk); q++ {
		if spk[q]-spk[q-1] < spk[1]-spk[0] {
			t.Errorf("ISIs %v: adaptation should lengthen them", spk)
		}
	}
}

func TestCustomBadInput(t *testing.T) {
	ok := customLIF("rk4")
	for _, c := range []struct {
		mod  func(*neuron.CustomParams)
		want string
	}{
		{func(p *neuron.CustomParams) { p.Vars = nil }, "Vars"},
		{func(p *neuron.CustomParams) { p.F = nil }, "F = nil"},
		{func(p *neuron.CustomParams) { p.VReset = -40 }, "VReset = -40, VTh = -50"},
		{func(p *neuron.CustomParams) { p.Vars = []string{"V", "V"} }, `Vars[1] = "V"`},
		{func(p *neuron.CustomParams) { p.Vars = []string{"input"} }, `Vars[0] = "input"`},
		{func(p *neuron.CustomParams) { p.Method = "rk9" }, "rk9"},
		{func(p *neuron.CustomParams) { p.Init = map[string]initial.Init{"u": initial.Constant(1)} }, `Init = "u"`},
	} {
		p := ok
		c.mod(&p)
		if _, err := neuron.NewCustom(1, p); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want %q", err, c.want)
		}
	}
}

// TestCustomThreads checks identical spikes and state for 1, 2 and 3
// workers (one integrator per block).
func TestCustomThreads(t *testing.T) {
	var ref []float64
	for _, threads := range []int{1, 2, 3} {
		p := customLIF("rk4")
		p.Init = map[string]initial.Init{"V": initial.Uniform(-60, -50)}
		c, _ := neuron.NewCustom(7, p)
		net := sim.NewNetwork(3)
		_ = net.Add("P", c)
		r, err := sim.NewRunner(net, sim.Options{Threads: threads, Inputs: []sim.Input{sim.Const("P.input", 15)}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.Run(30); err != nil {
			t.Fatal(err)
		}
		v := c.Var("V")
		if ref == nil {
			ref = append([]float64(nil), v...)
			continue
		}
		for i := range v {
			if v[i] != ref[i] {
				t.Fatalf("threads=%d: V[%d] = %v, want %v", threads, i, v[i], ref[i])
			}
		}
	}
}
