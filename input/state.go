package input

import (
	"fmt"
	"hash/fnv"

	"github.com/brainsim/brainsim/sim"
)

// Checkpoints (sim.Stateful, sim.Fingerprinter).
//
// PoissonGroup keeps state: "rate", which inputs may change during a run,
// and the spike flags. The sources need none: PoissonInput draws a pure
// function of (key, step, neuron), and a Signal (Wiener, OU, Series, the
// current shapes) is a series computed before the run and indexed by the
// step, so the runner's step counter is all they read.

// SaveState implements sim.Stateful: "rate" (Hz) and "spike".
func (g *PoissonGroup) SaveState(w *sim.StateWriter) {
	w.Float64s("rate", g.rate)
	w.Bools("spike", g.spike)
}

// LoadState implements sim.Stateful.
func (g *PoissonGroup) LoadState(r *sim.StateReader) {
	r.Float64s("rate", g.rate)
	r.Bools("spike", g.spike)
}

// Fingerprint implements sim.Fingerprinter: the size and a hash of the
// constructed rates.
func (g *PoissonGroup) Fingerprint() string {
	h := fnv.New64a()
	fmt.Fprint(h, g.rates)
	return fmt.Sprintf("PoissonGroup(n=%d, rates fnv=%016x)", g.n, h.Sum64())
}

var _ interface {
	sim.Population
	sim.Stateful
	sim.Fingerprinter
} = (*PoissonGroup)(nil)
