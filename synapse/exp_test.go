package synapse_test

import (
	"math"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// rowsConn is a fixed connectivity for tests: rows[i] lists the posts of i.
type rowsConn [][]uint32

func (c rowsConn) Connect(nPre, nPost int, _ uint64) (*connect.CSR, error) {
	csr := &connect.CSR{NPre: nPre, NPost: nPost, Indptr: make([]int64, nPre+1)}
	for i := 0; i < nPre; i++ {
		if i < len(c) {
			csr.Indices = append(csr.Indices, c[i]...)
		}
		csr.Indptr[i+1] = int64(len(csr.Indices))
	}
	return csr, csr.Validate()
}

func (c rowsConn) String() string { return "rowsConn" }

// quietLIF never fires in these tests (threshold far above).
func quietLIF(t *testing.T, n int, v0 float64) *neuron.LIF {
	t.Helper()
	l, err := neuron.NewLIF(n, neuron.LIFParams{VRest: -60, VTh: 1e9, VReset: -60, Tau: 20, V0: initial.Constant(v0)})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// runOneSpike wires a SpikeTimes pre (neuron 0 fires at step j) to a quiet post
// through the projection made by mk.
func runOneSpike(t *testing.T, j int, steps int, threads int,
	mk func(pre, post sim.Population) (sim.Projection, error)) *sim.Results {
	t.Helper()
	const dt = 0.1
	pre, err := neuron.NewSpikeTimes(2, []int{0}, []float64{float64(j) * dt})
	if err != nil {
		t.Fatal(err)
	}
	post := quietLIF(t, 3, -65)
	net := sim.NewNetwork(7)
	proj, err := mk(pre, post)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		n string
		v any
	}{{"pre", pre}, {"post", post}, {"syn", proj}} {
		if err := net.Add(x.n, x.v); err != nil {
			t.Fatal(err)
		}
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: threads,
		Monitors: sim.Mon("syn.g", "post.V", "post.input", "pre.spike")})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(float64(steps) * dt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestExpCOBAOneSpike checks docs/semantics.md, “Reference values”: one pre
// spike at step j gives g = w at step j+1, then w·e^{−m·dt/τ}; the COBA
// current at step j+1 is w·(E − V_post) with V_post from the end of step j. A
// duplicate synapse adds w twice.
func TestExpCOBAOneSpike(t *testing.T) {
	const j, w, tau, E = 7, 0.6, 5.0, 0.0
	for _, threads := range []int{1, 2, 3} {
		res := runOneSpike(t, j, 40, threads, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(pre, post, rowsConn{{1, 2, 2}}, synapse.ExpParams{Tau: tau, GMax: w, E: E})
		})
		g, V, in := res.Traces["syn.g"], res.Traces["post.V"], res.Traces["post.input"]
		for k := 0; k <= j; k++ {
			if g.At(k, 1) != 0 || in.At(k, 1) != 0 {
				t.Fatalf("threads=%d step %d: g = %v, input = %v before the spike arrives", threads, k, g.At(k, 1), in.At(k, 1))
			}
		}
		for m := 0; m < 30; m++ {
			k := j + 1 + m
			want := w * math.Exp(-float64(m)*0.1/tau)
			if d := math.Abs(g.At(k, 1) - want); d > 1e-14 {
				t.Fatalf("threads=%d step %d: g[1] = %.17g, want %.17g", threads, k, g.At(k, 1), want)
			}
			if d := math.Abs(g.At(k, 2) - 2*want); d > 1e-14 {
				t.Fatalf("threads=%d step %d: g[2] = %v, want %v (duplicate synapse)", threads, k, g.At(k, 2), 2*want)
			}
			if g.At(k, 0) != 0 {
				t.Fatalf("step %d: g[0] = %v: post 0 has no synapse", k, g.At(k, 0))
			}
			if cur := g.At(k, 1) * (E - V.At(k-1, 1)); in.At(k, 1) != cur {
				t.Fatalf("step %d: input %v, want g·(E − V_prev) = %v", k, in.At(k, 1), cur)
			}
		}
		// The folded channel adds w/d and then multiplies by d: w to within
		// one rounding of each operation.
		if got, want := in.At(j+1, 1), w*(E-V.At(j, 1)); math.Abs(got-want) > 4e-16*math.Abs(want) {
			t.Errorf("current at j+1 = %.17g, want w·(E − V_post(j)) = %.17g", got, want)
		}
	}
}

// TestExpCUBAAndDelay checks the CUBA output (input = g) and that a delay of
// 1.3 ms at dt = 0.1 delivers at step j+13; a delay of 0.04 ms rounds to the
// minimum of one step.
func TestExpCUBAAndDelay(t *testing.T) {
	const j = 3
	for _, c := range []struct {
		delay float64
		lag   int
	}{{0, 1}, {0.04, 1}, {0.1, 1}, {1.3, 13}, {2.0, 20}} {
		res := runOneSpike(t, j, 40, 1, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewExpCUBA(pre, post, rowsConn{{0}}, synapse.ExpParams{Tau: 10, GMax: 1.5, Delay: c.delay})
		})
		g, in := res.Traces["syn.g"], res.Traces["post.input"]
		for k := 0; k < 40; k++ {
			want := 0.0
			if k >= j+c.lag {
				want = 1.5 * math.Exp(-float64(k-j-c.lag)*0.1/10)
			}
			if math.Abs(g.At(k, 0)-want) > 1e-14 || in.At(k, 0) != g.At(k, 0) {
				t.Fatalf("delay %v: step %d: g = %v, input = %v, want both %v", c.delay, k, g.At(k, 0), in.At(k, 0), want)
			}
		}
	}
}

