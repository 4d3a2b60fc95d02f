package dist

import "fmt"

// Transport is a communicator of Size ranks.
type Transport interface {
	// Rank is this rank's index in [0, Size).
	Rank() int
	// Size is the number of ranks.
	Size() int
	// AllgatherInt32 concatenates every rank's send, in rank order, into
	// recv (whose contents it replaces) and returns it with the number of
	// values each rank sent (counts, reused when long enough).
	AllgatherInt32(send, recv []int32, counts []int) ([]int32, []int, error)
	// AllgatherFloat64 is AllgatherInt32 for float64 values.
	AllgatherFloat64(send, recv []float64, counts []int) ([]float64, []int, error)
	// AlltoallInt32 sends every rank r its own block of send: send holds
	// Size blocks in rank order, sendCounts[r] values for rank r. It
	// returns in recv (contents replaced) the blocks every rank sent to
	// this one, in rank order, and their lengths in recvCounts (reused when
	// long enough).
	AlltoallInt32(send []int32, sendCounts []int, recv []int32, recvCounts []int) ([]int32, []int, error)
	// Close releases the transport; it is collective too.
	Close() error
}

// Stats counts what a rank sent, for the communication-volume reports.
type Stats struct {
	Calls     int64 // collective calls
	SentBytes int64 // bytes this rank contributed (a gather's send once; an all-to-all's every block)
	RecvBytes int64 // bytes this rank received (from all ranks, itself included)
}

// Counter is implemented by transports that count their traffic.
type Counter interface {
	Stats() Stats
}

// Local is the transport of a single rank: gathers copy send to recv.
type Local struct{ stats Stats }

// NewLocal returns a one-rank transport.
func NewLocal() *Local { return &Local{} }

// Rank implements Transport.
func (*Local) Rank() int { return 0 }

// Size implements Transport.
func (*Local) Size() int { return 1 }

// AllgatherInt32 implements Transport.
func (l *Local) AllgatherInt32(send, recv []int32, counts []int) ([]int32, []int, error) {
	l.stats.Calls++
	return append(recv[:0], send...), append(counts[:0], len(send)), nil
}

// AllgatherFloat64 implements Transport.
func (l *Local) AllgatherFloat64(send, recv []float64, counts []int) ([]float64, []int, error) {
	l.stats.Calls++
	return append(recv[:0], send...), append(counts[:0], len(send)), nil
}

// AlltoallInt32 implements Transport.
func (l *Local) AlltoallInt32(send []int32, sendCounts []int, recv []int32, recvCounts []int) ([]int32, []int, error) {
	if err := checkCounts(send, sendCounts, 1); err != nil {
		return recv, recvCounts, err
	}
	l.stats.Calls++
	return append(recv[:0], send...), append(recvCounts[:0], len(send)), nil
}

// checkCounts refuses sendCounts that do not give one block per rank of
// a size-rank group adding up to len(send).
func checkCounts(send []int32, sendCounts []int, size int) error {
	if len(sendCounts) != size {
		return fmt.Errorf("dist: Alltoall: %d send counts for %d ranks: need one per rank", len(sendCounts), size)
	}
	n := 0
	for r, c := range sendCounts {
		if c < 0 {
			return fmt.Errorf("dist: Alltoall: send count %d for rank %d: must be >= 0", c, r)
		}
		n += c
	}
	if n != len(send) {
		return fmt.Errorf("dist: Alltoall: the send counts add up to %d, the send buffer holds %d", n, len(send))
	}
	return nil
}

// Close implements Transport.
func (*Local) Close() error { return nil }

// Stats implements Counter.
func (l *Local) Stats() Stats { return l.stats }

// Range returns the part [lo, hi) of n items that rank r of size ranks
// owns: contiguous ranges of near-equal size, in rank order.
func Range(n, r, size int) (lo, hi int) {
	return int(int64(n) * int64(r) / int64(size)), int(int64(n) * int64(r+1) / int64(size))
}

// check validates a rank layout.
func check(rank, size int) error {
	if size < 1 || rank < 0 || rank >= size {
		return fmt.Errorf("dist: rank %d of %d: need 0 <= rank < size, size >= 1", rank, size)
	}
	return nil
}
