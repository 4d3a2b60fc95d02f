package sim

import (
	"context"
	"fmt"
	"math"
	"runtime/debug"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/internal/guard"
)

// Runner steps a network in time. Create it with NewRunner, which builds the
// network (initial state, connectivity); each Run continues where the
// previous one stopped.
type Runner struct {
	net     *Network
	dt      float64
	threads int
	k       int64 // index of the next step
	t       float64

	bounds    [][]int      // per population, block boundaries (local indices)
	shares    []dist.Share // per population, the neurons this rank holds
	hist      []*history   // per population
	spk       [][][]int32  // per population, per block: spikes of the current step
	inputs    []boundInput
	mons      []boundMonitor
	opt       Options
	clear     [][]float64 // per population: its "input" variable, or nil
	assigned  []bool      // per population: the first input assigns "input"
	workers   *pool
	failed    error // why the runner stopped; it refuses to run again
	warnings  []string
	stream    *streamer
	streamRes *Results     // the Run whose Streamed counts the monitors fill
	finite    *finiteCheck // nil when Options.FiniteEvery < 0
	checking  bool         // the current step checks for non-finite state
	ranks     *ranks       // nil on one rank
	stopReq   bool         // this rank asks the others to stop (cancellation)
	twoPass   bool         // a projection reads pre state: barrier before neurons
	mirrors   []mirror     // over ranks: copies of pre state that projections read
	phase     int          // with twoPass: 0 = inputs and projections, 1 = neurons
}

// MaxThreads is the largest Options.Threads NewRunner accepts. Every
// thread is a block of every population, holding its own piece of every
// projection's rows, so blocks far beyond the cores cost memory and time
// (results do not depend on Threads).
const MaxThreads = 1024

// NewRunner initialises every node of net for the options and returns a
// runner at step 0. It resets the state of all nodes, so a network belongs
// to one runner at a time: a second NewRunner on the same network takes it
// over (the first runner's Run then returns an error), and the network is
// frozen (Add refuses new nodes) once a runner has been built from it.
//
// What the network will allocate is counted against Options.MemoryLimit
// (by default the memory available) before it is allocated.
//
// Over several ranks NewRunner is collective, like Run and Checkpoint:
// every rank calls it with the same model; if it fails on one rank, it
// returns an error on every rank.
func NewRunner(net *Network, opt Options) (*Runner, error) {
	if net == nil {
		return nil, fmt.Errorf("sim: NewRunner: network is nil")
	}
	dt, err := opt.dt()
	if err != nil {
		return nil, err
	}
	threads, err := opt.threads(net)
	if err != nil {
		return nil, err
	}
	if opt.Layout != dist.Contiguous && opt.Layout != dist.RoundRobin {
		return nil, fmt.Errorf("sim: Options.Layout = %d: must be dist.Contiguous or dist.RoundRobin", int(opt.Layout))
	}
	if opt.Exchange != Allgather && opt.Exchange != Alltoall {
		return nil, fmt.Errorf("sim: Options.Exchange = %d: must be sim.Allgather or sim.Alltoall", int(opt.Exchange))
	}
	if opt.MemoryLimit < 0 {
		return nil, fmt.Errorf("sim: Options.MemoryLimit = %d: must be >= 0 bytes (0 means the memory available)", opt.MemoryLimit)
	}
	r := &Runner{net: net, dt: dt, threads: threads, opt: opt}
	net.runner = nil // the previous runner, if any, is stale from here on
	if err := r.setupRanks(); err != nil {
		return nil, err
	}
	err = r.build()
	if r.ranks != nil {
		// What a rank builds, and so whether it fails, depends on its share:
		// the ranks agree before the collectives below, so that a healthy
		// rank returns an error instead of waiting for a failed one.
		err = r.agree("NewRunner", err)
	}
	if err != nil {
		return nil, err
	}
	if r.ranks != nil {
		r.setInterval()
		if err := r.synapseOwners(); err != nil {
			return nil, err
		}
		if r.ranks.alltoall {
			if err := r.setupRoutes(); err != nil {
				return nil, err
			}
		}
		if err := r.refreshMirrors(); err != nil {
			return nil, err
		}
	}
	if opt.Sink != nil {
		if err := opt.Sink.Open(r.monitorInfos()); err != nil {
			return nil, fmt.Errorf("sim: Options.Sink: %w", err)
		}
	}
	net.runner = r
	return r, nil
}