// TestExpFastDecay checks conductances that decay within a step: with
// τ = 0.01 ms the decay factor is e^{−10} and weights are folded into g
// divided by it; with τ = 10⁻⁴ ms it underflows to 0, w/d would be
// infinite, and the projection keeps the weights apart instead. Both give
// g = w on the step after the spike and w·d after that, never Inf or NaN.
func TestExpFastDecay(t *testing.T) {
	const j, w = 2, 0.6
	for _, tau := range []float64{0.01, 1e-4} {
		res := runOneSpike(t, j, 8, 1, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewExpCUBA(pre, post, rowsConn{{0}}, synapse.ExpParams{Tau: tau, GMax: w})
		})
		g := res.Traces["syn.g"]
		d := math.Exp(-0.1 / tau)
		for k := 0; k < 8; k++ {
			want := 0.0
			if k > j {
				want = w * math.Pow(d, float64(k-j-1))
			}
			if got := g.At(k, 0); math.Abs(got-want) > 4e-16*want || math.IsNaN(got) {
				t.Fatalf("τ = %v step %d: g = %.17g, want %.17g", tau, k, got, want)
			}
		}
	}
}

// TestExpPerSynapseWeights checks explicit float32 weights in CSR order.
func TestExpPerSynapseWeights(t *testing.T) {
	res := runOneSpike(t, 0, 3, 2, func(pre, post sim.Population) (sim.Projection, error) {
		return synapse.NewExpCUBA(pre, post, rowsConn{{2, 0, 2}}, synapse.ExpParams{Tau: 10, Weights: []float32{0.5, 0.25, 2}})
	})
	g := res.Traces["syn.g"]
	if g.At(1, 0) != 0.25 || g.At(1, 1) != 0 || g.At(1, 2) != 2.5 {
		t.Errorf("g after the spike = [%v %v %v], want [0.25 0 2.5]", g.At(1, 0), g.At(1, 1), g.At(1, 2))
	}
}

func TestExpBadInput(t *testing.T) {
	pre, post := quietLIF(t, 2, 0), quietLIF(t, 2, 0)
	c := rowsConn{{0}}
	for _, x := range []struct {
		p    synapse.ExpParams
		cuba bool
		want string
	}{
		{synapse.ExpParams{Tau: 0, GMax: 1}, false, "Tau = 0"},
		{synapse.ExpParams{Tau: -2, GMax: 1}, false, "Tau = -2"},
		{synapse.ExpParams{Tau: 5, GMax: math.Inf(1)}, false, "GMax = +Inf"},
		{synapse.ExpParams{Tau: 5, Delay: -1}, false, "Delay = -1"},
		{synapse.ExpParams{Tau: 5, E: -80}, true, "ExpCUBA E = -80"},
		{synapse.ExpParams{Tau: 5, Weights: []float32{1}, WeightInit: initial.Constant(1)}, false, "at most one"},
	} {
		var err error
		if x.cuba {
			_, err = synapse.NewExpCUBA(pre, post, c, x.p)
		} else {
			_, err = synapse.NewExpCOBA(pre, post, c, x.p)
		}
		if err == nil || !strings.Contains(err.Error(), x.want) {
			t.Errorf("%+v: error %v, want %q", x.p, err, x.want)
		}
	}
	// wrong number of weights is found when the connectivity is built
	proj, err := synapse.NewExpCOBA(pre, post, c, synapse.ExpParams{Tau: 5, Weights: []float32{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(1)
	_ = net.Add("A", pre)
	_ = net.Add("B", post)
	_ = net.Add("AB", proj)
	if _, err := sim.NewRunner(net, sim.Options{}); err == nil || !strings.Contains(err.Error(), "Weights has 2 elements: must equal the number of synapses, 1") {
		t.Errorf("got %v", err)
	}
}
