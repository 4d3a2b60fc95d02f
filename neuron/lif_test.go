package neuron_test

import (
	"math"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// seedLIF are the seed script's LIF parameters.
func seedLIF() neuron.LIFParams {
	return neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5}
}

// runOne runs one population under a constant input and returns the spike
// steps of neuron 0 and the recorded V trace.
func runOne(t *testing.T, pop sim.Population, input, dur, dt float64) ([]int64, *sim.Trace) {
	t.Helper()
	net := sim.NewNetwork(1)
	if err := net.Add("P", pop); err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: 1,
		Monitors: sim.Mon("P.spike", "P.V"), Inputs: []sim.Input{sim.Const("P.input", input)}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(dur)
	if err != nil {
		t.Fatal(err)
	}
	var steps []int64
	sp := res.Spikes["P.spike"]
	for q, i := range sp.I {
		if i == 0 {
			steps = append(steps, int64(math.Round(sp.T[q]/dt)))
		}
	}
	return steps, res.Traces["P.V"]
}

// TestLIFOracle checks the spike steps of docs/semantics.md, “Reference
// values”: with I = 20 the neuron spikes at steps 138, 327, 516 from V0 = −60
// and at 0, 189, 378 from V0 = 0 (ISI = 50 frozen + 139 integrating steps).
func TestLIFOracle(t *testing.T) {
	for _, c := range []struct {
		v0   float64
		want []int64
	}{{-60, []int64{138, 327, 516}}, {0, []int64{0, 189, 378}}} {
		p := seedLIF()
		p.V0 = initial.Constant(c.v0)
		lif, err := neuron.NewLIF(1, p)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := runOne(t, lif, 20, 55, 0.1)
		if len(got) != len(c.want) {
			t.Fatalf("V0=%v: spikes at steps %v, want %v", c.v0, got, c.want)
		}
		for q := range got {
			if got[q] != c.want[q] {
				t.Errorf("V0=%v: spike %d at step %d, want %d", c.v0, q, got[q], c.want[q])
			}
		}
	}
}

// TestLIFRefractoryFreeze checks that V stays at V_reset for exactly
// round(tau_ref/dt) = 50 steps after a spike and integrates at step s+51.
func TestLIFRefractoryFreeze(t *testing.T) {
	lif, _ := neuron.NewLIF(1, seedLIF())
	spk, tr := runOne(t, lif, 20, 10, 0.1)
	if len(spk) != 1 || spk[0] != 0 {
		t.Fatalf("spikes %v, want [0]", spk)
	}
	for k := 0; k <= 50; k++ {
		if v := tr.At(k, 0); v != -60 {
			t.Fatalf("step %d: V = %v, want frozen at -60", k, v)
		}
	}
	want := -40 + (-60+40)*math.Exp(-0.1/20)
	if v := tr.At(51, 0); math.Abs(v-want) > 1e-12 {
		t.Errorf("step 51: V = %v, want %v", v, want)
	}
}

// TestLIFFICurve compares the firing rate with the analytic f–I curve
// f = 1/(τ_ref + τ·ln(R·I/(R·I − (V_th − V_rest)))). In discrete time the
// spike comes at the first step at or after threshold crossing, so every ISI
// is longer than the analytic one by less than one step: 0 <= ISI − ISI* < dt.
func TestLIFFICurve(t *testing.T) {
	const dt, dur = 0.1, 2000.0
	for _, I := range []float64{10.5, 11, 12, 15, 20, 30, 50, 100} {
		p := seedLIF()
		p.V0 = initial.Constant(-60)
		lif, _ := neuron.NewLIF(1, p)
		spk, _ := runOne(t, lif, I, dur, dt)
		isiStar := p.TauRef + p.Tau*math.Log(I/(I-(p.VTh-p.VRest)))
		if len(spk) < 3 {
			t.Fatalf("I=%v: only %d spikes", I, len(spk))
		}
		for q := 1; q < len(spk); q++ {
			isi := float64(spk[q]-spk[q-1]) * dt
			if d := isi - isiStar; d < -1e-9 || d >= dt+1e-9 {
				t.Fatalf("I=%v: ISI %v ms vs analytic %v: difference %v not in [0, dt)", I, isi, isiStar, d)
			}
		}
		rate := float64(len(spk)-1) / (float64(spk[len(spk)-1]-spk[0]) * dt / 1000)
		if f := 1000 / isiStar; rate > f || rate < 1000/(isiStar+dt) {
			t.Errorf("I=%v: rate %.3f Hz outside (%.3f, %.3f]", I, rate, 1000/(isiStar+dt), f)
		}
	}
	// below rheobase (R·I <= V_th − V_rest) the neuron never fires
	lif, _ := neuron.NewLIF(1, seedLIF())
	if spk, _ := runOne(t, lif, 9.9, 500, dt); len(spk) != 1 {
		t.Errorf("I=9.9: %d spikes, want only the one at step 0 from V0 = 0", len(spk))
	}
}