// build does NewRunner's local work: it plans and reserves memory,
// initialises every node for this rank's share and binds the inputs and
// monitors.
func (r *Runner) build() error {
	net, opt, dt, threads := r.net, r.opt, r.dt, r.threads
	budget := guard.NewBudget(opt.MemoryLimit)
	if err := r.plan(opt.MemoryLimit); err != nil {
		return err
	}
	for i, p := range net.pops {
		s := r.share(i)
		if err := reservePop(budget, p, s.N); err != nil {
			return err
		}
		b := partition(0, s.N, threads)
		r.bounds, r.shares = append(r.bounds, b), append(r.shares, s)
		env := &Env{Dt: dt, Key: NodeKey(net.seed, p.name), Bounds: b, Offset: s.Off, Stride: s.Stride, budget: budget}
		if err := p.pop.Init(env); err != nil {
			return fmt.Errorf("sim: population %q: %w", p.name, err)
		}
		if err := checkLocal(p, s.N); err != nil {
			return err
		}
		r.spk = append(r.spk, make([][]int32, threads))
		r.clear = append(r.clear, p.pop.Var("input"))
	}
	lags := make([]int, len(net.pops))
	for _, p := range net.projs {
		name := p.name
		env := &Env{Dt: dt, Key: NodeKey(net.seed, p.name), Bounds: r.bounds[p.post], Offset: r.shares[p.post].Off, Stride: r.shares[p.post].Stride, budget: budget,
			warn: func(m string) { r.warnings = append(r.warnings, fmt.Sprintf("projection %q: %s", name, m)) }}
		if err := p.proj.Init(env); err != nil {
			return fmt.Errorf("sim: projection %q: %w", p.name, err)
		}
		if ps, ok := p.proj.(PreStateReader); ok && ps.ReadsPreState() {
			if r.ranks != nil {
				pm, ok := p.proj.(PreStateMirror)
				if !ok {
					return fmt.Errorf("sim: projection %q reads its pre population's state but cannot read a copy of other ranks' (sim.PreStateMirror): not supported over %d ranks", p.name, r.ranks.size)
				}
				if err := budget.Reserve(fmt.Sprintf("sim: projection %q: a copy of %d pre neurons' variables %v", p.name, p.proj.Pre().Size(), pm.PreVars()),
					int64(p.proj.Pre().Size()), 8*int64(len(pm.PreVars())), ""); err != nil {
					return err
				}
				if err := r.addMirror(p, pm); err != nil {
					return err
				}
			}
			r.twoPass = true
		}
		if l := p.proj.MaxLag(); l < 1 {
			return fmt.Errorf("sim: projection %q: MaxLag = %d: must be >= 1", p.name, l)
		} else if l > lags[p.pre] {
			lags[p.pre] = l
		}
	}
	for i, l := range lags {
		// A ring slot is a slice header; its spike lists grow with the rate.
		if err := budget.Reserve(fmt.Sprintf("sim: population %q: a delay ring of %d steps", net.pops[i].name, l),
			int64(l), 24, "use shorter delays or a larger dt"); err != nil {
			return err
		}
		r.hist = append(r.hist, newHistory(max(l, 1)))
	}
	if err := r.bindInputs(opt.Inputs); err != nil {
		return err
	}
	if err := r.bindMonitors(opt.Monitors); err != nil {
		return err
	}
	r.setupFinite()
	return nil
}

// plan refuses, before anything is allocated, a network whose
// populations' state and planned synapses (Planner) would not fit.
func (r *Runner) plan(limit int64) error {
	b := guard.NewBudget(limit)
	for i, p := range r.net.pops {
		if err := reservePop(b, p, r.share(i).N); err != nil {
			return err
		}
	}
	for _, p := range r.net.projs {
		pl, ok := p.proj.(Planner)
		if !ok {
			continue
		}
		what, n, each, ok := pl.Plan()
		if !ok {
			continue
		}
		if r.ranks != nil { // a rank holds the synapses onto its share of the posts
			n = int64(float64(n) * float64(r.share(p.post).N) / float64(max(r.net.pops[p.post].pop.Size(), 1)))
		}
		if err := b.Reserve(fmt.Sprintf("sim: projection %q: %s", p.name, what), n, each, "use a sparser connector or smaller populations"); err != nil {
			return err
		}
	}
	return nil
}

// reservePop counts the state of a population's n neurons held here:
// every variable, the spike flags and the refractory bookkeeping.
func reservePop(b *guard.Budget, p namedPop, n int) error {
	return b.Reserve(fmt.Sprintf("sim: population %q: %d neurons", p.name, n),
		int64(n), int64(8*len(p.pop.VarNames())+16), "use fewer neurons, more ranks or raise Options.MemoryLimit")
}

