package synapse_test

import (
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// ckLIF is 90 LIF neurons that fire regularly, out of phase, under the
// input 15.
func ckLIF(t *testing.T) *neuron.LIF {
	t.Helper()
	p, err := neuron.NewLIF(90, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Uniform(-60, -50)})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

type maker func(pre, post sim.Population) (sim.Projection, error)

// ckRecurrent returns a case: population pop (named "P", constant input I)
// projecting onto itself through mk (named "syn"), monitoring P's spikes
// and V and every variable of the projection.
func ckRecurrent(name string, inflight float64, pop func(*testing.T) sim.Population, I float64, mk maker) ckCase {
	return ckCase{name: name, inflight: inflight, build: func(t *testing.T) ckNet {
		p := pop(t)
		proj, err := mk(p, p)
		if err != nil {
			t.Fatal(err)
		}
		net := sim.NewNetwork(5)
		if err := net.Add("P", p); err != nil {
			t.Fatal(err)
		}
		if err := net.Add("syn", proj); err != nil {
			t.Fatal(err)
		}
		mons := []string{"P.spike", "P.V"}
		for _, v := range proj.VarNames() {
			mons = append(mons, "syn."+v)
		}
		return ckNet{net: net, inputs: []sim.Input{sim.Const("P.input", I)}, mons: mons}
	}}
}

func lifPop(t *testing.T) sim.Population { return ckLIF(t) }

// eqPop is 80 noisy neurons written as equations, with per-neuron time
// constants, a reset drawing rand() and a threshold that adapts.
func eqPop(t testing.TB) sim.Population {
	tau := make([]float64, 80)
	for i := range tau {
		tau[i] = 10 + float64(i%9)
	}
	p, err := neuron.FromEquations(80, `
dV/dt = (-60 - V + 14 + input)/tau + 2*xi/sqrt(tau) : 1 (unless refractory)
dth/dt = (-50 - th)/50 : 1
tau : 1
input : 1`, neuron.EquationParams{Threshold: "V > th", Reset: "V = -60 + 3*rand(); th += 1", Refractory: "2",
		Units: equations.UnitsNone, Values: map[string]any{"tau": tau, "V": initial.Uniform(-60, -50), "th": -50}})
	noErr(t, err)
	return p
}

func adexPop(t *testing.T) sim.Population {
	p := neuron.DefaultAdExIF()
	p.V0 = initial.Uniform(-70, -50)
	pop, err := neuron.NewAdExIF(60, p)
	noErr(t, err)
	return pop
}

func izhPop(t *testing.T) sim.Population {
	p := neuron.DefaultIzhikevich()
	p.V0 = initial.Uniform(-70, -50)
	pop, err := neuron.NewIzhikevich(60, p)
	noErr(t, err)
	return pop
}

func hhPop(t *testing.T) sim.Population {
	p := neuron.DefaultHH()
	p.V0 = initial.Uniform(-70, -50)
	pop, err := neuron.NewHH(60, p)
	noErr(t, err)
	return pop
}

// customPop is a Custom population whose threshold variable is u, not V,
// so it has no Jumps and a Delta writes its "V" (a leaky input to u).
func customPop(t *testing.T) sim.Population {
	p, err := neuron.NewCustom(60, neuron.CustomParams{
		Vars: []string{"u", "V"},
		F: func(_ float64, y, in, dy []float64) {
			n := len(in)
			for i := range n {
				dy[i] = (-y[i] + y[n+i] + in[i]) / 5
				dy[n+i] = -y[n+i] / 3
			}
		},
		VTh: 1, VReset: 0,
		Init: map[string]initial.Init{"u": initial.Uniform(0, 1)},
	})
	noErr(t, err)
	return p
}

// noErr fails t on an error.
func noErr(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func fp(p float64) connect.Connector { return connect.FixedProb(p) }

// synapseCases: every projection type, with uniform and per-synapse
// delays, hosted and self-integrated conductances, STD/STP and STDP.
func synapseCases() []ckCase {
	std, stp := synapse.DefaultSTD(), synapse.DefaultSTP()
	return []ckCase{
		ckRecurrent("ExpCOBA/hosted", 1.5, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(a, b, fp(0.1), synapse.ExpParams{Tau: 5, GMax: 0.5, E: 0, Delay: 1.5})
		}),
		ckRecurrent("ExpCUBA/hosted-weights", 1, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCUBA(a, b, fp(0.1), synapse.ExpParams{Tau: 5, WeightInit: initial.Uniform(0, 1), Delay: 1})
		}),
		ckRecurrent("ExpCOBA/unfolded", 0.7, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(a, b, fp(0.1), synapse.ExpParams{Tau: 1e-4, GMax: 2, E: 0, Delay: 0.7})
		}),
		ckRecurrent("ExpCOBA/self-integrated-AdEx", 1, adexPop, 20, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(a, b, fp(0.1), synapse.ExpParams{Tau: 5, GMax: 0.2, E: 0, Delay: 1})
		}),
		ckRecurrent("ExpCOBAProcedural", 2, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBAProcedural(a, b, connect.ProceduralFixedProb(0.1), synapse.ExpParams{Tau: 5, GMax: 0.5, Delay: 2})
		}),
		ckRecurrent("Exponential+STD", 1, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExponential(a, b, fp(0.1), synapse.ExponentialParams{Tau: 5, WeightInit: initial.Uniform(0.1, 0.5), Delay: 1, STP: &std}, synapse.COBA{E: 0})
		}),
		ckRecurrent("Exponential/per-synapse-delays-Izhikevich", 3, izhPop, 10, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExponential(a, b, fp(0.1), synapse.ExponentialParams{Tau: 5, GMax: 0.4, DelayInit: initial.Uniform(0, 3)}, nil)
		}),
		ckRecurrent("DualExp/per-synapse-delays", 1.5, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewDualExp(a, b, fp(0.1), synapse.DualExpParams{TauDecay: 5, TauRise: 1, WeightInit: initial.Uniform(0.5, 1.5), DelayInit: initial.Uniform(0.5, 1.5)}, synapse.DefaultMgBlock())
		}),
		ckRecurrent("Alpha+STP", 1, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewAlpha(a, b, fp(0.1), synapse.AlphaParams{TauDecay: 3, GMax: 0.5, Method: "exact", Delay: 1, STP: &stp}, synapse.COBA{E: -80})
		}),
		ckRecurrent("Delta/per-synapse-delays", 2, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(a, b, fp(0.1), synapse.DeltaParams{GMax: 0.5, DelayInit: initial.Uniform(0, 2)})
		}),
		ckRecurrent("Delta+STP", 1, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(a, b, fp(0.1), synapse.DeltaParams{GMax: 2, Delay: 1, STP: &stp})
		}),
		ckRecurrent("Delta/no-Jumps-TauRef", 1, customPop, 2, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(a, b, fp(0.1), synapse.DeltaParams{GMax: 0.3, Delay: 1, TauRef: 1})
		}),
		ckRecurrent("AMPA/HH", 1, hhPop, 5, func(a, b sim.Population) (sim.Projection, error) {
			q := synapse.DefaultAMPA()
			q.GMax, q.Delay = 0.05, 1
			return synapse.NewAMPA(a, b, fp(0.1), q, nil)
		}),
		ckRecurrent("GABAa", 1, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			q := synapse.DefaultGABAa()
			q.WeightInit, q.Delay = initial.Uniform(0, 1), 1
			return synapse.NewGABAa(a, b, fp(0.1), q, nil)
		}),
		ckRecurrent("NMDA", 0.5, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			q := synapse.DefaultNMDA()
			q.Delay = 0.5
			return synapse.NewNMDA(a, b, fp(0.1), q, nil)
		}),
		ckRecurrent("BioNMDA", 0.5, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			q := synapse.DefaultBioNMDA()
			q.Delay = 0.5
			return synapse.NewBioNMDA(a, b, fp(0.1), q, nil)
		}),
		ckRecurrent("STDP", 1, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			q := synapse.DefaultSTDP()
			q.GMax, q.WMin, q.WMax, q.Tau, q.Delay = 0.3, 0, 1, 5, 1
			return synapse.NewSTDP(a, b, fp(0.1), q, synapse.COBA{E: 0})
		}),
		ckRecurrent("FromEquations/plastic", 1, lifPop, 15, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.FromEquations(a, b, fp(0.1), synapse.SynapseEquations{
				Model: "w : 1\ndapre/dt = -apre/20 : 1 (event-driven)\ndapost/dt = -apost/20 : 1 (event-driven)",
				OnPre: "input_post += w; apre += 1; w = clip(w - 0.05*apost, 0, 1)", OnPost: "apost += 1; w = clip(w + 0.05*apre, 0, 1)",
				Delay: 1, Units: equations.UnitsNone, Values: map[string]any{"w": initial.Uniform(0.2, 0.8)}})
		}),
		ckRecurrent("ExpCOBA/FromEquations neurons", 1, func(t *testing.T) sim.Population { return eqPop(t) }, 0, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExpCOBA(a, b, fp(0.1), synapse.ExpParams{Tau: 5, GMax: 0.3, E: 0, Delay: 1})
		}),
		ckRecurrent("GapJunction/HH", dt, hhPop, 5, func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewGapJunction(a, b, fp(0.1), synapse.GapParams{WeightInit: initial.Uniform(0, 0.05)})
		}),
		poissonGroupCase(),
		poissonInputCase(),
	}
}

