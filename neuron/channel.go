package neuron

import "github.com/brainsim/brainsim/sim"

// chunk is the number of neurons whose channels and state are updated
// together, small enough for the slices involved to stay in L1/L2 cache.
const chunk = 512

// channels is the list of sim.Channels a population hosts. Embed it to
// implement sim.ChannelHost.
type channels struct {
	list []*sim.Channel
}

// Attach implements sim.ChannelHost.
func (h *channels) Attach(c *sim.Channel) bool {
	h.list = append(h.list, c)
	return true
}

// reset forgets the attached channels (projections attach again after the
// population's Init).
func (h *channels) reset() { h.list = h.list[:0] }

// apply updates the channels of neurons [lo, hi) and adds their currents to
// in (the population's input), with v the membrane potential of the
// previous step, in the order the channels were attached.
func (h *channels) apply(in, v []float64, lo, hi int) {
	for _, c := range h.list {
		c.Integrate(in, v, lo, hi)
	}
}
