package sim

import (
	"github.com/brainsim/brainsim/internal/guard"
	"github.com/brainsim/brainsim/rng"
)

// Env is what a node learns when a runner prepares it for a run.
type Env struct {
	// Dt is the time step in ms.
	Dt float64
	// Key is the node's random key, rng.String(network seed, node name).
	// Derive the node's own streams from it with package
	// github.com/brainsim/brainsim/rng: rng.New(rng.String(Key, "V0")) for a
	// sequential stream (in Init), and rng.Normal or rng.Uniform of
	// (key, counter) for draws in Update, which must not depend on the worker
	// that evaluates them.
	Key uint64
	// Bounds partitions the neurons a node holds (of the population itself,
	// or of a projection's post population) into contiguous blocks, in the
	// node's own indices: block b is [Bounds[b], Bounds[b+1]), Bounds[0] is
	// 0 and Bounds[len(Bounds)-1] is Local(). Each block is updated by one
	// worker, so nothing written in block b may be read or written by
	// another block in the same step.
	Bounds []int
	// Offset is the index, in the whole population, of the node's neuron 0.
	// A network split over ranks gives each rank a share of every
	// population (a contiguous range, or every Stride-th neuron); a node
	// holds only that share, the neurons GlobalIndex(j) for j < Local(),
	// allocates its per-neuron arrays for Local() neurons and indexes them
	// by j. What is keyed by a neuron's identity (random draws, initial
	// values, spike times given per neuron) uses the global index, so that
	// every layout of ranks computes the same values. 0 on one rank.
	Offset int
	// Stride is the step between the global indices of neighbouring local
	// neurons: 1 for a contiguous share (and on one rank), the number of
	// ranks with Options.Layout = dist.RoundRobin; 0 counts as 1. Local
	// neuron j is the population's neuron Offset + j·Stride.
	Stride int

	budget *guard.Budget
	warn   func(string)
}

// Warn records a warning for the user (Runner.Warnings), such as a
// connector that builds all its synapses on every rank.
func (e *Env) Warn(msg string) {
	if e.warn != nil {
		e.warn(msg)
	}
}

// Partial reports whether the node holds only part of n neurons: the
// network is split over ranks and this node builds one rank's share.
func (e *Env) Partial(n int) bool {
	return e.Offset != 0 || e.Step() != 1 || e.Local() != n
}

// Step returns Stride, 1 when it is 0.
func (e *Env) Step() int { return max(e.Stride, 1) }

// GlobalIndex returns the population index of local neuron j.
func (e *Env) GlobalIndex(j int) int { return e.Offset + j*e.Step() }

// Local returns the number of neurons the node holds, Bounds[len-1] (0
// without Bounds).
func (e *Env) Local() int {
	if len(e.Bounds) == 0 {
		return 0
	}
	return e.Bounds[len(e.Bounds)-1]
}

// Rounding says how Env.Steps turns a duration into whole steps.
type Rounding = guard.Rounding

// The roundings of Env.Steps.
const (
	// Round rounds to the nearest step (refractory periods, delays).
	Round = guard.Round
	// Floor takes floor(ms/dt + 1e-9) (durations).
	Floor = guard.Floor
	// Ceil takes ceil(ms/dt − 1e-9) (the first step at or after a time).
	Ceil = guard.Ceil
)

// Steps converts a time in ms (>= 0) into whole steps of Dt, refusing NaN,
// negative values and results above 2^53 steps with an error naming field.
// Every model converts its times with it, so that a refractory period of
// 1e30 ms is an error instead of an overflowed integer.
func (e *Env) Steps(field string, ms float64, mode Rounding) (int64, error) {
	return guard.Steps(field, ms, e.Dt, mode, 0)
}

// Reserve counts n elements of each bytes (what names them, e.g. "E2E:
// 3.2e6 synapses") against the runner's memory budget (Options.MemoryLimit,
// by default the memory available) and returns an error instead when they
// would not fit. Nodes call it before every allocation whose size comes
// from a user's number.
func (e *Env) Reserve(what string, n, each int64) error {
	if e.budget == nil {
		return guard.Check(what, n, each, "")
	}
	return e.budget.Reserve(what, n, each, "")
}