// checkLocal refuses a population whose arrays after Init do not hold the
// n neurons of its share (Env.Local()): the runner indexes them so.
func checkLocal(p namedPop, n int) error {
	if l := len(p.pop.Spike()); l != n {
		return fmt.Errorf("sim: population %q (%T): Spike() has %d flags after Init: must have one per neuron the population holds, Env.Local() = %d of its %d", p.name, p.pop, l, n, p.pop.Size())
	}
	for _, v := range p.pop.VarNames() {
		if x := p.pop.Var(v); x != nil && len(x) != n {
			return fmt.Errorf("sim: population %q (%T): Var(%q) has %d values after Init: must have one per neuron the population holds, Env.Local() = %d of its %d", p.name, p.pop, v, len(x), n, p.pop.Size())
		}
	}
	return nil
}

// Warnings returns what NewRunner found worth telling the user (for
// example a connector that builds every synapse on every rank).
func (r *Runner) Warnings() []string { return r.warnings }

// Dt returns the time step in ms.
func (r *Runner) Dt() float64 { return r.dt }

// Step returns the index of the next step; its time is Step()·Dt().
func (r *Runner) Step() int64 { return r.k }

// Threads returns the number of workers.
func (r *Runner) Threads() int { return r.threads }

func (r *Runner) popIndex(name string) int {
	for i, p := range r.net.pops {
		if p.name == name {
			return i
		}
	}
	return -1
}

// partition splits the neurons [lo, hi) into w contiguous blocks of
// near-equal size.
func partition(lo, hi, w int) []int {
	b := make([]int, w+1)
	for i := range b {
		b[i] = lo + int(int64(hi-lo)*int64(i)/int64(w))
	}
	return b
}

// Run advances the network by duration ms (StepsFor(duration, dt) steps)
// and returns what the monitors recorded during this run.
func (r *Runner) Run(duration float64) (*Results, error) {
	return r.RunContext(context.Background(), duration)
}

// RunContext is Run, stopping early when ctx is cancelled: it finishes the
// current step and returns the records of the steps done (Results.Steps
// says how many) with an error wrapping ctx.Err(); a later Run continues
// from there. A panic in a node (a user's model, say) stops the run with an
// error holding the panic and its stack, and the runner refuses further
// runs, since the state may be half-updated.
func (r *Runner) RunContext(ctx context.Context, duration float64) (res *Results, err error) {
	if err := r.usable(); err != nil {
		return nil, err
	}
	steps, err := StepsFor(duration, r.dt)
	if err != nil {
		return nil, err
	}
	res = &Results{Dt: r.dt, Start: r.k, Spikes: map[string]*SpikeRecord{}, Traces: map[string]*Trace{}}
	if r.opt.Sink != nil {
		res.Streamed = map[string]int64{}
		r.streamTo(res)
		defer func() {
			if ferr := r.flushStream(); ferr != nil && err == nil {
				r.failed, err = ferr, ferr
				if res != nil && res.Steps < steps {
					err = fmt.Errorf("%w (and the run had stopped early)", ferr)
				}
			}
		}()
	} else {
		budget := guard.NewBudget(r.opt.MemoryLimit)
		for i := range r.mons {
			if err := r.mons[i].start(r.k, steps, r.dt, res, budget); err != nil {
				return nil, err
			}
		}
	}
	r.workers = newPool(r.threads, r.work)
	defer r.workers.stop()
	defer func() {
		if v := recover(); v != nil {
			r.failed = fmt.Errorf("sim: Run: panic at step %d: %v\n%s", r.k, v, debug.Stack())
			res, err = nil, r.failed
		}
	}()
	done := ctx.Done()
	every := max(steps/200, 1)
	r.stopReq = false
	for n := int64(0); n < steps; n++ {
		if done != nil {
			select {
			case <-done:
				if r.ranks == nil {
					return res, r.stoppedErr(n, steps, ctx.Err())
				}
				r.stopReq = true // the ranks stop together, after the next exchange
			default:
			}
		}
		if r.ranks != nil && r.ranks.stopped {
			r.ranks.stopped = false
			return res, r.stoppedErr(n, steps, context.Canceled)
		}
		if err := r.step(); err != nil {
			r.failed = err
			return nil, err
		}
		res.Steps++
		if r.opt.Progress != nil && ((n+1)%every == 0 || n+1 == steps) {
			r.opt.Progress(n+1, steps)
		}
	}
	if r.ranks != nil {
		if err := r.exchange(); err != nil {
			r.failed = err
			return nil, err
		}
		if r.ranks.stopped { // asked in the last exchange: this Run reports it
			r.ranks.stopped = false
			return res, r.stoppedErr(steps, steps, context.Canceled)
		}
	}
	return res, nil
}

