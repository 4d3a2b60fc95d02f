package sim_test

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brainsim/brainsim/dist"
	chk "github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/sim"
)

// toy is a minimal population: V counts the steps, and Update panics in
// block panicAt (when >= 0) at step 3.
type toy struct {
	sim.Membership
	n       int
	v, in   []float64
	spk     []bool
	bounds  []int
	panicAt int
}

func newToy(n int) *toy { return &toy{n: n, panicAt: -1} }

func (p *toy) Size() int { return p.n }
func (p *toy) Init(env *sim.Env) error {
	p.v, p.in, p.spk, p.bounds = make([]float64, p.n), make([]float64, p.n), make([]bool, p.n), env.Bounds
	return nil
}
func (p *toy) Update(k int64, _ float64, lo, hi int, s []int32) []int32 {
	if p.panicAt >= 0 && k == 3 && lo == p.bounds[p.panicAt] {
		var m map[string]int
		m["boom"]++ // a nil-map write: a run-time panic inside a worker
	}
	for i := lo; i < hi; i++ {
		p.v[i]++
	}
	return s
}
func (p *toy) Var(name string) []float64 {
	switch name {
	case "V":
		return p.v
	case "input":
		return p.in
	}
	return nil
}
func (p *toy) VarNames() []string { return []string{"V", "input"} }
func (p *toy) Spike() []bool      { return p.spk }

func TestNodeInTwoNetworks(t *testing.T) {
	p := newToy(4)
	a, b := sim.NewNetwork(1), sim.NewNetwork(1)
	if err := a.Add("E", p); err != nil {
		t.Fatal(err)
	}
	chk.Err(t, "Add to a second network", b.Add("E", p), `Add "E"`, "already in another network", "belongs to one network")
	chk.Err(t, "Add twice", a.Add("F", p), "already in the network")
}