// Population is a group of neurons stepped by the network.
//
// A population owns its state as slices indexed by neuron. Its float64
// variables are reachable by name (monitors "P.V", inputs "P.input"); its
// spikes of the latest step are in Spike.
type Population interface {
	// Size returns the number of neurons.
	Size() int
	// Init allocates and initialises the state for a run with env.Dt. It is
	// called once by NewRunner, before any Update, and resets the state.
	Init(env *Env) error
	// Update advances the neurons [lo, hi) of the population's arrays (its
	// own indices, see Env.Offset) by one step: step index k at time t
	// (ms). It reads the input accumulated for the step, integrates, applies
	// the threshold and reset, sets Spike()[lo:hi], appends the indices
	// (ascending, in the same local indices) of the neurons that spiked to
	// spikes and returns the result; the runner maps them to the global
	// indices Env.GlobalIndex.
	Update(k int64, t float64, lo, hi int, spikes []int32) []int32
	// Var returns the float64 variable name, one value per neuron the
	// population holds (Env.Local(): Size() on one rank), or nil.
	Var(name string) []float64
	// VarNames lists the variables Var accepts.
	VarNames() []string
	// Spike returns the spike flags of the latest step (length Env.Local()).
	Spike() []bool
}

// History gives a projection the spikes its pre population emitted in
// earlier steps.
type History interface {
	// At returns the ascending indices of the pre neurons that spiked at step
	// k-lag, for 1 <= lag <= the projection's MaxLag. The slice is valid only
	// during the current step and must not be modified.
	At(lag int) []int32
}

// Projection carries spikes from a pre to a post population and turns them
// into input for the post population.
type Projection interface {
	// Pre and Post return the populations the projection connects.
	Pre() Population
	Post() Population
	// Init builds connectivity and state for a run; env.Bounds is the block
	// partition of the post neurons the projection holds (env.Offset: the
	// rank's first post neuron), which it builds the synapses onto. Pre and
	// Post are initialised first.
	Init(env *Env) error
	// MaxLag returns the largest spike latency in steps (>= 1) the projection
	// reads through History.At; valid after Init.
	MaxLag() int
	// Update runs step k for post block b, the post neurons [lo, hi) in the
	// local indices of Env.Bounds (the post population's arrays use the
	// same ones): it reads pre spikes (global pre indices) from hist and
	// post state of that block only, and adds to the post population's
	// input in that block.
	Update(k int64, b, lo, hi int, hist History)
	// Var and VarNames expose state to monitors: per post neuron held
	// (length Env.Local()), per pre neuron (length Pre().Size(), on every
	// rank; exact for the pre neurons with a synapse on the rank and for
	// the rank's own) or per synapse.
	Var(name string) []float64
	VarNames() []string
}

// Axis says what a projection's variable (Projection.Var) is indexed by.
type Axis int

// The axes of a projection's variables.
const (
	// AxisPost: one value per post neuron the projection holds
	// (Env.Local()), such as a conductance.
	AxisPost Axis = iota
	// AxisPre: one value per pre neuron (Pre().Size()) on every rank, such
	// as short-term plasticity's resources or STDP's pre trace; a pre
	// neuron's owner holds its exact value (with the Alltoall exchange the
	// other ranks may not receive its spikes), and monitors and
	// checkpoints take it from there.
	AxisPre
	// AxisSynapse: one value per synapse the projection holds, such as a
	// plastic weight.
	AxisSynapse
)

// AxisReporter is implemented by projections that say what each variable
// of Var is indexed by. Without it, the runner takes a variable of
// Env.Local() values as per post neuron, one of Pre().Size() values as per
// pre neuron and any other as per synapse.
type AxisReporter interface {
	VarAxis(name string) Axis
}

