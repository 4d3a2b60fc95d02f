package synapse

// MinLag methods: the smallest spike latency in steps each projection
// reads (sim.MinLagger). A network split over ranks exchanges spikes once
// per interval of the smallest latency of all its projections.

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
