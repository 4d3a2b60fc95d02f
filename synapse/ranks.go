package synapse

// What a network split over ranks needs from projections: the smallest
// spike latency in steps each one reads (sim.MinLagger; the ranks exchange
// spikes once per interval of the network's smallest latency), and whether
// it keeps per-synapse state (sim.SynapseStateful).

// MinLag implements sim.MinLagger.
func (e *Exp) MinLag() int { return e.lag }

// MinLag implements sim.MinLagger.
func (s *STDP) MinLag() int { return s.lag }

// MinLag implements sim.MinLagger: a gap junction reads the previous step.
func (g *GapJunction) MinLag() int { return 1 }

// MinLag implements sim.MinLagger.
func (l *linear) MinLag() int { return l.w.minLag() }

// MinLag implements sim.MinLagger.
func (p *alignPre) MinLag() int { return p.w.minLag() }

// minLag is the smallest latency of the wiring's groups (ascending).
func (w *wiring) minLag() int {
	if len(w.groups) == 0 {
		return w.maxLag
	}
	return w.groups[0].lag
}

// PerSynapseState implements sim.SynapseStateful: the weights are plastic.
func (s *STDP) PerSynapseState() bool { return true }

// PerSynapseState implements sim.SynapseStateful: per-synapse variables.
func (s *EqSynapses) PerSynapseState() bool { return true }
