package ei_test

import (
	"bytes"
	"math"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// The population sizes of the rank tests below: not multiples of the rank
// counts, so the shares differ in size.
const nX, nP = 97, 61

// neuronZoo builds population X of every neuron family with what is keyed
// by a neuron's global index over ranks: random initial values, noise,
// per-neuron parameters, rand() in a reset, given spike times and rates.
func neuronZoo(t *testing.T) map[string]func() (sim.Population, error) {
	noisy := `
dv/dt = (v_rest - v + input)/tau + sigma*xi/sqrt(tau) : 1 (unless refractory)
v_rest : 1 (constant, shared)
tau : 1
sigma : 1 (constant)
`
	perNeuron := make([]float64, nX)
	for i := range perNeuron {
		perNeuron[i] = 8 + float64(i%13)
	}
	return map[string]func() (sim.Population, error){
		"LIF": func() (sim.Population, error) {
			p := neuron.DefaultLIF()
			p.V0, p.Noise = initial.Uniform(-65, -50), 2
			return neuron.NewLIF(nX, p)
		},
		"AdExIF": func() (sim.Population, error) {
			p := neuron.DefaultAdExIF()
			p.V0, p.W0, p.Noise = initial.Normal(-65, 3), initial.Uniform(0, 2), 1
			return neuron.NewAdExIF(nX, p)
		},
		"HH": func() (sim.Population, error) {
			p := neuron.DefaultHH()
			p.Noise = 1
			return neuron.NewHH(nX, p)
		},
		"Izhikevich": func() (sim.Population, error) {
			p := neuron.DefaultIzhikevich()
			p.V0, p.Noise = initial.Uniform(-70, -60), 1
			return neuron.NewIzhikevich(nX, p)
		},
		"GIF": func() (sim.Population, error) {
			p := neuron.DefaultGIF()
			p.V0, p.Noise = initial.Uniform(-70, -60), 1
			return neuron.NewGIF(nX, p)
		},
		"Equations": func() (sim.Population, error) {
			return neuron.FromEquations(nX, noisy, neuron.EquationParams{
				Threshold: "v > -50", Reset: "v = v_rest + 5*rand()", Refractory: "2", Units: equations.UnitsNone,
				Values: map[string]any{"v_rest": -60, "tau": perNeuron, "sigma": 3, "v": initial.Normal(-55, 3)}})
		},
		"Custom": func() (sim.Population, error) {
			return neuron.NewCustom(nX, neuron.CustomParams{Vars: []string{"V"}, VTh: -50, VReset: -60,
				F: func(_ float64, y, in, dydt []float64) {
					for i := range y {
						dydt[i] = (-60 - y[i] + in[i]) / 10
					}
				},
				Init: map[string]initial.Init{"V": initial.Uniform(-60, -50)}})
		},
		"SpikeTimes": func() (sim.Population, error) {
			var idx []int
			var ts []float64
			for i := range nX {
				idx, ts = append(idx, i), append(ts, float64(i%17)*2.3)
			}
			return neuron.NewSpikeTimes(nX, idx, ts)
		},
		"PoissonGroup": func() (sim.Population, error) {
			rates := make([]float64, nX)
			for i := range rates {
				rates[i] = float64(5 * (i % 11))
			}
			return input.NewPoissonGroupRates(rates)
		},
	}
}

// TestRankNeuronZoo: every neuron family gives the same spikes and traces
// (every neuron's variables) on 2 and 3 ranks as on one, while each rank
// holds only its share of the neurons.
func TestRankNeuronZoo(t *testing.T) {
	for name, mk := range neuronZoo(t) {
		build := func() (*sim.Network, sim.Options) {
			X, err := mk()
			if err != nil {
				t.Fatal(err)
			}
			P, _ := input.NewPoissonGroup(nP, 40)
			net := sim.NewNetwork(5)
			_ = net.Add("X", X)
			_ = net.Add("P", P)
			mons := []sim.Monitor{{Name: "X.spike"}}
			for _, v := range X.VarNames() {
				if v != "input" {
					mons = append(mons, sim.Monitor{Name: "X." + v})
				}
			}
			if !slices.Contains(X.VarNames(), "input") { // a spike source
				return net, sim.Options{Monitors: mons}
			}
			drive, err := synapse.NewExpCOBA(P, X, connect.FixedProb(0.3), synapse.ExpParams{E: 0, GMax: 0.6, Tau: 5})
			if err != nil {
				t.Fatal(err)
			}
			_ = net.Add("PX", drive)
			vals := make([]float64, nX)
			for i := range vals {
				vals[i] = float64(i % 7)
			}
			return net, sim.Options{Monitors: append(mons, sim.Monitor{Name: "PX.g"}), Inputs: []sim.Input{{Target: "X.input", Values: vals}}}
		}
		ref := runRanks(t, 1, 1, build, 40)[0]
		for _, l := range []struct {
			ranks, threads int
			lay            dist.Layout
		}{{2, 1, dist.Contiguous}, {3, 2, dist.Contiguous}, {3, 1, dist.RoundRobin}} {
			for q, res := range runRanks(t, l.ranks, l.threads, laidOut(build, l.lay), 40) {
				if d := sameResults(ref, res); d != "" {
					t.Errorf("%s: %d ranks × %d threads, %s, rank %d: %s from 1 rank", name, l.ranks, l.threads, l.lay, q, d)
				}
			}
		}
	}
}

// TestRankLocalState: after NewRunner on 3 ranks every population and
// every per-post variable of a projection holds the rank's share only,
// and projection variables of every axis record as on one rank.
func TestRankLocalState(t *testing.T) {
	build := func() (*sim.Network, sim.Options) {
		lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Uniform(-60, -50)}
		E, _ := neuron.NewLIF(nX, lif)
		P, _ := input.NewPoissonGroup(nP, 40)
		net := sim.NewNetwork(9)
		_ = net.Add("E", E)
		_ = net.Add("P", P)
		p := synapse.DefaultExponential()
		stp := synapse.DefaultSTP()
		p.GMax, p.STP = 0.8, &stp
		stpProj, _ := synapse.NewExponential(P, E, connect.FixedProb(0.3), p, synapse.COBA{E: 0})
		nmda, _ := synapse.NewNMDA(P, E, connect.FixedProb(0.2), synapse.DefaultNMDA(), synapse.COBA{E: 0})
		sp := synapse.DefaultSTDP()
		sp.GMax = 0.5
		stdp, _ := synapse.NewSTDP(E, E, connect.FixedProb(0.1), sp, synapse.COBA{E: 0})
		_ = net.Add("STP", stpProj)
		_ = net.Add("NMDA", nmda)
		_ = net.Add("STDP", stdp)
		return net, sim.Options{Monitors: []sim.Monitor{{Name: "E.spike"}, {Name: "STP.g"}, {Name: "STP.x"}, {Name: "STP.u"},
			{Name: "NMDA.g"}, {Name: "NMDA.s", Index: []int{0, 30, 60}}, {Name: "STDP.apost"}, {Name: "STDP.apre", Index: []int{5, 96}}}}
	}
	for _, lay := range []dist.Layout{dist.Contiguous, dist.RoundRobin} {
		ranksDo(t, 3, laidOut(build, lay), func(q int, net *sim.Network, opt sim.Options) error {
			if _, err := sim.NewRunner(net, opt); err != nil {
				return err
			}
			want := lay.ShareOf(nX, q, 3).N
			for _, v := range []struct {
				name string
				got  int
			}{{"E.V", len(net.Population("E").Var("V"))}, {"E.spike", len(net.Population("E").Spike())},
				{"STP.g", len(net.Projection("STP").Var("g"))}, {"NMDA.g", len(net.Projection("NMDA").Var("g"))},
				{"STDP.apost", len(net.Projection("STDP").Var("apost"))}} {
				if v.got != want {
					t.Errorf("%s, rank %d: %s holds %d values, want the share %d", lay, q, v.name, v.got, want)
				}
			}
			if l := len(net.Projection("STP").Var("x")); l != nP {
				t.Errorf("%s, rank %d: STP.x (per pre neuron) holds %d values, want %d", lay, q, l, nP)
			}
			return nil
		})
	}
	ref := runRanks(t, 1, 1, build, 50)[0]
	if len(ref.Spikes["E.spike"].T) < 20 {
		t.Fatalf("only %d E spikes", len(ref.Spikes["E.spike"].T))
	}
	for _, lay := range []dist.Layout{dist.Contiguous, dist.RoundRobin} {
		for q, res := range runRanks(t, 3, 2, laidOut(build, lay), 50) {
			if d := sameResults(ref, res); d != "" {
				t.Errorf("3 ranks × 2 threads, %s, rank %d: %s from 1 rank", lay, q, d)
			}
		}
	}
}