// PreStateReader is implemented by projections that read the pre
// population's state (not only its spikes) during Update, such as gap
// junctions reading V_pre. When any projection reports true, the runner
// finishes the projection phase of every block before any population
// updates (one more barrier per step), so such reads see the previous step.
type PreStateReader interface {
	ReadsPreState() bool
}

// PreStateMirror is implemented by PreStateReaders that can run over
// ranks. PreVars names the pre population's variables they read, indexed
// by global pre neuron. Over ranks the runner keeps, for each, a copy of
// the whole pre population's values, refreshed from every rank after each
// step (the ranks then exchange every step), and hands the copies to
// MirrorPre after Init; the projection reads them instead of Pre().Var.
// On one rank MirrorPre is not called.
type PreStateMirror interface {
	PreStateReader
	PreVars() []string
	MirrorPre(vars [][]float64)
}

// Source produces one value per neuron every step, such as a Poisson
// current. Values fills dst (the neurons [lo, hi) of the target, in the
// indices of the whole population, so that a value keyed by the neuron
// does not depend on the ranks) for step k at time t; it is called
// concurrently for different blocks, so it must
// depend only on its arguments and immutable state (use counter-based
// random draws keyed by step and neuron).
type Source interface {
	Values(k int64, t float64, lo, hi int, dst []float64)
}

// SourceInit is implemented by a Source that needs the run's time step or a
// random key (a Poisson input, say). NewRunner calls Init once, before the
// first step, with the runner's Dt and a Key derived from the network seed
// and the input's target ("E.input") and its rank among the inputs to that
// target, so that the same network and seed draw the same values.
type SourceInit interface {
	Init(env *Env) error
}

// MinLagger is implemented by projections that know the smallest latency,
// in steps, at which they read their pre population's spikes (MinLag <=
// MaxLag). A network split over ranks exchanges spikes once every
// min-latency interval of the network (NEST's min-delay); a projection
// without MinLag counts as reading at latency 1, which makes the ranks
// exchange every step.
type MinLagger interface {
	MinLag() int
}

// SynapseStateful is implemented by projections whose state includes
// per-synapse values, such as plastic weights. Over several ranks each rank
// holds only the synapses onto its neurons; Checkpoint merges their
// records when the projection is also a SynapseHolder, and refuses it
// otherwise.
type SynapseStateful interface {
	PerSynapseState() bool
}

// SynapseHolder is implemented by projections with per-synapse state
// (SynapseStateful) that write it as records of the whole connectivity, in
// its order, with the values of the synapses they hold (StateWriter.SetAxis
// with AxisSynapse). HeldSynapses returns the positions in that order of
// the synapses this rank holds; a checkpoint over ranks takes each
// position's value from the rank that holds it, so the merged file is the
// one a single rank writes.
type SynapseHolder interface {
	HeldSynapses() []uint32
}

// JumpTarget is implemented by populations that take voltage jumps the way
// BrainPy takes its delta inputs: after integrating the step.
//
// Jumps returns an accumulator (mV) of one value per neuron held (Env.Local()), the same slice on
// every call until the next Init, or nil if the population cannot take
// jumps. In step k, runner inputs to "P.jump" and projections (synapse.Delta)
// add to it, each in its own block; then the population, for every neuron j
// of the block, adds Jumps()[j] to the V it has just integrated, restores
// the old V instead if j is refractory (so jumps arriving during the
// refractory period are dropped), tests the threshold and sets Jumps()[j]
// to 0. Jumps is called after the population's Init.
type JumpTarget interface {
	Jumps() []float64
}

// Planner is implemented by projections that can tell, before anything of
// the network is built, about how much they will allocate: n elements of
// each bytes (what describes them), ok false when unknown. NewRunner adds
// the plans to the populations' state and refuses a network that would
// not fit before it allocates any of it.
type Planner interface {
	Plan() (what string, n, each int64, ok bool)
}

// NodeKey returns the random key of the node called name in a network of
// seed: Env.Key, from which the node derives its streams.
func NodeKey(seed uint64, name string) uint64 { return rng.String(seed, name) }