func TestSecondRunnerTakesOver(t *testing.T) {
	net := sim.NewNetwork(1)
	if err := net.Add("E", newToy(4)); err != nil {
		t.Fatal(err)
	}
	r1, err := sim.NewRunner(net, sim.Options{Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r1.Run(1); err != nil {
		t.Fatal(err)
	}
	chk.Err(t, "Add after NewRunner", net.Add("F", newToy(2)), "frozen", "before NewRunner")
	r2, err := sim.NewRunner(net, sim.Options{Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r1.Run(1)
	chk.Err(t, "Run of the first runner", err, "taken over by a newer NewRunner")
	if _, err := r2.Run(1); err != nil {
		t.Errorf("the newer runner: %v", err)
	}
	if v := net.Population("E").Var("V")[0]; v != 10 {
		t.Errorf("V = %v after the newer runner's 10 steps, want 10 (the old runner must not have stepped it)", v)
	}
}

func TestWorkerPanicIsAnError(t *testing.T) {
	for _, block := range []int{0, 1} { // the caller's block and a worker's
		p := newToy(8)
		p.panicAt = block
		net := sim.NewNetwork(1)
		if err := net.Add("E", p); err != nil {
			t.Fatal(err)
		}
		r, err := sim.NewRunner(net, sim.Options{Threads: 2})
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Run(1)
		chk.Err(t, "Run with a panicking model", err, "panic in block", "assignment to entry in nil map", "misuse_test.go")
		if res != nil {
			t.Error("a failed run returned results")
		}
		_, err = r.Run(1)
		chk.Err(t, "Run after the panic", err, "stopped on an error", "build a new runner")
	}
}

func TestThreadsBounded(t *testing.T) {
	net := sim.NewNetwork(1)
	if err := net.Add("E", newToy(5)); err != nil {
		t.Fatal(err)
	}
	_, err := sim.NewRunner(net, sim.Options{Threads: 1e9})
	chk.Err(t, "Threads 1e9", err, "Options.Threads = 1000000000", "must be in [0, 1024]", "cores")
	_, err = sim.NewRunner(net, sim.Options{Threads: -1})
	chk.Err(t, "Threads -1", err, "Options.Threads = -1")
	r, err := sim.NewRunner(net, sim.Options{Threads: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Threads() != 5 {
		t.Errorf("Threads 100 on 5 neurons: Threads() = %d, want 5 (clamped)", r.Threads())
	}
}

func TestMemoryBudget(t *testing.T) {
	net := sim.NewNetwork(1)
	if err := net.Add("E", newToy(1_000_000)); err != nil {
		t.Fatal(err)
	}
	_, err := sim.NewRunner(net, sim.Options{MemoryLimit: 1 << 20})
	chk.Err(t, "1e6 neurons in 1 MiB", err, `population "E": 1000000 neurons`, "32.0 MB", "1.0 MB", "Options.MemoryLimit")

	net = sim.NewNetwork(1)
	if err := net.Add("E", newToy(1000)); err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{MemoryLimit: 1 << 30, Monitors: sim.Mon("E.V")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Run(1e9) // 1e10 samples of 1000 values: 80 PB
	chk.Err(t, "trace of 1e10 steps", err, `monitor "E.V": 10000000000 samples of 1000 values`, "Monitor.Every")
	if _, err := r.Run(1); err != nil {
		t.Errorf("a refused run must leave the runner usable: %v", err)
	}
	if _, err := sim.NewRunner(net, sim.Options{MemoryLimit: -1}); err == nil {
		t.Error("MemoryLimit -1 accepted")
	}
}

func TestBadInputValues(t *testing.T) {
	for _, c := range []struct {
		in   sim.Input
		frag []string
	}{
		{sim.Input{Target: "E.input", Value: math.NaN()}, []string{"Inputs[0] (E.input): Value = NaN", "finite"}},
		{sim.Input{Target: "E.input", Value: math.Inf(-1)}, []string{"Value = -Inf"}},
		{sim.Input{Target: "E.input", Values: []float64{1, math.Inf(1), 0, 0}}, []string{"Values[1] = +Inf"}},
		{sim.Input{Target: "E.input", Value: 0, Op: "/"}, []string{"Value = 0", `Op "/"`}},
		{sim.Input{Target: "E.input", Values: []float64{1, 2, 0, 3}, Op: "/"}, []string{"Values[2] = 0"}},
	} {
		net := sim.NewNetwork(1)
		if err := net.Add("E", newToy(4)); err != nil {
			t.Fatal(err)
		}
		_, err := sim.NewRunner(net, sim.Options{Inputs: []sim.Input{c.in}})
		chk.Err(t, "input", err, c.frag...)
	}
	net := sim.NewNetwork(1)
	if err := net.Add("E", newToy(4)); err != nil {
		t.Fatal(err)
	}
	f := func(t float64) float64 {
		if t >= 0.3 {
			return math.NaN()
		}
		return 1
	}
	r, err := sim.NewRunner(net, sim.Options{Inputs: []sim.Input{{Target: "E.input", Func: f}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Run(1)
	chk.Err(t, "Func returning NaN", err, "Inputs[0] (E.input): Func returned NaN at t = 0.3", "step 3")
}

func TestRunContext(t *testing.T) {
	net := sim.NewNetwork(1)
	if err := net.Add("E", newToy(4)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, err := sim.NewRunner(net, sim.Options{Monitors: sim.Mon("E.V"), Progress: func(done, _ int64) {
		if done == 50 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.RunContext(ctx, 1000) // 10 000 steps; Progress runs every 50
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "after 50 of 10000 steps") {
		t.Fatalf("err = %v, want a cancellation after 50 steps", err)
	}
	if res == nil || res.Steps != 50 || len(res.Traces["E.V"].T) != 50 || r.Step() != 50 {
		t.Fatalf("cancelled run: %d steps recorded, runner at %d; want 50 and 50", res.Steps, r.Step())
	}
	res, err = r.Run(1)
	if err != nil || res.Start != 50 {
		t.Errorf("a run after the cancellation: start %d, err %v; want 50, nil", res.Start, err)
	}
}

// keyed is a Source that records what SourceInit gives it.
type keyed struct {
	dt  float64
	key uint64
}

func (s *keyed) Init(env *sim.Env) error { s.dt, s.key = env.Dt, env.Key; return nil }
func (s *keyed) Values(_ int64, _ float64, lo, hi int, dst []float64) {
	for i := range dst[:hi-lo] {
		dst[i] = s.dt
	}
}

func TestSourceInit(t *testing.T) {
	keys := func(seed uint64) (a, b *keyed) {
		net := sim.NewNetwork(seed)
		if err := net.Add("E", newToy(4)); err != nil {
			t.Fatal(err)
		}
		a, b = &keyed{}, &keyed{}
		if _, err := sim.NewRunner(net, sim.Options{Dt: 0.05, Inputs: []sim.Input{{Target: "E.input", Source: a}, {Target: "E.input", Source: b}}}); err != nil {
			t.Fatal(err)
		}
		return a, b
	}
	a1, b1 := keys(1)
	a2, _ := keys(1)
	a3, _ := keys(2)
	if a1.dt != 0.05 {
		t.Errorf("Source got dt %v, want the runner's 0.05", a1.dt)
	}
	if a1.key != a2.key || a1.key == b1.key || a1.key == a3.key {
		t.Errorf("keys: same seed %x/%x, second input %x, other seed %x: want equal, different, different", a1.key, a2.key, b1.key, a3.key)
	}
}

func TestPopulationSizeBounded(t *testing.T) {
	net := sim.NewNetwork(1)
	if strconv.IntSize == 64 {
		huge := int64(1e12)
		chk.Err(t, "size 1e12", net.Add("E", newToy(int(huge))), "population size 1000000000000", "2147483647")
	}
	chk.Err(t, "size 0", net.Add("E", newToy(0)), "population size 0")
}

// wholeToy allocates the whole population on every rank, against the
// contract: NewRunner refuses it over ranks with the lengths it found.
type wholeToy struct{ *toy }

func (p wholeToy) Init(env *sim.Env) error {
	p.v, p.in, p.spk = make([]float64, p.n), make([]float64, p.n), make([]bool, p.n)
	return nil
}

func TestPopulationHoldsItsShare(t *testing.T) {
	trs, err := dist.InProcess(2)
	if err != nil {
		t.Fatal(err)
	}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for q := range 2 { // NewRunner is collective: every rank learns of the failure
		wg.Go(func() {
			net := sim.NewNetwork(1)
			_ = net.Add("E", wholeToy{newToy(10)})
			_, errs[q] = sim.NewRunner(net, sim.Options{Transport: trs[q]})
		})
	}
	wg.Wait()
	want := `sim: population "E" (sim_test.wholeToy): Spike() has 10 flags after Init: must have one per neuron the population holds, Env.Local() = 5 of its 10`
	for q, err := range errs {
		if err == nil || err.Error() != want {
			t.Fatalf("rank %d: err = %v\nwant %s", q, err, want)
		}
	}
	// On one rank the whole population is the share.
	net := sim.NewNetwork(1)
	_ = net.Add("E", wholeToy{newToy(10)})
	if _, err := sim.NewRunner(net, sim.Options{}); err != nil {
		t.Fatalf("one rank: %v", err)
	}
}

// shareFails fails its Init on every rank but the first: a failure that
// depends on the share.
type shareFails struct{ *toy }

func (p shareFails) Init(env *sim.Env) error {
	if env.Offset > 0 {
		return errors.New("no room for this share")
	}
	n := env.Local()
	p.v, p.in, p.spk, p.bounds = make([]float64, n), make([]float64, n), make([]bool, n), env.Bounds
	return nil
}

// TestNewRunnerAgrees: when NewRunner fails on one rank only, every rank
// returns an error (the healthy one names the failed rank) instead of
// waiting for it in a collective, with either exchange.
func TestNewRunnerAgrees(t *testing.T) {
	for _, ex := range []sim.Exchange{sim.Allgather, sim.Alltoall} {
		trs, err := dist.InProcess(2)
		if err != nil {
			t.Fatal(err)
		}
		errs := make([]error, 2)
		done := make(chan struct{})
		go func() {
			var wg sync.WaitGroup
			for q := range 2 {
				wg.Go(func() {
					net := sim.NewNetwork(1)
					_ = net.Add("E", shareFails{newToy(10)})
					_, errs[q] = sim.NewRunner(net, sim.Options{Transport: trs[q], Exchange: ex}) // no Close: nothing releases a waiting rank
				})
			}
			wg.Wait()
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: NewRunner hangs when one rank fails", ex)
		}
		chk.Err(t, "rank 0", errs[0], "failed on rank 1 of 2")
		chk.Err(t, "rank 1", errs[1], "no room for this share")
	}
}
