package connect

// Expecter is implemented by connectors that can tell, before building
// anything, how many synapses they will make on average, so that a
// simulator can refuse a connectivity that would not fit in memory (or
// would take hours to draw) before it starts.
type Expecter interface {
	// Expected returns the mean number of synapses from nPre to nPost
	// neurons.
	Expected(nPre, nPost int) float64
}

// Expected returns c's mean synapse count when c is an Expecter.
func Expected(c Connector, nPre, nPost int) (float64, bool) {
	if e, ok := c.(Expecter); ok {
		return e.Expected(nPre, nPost), true
	}
	return 0, false
}

// pairs is the number of (pre, post) pairs, without i→i when excl.
func pairs(nPre, nPost int, excl bool) float64 {
	n := float64(nPre) * float64(nPost)
	if excl {
		n -= float64(min(nPre, nPost))
	}
	return n
}

// Expected implements Expecter.
func (c *FixedProbConn) Expected(nPre, nPost int) float64 {
	return c.prob * pairs(nPre, nPost, c.excludeSelf)
}

// Expected implements Expecter.
func (c *ProceduralFixedProbConn) Expected(nPre, nPost int) float64 {
	return c.prob * pairs(nPre, nPost, c.excludeSelf)
}

// Expected implements Expecter.
func (c *FixedPostNumConn) Expected(nPre, _ int) float64 { return float64(nPre) * float64(c.num) }

// Expected implements Expecter.
func (c *FixedPreNumConn) Expected(_, nPost int) float64 { return float64(nPost) * float64(c.num) }

// Expected implements Expecter.
func (c *FixedTotalNumConn) Expected(int, int) float64 { return float64(c.num) }

// Expected implements Expecter.
func (c *All2AllConn) Expected(nPre, nPost int) float64 { return pairs(nPre, nPost, c.excludeSelf) }

// Expected implements Expecter.
func (c *One2OneConn) Expected(nPre, nPost int) float64 { return float64(min(nPre, nPost)) }

// Expected implements Expecter: an upper bound, the neighbours of every
// pre neuron (fewer at the borders of a non-periodic grid).
func (c *GridConn) Expected(nPre, _ int) float64 {
	k := 8
	switch {
	case c.four:
		k = 4
	case c.n > 0:
		k = (2*c.n+1)*(2*c.n+1) - 1
	}
	if c.includeSelf {
		k++
	}
	return float64(nPre) * float64(k)
}

// Expected implements Expecter: k neighbours per neuron.
func (c *SmallWorldConn) Expected(nPre, _ int) float64 { return float64(nPre) * float64(c.k) }
