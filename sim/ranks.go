package sim

import (
	"fmt"

	"github.com/brainsim/brainsim/dist"
)

// ranks is a runner's share of a network split over several ranks: every
// population's neurons [lo, hi) of this rank, and the buffers of the
// per-step exchange.
type ranks struct {
	tr         dist.Transport
	rank, size int
	lo, hi     []int // per population: this rank's neurons
	send, recv []int32
	counts     []int
	fsend      []float64
	frecv      []float64
	fcounts    []int
	stopped    bool // a rank asked to stop (cancellation) in the last exchange
}

// Message layout of the per-step exchange: a status word, a stop word,
// then the spike count of every population, then the spikes.
const (
	statusOK   = 0
	statusFail = 1
)

// setupRanks splits the populations over the ranks of opt.Transport and
// returns the neuron range [lo, hi) of population p for this rank.
func (r *Runner) setupRanks() error {
	t := r.opt.Transport
	if t == nil || t.Size() == 1 {
		return nil
	}
	rk := &ranks{tr: t, rank: t.Rank(), size: t.Size()}
	if rk.rank < 0 || rk.rank >= rk.size {
		return fmt.Errorf("sim: Options.Transport: rank %d of %d", rk.rank, rk.size)
	}
	for _, p := range r.net.pops {
		lo, hi := dist.Range(p.pop.Size(), rk.rank, rk.size)
		rk.lo, rk.hi = append(rk.lo, lo), append(rk.hi, hi)
	}
	r.ranks = rk
	return nil
}

// localRange returns population p's neurons on this rank.
func (r *Runner) localRange(p int) (lo, hi int) {
	if r.ranks == nil {
		return 0, r.net.pops[p].pop.Size()
	}
	return r.ranks.lo[p], r.ranks.hi[p]
}

// exchange sends this rank's spikes of step k (and whether it failed or
// wants to stop) to every rank, stores the gathered spikes of every
// population in its history, and returns an error when any rank failed.
func (r *Runner) exchange(k int64, local error, stop bool) error {
	rk := r.ranks
	np := len(r.net.pops)
	status, stopWord := int32(statusOK), int32(0)
	if local != nil {
		status = statusFail
	}
	if stop {
		stopWord = 1
	}
	rk.send = append(rk.send[:0], status, stopWord)
	for p := range np {
		n := 0
		for _, s := range r.spk[p] {
			n += len(s)
		}
		rk.send = append(rk.send, int32(n))
	}
	for p := range np {
		for _, s := range r.spk[p] {
			rk.send = append(rk.send, s...)
		}
	}
	var err error
	rk.recv, rk.counts, err = rk.tr.AllgatherInt32(rk.send, rk.recv, rk.counts)
	if err != nil {
		return fmt.Errorf("sim: spike exchange at step %d: %w", k, err)
	}
	if local != nil {
		return local
	}
	// Check every rank's status before using any spikes.
	off := 0
	for q, c := range rk.counts {
		if c < 2+np {
			return fmt.Errorf("sim: spike exchange at step %d: rank %d sent %d values, fewer than the %d-word header", k, q, c, 2+np)
		}
		if rk.recv[off] != statusOK {
			return fmt.Errorf("sim: rank %d stopped on an error at step %d (its own output says why)", q, k)
		}
		rk.stopped = rk.stopped || rk.recv[off+1] != 0
		off += c
	}
	for p := range np {
		merged := r.hist[p].slot(k)
		off := 0
		for _, c := range rk.counts {
			msg := rk.recv[off : off+c]
			start := 2 + np
			for q := range p {
				start += int(msg[2+q])
			}
			merged = append(merged, msg[start:start+int(msg[2+p])]...)
			off += c
		}
		r.hist[p].set(k, merged)
	}
	return nil
}

// gatherTraces completes, before the monitors record step k, the values
// of every trace monitor recording at k: each rank sends the values of the
// recorded neurons it owns, and every rank writes the others' values into
// its copy of the variable (entries it never updates itself).
func (r *Runner) gatherTraces(k int64) error {
	rk := r.ranks
	rk.fsend = rk.fsend[:0]
	any := false
	for i := range r.mons {
		m := &r.mons[i]
		if m.pop >= 0 || k%m.every != 0 {
			continue
		}
		any = true
		for _, c := range m.cols[rk.rank] {
			rk.fsend = append(rk.fsend, m.src[m.index[c]])
		}
	}
	if !any {
		return nil
	}
	var err error
	rk.frecv, rk.fcounts, err = rk.tr.AllgatherFloat64(rk.fsend, rk.frecv, rk.fcounts)
	if err != nil {
		return fmt.Errorf("sim: trace exchange at step %d: %w", k, err)
	}
	off := 0
	for q, c := range rk.fcounts {
		msg := rk.frecv[off : off+c]
		off += c
		for i := range r.mons {
			m := &r.mons[i]
			if m.pop >= 0 || k%m.every != 0 {
				continue
			}
			cols := m.cols[q]
			if len(msg) < len(cols) {
				return fmt.Errorf("sim: trace exchange at step %d: rank %d sent too few values", k, q)
			}
			if q != rk.rank {
				for j, c := range cols {
					m.src[m.index[c]] = msg[j]
				}
			}
			msg = msg[len(cols):]
		}
	}
	return nil
}

// traceOwners sets m.cols: per rank, the columns of the trace whose
// neuron that rank owns. owner gives the rank range of the variable's
// population.
func (r *Runner) traceOwners(m *boundMonitor, pop int) {
	rk := r.ranks
	m.cols = make([][]int, rk.size)
	n := r.net.pops[pop].pop.Size()
	for c, i := range m.index {
		q := 0
		for q+1 < rk.size {
			if _, hi := dist.Range(n, q, rk.size); i < hi {
				break
			}
			q++
		}
		m.cols[q] = append(m.cols[q], c)
	}
}
