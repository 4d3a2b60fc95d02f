package kernel

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/connect"
)

// Rows is a CSR restricted to the post neurons [Lo, Hi) of one block, with
// post indices stored relative to Lo.
type Rows struct {
	Lo, Hi int       // the block's post neurons, local indices of the share (Posts)
	Ptr    []uint32  // len NPre+1
	Idx16  []uint16  // local post indices when Hi−Lo <= 65536, else nil
	Idx32  []uint32  // local post indices otherwise
	W      []float32 // per-synapse weights in row order, or nil
}

// NNZ returns the number of synapses in the block.
func (r *Rows) NNZ() int { return int(r.Ptr[len(r.Ptr)-1]) }

// Bytes returns the memory held by the block's connectivity and weights.
func (r *Rows) Bytes() int {
	return 4*len(r.Ptr) + 2*len(r.Idx16) + 4*len(r.Idx32) + 4*len(r.W)
}

// Split distributes the synapses of c over the blocks of the post share
// posts, keeping row order; w (per-synapse weights in CSR order) may be nil.
// reserve (nil: guard.Check against the memory available) is asked for the
// bytes of the result before they are allocated.
func Split(c *connect.CSR, posts Posts, w []float32, reserve Reserve) ([]Rows, error) {
	if reserve == nil {
		reserve = checkAvailable
	}
	if w != nil && len(w) != c.NNZ() {
		return nil, fmt.Errorf("kernel: %d weights for %d synapses", len(w), c.NNZ())
	}
	if err := posts.check(c.NPost); err != nil {
		return nil, err
	}
	bounds := posts.Bounds
	nb := len(bounds) - 1
	block := posts.blockMap(c.NPost)
	out := make([]Rows, nb)
	counts := make([]int64, nb)
	for _, j := range c.Indices {
		if b := block[j]; b >= 0 {
			counts[b]++
		}
	}
	var bytes int64
	for b := range out {
		each := int64(2) // the index, as SplitRows counts it (checkSynapseBytes)
		if bounds[b+1]-bounds[b] > 1<<16 {
			each = 4
		}
		if w != nil {
			each += 4
		}
		bytes += counts[b] * each
	}
	if err := reserve(fmt.Sprintf("kernel: splitting %d synapses into %d blocks", c.NNZ(), nb), 1, bytes+int64(nb)*int64(c.NPre+1)*4); err != nil {
		return nil, err
	}
	for b := range out {
		if counts[b] > math.MaxUint32 {
			return nil, fmt.Errorf("kernel: block %d holds %d synapses: at most %d per block (use more threads)", b, counts[b], uint32(math.MaxUint32))
		}
		r := &out[b]
		r.Lo, r.Hi = bounds[b], bounds[b+1]
		r.Ptr = make([]uint32, c.NPre+1)
		if r.Hi-r.Lo <= 1<<16 {
			r.Idx16 = make([]uint16, 0, counts[b])
		} else {
			r.Idx32 = make([]uint32, 0, counts[b])
		}
		if w != nil {
			r.W = make([]float32, 0, counts[b])
		}
	}
	for i := 0; i < c.NPre; i++ {
		for q := c.Indptr[i]; q < c.Indptr[i+1]; q++ {
			j := c.Indices[q]
			if block[j] < 0 {
				continue // another rank's post
			}
			r := &out[block[j]]
			if x := posts.index(int(j), r.Lo); r.Idx16 != nil {
				r.Idx16 = append(r.Idx16, uint16(x))
			} else {
				r.Idx32 = append(r.Idx32, uint32(x))
			}
			if w != nil {
				r.W = append(r.W, w[q])
			}
		}
		for b := range out {
			out[b].Ptr[i+1] = uint32(len(out[b].Idx16) + len(out[b].Idx32))
		}
	}
	return out, nil
}

// AddScalar adds w to g[local post] for every synapse of every spiking row
// (g is the block's slice, indexed locally).
func (r *Rows) AddScalar(g []float64, spikes []int32, w float64) {
	if r.Idx16 != nil {
		addScalar(g, r.Ptr, r.Idx16, spikes, w)
	} else {
		addScalar(g, r.Ptr, r.Idx32, spikes, w)
	}
}

// AddWeighted adds each synapse's own weight for every spiking row.
func (r *Rows) AddWeighted(g []float64, spikes []int32) { r.AddWeightedTimes(g, spikes, 1) }

// AddWeightedTimes adds each synapse's own weight times c for every
// spiking row (c = 1 adds the weights exactly).
func (r *Rows) AddWeightedTimes(g []float64, spikes []int32, c float64) {
	if r.Idx16 != nil {
		addWeighted(g, r.Ptr, r.Idx16, r.W, spikes, c)
	} else {
		addWeighted(g, r.Ptr, r.Idx32, r.W, spikes, c)
	}
}

func addScalar[I uint16 | uint32](g []float64, ptr []uint32, idx []I, spikes []int32, w float64) {
	for _, i := range spikes {
		for _, j := range idx[ptr[i]:ptr[i+1]] {
			g[j] += w
		}
	}
}

func addWeighted[I uint16 | uint32](g []float64, ptr []uint32, idx []I, wt []float32, spikes []int32, c float64) {
	for _, i := range spikes {
		a, b := ptr[i], ptr[i+1]
		ws := wt[a:b]
		for q, j := range idx[a:b] {
			g[j] += float64(ws[q]) * c
		}
	}
}

// MarkRows sets mark[i] for every pre neuron i whose row holds a synapse
// in one of blocks (the pre neurons whose spikes they read).
func MarkRows(mark []bool, blocks []Rows) {
	for b := range blocks {
		p := blocks[b].Ptr
		for i := 0; i+1 < len(p) && i < len(mark); i++ {
			if p[i+1] > p[i] {
				mark[i] = true
			}
		}
	}
}
