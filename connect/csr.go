package connect

import (
	"fmt"
)

// CSR is compressed-sparse-row connectivity from NPre presynaptic to NPost
// postsynaptic neurons. Row i holds the post indices of the synapses of pre
// neuron i, Indices[Indptr[i]:Indptr[i+1]], in the order the connector
// produced them; synapse q is the q-th entry of Indices, which is also the
// index of its per-synapse weight or delay. Duplicate entries are separate
// synapses.
type CSR struct {
	NPre, NPost int
	Indptr      []int64  // len NPre+1, Indptr[0] = 0, non-decreasing
	Indices     []uint32 // len Indptr[NPre]; each < NPost
}

// NNZ returns the number of synapses.
func (c *CSR) NNZ() int { return len(c.Indices) }

// Row returns the post indices of pre neuron i (a sub-slice, not a copy).
func (c *CSR) Row(i int) []uint32 { return c.Indices[c.Indptr[i]:c.Indptr[i+1]] }

// Validate checks the structural invariants and reports the first violation.
func (c *CSR) Validate() error {
	if c.NPre < 0 || c.NPost < 0 {
		return fmt.Errorf("connect: CSR sizes NPre=%d, NPost=%d: must be >= 0", c.NPre, c.NPost)
	}
	if len(c.Indptr) != c.NPre+1 {
		return fmt.Errorf("connect: CSR Indptr has length %d: must be NPre+1 = %d", len(c.Indptr), c.NPre+1)
	}
	if c.Indptr[0] != 0 {
		return fmt.Errorf("connect: CSR Indptr[0] = %d: must be 0", c.Indptr[0])
	}
	for i := 0; i < c.NPre; i++ {
		if c.Indptr[i+1] < c.Indptr[i] {
			return fmt.Errorf("connect: CSR Indptr[%d] = %d < Indptr[%d] = %d: must be non-decreasing", i+1, c.Indptr[i+1], i, c.Indptr[i])
		}
	}
	if int64(len(c.Indices)) != c.Indptr[c.NPre] {
		return fmt.Errorf("connect: CSR has %d indices but Indptr[NPre] = %d", len(c.Indices), c.Indptr[c.NPre])
	}
	for q, j := range c.Indices {
		if int(j) >= c.NPost {
			return fmt.Errorf("connect: CSR Indices[%d] = %d: post index must be in [0, %d)", q, j, c.NPost)
		}
	}
	return nil
}

// OutDegrees returns the number of synapses of every pre neuron.
func (c *CSR) OutDegrees() []int {
	d := make([]int, c.NPre)
	for i := range d {
		d[i] = int(c.Indptr[i+1] - c.Indptr[i])
	}
	return d
}

// InDegrees returns the number of synapses onto every post neuron.
func (c *CSR) InDegrees() []int {
	d := make([]int, c.NPost)
	for _, j := range c.Indices {
		d[j]++
	}
	return d
}

// Connector builds connectivity between two populations.
type Connector interface {
	// Connect builds the CSR from nPre to nPost neurons. seed is the
	// network-derived seed; a connector with its own seed uses that instead.
	// The result is a pure function of the arguments and the connector.
	Connect(nPre, nPost int, seed uint64) (*CSR, error)
	// String describes the connector, e.g. "FixedProb(0.02)".
	String() string
}

// RowConnector is a connector whose rows can be generated one at a time, each
// a pure function of (seed, pre index), so a row can be regenerated on the
// fly (procedural connectivity) or built by the partition that owns it.
type RowConnector interface {
	Connector
	// Check validates the connector for the given sizes.
	Check(nPre, nPost int) error
	// AppendRow appends the post indices of pre neuron i to dst, exactly as
	// Connect would place them in row i, and returns the extended slice.
	AppendRow(dst []uint32, i, nPre, nPost int, seed uint64) []uint32
}
