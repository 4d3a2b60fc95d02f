package sim

import (
	"fmt"
	"strings"

	"github.com/brainsim/brainsim/dist"
)

// Exchange says how the ranks of a split network send each other their
// spikes (Options.Exchange). Results do not depend on it.
type Exchange int

const (
	// Allgather sends every spike to every rank, in one MPI_Allgatherv per
	// interval: a rank receives all the network's spikes, whether its
	// synapses read them or not. The default.
	Allgather Exchange = iota
	// Alltoall sends each rank only the spikes it reads, in one
	// MPI_Alltoallv per interval: those of the pre neurons with a synapse
	// on it (as projections that implement PreSelector tell; a projection
	// that does not reads all of its pre population's spikes), and every
	// spike of a population a spike monitor records (every rank holds the
	// results). It pays when the ranks outnumber a neuron's targets or the
	// connectivity is local (docs/distributed.md).
	Alltoall
)

// String returns "allgather" or "alltoall".
func (e Exchange) String() string {
	switch e {
	case Allgather:
		return "allgather"
	case Alltoall:
		return "alltoall"
	}
	return fmt.Sprintf("Exchange(%d)", int(e))
}

// ParseExchange reads "allgather" or "alltoall".
func ParseExchange(s string) (Exchange, error) {
	for _, e := range []Exchange{Allgather, Alltoall} {
		if strings.EqualFold(s, e.String()) {
			return e, nil
		}
	}
	return 0, fmt.Errorf("sim: exchange %q: must be \"allgather\" or \"alltoall\"", s)
}

// PreSelector is implemented by projections that can tell which pre
// neurons' spikes they read on this rank: MarkPre sets mark[i] (one flag
// per pre neuron) for every pre neuron i that has a synapse here, leaving
// the other flags as they are. With Options.Exchange = Alltoall a rank
// receives only the spikes some node of it reads.
type PreSelector interface {
	MarkPre(mark []bool)
}

// setupRoutes finds, for the Alltoall exchange, which of this rank's
// neurons every rank reads: each rank marks the pre neurons it reads, and
// one all-to-all hands every rank the marks of its own neurons, one bit
// each. route[p][d] is then the bit set of this rank's neurons of p that
// rank d reads, or nil when d reads them all.
func (r *Runner) setupRoutes() error {
	rk := r.ranks
	np := len(r.net.pops)
	all := make([]bool, np) // every rank reads every spike of p
	for _, m := range r.mons {
		if m.pop >= 0 {
			all[m.pop] = true
		}
	}
	var send []int32
	counts := make([]int, rk.size)
	uses := make([][]bool, np)
	for p, node := range r.net.pops {
		if all[p] {
			continue
		}
		uses[p] = make([]bool, node.pop.Size())
		for _, pj := range r.net.projs {
			if pj.pre != p {
				continue
			}
			if s, ok := pj.proj.(PreSelector); ok {
				s.MarkPre(uses[p])
			} else {
				all[p] = true
				break
			}
		}
	}
	for d := range rk.size {
		n := len(send)
		for p, u := range uses {
			if all[p] {
				continue
			}
			send = appendBits(send, u, r.shareOf(p, d))
		}
		counts[d] = len(send) - n
	}
	recv, rc, err := rk.tr.AlltoallInt32(send, counts, nil, nil)
	if err != nil {
		return fmt.Errorf("sim: finding which ranks read which spikes: %w", err)
	}
	rk.route = make([][][]uint32, np)
	off := 0
	for src := range rk.size {
		msg := recv[off : off+rc[src]]
		off += rc[src]
		for p := range np {
			if all[p] {
				continue
			}
			if rk.route[p] == nil {
				rk.route[p] = make([][]uint32, rk.size)
			}
			w := (r.local(p) + 31) / 32
			if len(msg) < w {
				return fmt.Errorf("sim: rank %d sent a malformed route", src)
			}
			if src != rk.rank { // this rank keeps all its own spikes
				rk.route[p][src] = asWords(msg[:w])
			}
			msg = msg[w:]
		}
	}
	return nil
}

// appendBits packs the flags of the share sh's neurons into 32-bit words.
func appendBits(dst []int32, flags []bool, sh dist.Share) []int32 {
	for i := 0; i < sh.N; i += 32 {
		var w uint32
		for j := range min(32, sh.N-i) {
			if flags[sh.Global(i+j)] {
				w |= 1 << j
			}
		}
		dst = append(dst, int32(w))
	}
	return dst
}

func asWords(m []int32) []uint32 {
	w := make([]uint32, len(m))
	for i, x := range m {
		w[i] = uint32(x)
	}
	return w
}

// routed appends to dst the spikes (global indices of this rank's share
// sh) that bits selects, or all of them when bits is nil.
func routed(dst, spikes []int32, bits []uint32, sh dist.Share) []int32 {
	if bits == nil {
		return append(dst, spikes...)
	}
	for _, i := range spikes {
		j := sh.Local(int(i))
		if bits[j>>5]&(1<<(j&31)) != 0 {
			dst = append(dst, i)
		}
	}
	return dst
}
