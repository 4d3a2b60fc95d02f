package dist

import (
	"errors"
	"fmt"
	"sync"
)

// ErrClosed is returned by a collective call after a rank of an in-process
// group closed it or gave up.
var ErrClosed = errors.New("dist: the in-process group is closed")

// group is the shared state of the ranks of InProcess.
type group struct {
	mu     sync.Mutex
	cond   *sync.Cond
	size   int
	round  int64 // collective calls completed
	posted int   // ranks that posted in the current call
	read   int   // ranks that read the result of the current call
	i32    [][]int32
	f64    [][]float64
	cnt    [][]int // the send counts of an all-to-all
	closed bool
}

// Rank is one rank of an in-process group.
type Rank struct {
	g     *group
	rank  int
	stats Stats
}

// InProcess returns the n ranks of a group whose collectives run between
// goroutines of this process: each rank must be used by one goroutine,
// and all of them must make the same calls in the same order.
func InProcess(n int) ([]*Rank, error) {
	if n < 1 || n > 1<<16 {
		return nil, fmt.Errorf("dist: InProcess(%d): the number of ranks must be in [1, 65536]", n)
	}
	g := &group{size: n, i32: make([][]int32, n), f64: make([][]float64, n), cnt: make([][]int, n)}
	g.cond = sync.NewCond(&g.mu)
	rs := make([]*Rank, n)
	for r := range rs {
		rs[r] = &Rank{g: g, rank: r}
	}
	return rs, nil
}

// Rank implements Transport.
func (r *Rank) Rank() int { return r.rank }

// Size implements Transport.
func (r *Rank) Size() int { return r.g.size }

// Stats implements Counter.
func (r *Rank) Stats() Stats { return r.stats }

// exchange posts this rank's contribution, waits until every rank has
// posted, lets gather read all of them, and waits until every rank has
// read before the buffers may be reused (two phases per call).
func (r *Rank) exchange(post func(), gather func()) error {
	g := r.g
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return ErrClosed
	}
	round := g.round
	post()
	g.posted++
	if g.posted == g.size {
		g.cond.Broadcast()
	}
	for g.posted < g.size && !g.closed && g.round == round {
		g.cond.Wait()
	}
	if g.closed {
		return ErrClosed
	}
	gather()
	g.read++
	if g.read == g.size {
		g.posted, g.read = 0, 0
		g.round++
		g.cond.Broadcast()
	}
	for g.round == round && !g.closed {
		g.cond.Wait()
	}
	if g.closed && g.round == round {
		return ErrClosed
	}
	r.stats.Calls++
	return nil
}

// AllgatherInt32 implements Transport.
func (r *Rank) AllgatherInt32(send, recv []int32, counts []int) ([]int32, []int, error) {
	counts = counts[:0]
	recv = recv[:0]
	err := r.exchange(func() { r.g.i32[r.rank] = send }, func() {
		for _, s := range r.g.i32 {
			counts = append(counts, len(s))
			recv = append(recv, s...)
		}
	})
	r.stats.SentBytes += 4 * int64(len(send))
	r.stats.RecvBytes += 4 * int64(len(recv))
	return recv, counts, err
}

// AllgatherFloat64 implements Transport.
func (r *Rank) AllgatherFloat64(send, recv []float64, counts []int) ([]float64, []int, error) {
	counts = counts[:0]
	recv = recv[:0]
	err := r.exchange(func() { r.g.f64[r.rank] = send }, func() {
		for _, s := range r.g.f64 {
			counts = append(counts, len(s))
			recv = append(recv, s...)
		}
	})
	r.stats.SentBytes += 8 * int64(len(send))
	r.stats.RecvBytes += 8 * int64(len(recv))
	return recv, counts, err
}

// AlltoallInt32 implements Transport.
func (r *Rank) AlltoallInt32(send []int32, sendCounts []int, recv []int32, recvCounts []int) ([]int32, []int, error) {
	if err := checkCounts(send, sendCounts, r.g.size); err != nil {
		return recv, recvCounts, err
	}
	recvCounts = recvCounts[:0]
	recv = recv[:0]
	err := r.exchange(func() { r.g.i32[r.rank], r.g.cnt[r.rank] = send, sendCounts }, func() {
		for q, s := range r.g.i32 {
			off := 0
			for _, c := range r.g.cnt[q][:r.rank] {
				off += c
			}
			c := r.g.cnt[q][r.rank]
			recvCounts = append(recvCounts, c)
			recv = append(recv, s[off:off+c]...)
		}
	})
	r.stats.SentBytes += 4 * int64(len(send))
	r.stats.RecvBytes += 4 * int64(len(recv))
	return recv, recvCounts, err
}

// Close implements Transport: it ends the group for every rank, so that a
// rank that stopped on an error does not leave the others waiting.
func (r *Rank) Close() error {
	g := r.g
	g.mu.Lock()
	g.closed = true
	g.cond.Broadcast()
	g.mu.Unlock()
	return nil
}
