package sim_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

func lif(t *testing.T, n int) *neuron.LIF {
	t.Helper()
	l, err := neuron.NewLIF(n, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Constant(-60)})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func oneNet(t *testing.T, n int) *sim.Network {
	t.Helper()
	net := sim.NewNetwork(3)
	if err := net.Add("E", lif(t, n)); err != nil {
		t.Fatal(err)
	}
	return net
}

func TestStepsFor(t *testing.T) {
	for _, c := range []struct {
		dur, dt float64
		want    int64
	}{{200, 0.1, 2000}, {0.3, 0.1, 3}, {0.25, 0.1, 2}, {1, 0.1, 10}, {100, 0.025, 4000}, {0.1, 0.1, 1}} {
		if got, err := sim.StepsFor(c.dur, c.dt); err != nil || got != c.want {
			t.Errorf("StepsFor(%v, %v) = %v, %v; want %v", c.dur, c.dt, got, err, c.want)
		}
	}
	for _, d := range []float64{0, -1, math.NaN(), math.Inf(1), 0.05} {
		if _, err := sim.StepsFor(d, 0.1); err == nil || !strings.Contains(err.Error(), "duration") {
			t.Errorf("StepsFor(%v): error %v, want one naming the duration", d, err)
		}
	}
}

// TestRunContinues checks that two runs continue in time and together record
// exactly what one run of the summed duration records.
func TestRunContinues(t *testing.T) {
	opts := sim.Options{Threads: 2, Monitors: sim.Mon("E.spike", "E.V"), Inputs: []sim.Input{sim.Const("E.input", 20)}}
	r1, _ := sim.NewRunner(oneNet(t, 5), opts)
	whole, _ := r1.Run(40)
	r2, _ := sim.NewRunner(oneNet(t, 5), opts)
	a, _ := r2.Run(25)
	b, _ := r2.Run(15)
	if a.Start != 0 || a.Steps != 250 || b.Start != 250 || b.Steps != 150 || r2.Step() != 400 {
		t.Fatalf("runs cover [%d,+%d) and [%d,+%d), next %d; want [0,+250), [250,+150), 400", a.Start, a.Steps, b.Start, b.Steps, r2.Step())
	}
	if ts := b.Ts(); ts[0] != 25 || math.Abs(ts[149]-39.9) > 1e-12 {
		t.Errorf("second run's ts = %v … %v, want 25 … 39.9", ts[0], ts[149])
	}
	wt, at, bt := whole.Spikes["E.spike"], a.Spikes["E.spike"], b.Spikes["E.spike"]
	if len(wt.T) == 0 || len(at.T)+len(bt.T) != len(wt.T) {
		t.Fatalf("%d + %d spikes in two runs, %d in one", len(at.T), len(bt.T), len(wt.T))
	}
	joined := append(append([]float64{}, at.T...), bt.T...)
	for q := range joined {
		if math.Abs(joined[q]-wt.T[q]) > 1e-9 {
			t.Fatalf("spike %d at %v, in one run at %v", q, joined[q], wt.T[q])
		}
	}
	if a.Traces["E.V"].At(249, 3) != whole.Traces["E.V"].At(249, 3) || b.Traces["E.V"].At(0, 3) != whole.Traces["E.V"].At(250, 3) {
		t.Error("V traces of the split runs differ from the single run")
	}
}

