package kernel

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
)

// Cols is the post-major (CSC) view of one block of Rows, for rules that
// visit the synapses onto a post neuron, such as STDP potentiation.
type Cols struct {
	// Ptr has Hi−Lo+1 entries: the synapses onto local post j are entries
	// Ptr[j] … Ptr[j+1]−1 of Syn and Pre.
	Ptr []uint32
	// Syn is the position of each synapse in the block's row order (an
	// index into Idx16/Idx32 and W); within a column it ascends.
	Syn []uint32
	// Pre is the pre neuron of each synapse.
	Pre []uint32
}

// Columns builds the column view of r.
func (r *Rows) Columns() Cols {
	n := r.Hi - r.Lo
	nnz := r.NNZ()
	c := Cols{Ptr: make([]uint32, n+1), Syn: make([]uint32, nnz), Pre: make([]uint32, nnz)}
	post := func(q uint32) int {
		if r.Idx16 != nil {
			return int(r.Idx16[q])
		}
		return int(r.Idx32[q])
	}
	for q := uint32(0); q < uint32(nnz); q++ {
		c.Ptr[post(q)+1]++
	}
	for j := 0; j < n; j++ {
		c.Ptr[j+1] += c.Ptr[j]
	}
	next := append([]uint32(nil), c.Ptr[:n]...)
	npre := len(r.Ptr) - 1
	for i := 0; i < npre; i++ {
		for q := r.Ptr[i]; q < r.Ptr[i+1]; q++ {
			j := post(q)
			c.Syn[next[j]], c.Pre[next[j]] = q, uint32(i)
			next[j]++
		}
	}
	return c
}

// Bytes returns the memory held by the column view.
func (c *Cols) Bytes() int { return 4 * (len(c.Ptr) + len(c.Syn) + len(c.Pre)) }

// Positions returns, for every block of the post partition bounds, the CSR
// position (index into c.Indices) of each of the block's synapses, in the
// order Split stores them. It maps block-ordered per-synapse data back to
// the connector's order.
func Positions(c *connect.CSR, posts Posts) ([][]uint32, error) {
	if uint64(c.NNZ()) > math.MaxUint32 {
		return nil, fmt.Errorf("kernel: %d synapses: at most %d for per-synapse positions", c.NNZ(), uint32(math.MaxUint32))
	}
	if err := posts.check(c.NPost); err != nil {
		return nil, err
	}
	nb := len(posts.Bounds) - 1
	block := posts.blockMap(c.NPost) // −1: a post neuron of another rank
	counts := make([]int, nb)
	for _, j := range c.Indices {
		if b := block[j]; b >= 0 {
			counts[b]++
		}
	}
	out := make([][]uint32, nb)
	for b := range out {
		out[b] = make([]uint32, 0, counts[b])
	}
	for q, j := range c.Indices {
		if b := block[j]; b >= 0 {
			out[b] = append(out[b], uint32(q))
		}
	}
	return out, nil
}