// TestRankAlltoallTraffic: on a ring lattice (each neuron onto its 5
// neighbours on either side) over 4 ranks, the Alltoall exchange gives
// the Allgather exchange's traces while each rank receives only its own
// spikes and those of the 5 neurons beyond either end of its range: the
// bytes it receives are fewer by exactly 4 per spike of every other
// neuron (the messages are otherwise the same), plus the setup's bits.
func TestRankAlltoallTraffic(t *testing.T) {
	const n, ranks = 400, 4
	build := func(spikes bool) func() (*sim.Network, sim.Options) {
		return func() (*sim.Network, sim.Options) {
			lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2, V0: initial.Uniform(-60, -50)}
			E, _ := neuron.NewLIF(n, lif)
			net := sim.NewNetwork(21)
			_ = net.Add("E", E)
			ring, err := synapse.NewExpCOBA(E, E, connect.SmallWorld(10, 0), synapse.ExpParams{E: 0, GMax: 0.5, Tau: 5, Delay: 1})
			if err != nil {
				t.Fatal(err)
			}
			_ = net.Add("ring", ring)
			pin, _ := input.NewPoissonInput(input.PoissonInputParams{NumInput: 40, Freq: 50, Weight: 20})
			mons := []sim.Monitor{{Name: "E.V", Index: []int{0, 99, 100, 250, 399}}}
			if spikes {
				mons = append(mons, sim.Monitor{Name: "E.spike"})
			}
			return net, sim.Options{Inputs: []sim.Input{sim.Const("E.input", 9), pin.Input("E.input")}, Monitors: mons}
		}
	}
	ref := runRanks(t, 1, 1, build(true), 80)[0]
	sp := ref.Spikes["E.spike"]
	if len(sp.I) < 500 {
		t.Fatalf("only %d spikes", len(sp.I))
	}
	recv := func(ex sim.Exchange) []int64 {
		res, trs := runRanksSeq(t, ranks, 1, exchanging(build(false), ex, true), 80)
		out := make([]int64, ranks)
		for q := range ranks {
			if !slices.Equal(res[q][0].Traces["E.V"].Data, ref.Traces["E.V"].Data) {
				t.Errorf("%s, rank %d: trace E.V differs from 1 rank", ex, q)
			}
			out[q] = trs[q].Stats().RecvBytes
		}
		return out
	}
	all, routed := recv(sim.Allgather), recv(sim.Alltoall)
	for q := range ranks {
		lo, hi := dist.Range(n, q, ranks)
		unread := 0 // spikes of neurons more than 5 away from [lo, hi) on the ring
		for _, i := range sp.I {
			d := min((lo-int(i)+n)%n, (int(i)-(hi-1)+n)%n)
			if int(i) < lo || int(i) >= hi {
				if d > 5 {
					unread++
				}
			}
		}
		// Alltoall's setup: every rank sends every other the bits of its
		// neurons it reads, ⌈share/32⌉ words.
		setup := int64(4 * ranks * ((hi - lo + 31) / 32))
		if all[q]-(routed[q]-setup) != 4*int64(unread) {
			t.Errorf("rank %d: received %d bytes with Allgather, %d with Alltoall (%d of them the setup): want fewer by 4 × %d unread spikes", q, all[q], routed[q], setup, unread)
		}
		t.Logf("rank %d: received %d bytes with Allgather, %d with Alltoall (%.0f %%)", q, all[q], routed[q], 100*float64(routed[q])/float64(all[q]))
	}
}