// TestLIFMethodOrder checks the convergence order of the non-exact methods
// on a subthreshold trajectory with the analytic solution
// V(t) = V∞ + (V0 − V∞)·e^{−t/τ}: halving dt divides the error by ≈ 2^p.
func TestLIFMethodOrder(t *testing.T) {
	for _, c := range []struct {
		method string
		order  float64
	}{{"euler", 1}, {"rk2", 2}, {"midpoint", 2}, {"rk3", 3}, {"rk4", 4}, {"rk4_38rule", 4}} {
		var errs []float64
		for _, dt := range []float64{0.5, 0.25, 0.125} {
			p := seedLIF()
			p.V0, p.Method = initial.Constant(-70), c.method
			lif, _ := neuron.NewLIF(1, p)
			_, tr := runOne(t, lif, 5, 20, dt)
			n := len(tr.T) - 1
			tEnd := float64(n+1) * dt // V after the last step is V(t_{n}+dt)
			exact := -55 + (-70+55)*math.Exp(-tEnd/20)
			errs = append(errs, math.Abs(tr.At(n, 0)-exact))
		}
		for q := 1; q < len(errs); q++ {
			if got := math.Log2(errs[q-1] / errs[q]); math.Abs(got-c.order) > 0.15 {
				t.Errorf("%s: observed order %.3f, want %v (errors %v)", c.method, got, c.order, errs)
			}
		}
	}
	p := seedLIF()
	p.V0 = initial.Constant(-70)
	lif, _ := neuron.NewLIF(1, p) // exp_auto is exact
	_, tr := runOne(t, lif, 5, 20, 0.5)
	n := len(tr.T) - 1
	if exact := -55 + (-70+55)*math.Exp(-float64(n+1)*0.5/20); math.Abs(tr.At(n, 0)-exact) > 1e-12 {
		t.Errorf("exp_auto: V = %v, want exact %v", tr.At(n, 0), exact)
	}
}

func TestLIFBadInput(t *testing.T) {
	for _, c := range []struct {
		n    int
		mod  func(*neuron.LIFParams)
		want string
	}{
		{0, nil, "size = 0"},
		{-3, nil, "size = -3"},
		{1, func(p *neuron.LIFParams) { p.Tau = 0 }, "Tau = 0"},
		{1, func(p *neuron.LIFParams) { p.Tau = -1 }, "Tau = -1"},
		{1, func(p *neuron.LIFParams) { p.TauRef = -1 }, "TauRef = -1"},
		{1, func(p *neuron.LIFParams) { p.VReset = -50 }, "VReset = -50: must be finite and < VTh = -50"},
		{1, func(p *neuron.LIFParams) { p.VTh = math.NaN() }, "VTh = NaN"},
		{1, func(p *neuron.LIFParams) { p.Method = "rk5" }, `Method = rk5: must be one of exp_auto`},
		{1, func(p *neuron.LIFParams) { p.R = -2 }, "R = -2"},
	} {
		p := seedLIF()
		if c.mod != nil {
			c.mod(&p)
		}
		_, err := neuron.NewLIF(c.n, p)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got error %v, want it to contain %q", err, c.want)
		}
	}
	// an unstable explicit method is reported when dt is known
	p := seedLIF()
	p.Method = "euler"
	lif, _ := neuron.NewLIF(1, p)
	net := sim.NewNetwork(1)
	_ = net.Add("P", lif)
	if _, err := sim.NewRunner(net, sim.Options{Dt: 50}); err == nil || !strings.Contains(err.Error(), "unstable") {
		t.Errorf("euler with dt/tau = 2.5: got %v, want an 'unstable' error", err)
	}
}
