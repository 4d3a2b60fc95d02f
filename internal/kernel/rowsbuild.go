package kernel

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/brainsim/brainsim/internal/guard"
)

// RowFunc appends the post indices of pre neuron i to dst, in row order, and
// returns the extended slice. It must be a pure function of i and safe for
// concurrent calls (connect.RowConnector.AppendRow with fixed sizes and seed
// is one).
type RowFunc func(dst []uint32, i int) []uint32

// WeightFunc returns the per-synapse weights of a connectivity of nnz
// synapses, in CSR order (row after row, each in row order).
type WeightFunc func(nnz int) ([]float32, error)

// chunksPerWorker sets how finely rows are split for load balancing.
const chunksPerWorker = 16

// SplitRows builds the per-block Rows of the connectivity whose row i is
// row(nil, i), without materialising its CSR: the result equals
// Split(csr, posts, w) for that CSR and w = weights(csr.NNZ()).
//
// Rows are generated twice on up to workers goroutines: pass 1 counts the
// synapses of every (block, row) into the blocks' Ptr, pass 2 regenerates
// every row and writes its synapses in place. Both passes only write what
// belongs to their own rows, so the result does not depend on workers.
// Memory is the result plus a block map of 4 bytes per post neuron and one
// row buffer per worker. weights (nil for a scalar weight) is called once,
// between the passes. SplitRows also returns the number of synapses.
//
// reserve (nil: guard.Check against the memory available) is asked for the
// bytes of the result before they are allocated.
func SplitRows(nPre, nPost int, row RowFunc, posts Posts, weights WeightFunc, workers int, reserve Reserve) ([]Rows, int, error) {
	if reserve == nil {
		reserve = checkAvailable
	}
	if err := posts.check(nPost); err != nil {
		return nil, 0, err
	}
	bounds := posts.Bounds
	nb := len(bounds) - 1
	if err := reserve(fmt.Sprintf("kernel: row offsets of %d pre neurons in %d blocks", nPre, nb),
		int64(nb)*int64(nPre+1), 4); err != nil {
		return nil, 0, err
	}
	block := posts.blockMap(nPost)
	out := make([]Rows, nb)
	for b := range out {
		out[b] = Rows{Lo: bounds[b], Hi: bounds[b+1], Ptr: make([]uint32, nPre+1)}
	}
	// With blocks covering only part of the posts (one rank's share), the
	// synapses onto other posts are counted per row, so that a synapse's
	// CSR position, which keys its weight, is the same on every rank.
	var other []uint32
	if posts.partial(nPost) {
		other = make([]uint32, nPre+1)
	}
	nChunks := min(nPre, max(1, workers)*chunksPerWorker)
	chunk := func(k int) (lo, hi int) { return k * nPre / nChunks, (k + 1) * nPre / nChunks }
	errs := make([]error, nChunks)

	// pass 1: Ptr[i+1] = synapses of row i in the block
	forChunks(nChunks, workers, func(k int, buf *[]uint32) {
		lo, hi := chunk(k)
		cnt := make([]uint32, nb)
		for i := lo; i < hi; i++ {
			r := row((*buf)[:0], i)
			*buf = r
			for _, j := range r {
				if int64(j) >= int64(nPost) {
					errs[k] = fmt.Errorf("kernel: row %d has post index %d: must be < nPost = %d", i, j, nPost)
					return
				}
				if b := block[j]; b >= 0 {
					cnt[b]++
				} else {
					other[i+1]++
				}
			}
			for b := range out {
				out[b].Ptr[i+1] = cnt[b]
				cnt[b] = 0
			}
		}
	})
	if err := firstError(errs); err != nil {
		return nil, 0, err
	}
	if err := checkSynapseBytes(out, nPre, weights != nil, 4, reserve); err != nil {
		return nil, 0, err
	}
	all := 0 // synapses onto posts outside the blocks
	for i := 1; i < len(other); i++ {
		all += int(other[i])
		other[i] = uint32(all)
	}
	nnz := 0
	for b := range out {
		r := &out[b]
		var s uint64
		for i := 1; i <= nPre; i++ {
			s += uint64(r.Ptr[i])
			if s > math.MaxUint32 {
				return nil, 0, fmt.Errorf("kernel: block %d holds more than %d synapses (use more threads)", b, uint32(math.MaxUint32))
			}
			r.Ptr[i] = uint32(s)
		}
		nnz += int(s)
		if r.Hi-r.Lo <= 1<<16 {
			r.Idx16 = make([]uint16, s)
		} else {
			r.Idx32 = make([]uint32, s)
		}
	}
	var w []float32
	if weights != nil {
		var err error
		if w, err = weights(nnz + all); err != nil {
			return nil, 0, err
		}
		if len(w) != nnz+all {
			return nil, 0, fmt.Errorf("kernel: %d weights for %d synapses", len(w), nnz+all)
		}
		for b := range out {
			out[b].W = make([]float32, out[b].NNZ())
		}
	}

	// pass 2: regenerate and place every synapse
	forChunks(nChunks, workers, func(k int, buf *[]uint32) {
		lo, hi := chunk(k)
		pos := make([]uint32, nb)
		for i := lo; i < hi; i++ {
			q0 := 0 // CSR offset of row i: the synapses of rows < i onto all posts
			if other != nil {
				q0 = int(other[i])
			}
			for b := range out {
				pos[b] = out[b].Ptr[i]
				q0 += int(pos[b])
			}
			r := row((*buf)[:0], i)
			*buf = r
			for q, j := range r {
				b := block[j]
				if b < 0 {
					continue
				}
				o := &out[b]
				p := pos[b]
				if p >= o.Ptr[i+1] {
					errs[k] = fmt.Errorf("kernel: row %d changed between passes: the row function is not deterministic", i)
					return
				}
				if x := posts.index(int(j), o.Lo); o.Idx16 != nil {
					o.Idx16[p] = uint16(x)
				} else {
					o.Idx32[p] = uint32(x)
				}
				if w != nil {
					o.W[p] = w[q0+q]
				}
				pos[b] = p + 1
			}
			for b := range out {
				if pos[b] != out[b].Ptr[i+1] {
					errs[k] = fmt.Errorf("kernel: row %d changed between passes: the row function is not deterministic", i)
					return
				}
			}
		}
	})
	if err := firstError(errs); err != nil {
		return nil, 0, err
	}
	return out, nnz, nil
}

