//go:build mpi

package dist

/*
#cgo pkg-config: ompi-c
#include <mpi.h>

static int bs_init(int *provided) {
	int flag = 0;
	MPI_Initialized(&flag);
	if (flag) {
		return MPI_Query_thread(provided);
	}
	return MPI_Init_thread(NULL, NULL, MPI_THREAD_SERIALIZED, provided);
}
static int bs_serialized(void) { return MPI_THREAD_SERIALIZED; }
static int bs_rank(int *r) { return MPI_Comm_rank(MPI_COMM_WORLD, r); }
static int bs_size(int *s) { return MPI_Comm_size(MPI_COMM_WORLD, s); }
static int bs_counts(int n, int *counts) {
	return MPI_Allgather(&n, 1, MPI_INT, counts, 1, MPI_INT, MPI_COMM_WORLD);
}
static int bs_gather_i32(const void *send, int n, void *recv, const int *counts, const int *displs) {
	return MPI_Allgatherv(send, n, MPI_INT32_T, recv, counts, displs, MPI_INT32_T, MPI_COMM_WORLD);
}
static int bs_gather_f64(const void *send, int n, void *recv, const int *counts, const int *displs) {
	return MPI_Allgatherv(send, n, MPI_DOUBLE, recv, counts, displs, MPI_DOUBLE, MPI_COMM_WORLD);
}
static int bs_a2a_counts(const int *send, int *recv) {
	return MPI_Alltoall(send, 1, MPI_INT, recv, 1, MPI_INT, MPI_COMM_WORLD);
}
static int bs_a2a_i32(const void *send, const int *scounts, const int *sdispls, void *recv, const int *rcounts, const int *rdispls) {
	return MPI_Alltoallv(send, scounts, sdispls, MPI_INT32_T, recv, rcounts, rdispls, MPI_INT32_T, MPI_COMM_WORLD);
}
static int bs_finalize(void) { return MPI_Finalize(); }
static int bs_abort(int code) { return MPI_Abort(MPI_COMM_WORLD, code); }
*/
import "C"

import (
	"fmt"
	"math"
	"unsafe"
)

// MPI is the transport of a process started by mpirun: MPI_COMM_WORLD,
// with MPI_Allgatherv and MPI_Alltoallv for the exchanges (two calls each:
// the counts, then the values). Calls come from one goroutine at a time
// (MPI_THREAD_SERIALIZED).
type MPI struct {
	rank, size int
	counts     []C.int
	displs     []C.int
	scounts    []C.int // all-to-all: what this rank sends to each
	sdispls    []C.int
	stats      Stats
	closed     bool
}

// NewMPI initialises MPI (once per process) and returns the world
// communicator's transport.
func NewMPI() (*MPI, error) {
	var provided C.int
	if rc := C.bs_init(&provided); rc != C.MPI_SUCCESS {
		return nil, fmt.Errorf("dist: MPI_Init_thread failed (error %d)", int(rc))
	}
	if provided < C.bs_serialized() {
		return nil, fmt.Errorf("dist: MPI provides thread level %d, brainsim needs MPI_THREAD_SERIALIZED", int(provided))
	}
	var r, s C.int
	if C.bs_rank(&r) != C.MPI_SUCCESS || C.bs_size(&s) != C.MPI_SUCCESS {
		return nil, fmt.Errorf("dist: MPI_Comm_rank/size failed")
	}
	n := int(s)
	return &MPI{rank: int(r), size: n, counts: make([]C.int, n), displs: make([]C.int, n), scounts: make([]C.int, n), sdispls: make([]C.int, n)}, nil
}

// Rank implements Transport.
func (m *MPI) Rank() int { return m.rank }

// Size implements Transport.
func (m *MPI) Size() int { return m.size }

// Stats implements Counter.
func (m *MPI) Stats() Stats { return m.stats }

// layout gathers every rank's count and computes the displacements.
func (m *MPI) layout(n int) (int, error) {
	if n > math.MaxInt32 {
		return 0, fmt.Errorf("dist: MPI: %d values in one message: at most %d", n, math.MaxInt32)
	}
	if rc := C.bs_counts(C.int(n), &m.counts[0]); rc != C.MPI_SUCCESS {
		return 0, fmt.Errorf("dist: MPI_Allgather of the counts failed (error %d)", int(rc))
	}
	return m.displace()
}

// displace sets the receive displacements from m.counts and returns the
// number of values to receive.
func (m *MPI) displace() (int, error) {
	total := 0
	for q, c := range m.counts {
		m.displs[q] = C.int(total)
		total += int(c)
		if total > math.MaxInt32 {
			return 0, fmt.Errorf("dist: MPI: %d values in one exchange: at most %d", total, math.MaxInt32)
		}
	}
	return total, nil
}

