package synapse_test

import (
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// build adds two LIF populations of n and the projection made by mk, then
// builds a runner with opt and returns its error.
func build(t *testing.T, n int, opt sim.Options, mk func(pre, post sim.Population) (sim.Projection, error)) error {
	t.Helper()
	lp := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5}
	pre, _ := neuron.NewLIF(n, lp)
	post, _ := neuron.NewLIF(n, lp)
	net := sim.NewNetwork(1)
	if err := net.Add("A", pre); err != nil {
		t.Fatal(err)
	}
	if err := net.Add("B", post); err != nil {
		t.Fatal(err)
	}
	p, err := mk(pre, post)
	if err != nil {
		return err
	}
	if err := net.Add("P", p); err != nil {
		t.Fatal(err)
	}
	_, err = sim.NewRunner(net, opt)
	return err
}

// TestDelayConversionsChecked: delays whose step count would overflow are
// errors (1e300 ms once became a latency of one step).
func TestDelayConversionsChecked(t *testing.T) {
	for _, d := range []float64{1e12, 1e300} {
		err := build(t, 4, sim.Options{}, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(a, b, connect.All2All(), synapse.ExpParams{GMax: 1, Tau: 5, Delay: d})
		})
		check.Err(t, "ExpCOBA Delay", err, "ExpCOBA Delay", "at most 2147483647 steps")
		err = build(t, 4, sim.Options{}, func(a, b sim.Population) (sim.Projection, error) {
			p := synapse.DefaultExponential()
			p.Delay = d
			return synapse.NewExponential(a, b, connect.All2All(), p, synapse.CUBA{})
		})
		check.Err(t, "Exponential Delay", err, "Exponential Delay", "steps")
		err = build(t, 2, sim.Options{}, func(a, b sim.Population) (sim.Projection, error) {
			p := synapse.DefaultExponential()
			p.Delays = []float64{1, 2, d, 3}
			return synapse.NewExponential(a, b, connect.All2All(), p, synapse.CUBA{})
		})
		check.Err(t, "per-synapse Delays", err, "delay of synapse 2", "steps")
	}
	err := build(t, 4, sim.Options{}, func(a, b sim.Population) (sim.Projection, error) {
		p := synapse.DefaultAMPA()
		p.TDur = 1e300
		return synapse.NewAMPA(a, b, connect.All2All(), p, synapse.CUBA{})
	})
	check.Err(t, "AMPA TDur", err, "TDur = 1e+300 ms", "steps")
}

// TestWeightsFiniteInFloat32: weights are stored as float32; a value that
// is finite in float64 but not in float32 is an error, as are NaN weights.
func TestWeightsFiniteInFloat32(t *testing.T) {
	for name, wi := range map[string]initial.Init{
		"Constant(1e39)": initial.Constant(1e39),
		"Values with NaN": initial.Values(func() []float64 {
			v := make([]float64, 16)
			v[3] = math.NaN()
			return v
		}()),
		"Uniform(-1e308, 1e308)": initial.Uniform(-1e308, 1e308),
	} {
		err := build(t, 4, sim.Options{}, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(a, b, connect.All2All(), synapse.ExpParams{Tau: 5, WeightInit: wi})
		})
		check.Err(t, name+" (ExpCOBA)", err, "WeightInit")
		err = build(t, 4, sim.Options{}, func(a, b sim.Population) (sim.Projection, error) {
			p := synapse.DefaultExponential()
			p.WeightInit = wi
			return synapse.NewExponential(a, b, connect.All2All(), p, synapse.CUBA{})
		})
		check.Err(t, name+" (Exponential)", err, "WeightInit")
	}
	err := build(t, 2, sim.Options{}, func(a, b sim.Population) (sim.Projection, error) {
		p := synapse.DefaultExponential()
		p.Weights = []float32{1, float32(math.Inf(1)), 1, 1}
		return synapse.NewExponential(a, b, connect.All2All(), p, synapse.CUBA{})
	})
	check.Err(t, "Weights with +Inf", err, "Weights[1] = +Inf")
}

// TestSynapsesWithinBudget: a connectivity that would not fit the memory
// limit is refused before its index arrays are allocated, for any thread
// count (All2All 3000×3000 = 9e6 synapses, 18 MB, against a 4 MB limit).
func TestSynapsesWithinBudget(t *testing.T) {
	for _, threads := range []int{1, 2, 3} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err := build(t, 3000, sim.Options{Threads: threads, MemoryLimit: 4 << 20}, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(a, b, connect.All2All(), synapse.ExpParams{GMax: 1, Tau: 5})
		})
		runtime.ReadMemStats(&after)
		check.Err(t, "All2All over budget", err, "makes about 9e+06 synapses", "18.0 MB", "memory limit")
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20 {
			t.Errorf("threads %d: the refused build allocated %d bytes", threads, grew)
		}
	}
}

// TestExpectedSynapsesRefusedUpFront: a connectivity whose mean size does
// not fit is refused before a single row is drawn (FixedProb(0.5) over
// 10^5 × 10^5 neurons: 5·10^9 synapses, minutes to draw), stored or with
// per-synapse delays.
func TestExpectedSynapsesRefusedUpFront(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := build(t, 100_000, sim.Options{MemoryLimit: 1 << 30}, func(a, b sim.Population) (sim.Projection, error) {
		return synapse.NewExpCOBA(a, b, connect.FixedProb(0.5), synapse.ExpParams{GMax: 1, Tau: 5})
	})
	runtime.ReadMemStats(&after)
	check.Err(t, "FixedProb(0.5) 1e5×1e5", err, `projection "P"`, "makes about 5e+09 synapses", "10.0 GB")
	// refused by NewRunner's plan, before the populations' 2 × 3.2 MB of state
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 2<<20 {
		t.Errorf("the refused network allocated %d bytes", grew)
	}
	err = build(t, 100_000, sim.Options{MemoryLimit: 1 << 30}, func(a, b sim.Population) (sim.Projection, error) {
		p := synapse.DefaultExponential()
		p.DelayInit = initial.Uniform(0, 2)
		return synapse.NewExponential(a, b, connect.FixedProb(0.5), p, synapse.CUBA{})
	})
	check.Err(t, "with per-synapse delays", err, "makes about 5e+09 synapses")
}

// TestDeltaTauRefIgnoredWarns: a deprecated Delta TauRef onto a population
// that drops jumps itself is ignored, and the runner says so.
func TestDeltaTauRefIgnoredWarns(t *testing.T) {
	lp := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5}
	pre, _ := neuron.NewLIF(4, lp)
	post, _ := neuron.NewLIF(4, lp)
	net := sim.NewNetwork(1)
	_ = net.Add("A", pre)
	_ = net.Add("B", post)
	p := synapse.DefaultDelta()
	p.TauRef = 5
	d, err := synapse.NewDelta(pre, post, connect.All2All(), p)
	if err != nil {
		t.Fatal(err)
	}
	_ = net.Add("P", d)
	r, err := sim.NewRunner(net, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w := r.Warnings(); len(w) != 1 || !strings.Contains(w[0], `projection "P": Delta TauRef = 5 ms is ignored`) {
		t.Errorf("warnings %q, want one about the ignored TauRef", w)
	}
}
