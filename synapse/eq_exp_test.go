package synapse_test

import (
	"math"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// expEquations is synapse.Exponential with a COBA output written as
// equations: a clock-driven conductance per synapse, summed into the post
// input with the driving force of the previous step.
var expEquations = synapse.SynapseEquations{
	Model: `dg/dt = -g/tau : 1 (clock-driven)
w : 1
delay : 1
tau : 1
E : 1
input_post = g*(E - V_post) : 1 (summed)`,
	OnPre: "g += w",
	Units: equations.UnitsNone,
}

func lifRun(t *testing.T, threads int, mk func(pre, post sim.Population) (sim.Projection, error), mons ...sim.Monitor) (sim.Projection, *sim.Results) {
	t.Helper()
	pre, err := input.NewPoissonGroup(50, 20)
	if err != nil {
		t.Fatal(err)
	}
	post, err := neuron.NewLIF(40, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Uniform(-60, -50)})
	if err != nil {
		t.Fatal(err)
	}
	proj, err := mk(pre, post)
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(8)
	_ = net.Add("pre", pre)
	_ = net.Add("post", post)
	if err := net.Add("syn", proj); err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: threads, Monitors: append(sim.Mon("post.spike"), mons...),
		Inputs: []sim.Input{sim.Const("post.input", 8)}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(300)
	if err != nil {
		t.Fatal(err)
	}
	return proj, res
}

// TestEquationsExponentialMatchesBuiltin compares synapse.Exponential
// (random weights and per-synapse delays, COBA) with expEquations: the
// post spikes must be equal and the conductance of every post neuron (the
// sum of its synapses' g) equal to 1e-12 at every step, for 1, 2 and 3
// threads. It also checks the views: Synapses, "w" and "delay" of the
// built-in feed the equation version, and a monitor on the per-synapse g.
func TestEquationsExponentialMatchesBuiltin(t *testing.T) {
	conn := func() connect.Connector { return connect.FixedProb(0.2) }
	ref, refRes := lifRun(t, 1, func(pre, post sim.Population) (sim.Projection, error) {
		return synapse.NewExponential(pre, post, conn(), synapse.ExponentialParams{Tau: 5,
			WeightInit: initial.Uniform(0.2, 1), DelayInit: initial.Uniform(0, 2)}, synapse.COBA{E: 0})
	}, sim.Monitor{Name: "syn.g"})
	v := ref.(synapse.Viewer)
	pre, post := v.Synapses()
	w, delay := v.SynapseVar("w"), v.SynapseVar("delay")
	if len(w) != len(pre) || len(delay) != len(pre) || len(pre) < 300 {
		t.Fatalf("view: %d synapses, %d weights, %d delays", len(pre), len(w), len(delay))
	}
	if n := len(refRes.Spikes["post.spike"].I); n < 100 {
		t.Fatalf("only %d post spikes", n)
	}
	gRef := refRes.Traces["syn.g"]
	for _, threads := range []int{1, 2, 3} {
		q := expEquations
		q.Values = map[string]any{"w": w, "delay": delay, "tau": 5, "E": 0}
		proj, res := lifRun(t, threads, func(pr, po sim.Population) (sim.Projection, error) {
			return synapse.FromEquations(pr, po, conn(), q)
		}, sim.Monitor{Name: "syn.g"})
		p2, q2 := proj.(synapse.Viewer).Synapses()
		if !slices.Equal(p2, pre) || !slices.Equal(q2, post) {
			t.Fatalf("threads=%d: Synapses differ from the built-in's", threads)
		}
		if !slices.Equal(res.Spikes["post.spike"].I, refRes.Spikes["post.spike"].I) ||
			!slices.Equal(res.Spikes["post.spike"].T, refRes.Spikes["post.spike"].T) {
			t.Fatalf("threads=%d: post spikes differ", threads)
		}
		gs := res.Traces["syn.g"]
		nPost, nSyn := len(gRef.Index), len(gs.Index)
		worst := 0.0
		for row := range gRef.T {
			sum := make([]float64, nPost)
			for s, x := range gs.Data[row*nSyn : (row+1)*nSyn] {
				sum[post[s]] += x
			}
			for j, want := range gRef.Data[row*nPost : (row+1)*nPost] {
				worst = max(worst, math.Abs(sum[j]-want)/math.Max(1, math.Abs(want)))
			}
		}
		if worst > 1e-12 {
			t.Errorf("threads=%d: conductances differ by up to %g (tolerance 1e-12)", threads, worst)
		}
		if threads == 1 && slices.Max(gRef.Data) < 1 {
			t.Fatalf("the conductance never exceeds 1 (max %g): the test is too weak", slices.Max(gRef.Data))
		}
	}
}