// buffers returns recv grown to total values and the C pointers of send
// and recv (nil when empty).
func buffers[T int32 | float64](send, recv []T, total int) ([]T, unsafe.Pointer, unsafe.Pointer) {
	if cap(recv) < total {
		recv = make([]T, total)
	}
	recv = recv[:total]
	var sp, rp unsafe.Pointer
	if len(send) > 0 {
		sp = unsafe.Pointer(&send[0])
	}
	if total > 0 {
		rp = unsafe.Pointer(&recv[0])
	}
	return recv, sp, rp
}

func (m *MPI) outCounts(counts []int) []int {
	counts = counts[:0]
	for _, c := range m.counts {
		counts = append(counts, int(c))
	}
	return counts
}

// AllgatherInt32 implements Transport.
func (m *MPI) AllgatherInt32(send, recv []int32, counts []int) ([]int32, []int, error) {
	return gather(m, send, recv, counts, 4, func(sp unsafe.Pointer, n C.int, rp unsafe.Pointer) C.int {
		return C.bs_gather_i32(sp, n, rp, &m.counts[0], &m.displs[0])
	})
}

// AllgatherFloat64 implements Transport.
func (m *MPI) AllgatherFloat64(send, recv []float64, counts []int) ([]float64, []int, error) {
	return gather(m, send, recv, counts, 8, func(sp unsafe.Pointer, n C.int, rp unsafe.Pointer) C.int {
		return C.bs_gather_f64(sp, n, rp, &m.counts[0], &m.displs[0])
	})
}

// gather is the Allgatherv of values of size bytes: the counts first, then
// call with the send and receive buffers.
func gather[T int32 | float64](m *MPI, send, recv []T, counts []int, size int64, call func(unsafe.Pointer, C.int, unsafe.Pointer) C.int) ([]T, []int, error) {
	total, err := m.layout(len(send))
	if err != nil {
		return recv, counts, err
	}
	recv, sp, rp := buffers(send, recv, total)
	if rc := call(sp, C.int(len(send)), rp); rc != C.MPI_SUCCESS {
		return recv, counts, fmt.Errorf("dist: MPI_Allgatherv failed (error %d)", int(rc))
	}
	m.stats.Calls++ // one collective operation (two MPI calls: counts, values)
	m.stats.SentBytes += size * int64(len(send))
	m.stats.RecvBytes += size * int64(total)
	return recv, m.outCounts(counts), nil
}

// AlltoallInt32 implements Transport: MPI_Alltoall of the counts, then
// MPI_Alltoallv of the values.
func (m *MPI) AlltoallInt32(send []int32, sendCounts []int, recv []int32, recvCounts []int) ([]int32, []int, error) {
	if err := checkCounts(send, sendCounts, m.size); err != nil {
		return recv, recvCounts, err
	}
	if len(send) > math.MaxInt32 {
		return recv, recvCounts, fmt.Errorf("dist: MPI: %d values in one message: at most %d", len(send), math.MaxInt32)
	}
	off := 0
	for q, c := range sendCounts {
		m.scounts[q], m.sdispls[q] = C.int(c), C.int(off)
		off += c
	}
	if rc := C.bs_a2a_counts(&m.scounts[0], &m.counts[0]); rc != C.MPI_SUCCESS {
		return recv, recvCounts, fmt.Errorf("dist: MPI_Alltoall of the counts failed (error %d)", int(rc))
	}
	total, err := m.displace()
	if err != nil {
		return recv, recvCounts, err
	}
	recv, sp, rp := buffers(send, recv, total)
	if rc := C.bs_a2a_i32(sp, &m.scounts[0], &m.sdispls[0], rp, &m.counts[0], &m.displs[0]); rc != C.MPI_SUCCESS {
		return recv, recvCounts, fmt.Errorf("dist: MPI_Alltoallv failed (error %d)", int(rc))
	}
	m.stats.Calls++
	m.stats.SentBytes += 4 * int64(len(send))
	m.stats.RecvBytes += 4 * int64(total)
	return recv, m.outCounts(recvCounts), nil
}

// Close implements Transport: MPI_Finalize, collectively.
func (m *MPI) Close() error {
	if m.closed {
		return nil
	}
	m.closed = true
	if rc := C.bs_finalize(); rc != C.MPI_SUCCESS {
		return fmt.Errorf("dist: MPI_Finalize failed (error %d)", int(rc))
	}
	return nil
}

// Abort ends every rank of the job (MPI_Abort), for a rank that cannot
// continue and cannot tell the others in an exchange.
func (m *MPI) Abort(code int) { C.bs_abort(C.int(code)) }

// Available reports whether this build has MPI support.
func Available() bool { return true }