// TestRankPreState: projections that read the pre population's state —
// gap junctions (V_pre) and synapses written as equations whose on_pre
// reads a pre variable — give the spikes and traces of one rank on 2 and
// 3 ranks with either exchange: every step the ranks send each other the
// pre variables, and each rank reads a copy of the whole population.
func TestRankPreState(t *testing.T) {
	cases := map[string]func(e, i sim.Population) (sim.Projection, error){
		"GapJunction": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.NewGapJunction(e, e, connect.SmallWorld(4, 0.3), synapse.GapParams{GMax: 0.3})
		},
		"FromEquations reading V_pre": func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.FromEquations(e, e, connect.FixedProb(0.05), synapse.SynapseEquations{
				Model: "w : 1", OnPre: "input_post += w*(V_pre + 70)/10", Units: equations.UnitsNone,
				Values: map[string]any{"w": initial.Uniform(0, 2)}})
		},
	}
	for name, mk := range cases {
		build := zooNet(t, mk)
		ref := runRanks(t, 1, 1, build, 40)[0]
		if len(ref.Spikes["E.spike"].T) < 50 {
			t.Errorf("%s: only %d E spikes", name, len(ref.Spikes["E.spike"].T))
		}
		for _, l := range []struct {
			ranks, threads int
			ex             sim.Exchange
		}{{2, 1, sim.Allgather}, {3, 2, sim.Allgather}, {3, 1, sim.Alltoall}} {
			for q, res := range runRanks(t, l.ranks, l.threads, exchanging(build, l.ex, true), 40) {
				if d := sameResults(ref, res); d != "" {
					t.Errorf("%s: %d ranks × %d threads, %s, rank %d: %s from 1 rank", name, l.ranks, l.threads, l.ex, q, d)
				}
			}
			for q, res := range runRanks(t, l.ranks, l.threads, laidOut(exchanging(build, l.ex, true), dist.RoundRobin), 40) {
				if d := sameResults(ref, res); d != "" {
					t.Errorf("%s: %d ranks × %d threads, %s, rank %d: %s from 1 rank", name, l.ranks, l.threads, l.ex, q, d)
				}
			}
		}
	}
}

