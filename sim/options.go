package sim

import (
	"fmt"
	"math"
	"runtime"

	"github.com/brainsim/brainsim/dist"
)

// DefaultDt is the time step in ms used when Options.Dt is zero (BrainPy's
// default).
const DefaultDt = 0.1

// Options configure a Runner.
type Options struct {
	// Dt is the time step in ms; zero means DefaultDt.
	Dt float64
	// Threads is the number of blocks each population is split into, run on
	// up to GOMAXPROCS goroutines; zero means runtime.GOMAXPROCS(0). At most
	// MaxThreads; more than the largest population's size is clamped to it
	// (Runner.Threads tells). Results do not depend on it.
	Threads int
	// Monitors name the variables to record, e.g. "E.spike", "E.V", "E2E.g".
	Monitors []Monitor
	// Inputs are applied to population variables at the start of every step,
	// before projections and neurons update.
	Inputs []Input
	// Sink, when set, receives every monitor's records in chunks while the
	// run goes on (to disk, say), so that memory stays bounded whatever the
	// duration; Results then hold no records, only Results.Streamed counts.
	Sink Sink
	// Transport, when it has more than one rank, splits every population
	// over the ranks (as Options.Layout deals them out): this runner
	// simulates its rank's neurons and the synapses onto them, and the
	// ranks exchange their spikes once per interval of the network's
	// smallest latency (Runner.Interval). Every rank builds the same
	// network and calls Run with the same durations. nil means one rank.
	// Results (spikes and traces) are gathered on every rank and do not
	// depend on the number of ranks or threads.
	Transport dist.Transport
	// Exchange chooses how the ranks send each other their spikes:
	// Allgather (the default) or Alltoall. Results do not depend on it.
	Exchange Exchange
	// Layout chooses which neurons of a population each rank holds:
	// dist.Contiguous ranges (the default) or dist.RoundRobin (neuron i on
	// rank i mod ranks, as NEST deals them). Results do not depend on it.
	Layout dist.Layout
	// FiniteEvery is how often, in steps, the state of every population is
	// checked for NaN and infinite values (a sum per variable and block, on
	// the workers); 0 means DefaultFiniteEvery, −1 never. A run whose state
	// became non-finite stops with an error naming the population, neuron,
	// variable, step and time.
	FiniteEvery int
	// MemoryLimit bounds, in bytes, what NewRunner lets the network allocate
	// (state, synapses, delay rings) and what each Run preallocates for its
	// records; zero means the memory the system reports as available. A
	// network that would need more is refused with an error naming the
	// estimate, before the allocation.
	MemoryLimit int64
	// Progress, if non-nil, is called from the runner's goroutine with the
	// steps done and the steps of the current Run, about 200 times per run
	// and once at its end.
	Progress func(done, total int64)
}

// Monitor names a variable to record.
//
// "P.spike" records spike events (time and neuron index) of population P.
// Any other "X.var" records a trace of the float64 variable var of
// population or projection X: the values of the neurons in Index (all when
// nil) at every step k with k % Every == 0 (Every 0 means 1).
type Monitor struct {
	Name  string
	Index []int
	Every int
	// Key names the record in the results; empty means Name.
	Key string
}

// Mon returns monitors recording every listed variable in full at every step.
func Mon(names ...string) []Monitor {
	m := make([]Monitor, len(names))
	for i, n := range names {
		m[i] = Monitor{Name: n}
	}
	return m
}

// Input is applied to a population variable at the start of every step.
// At most one of Values, Func or Source may be set; when none is, Value is
// used.
type Input struct {
	// Target is "P.var", usually "P.input"; "P.jump" adds voltage jumps
	// (mV) to a population that takes them (JumpTarget): after the step's
	// integration, dropped while a neuron is refractory.
	Target string
	// Value is a constant applied to every neuron.
	Value float64
	// Values is one constant per neuron (length = population size).
	Values []float64
	// Func returns the value for time t (ms), applied to every neuron.
	Func func(t float64) float64
	// Source produces a value per neuron and step (e.g. Poisson input).
	Source Source
	// Op is how the value combines with the variable: "+" (the default),
	// "-", "*", "/" or "=".
	Op string
}

// Const returns an input adding v to target every step.
func Const(target string, v float64) Input { return Input{Target: target, Value: v} }

// opRank gives the order in which operations are applied within a kind of
// input (BrainPy applies '=' first, then '+', '-', '*', '/').
func opRank(op string) (int, bool) {
	switch op {
	case "=":
		return 0, true
	case "+", "":
		return 1, true
	case "-":
		return 2, true
	case "*":
		return 3, true
	case "/":
		return 4, true
	}
	return 0, false
}

func (o *Options) dt() (float64, error) {
	dt := o.Dt
	if dt == 0 {
		dt = DefaultDt
	}
	if !(dt > 0) || math.IsInf(dt, 0) {
		return 0, fmt.Errorf("sim: Options.Dt = %v: must be a finite number of ms > 0 (0 means the default %v)", o.Dt, DefaultDt)
	}
	return dt, nil
}

// StepsFor returns the number of steps Run(duration) takes with time step
// dt: floor(duration/dt + 1e-9), so that 200/0.1 is 2000 steps although the
// quotient is 1999.9999999999998 in floating point, and 0.25/0.1 is 2 steps
// (durations that are not a multiple of dt are truncated, as BrainPy's
// int(duration/dt)).
func StepsFor(duration, dt float64) (int64, error) {
	if !(duration > 0) || math.IsInf(duration, 0) {
		return 0, fmt.Errorf("sim: Run duration = %v ms: must be a finite number > 0", duration)
	}
	n := math.Floor(duration/dt + 1e-9)
	if n < 1 {
		return 0, fmt.Errorf("sim: Run duration = %v ms: shorter than one time step (dt = %v ms)", duration, dt)
	}
	if n > 1<<53 {
		return 0, fmt.Errorf("sim: Run duration = %v ms: too many steps (%g) for dt = %v ms", duration, n, dt)
	}
	return int64(n), nil
}

// threads resolves Options.Threads for net.
func (o *Options) threads(net *Network) (int, error) {
	t := o.Threads
	if t < 0 || t > MaxThreads {
		return 0, fmt.Errorf("sim: Options.Threads = %d: must be in [0, %d] (0 means GOMAXPROCS, %d here; this machine has %d cores)",
			t, MaxThreads, runtime.GOMAXPROCS(0), runtime.NumCPU())
	}
	if t == 0 {
		t = runtime.GOMAXPROCS(0)
	}
	largest := 1
	for _, p := range net.pops {
		n := p.pop.Size()
		if o.Transport != nil && o.Transport.Size() > 1 {
			n = o.Layout.ShareOf(n, o.Transport.Rank(), o.Transport.Size()).N
		}
		largest = max(largest, n)
	}
	return min(t, largest), nil
}