// TestMonitorIndexEvery checks index subsets and recording intervals.
func TestMonitorIndexEvery(t *testing.T) {
	r, err := sim.NewRunner(oneNet(t, 10), sim.Options{
		Monitors: []sim.Monitor{{Name: "E.V", Index: []int{7, 2}, Every: 10}, {Name: "E.spike", Index: []int{1}, Key: "one"}},
		Inputs:   []sim.Input{{Target: "E.input", Values: []float64{0, 20, 0, 0, 0, 0, 0, 30, 0, 0}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := r.Run(100)
	tr := res.Traces["E.V"]
	if len(tr.T) != 100 || tr.T[1] != 1 || len(tr.Data) != 200 || tr.Index[0] != 7 {
		t.Fatalf("trace: %d rows, T[1] = %v, %d values, index %v; want 100 rows every 1 ms", len(tr.T), tr.T[1], len(tr.Data), tr.Index)
	}
	// neuron 2 has no input and rests at -60; neuron 7 is driven
	moved := false
	for row := range tr.T {
		if tr.At(row, 1) != -60 {
			t.Fatalf("row %d: V[2] = %v, want -60 (no input)", row, tr.At(row, 1))
		}
		moved = moved || tr.At(row, 0) != -60
	}
	if !moved {
		t.Error("V[7] never left -60 although driven by 30")
	}
	sp := res.Spikes["one"]
	if len(sp.I) == 0 {
		t.Fatal("neuron 1 did not spike")
	}
	for _, i := range sp.I {
		if i != 1 {
			t.Fatalf("spike of neuron %d recorded by a monitor of neuron 1", i)
		}
	}
	// first spike from -60 with I = 20 at step 138 (docs/semantics.md,
	// “Reference values”)
	if math.Abs(sp.T[0]-13.8) > 1e-9 {
		t.Errorf("first spike at %v ms, want 13.8", sp.T[0])
	}
}

// TestInputOps checks the operations and their order: '=' before '+'
// whatever the listing order, constants before functions.
func TestInputOps(t *testing.T) {
	r, err := sim.NewRunner(oneNet(t, 2), sim.Options{
		Monitors: sim.Mon("E.input"),
		Inputs: []sim.Input{
			{Target: "E.input", Func: func(t float64) float64 { return t }, Op: "*"},
			{Target: "E.input", Value: 3},
			{Target: "E.input", Value: 4, Op: "="},
			{Target: "E.input", Values: []float64{1, 2}, Op: "-"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := r.Run(0.3)
	in := res.Traces["E.input"]
	for k := 0; k < 3; k++ {
		tk := float64(k) * 0.1
		for i, v := range []float64{1, 2} {
			if want := (4 + 3 - v) * tk; math.Abs(in.At(k, i)-want) > 1e-12 {
				t.Errorf("step %d neuron %d: input %v, want (4+3-%v)·t = %v", k, i, in.At(k, i), v, want)
			}
		}
	}
}

func TestRunnerErrors(t *testing.T) {
	net := oneNet(t, 4)
	for _, c := range []struct {
		opt  sim.Options
		want string
	}{
		{sim.Options{Dt: -0.1}, "Dt = -0.1"},
		{sim.Options{Dt: math.NaN()}, "Dt = NaN"},
		{sim.Options{Threads: -1}, "Threads = -1"},
		{sim.Options{Monitors: sim.Mon("E.W")}, `"E.W": no such variable; valid names: E.spike, E.V, E.input`},
		{sim.Options{Monitors: sim.Mon("X.spike")}, "valid names: E.spike"},
		{sim.Options{Monitors: sim.Mon("Espike")}, `want "node.variable"`},
		{sim.Options{Monitors: []sim.Monitor{{Name: "E.V", Index: []int{4}}}}, "Index[0] = 4: must be in [0, 4)"},
		{sim.Options{Monitors: []sim.Monitor{{Name: "E.V", Every: -2}}}, "Every = -2"},
		{sim.Options{Monitors: sim.Mon("E.V", "E.V")}, `key "E.V" is used twice`},
		{sim.Options{Inputs: []sim.Input{sim.Const("I.input", 1)}}, `"I.input": want "population.variable"; valid targets: E.V, E.input`},
		{sim.Options{Inputs: []sim.Input{sim.Const("E.current", 1)}}, `no variable "current"`},
		{sim.Options{Inputs: []sim.Input{{Target: "E.input", Op: "%"}}}, `Op = "%"`},
		{sim.Options{Inputs: []sim.Input{{Target: "E.input", Values: []float64{1}}}}, "Values has length 1: must equal the size of \"E\", 4"},
	} {
		_, err := sim.NewRunner(net, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.opt, err, c.want)
		}
	}
	r, _ := sim.NewRunner(net, sim.Options{})
	if _, err := r.Run(0.01); err == nil || !strings.Contains(err.Error(), "shorter than one time step") {
		t.Errorf("Run(0.01): %v", err)
	}
}

func TestNetworkErrors(t *testing.T) {
	net := sim.NewNetwork(1)
	a := lif(t, 2)
	for _, c := range []struct {
		name string
		node any
		want string
	}{
		{"", a, "name is empty"},
		{"E.x", a, "may not contain '.'"},
		{"A", nil, "node is nil"},
		{"A", 42, "int is neither a Population nor a Projection"},
	} {
		if err := net.Add(c.name, c.node); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Add(%q, %v): %v, want %q", c.name, c.node, err, c.want)
		}
	}
	if err := net.Add("A", a); err != nil {
		t.Fatal(err)
	}
	if err := net.Add("A", lif(t, 1)); err == nil || !strings.Contains(err.Error(), "already in the network") {
		t.Errorf("duplicate name: %v", err)
	}
	if err := net.Add("B", a); err == nil || !strings.Contains(err.Error(), "under another name") {
		t.Errorf("same population twice: %v", err)
	}
}

// TestProjectionOfAnotherNetwork checks that a projection whose populations
// belong to another network is refused with the populations listed.
func TestProjectionOfAnotherNetwork(t *testing.T) {
	a, b := lif(t, 3), lif(t, 3)
	other := sim.NewNetwork(1)
	_ = other.Add("A", a)
	_ = other.Add("B", b)
	proj, err := synapse.NewExpCOBA(a, b, connect.All2All(), synapse.ExpParams{Tau: 5, GMax: 1})
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(1)
	if err := net.Add("B", b); err == nil || !strings.Contains(err.Error(), "already in another network") {
		t.Errorf("a population of another network: %v", err)
	}
	c := lif(t, 3)
	_ = net.Add("C", c)
	if err := net.Add("AB", proj); err == nil || !strings.Contains(err.Error(), "pre population is not in this network (add it first; populations: C)") {
		t.Errorf("got %v", err)
	}
}

// stepIndexSource gives neuron i the value 1000·k + i at step k.
type stepIndexSource struct{}

func (stepIndexSource) Values(k int64, _ float64, lo, hi int, dst []float64) {
	for i := range dst {
		dst[i] = float64(1000*k) + float64(lo+i)
	}
}

// TestSourceInput checks that a Source is evaluated per step and neuron and
// combined with its operation, for any number of threads.
func TestSourceInput(t *testing.T) {
	for _, threads := range []int{1, 2, 3} {
		r, err := sim.NewRunner(oneNet(t, 5), sim.Options{Threads: threads, Monitors: sim.Mon("E.input"),
			Inputs: []sim.Input{{Target: "E.input", Source: stepIndexSource{}, Op: "-"}, sim.Const("E.input", 0.5)}})
		if err != nil {
			t.Fatal(err)
		}
		res, _ := r.Run(0.4)
		for k := 0; k < 4; k++ {
			for i := 0; i < 5; i++ {
				if got, want := res.Traces["E.input"].At(k, i), 0.5-float64(1000*k+i); got != want {
					t.Fatalf("threads=%d step %d neuron %d: input %v, want %v", threads, k, i, got, want)
				}
			}
		}
	}
	_, err := sim.NewRunner(oneNet(t, 2), sim.Options{Inputs: []sim.Input{{Target: "E.input", Source: stepIndexSource{}, Func: func(float64) float64 { return 0 }}}})
	if err == nil || !strings.Contains(err.Error(), "at most one of Values, Func and Source") {
		t.Errorf("Source and Func together: %v", err)
	}
}

// TestInputClearedEveryStep checks that inputs do not accumulate across
// steps whatever the first operation is.
func TestInputClearedEveryStep(t *testing.T) {
	for _, c := range []struct {
		in   []sim.Input
		want float64
	}{
		{[]sim.Input{{Target: "E.input", Value: 2}}, 2},
		{[]sim.Input{{Target: "E.input", Value: 3, Op: "-"}}, -3},
		{[]sim.Input{{Target: "E.input", Value: 3, Op: "*"}}, 0},
		{[]sim.Input{{Target: "E.V", Value: -60, Op: "="}, {Target: "E.input", Value: 1.5}}, 1.5},
	} {
		r, err := sim.NewRunner(oneNet(t, 3), sim.Options{Monitors: sim.Mon("E.input"), Inputs: c.in})
		if err != nil {
			t.Fatal(err)
		}
		res, _ := r.Run(1)
		for k := 0; k < 10; k++ {
			if got := res.Traces["E.input"].At(k, 1); got != c.want {
				t.Fatalf("%+v: step %d: input %v, want %v", c.in, k, got, c.want)
			}
		}
	}
}

// TestInputJumps: an input to "P.jump" is a voltage jump, added after the
// step's integration and dropped while the neuron is refractory: with a
// 100 mV jump every step, a LIF with τ_ref = 2 ms (20 steps) fires every
// 21 steps, while the same input to V would make it fire every step after
// the freeze.
func TestInputJumps(t *testing.T) {
	l, err := neuron.NewLIF(3, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Constant(-60)})
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(1)
	if err := net.Add("E", l); err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Monitors: sim.Mon("E.spike"), Inputs: []sim.Input{{Target: "E.jump", Value: 100}}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(10)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Spikes["E.spike"]
	var steps []int
	for q, i := range s.I {
		if i == 0 {
			steps = append(steps, int(math.Round(s.T[q]/0.1)))
		}
	}
	want := []int{0, 21, 42, 63, 84}
	if !slices.Equal(steps, want) {
		t.Errorf("spike steps %v, want %v", steps, want)
	}
}
