package ei

import (
	"fmt"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/internal/guard"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// ProceduralConfig describes a large COBA-like network whose synapses are
// regenerated on the fly (connect.ProceduralFixedProb) instead of stored.
type ProceduralConfig struct {
	// Neurons is the total (80 % E, 20 % I).
	Neurons int
	// Degree is the expected number of synapses per neuron; the COBA
	// weights are scaled by 80/Degree (the benchmark's in-degree is 80).
	Degree float64
	// Width is the segment width of the generator (0: its default).
	Width int
	// Stored builds ordinary stored synapses from the same connector.
	Stored bool
	Seed   uint64
}

// Procedural builds the network of c.
func Procedural(c ProceduralConfig) (*sim.Network, error) {
	if c.Neurons < 5 || c.Neurons > sim.MaxSize {
		return nil, fmt.Errorf("ei: Procedural Neurons = %d: must be in [5, %d]", c.Neurons, sim.MaxSize)
	}
	if !(c.Degree > 0) || c.Degree > float64(c.Neurons) {
		return nil, fmt.Errorf("ei: Procedural Degree = %v: must be in (0, Neurons = %d]", c.Degree, c.Neurons)
	}
	ne, err := guard.Count("ei: Procedural 0.8·Neurons", 0.8*float64(c.Neurons), 0)
	if err != nil {
		return nil, err
	}
	lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Normal(-55, 2)}
	E, err := neuron.NewLIF(ne, lif)
	if err != nil {
		return nil, err
	}
	I, err := neuron.NewLIF(c.Neurons-ne, lif)
	if err != nil {
		return nil, err
	}
	net := sim.NewNetwork(c.Seed)
	if err := net.Add("E", E); err != nil {
		return nil, err
	}
	if err := net.Add("I", I); err != nil {
		return nil, err
	}
	f := 80 / c.Degree
	exc := synapse.ExpParams{Tau: 5, GMax: 0.6 * f, E: 0}
	inh := synapse.ExpParams{Tau: 10, GMax: 6.7 * f, E: -80}
	prob := c.Degree / float64(c.Neurons)
	for _, p := range []struct {
		name      string
		pre, post *neuron.LIF
		par       synapse.ExpParams
	}{{"E2E", E, E, exc}, {"E2I", E, I, exc}, {"I2E", I, E, inh}, {"I2I", I, I, inh}} {
		conn := connect.ProceduralFixedProb(prob)
		if c.Width > 0 {
			conn = conn.SegmentWidth(c.Width)
		}
		var proj sim.Projection
		if c.Stored {
			proj, err = synapse.NewExpCOBA(p.pre, p.post, conn, p.par)
		} else {
			proj, err = synapse.NewExpCOBAProcedural(p.pre, p.post, conn, p.par)
		}
		if err != nil {
			return nil, fmt.Errorf("ei: Procedural projection %s: %w", p.name, err)
		}
		if err := net.Add(p.name, proj); err != nil {
			return nil, err
		}
	}
	return net, nil
}
