package connect

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/brainsim/brainsim/internal/guard"
)

// sparser is the advice of a connectivity too large for memory.
const sparser = "use a sparser connector or smaller populations"

// rowGen appends row i to dst and returns the extended slice. sc is scratch
// space private to the calling goroutine (nil means "allocate as needed");
// the row must not depend on it.
type rowGen func(dst []uint32, i int, sc *scratch) []uint32

// chunksPerWorker sets how finely rows are split for dynamic load balancing.
const chunksPerWorker = 16

// buildRows builds a CSR of nRows rows over nCols columns by calling gen for
// every row on up to workers goroutines. Because every row is a pure function
// of its index, the result does not depend on workers.
//
// When rowLen is non-nil it must return the exact length of row i; rows are
// then written in place, in one pass and without a second copy. Otherwise
// every chunk of rows fills its own buffer (meanLen estimates the mean row
// length, to size it) and the buffers are concatenated.
func buildRows(nRows, nCols, workers int, gen rowGen, rowLen func(i int) int, meanLen float64) (*CSR, error) {
	what := fmt.Sprintf("connect: %d×%d connectivity", nRows, nCols)
	if err := guard.Check(what+" (row offsets)", int64(nRows)+1, 8, ""); err != nil {
		return nil, err
	}
	c := &CSR{NPre: nRows, NPost: nCols, Indptr: make([]int64, nRows+1)}
	nChunks := min(nRows, max(1, workers)*chunksPerWorker)
	bounds := func(k int) (lo, hi int) { return k * nRows / nChunks, (k + 1) * nRows / nChunks }
	if rowLen != nil {
		for i := range nRows {
			c.Indptr[i+1] = c.Indptr[i] + int64(rowLen(i))
		}
		if err := guard.Check(fmt.Sprintf("%s: %d synapses", what, c.Indptr[nRows]), c.Indptr[nRows], 4, sparser); err != nil {
			return nil, err
		}
		c.Indices = make([]uint32, c.Indptr[nRows])
		parallelFor(nChunks, workers, func(k int, sc *scratch) {
			lo, hi := bounds(k)
			for i := lo; i < hi; i++ {
				a, b := c.Indptr[i], c.Indptr[i+1]
				if got := gen(c.Indices[a:a:b], i, sc); int64(len(got)) != b-a {
					panic("connect: internal error: row length differs from its declared length")
				}
			}
		})
		return c, nil
	}
	if err := guard.Check(fmt.Sprintf("%s: about %.4g synapses", what, meanLen*float64(nRows)), 1, int64(min(meanLen*float64(nRows)*8, math.MaxInt64/2)), sparser); err != nil {
		return nil, err
	}
	bufs := make([][]uint32, nChunks)
	parallelFor(nChunks, workers, func(k int, sc *scratch) {
		lo, hi := bounds(k)
		buf := make([]uint32, 0, int(meanLen*float64(hi-lo)*1.02)+16)
		for i := lo; i < hi; i++ {
			n0 := len(buf)
			buf = gen(buf, i, sc)
			c.Indptr[i+1] = int64(len(buf) - n0)
		}
		bufs[k] = buf
	})
	for i := range nRows {
		c.Indptr[i+1] += c.Indptr[i]
	}
	c.Indices = make([]uint32, c.Indptr[nRows])
	parallelFor(nChunks, workers, func(k int, _ *scratch) {
		lo, _ := bounds(k)
		copy(c.Indices[c.Indptr[lo]:], bufs[k])
		bufs[k] = nil
	})
	return c, nil
}

// parallelFor calls fn(k, sc) for k in [0, n) on up to workers goroutines,
// handing out k dynamically. Each goroutine has its own scratch.
func parallelFor(n, workers int, fn func(k int, sc *scratch)) {
	workers = min(workers, n)
	if workers <= 1 {
		sc := new(scratch)
		for k := range n {
			fn(k, sc)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			sc := new(scratch)
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				fn(k, sc)
			}
		})
	}
	wg.Wait()
}
