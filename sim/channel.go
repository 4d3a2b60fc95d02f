package sim

import "github.com/brainsim/brainsim/internal/kernel"

// Channel is a linear synaptic conductance kept per post neuron by a
// projection and integrated by the post population itself (a fused fast
// path). In step k, for every post neuron j, the host computes
//
//	G[j] = G[j]·Decay + Arrived[j];  Arrived[j] = 0
//	input[j] += COBA ? G[j]·(E − V[j]) : G[j]
//
// with V[j] as left by step k−1, before it integrates V. That is exactly
// the projection's own update (decay, add the weights that arrived, add the
// current), moved into the population's loop so that the conductances,
// input and state of a neuron are touched once per step. The projection only
// adds arriving weights to Arrived, in its post block.
//
// A folded channel has Arrived nil: the projection adds each arriving
// weight divided by Decay straight into G, and the host computes
// G[j] = G[j]·Decay, so that G = (G + Σw/Decay)·Decay = G·Decay + Σw up to
// rounding, without the memory traffic of a second post-sized array.
type Channel struct {
	G       []float64 // conductance, post-sized
	Arrived []float64 // weights arrived this step, post-sized, zeroed by the host; nil if folded
	Decay   float64   // e^{−dt/τ}
	E       float64   // reversal potential (COBA)
	COBA    bool      // current G·(E − V); otherwise G
}

// Integrate does the channel's step for post neurons [lo, hi): decay (and
// the arrivals, unless folded) into G, then the current into in, with v the
// post potential of the previous step (COBA). in and v are post-sized.
func (c *Channel) Integrate(in, v []float64, lo, hi int) {
	g, in := c.G[lo:hi], in[lo:hi]
	switch {
	case c.Arrived == nil && c.COBA:
		kernel.COBAFold(g, in, v[lo:hi], c.Decay, c.E)
	case c.Arrived == nil:
		kernel.CUBAFold(g, in, c.Decay)
	case c.COBA:
		kernel.COBA(g, c.Arrived[lo:hi], in, v[lo:hi], c.Decay, c.E)
	default:
		kernel.CUBA(g, c.Arrived[lo:hi], in, c.Decay)
	}
}

// ChannelHost is implemented by populations that integrate Channels. Attach
// returns false if the population cannot host c; the projection then
// updates its conductance and current itself. Attach is called from the
// projection's Init, after the population's Init.
type ChannelHost interface {
	Attach(c *Channel) bool
}