// stoppedErr is the error of a Run stopped after done of steps steps.
func (r *Runner) stoppedErr(done, steps int64, why error) error {
	if done == steps { // asked in the last exchange: the steps are all done
		return fmt.Errorf("sim: Run stopped after all %d steps (t = %v ms): %w", steps, float64(r.k)*r.dt, why)
	}
	return fmt.Errorf("sim: Run stopped after %d of %d steps (t = %v ms): %w", done, steps, float64(r.k)*r.dt, why)
}

// usable returns why the runner cannot run, or nil.
func (r *Runner) usable() error {
	if r.failed != nil {
		return fmt.Errorf("sim: Run: the runner stopped on an error and its state may be half-updated; build a new runner: %w", r.failed)
	}
	if r.net.runner != r {
		return fmt.Errorf("sim: Run: this runner's network was taken over by a newer NewRunner, which reset every node; run the newest runner")
	}
	return nil
}

// step runs one step on all workers, then merges spikes and records.
func (r *Runner) step() error {
	k := r.k
	r.t = float64(k) * r.dt
	for i := range r.inputs {
		if in := &r.inputs[i]; in.fn != nil {
			in.cur = in.fn(r.t)
			if math.IsNaN(in.cur) || math.IsInf(in.cur, 0) {
				return fmt.Errorf("sim: %s: Func returned %v at t = %v ms (step %d): inputs must be finite", in.label, in.cur, r.t, k)
			}
		}
	}
	for _, h := range r.hist {
		h.k = k
	}
	if r.twoPass {
		r.phase = 0
		r.workers.run()
		r.phase = 1
	}
	if err := r.workers.err(); err != nil {
		return err
	}
	r.checking = r.finite != nil && k%r.finite.every == 0
	r.workers.run()
	err := r.workers.err()
	if err == nil && r.checking {
		err = r.nonFinite(k)
	}
	if r.ranks != nil {
		err := r.rankStep(k, err)
		r.k++
		return err
	}
	if err != nil {
		return err
	}
	for p := range r.net.pops {
		merged := r.hist[p].slot(k)
		for _, s := range r.spk[p] {
			merged = append(merged, s...)
		}
		r.hist[p].set(k, merged)
	}
	for i := range r.mons {
		m := &r.mons[i]
		var err error
		if m.pop >= 0 {
			err = r.recordSpikes(m, k, r.t, r.hist[m.pop].get(k))
		} else if k%m.every == 0 {
			err = r.recordSrc(m, k, r.t)
		}
		if err != nil {
			return err
		}
	}
	r.k++
	return nil
}

// work is one worker's share of a step: block b of every population.
func (r *Runner) work(b int) {
	if !r.twoPass || r.phase == 0 {
		r.project(b)
	}
	if !r.twoPass || r.phase == 1 {
		r.integrate(b)
		if r.checking {
			r.checkBlock(b)
		}
	}
}

// project clears and applies the inputs of block b and runs the projections
// onto it.
func (r *Runner) project(b int) {
	k, t := r.k, r.t
	for p := range r.net.pops {
		lo, hi := r.bounds[p][b], r.bounds[p][b+1]
		if in := r.clear[p]; in != nil && !r.assigned[p] {
			clear(in[lo:hi])
		}
	}
	for i := range r.inputs {
		in := &r.inputs[i]
		in.apply(k, t, r.bounds[in.pop][b], r.bounds[in.pop][b+1], r.shares[in.pop])
	}
	for _, pr := range r.net.projs {
		lo, hi := r.bounds[pr.post][b], r.bounds[pr.post][b+1]
		pr.proj.Update(k, b, lo, hi, r.hist[pr.pre])
	}
}

// integrate updates block b of every population.
func (r *Runner) integrate(b int) {
	k, t := r.k, r.t
	for p, np := range r.net.pops {
		lo, hi := r.bounds[p][b], r.bounds[p][b+1]
		s := np.pop.Update(k, t, lo, hi, r.spk[p][b][:0])
		if sh := r.shares[p]; sh.Off != 0 || sh.Stride != 1 { // local → global
			off, st := int32(sh.Off), int32(sh.Stride)
			for i := range s {
				s[i] = off + s[i]*st
			}
		}
		r.spk[p][b] = s
	}
}