// Posts is the share of a post population that a projection's blocks
// hold: local post j, the population's neuron Off + j·Stride, lies in
// block b when Bounds[b] <= j < Bounds[b+1]. A zero Stride means 1. On one
// rank Off is 0, Stride 1 and the bounds cover all posts.
type Posts struct {
	Bounds      []int
	Off, Stride int
}

// Contiguous returns the Posts of the blocks [bounds[b], bounds[b+1]) in
// the population's own indices (a contiguous share).
func Contiguous(bounds []int) Posts {
	if len(bounds) == 0 {
		return Posts{}
	}
	local := make([]int, len(bounds))
	for i, b := range bounds {
		local[i] = b - bounds[0]
	}
	return Posts{Bounds: local, Off: bounds[0], Stride: 1}
}

func (p Posts) stride() int { return max(p.Stride, 1) }

// index returns the index of global post g (held by the share) in the
// block starting at local post lo.
func (p Posts) index(g, lo int) int {
	if p.Stride <= 1 { // no division for ranges: this runs per synapse
		return g - p.Off - lo
	}
	return (g-p.Off)/p.Stride - lo
}

// partial reports whether the share is not all of n posts.
func (p Posts) partial(n int) bool {
	nb := len(p.Bounds) - 1
	return p.Off != 0 || p.stride() != 1 || p.Bounds[0] != 0 || p.Bounds[nb] != n
}

// check validates the share against a population of n posts.
func (p Posts) check(n int) error {
	b := p.Bounds
	if len(b) < 2 || b[0] < 0 || p.Off < 0 || p.Stride < 0 {
		return fmt.Errorf("kernel: post blocks %v (offset %d, stride %d): need at least one block and non-negative bounds", b, p.Off, p.Stride)
	}
	for i := 1; i < len(b); i++ {
		if b[i] < b[i-1] {
			return fmt.Errorf("kernel: post blocks %v: must be non-decreasing", b)
		}
	}
	if last := b[len(b)-1]; last > 0 && int64(p.Off)+int64(last-1)*int64(p.stride()) >= int64(n) {
		return fmt.Errorf("kernel: post blocks %v (offset %d, stride %d): must lie within the %d posts", b, p.Off, p.Stride, n)
	}
	return nil
}

// blockMap returns the block of every post neuron, −1 outside the share.
func (p Posts) blockMap(n int) []int32 {
	block := make([]int32, n)
	for j := range block {
		block[j] = -1
	}
	s := p.stride()
	for b := 0; b+1 < len(p.Bounds); b++ {
		for j := p.Bounds[b]; j < p.Bounds[b+1]; j++ {
			block[p.Off+j*s] = int32(b)
		}
	}
	return block
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// forChunks calls fn(k, buf) for k in [0, n) on up to workers goroutines,
// handing chunks out dynamically; buf is a row buffer private to the
// goroutine.
func forChunks(n, workers int, fn func(k int, buf *[]uint32)) {
	workers = min(workers, n)
	if workers <= 1 {
		var buf []uint32
		for k := range n {
			fn(k, &buf)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf []uint32
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				fn(k, &buf)
			}
		})
	}
	wg.Wait()
}

// checkSynapseBytes checks, before the index arrays are allocated, that the
// synapses counted in the blocks' Ptr (entry i+1 is row i's count) fit in
// the memory available: 2 or 4 bytes of index per synapse, plus wBytes for
// per-synapse weights (the drawn values and their copies).
func checkSynapseBytes(out []Rows, nPre int, weighted bool, wBytes int64, reserve Reserve) error {
	var nnz, bytes int64
	for b := range out {
		var s int64
		for _, c := range out[b].Ptr[1:] {
			s += int64(c)
		}
		each := int64(2)
		if out[b].Hi-out[b].Lo > 1<<16 {
			each = 4
		}
		if weighted {
			each += wBytes
		}
		nnz, bytes = nnz+s, bytes+s*each
	}
	return reserve(fmt.Sprintf("kernel: %d synapses from %d pre neurons", nnz, nPre), 1, bytes)
}

// Reserve is asked for n elements of each bytes (what names them) before
// an allocation of that size, and returns an error to refuse it; a
// projection passes sim.Env.Reserve, so that the runner's memory budget
// covers its synapses.
type Reserve func(what string, n, each int64) error

func checkAvailable(what string, n, each int64) error {
	return guard.Check(what, n, each, "use a sparser connector, smaller populations or fewer threads")
}