// TestRankSynapseMonitors: per-synapse variables (STDP's plastic weights,
// a variable of synapses written as equations) record on 3 ranks as on
// one: the rank that holds a synapse sends its value.
func TestRankSynapseMonitors(t *testing.T) {
	cases := map[string]struct {
		mk  func(e, i sim.Population) (sim.Projection, error)
		mon string
	}{
		"STDP": {func(e, _ sim.Population) (sim.Projection, error) {
			p := synapse.DefaultSTDP()
			p.GMax = 0.5
			return synapse.NewSTDP(e, e, connect.FixedProb(0.05), p, synapse.COBA{E: 0})
		}, "X.w"},
		"FromEquations": {func(e, _ sim.Population) (sim.Projection, error) {
			return synapse.FromEquations(e, e, connect.FixedProb(0.05), synapse.SynapseEquations{
				Model: "w : 1\ndapre/dt = -apre/20 : 1 (event-driven)", OnPre: "input_post += w; apre += 1; w = clip(w - 0.01*apre, 0, 1)",
				Units: equations.UnitsNone, Values: map[string]any{"w": initial.Uniform(0.2, 0.8)}})
		}, "X.w"},
	}
	for name, c := range cases {
		base := zooNet(t, c.mk)
		build := func() (*sim.Network, sim.Options) {
			net, opt := base()
			opt.Monitors = append(opt.Monitors, sim.Monitor{Name: c.mon, Every: 50})
			return net, opt
		}
		ref := runRanks(t, 1, 1, build, 30)[0]
		tr := ref.Traces[c.mon]
		if tr == nil || len(tr.Index) < 1000 {
			t.Fatalf("%s: trace %s: %v", name, c.mon, tr)
		}
		changed := 0
		for j, x := range tr.Data[len(tr.Data)-len(tr.Index):] {
			if x != tr.Data[j] {
				changed++
			}
		}
		if changed == 0 {
			t.Errorf("%s: no weight changed: the test needs plasticity", name)
		}
		for _, lay := range []dist.Layout{dist.Contiguous, dist.RoundRobin} {
			for q, res := range runRanks(t, 3, 2, laidOut(build, lay), 30) {
				if d := sameResults(ref, res); d != "" {
					t.Errorf("%s: 3 ranks × 2 threads, %s, rank %d: %s from 1 rank", name, lay, q, d)
				}
			}
		}
	}
}