// poissonGroupCase: a PoissonGroup (20 Hz) drives LIF neurons through a
// delayed ExpCOBA; the group's "rate" is changed by an input during the run.
func poissonGroupCase() ckCase {
	return ckCase{name: "PoissonGroup", inflight: 2, build: func(t *testing.T) ckNet {
		g, err := input.NewPoissonGroup(200, 20)
		noErr(t, err)
		p := ckLIF(t)
		proj, err := synapse.NewExpCOBA(g, p, fp(0.2), synapse.ExpParams{Tau: 5, GMax: 0.3, E: 0, Delay: 2})
		noErr(t, err)
		net := sim.NewNetwork(9)
		for _, x := range []struct {
			name string
			node any
		}{{"G", g}, {"P", p}, {"syn", proj}} {
			if err := net.Add(x.name, x.node); err != nil {
				t.Fatal(err)
			}
		}
		in := []sim.Input{sim.Const("P.input", 8), {Target: "G.rate", Value: 0.05, Op: "+"}}
		return ckNet{net: net, inputs: in, mons: []string{"G.spike", "P.spike", "P.V", "syn.g", "G.rate"}}
	}}
}

// poissonInputCase: LIF neurons driven by a PoissonInput, coupled by a
// delayed ExpCOBA.
func poissonInputCase() ckCase {
	return ckCase{name: "PoissonInput", inflight: 1, build: func(t *testing.T) ckNet {
		p := ckLIF(t)
		proj, err := synapse.NewExpCOBA(p, p, fp(0.1), synapse.ExpParams{Tau: 5, GMax: 0.3, E: 0, Delay: 1})
		noErr(t, err)
		src, err := input.NewPoissonInput(input.PoissonInputParams{NumInput: 100, Freq: 40, Weight: 2})
		noErr(t, err)
		net := sim.NewNetwork(3)
		if err := net.Add("P", p); err != nil {
			t.Fatal(err)
		}
		if err := net.Add("syn", proj); err != nil {
			t.Fatal(err)
		}
		in := []sim.Input{sim.Const("P.input", 10), src.Input("P.input")}
		return ckNet{net: net, inputs: in, mons: []string{"P.spike", "P.V", "P.input", "syn.g"}}
	}}
}

// TestCheckpointResume: for every projection type (and the neuron models
// LIF, AdEx, Izhikevich and HH, and Poisson inputs), a run checkpointed
// with spikes in flight and restored with another thread count gives the
// spikes and traces of the uninterrupted run, bit for bit.
func TestCheckpointResume(t *testing.T) { runResume(t, synapseCases()) }