// TestRankTinyPopulations: populations smaller than the number of ranks
// (some ranks hold none of their neurons) run, record and checkpoint as
// on one rank.
func TestRankTinyPopulations(t *testing.T) {
	build := func() (*sim.Network, sim.Options) {
		lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 10, TauRef: 2, V0: initial.Uniform(-60, -50)}
		A, _ := neuron.NewLIF(2, lif)
		P, _ := input.NewPoissonGroup(3, 200)
		Q, err := neuron.FromEquations(1, "dv/dt = (-60 - v + input)/10 : 1\nth : 1 (shared, constant)", neuron.EquationParams{
			Threshold: "v > th", Reset: "v = -60", Units: equations.UnitsNone, Values: map[string]any{"v": -55, "th": -50}})
		if err != nil {
			t.Fatal(err)
		}
		net := sim.NewNetwork(4)
		_ = net.Add("A", A)
		_ = net.Add("P", P)
		_ = net.Add("Q", Q)
		pa, _ := synapse.NewExpCOBA(P, A, connect.All2All(), synapse.ExpParams{E: 0, GMax: 2, Tau: 5})
		pq, _ := synapse.NewExpCOBA(P, Q, connect.All2All(), synapse.ExpParams{E: 0, GMax: 2, Tau: 5})
		_ = net.Add("PA", pa)
		_ = net.Add("PQ", pq)
		return net, sim.Options{Inputs: []sim.Input{sim.Const("A.input", 5), sim.Const("Q.input", 5)},
			Monitors: []sim.Monitor{{Name: "A.spike"}, {Name: "P.spike"}, {Name: "Q.spike"}, {Name: "A.V"}, {Name: "Q.v"}, {Name: "PQ.g"}}}
	}
	ref := runRanks(t, 1, 1, build, 50)[0]
	if len(ref.Spikes["A.spike"].T) < 5 || len(ref.Spikes["Q.spike"].T) < 2 {
		t.Fatalf("A %d, Q %d spikes: the test needs spikes", len(ref.Spikes["A.spike"].T), len(ref.Spikes["Q.spike"].T))
	}
	one, _ := checkpointAt(t, 1, build, 20)
	for _, lay := range []dist.Layout{dist.Contiguous, dist.RoundRobin} {
		for q, res := range runRanks(t, 4, 2, laidOut(build, lay), 50) {
			if d := sameResults(ref, res); d != "" {
				t.Errorf("4 ranks × 2 threads, %s, rank %d: %s from 1 rank", lay, q, d)
			}
		}
		four, _ := checkpointAt(t, 4, laidOut(build, lay), 20)
		if !bytes.Equal(one, four) {
			t.Errorf("%s: the checkpoint merged from 4 ranks (%d bytes) differs from one rank's (%d bytes)", lay, len(four), len(one))
		}
	}
}

// infAt is a source that makes neuron 15 NaN at step 5.
type infAt struct{}

func (infAt) Values(k int64, _ float64, lo, hi int, dst []float64) {
	clear(dst)
	if k == 5 && lo <= 15 && 15 < hi {
		dst[15-lo] = math.NaN()
	}
}

// TestRankFailureWithPreState: a rank whose state turns non-finite stops
// the run with its error, and the others (which copy its V every step for
// a gap junction) stop too, naming it, instead of waiting for it.
func TestRankFailureWithPreState(t *testing.T) {
	build := func() (*sim.Network, sim.Options) {
		E, _ := neuron.NewLeakyIntegrator(20, neuron.DefaultLeakyIntegrator()) // no reset: NaN stays
		net := sim.NewNetwork(2)
		_ = net.Add("E", E)
		g, _ := synapse.NewGapJunction(E, E, connect.SmallWorld(4, 0), synapse.GapParams{GMax: 0.1})
		_ = net.Add("gap", g)
		return net, sim.Options{FiniteEvery: 1, Inputs: []sim.Input{{Target: "E.input", Source: infAt{}}}}
	}
	net, opt := build() // one rank: the run fails
	r, err := sim.NewRunner(net, opt)
	if err == nil {
		_, err = r.Run(2)
	}
	check.Err(t, "one rank", err, "neuron 15")
	trs, _ := dist.InProcess(2)
	errs := make([]error, 2)
	done := make(chan struct{})
	go func() {
		var wg sync.WaitGroup
		for q := range 2 {
			wg.Go(func() {
				net, opt := build()
				opt.Transport = trs[q]
				r, err := sim.NewRunner(net, opt)
				if err == nil {
					_, err = r.Run(2)
				}
				errs[q] = err // no Close: nothing releases a waiting rank
			})
		}
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the healthy rank waits for the failed one")
	}
	check.Err(t, "rank 1 (owns neuron 15)", errs[1], "neuron 15", "V = NaN")
	check.Err(t, "rank 0", errs[0], "rank 1 stopped on an error")
}

// TestRankCheckpointOnePre: a projection's per-pre-neuron state of a
// one-neuron pre population is merged from the neuron's owner, also with
// the Alltoall exchange (where other ranks do not receive its spikes).
func TestRankCheckpointOnePre(t *testing.T) {
	build := func() (*sim.Network, sim.Options) {
		P, _ := input.NewPoissonGroup(1, 200)
		lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2}
		E, _ := neuron.NewLIF(3, lif)
		net := sim.NewNetwork(8)
		_ = net.Add("P", P)
		_ = net.Add("E", E)
		p := synapse.DefaultExponential()
		stp := synapse.DefaultSTP()
		p.GMax, p.STP = 1, &stp
		x, _ := synapse.NewExponential(P, E, connect.FixedProb(0.5), p, synapse.COBA{E: 0})
		_ = net.Add("PE", x)
		return net, sim.Options{Monitors: []sim.Monitor{{Name: "PE.x"}}}
	}
	one, res := checkpointAt(t, 1, build, 30)
	if tr := res.Traces["PE.x"]; tr == nil || tr.Data[len(tr.Data)-1] == 1 {
		t.Fatal("the STP resources never moved: the test needs pre spikes")
	}
	for _, ex := range []sim.Exchange{sim.Allgather, sim.Alltoall} {
		for _, lay := range []dist.Layout{dist.Contiguous, dist.RoundRobin} {
			got, _ := checkpointAt(t, 2, laidOut(exchanging(build, ex, true), lay), 30)
			if !bytes.Equal(got, one) {
				t.Errorf("%s, %s: the checkpoint merged from 2 ranks differs from one rank's", ex, lay)
			}
		}
	}
}

// TestRankExpArithmetic: an ExpCOBA whose largest weight over the decay
// factor overflows on one rank only (τ ≪ dt, one huge weight) uses the
// same (unfolded) arithmetic on every rank, as on one rank.
func TestRankExpArithmetic(t *testing.T) {
	build := func() (*sim.Network, sim.Options) {
		P, _ := input.NewPoissonGroup(10, 300)
		lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 2}
		E, _ := neuron.NewLIF(10, lif)
		net := sim.NewNetwork(4)
		_ = net.Add("P", P)
		_ = net.Add("E", E)
		w := make([]float32, 10)
		for i := range w {
			w[i] = 3e-3
		}
		w[9] = 1e5 // onto neuron 9, on the last rank
		x, err := synapse.NewExpCOBA(P, E, connect.One2One(), synapse.ExpParams{E: 0, GMax: 1, Tau: 0.1 / 700, Weights: w})
		if err != nil {
			t.Fatal(err)
		}
		_ = net.Add("PE", x)
		return net, sim.Options{Monitors: []sim.Monitor{{Name: "E.V"}, {Name: "PE.g"}}}
	}
	ref := runRanks(t, 1, 1, build, 20)[0]
	if g := ref.Traces["PE.g"].Data; slices.Max(g) == 0 {
		t.Fatal("no spike arrived: the test needs conductances")
	}
	for q, res := range runRanks(t, 2, 1, build, 20) {
		if d := sameResults(ref, res); d != "" {
			t.Errorf("2 ranks, rank %d: %s from 1 rank", q, d)
		}
	}
}
