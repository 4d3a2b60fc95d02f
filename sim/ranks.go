package sim

import (
	"fmt"
	"slices"

	"github.com/brainsim/brainsim/dist"
)

// maxInterval caps the steps between two exchanges of a network whose
// projections all have long latencies (or that has none): the ranks hold
// that many steps of spikes and trace samples before sending them.
const maxInterval = 256

// ranks is a runner's share of a network split over several ranks: the
// transport, the layout that deals every population's neurons out, and
// the buffers of the exchange. Spikes are exchanged once per interval of the network's
// smallest latency (NEST's min-delay): within an interval no projection
// reads a spike emitted in it.
type ranks struct {
	tr         dist.Transport
	rank, size int
	layout     dist.Layout
	interval   int   // steps per exchange
	pending    int   // steps computed since the last exchange
	start      int64 // first step of the pending interval
	failed     error // a local error, reported to all at the exchange
	stopped    bool  // a rank asked to stop (cancellation) in the last exchange
	send, recv []int32
	counts     []int
	alltoall   bool         // Options.Exchange == Alltoall
	route      [][][]uint32 // alltoall: per population and rank, the bits of this rank's neurons it reads (nil: all)
	blocks     [][]int32    // alltoall: per rank, the message being built
	bcounts    []int
	msend      []float64 // mirrored pre state (gap junctions)
	mrecv      []float64
	mcounts    []int
	fsend      []float64
	frecv      []float64
	fcounts    []int
	cur, fcur  []int // per rank: read offsets into recv and frecv
	row        []float64
}

// The exchange message of a rank: a header (status, stop, steps), then for
// every step the spike count of every population and the spikes.
const (
	statusOK   = 0
	statusFail = 1
	header     = 3
)

// setupRanks splits the populations over the ranks of opt.Transport.
func (r *Runner) setupRanks() error {
	t := r.opt.Transport
	if t == nil || t.Size() == 1 {
		return nil
	}
	rk := &ranks{tr: t, rank: t.Rank(), size: t.Size(), alltoall: r.opt.Exchange == Alltoall, layout: r.opt.Layout}
	if rk.rank < 0 || rk.rank >= rk.size {
		return fmt.Errorf("sim: Options.Transport: rank %d of %d", rk.rank, rk.size)
	}
	r.ranks = rk
	return nil
}

// setInterval sets the exchange interval from the projections' smallest
// latency (1 for a projection that does not tell).
func (r *Runner) setInterval() {
	d := maxInterval
	for _, p := range r.net.projs {
		l := 1
		if m, ok := p.proj.(MinLagger); ok {
			l = m.MinLag()
		}
		d = min(d, max(l, 1))
	}
	if len(r.mirrors) > 0 { // mirrored pre state is read every step
		d = 1
	}
	r.ranks.interval = d
}

// Interval returns the number of steps between two spike exchanges of a
// network split over ranks (1 on one rank).
func (r *Runner) Interval() int {
	if r.ranks == nil {
		return 1
	}
	return r.ranks.interval
}

// share returns population p's neurons on this rank.
func (r *Runner) share(p int) dist.Share { return r.shareOf(p, r.rankIndex()) }

// shareOf returns population p's neurons on rank q.
func (r *Runner) shareOf(p, q int) dist.Share {
	n := r.net.pops[p].pop.Size()
	if r.ranks == nil {
		return dist.Share{Off: 0, Stride: 1, N: n}
	}
	return r.ranks.layout.ShareOf(n, q, r.ranks.size)
}

// rankIndex is this runner's rank (0 on one rank).
func (r *Runner) rankIndex() int {
	if r.ranks == nil {
		return 0
	}
	return r.ranks.rank
}

// rankStep queues step k's local spikes and the trace values of the
// neurons this rank owns, and exchanges them with the other ranks at the
// end of an interval; the monitors record the steps of an interval after
// its exchange.
func (r *Runner) rankStep(k int64, local error) error {
	rk := r.ranks
	if rk.failed == nil {
		rk.failed = local
	}
	if rk.pending == 0 {
		rk.start = k
		rk.send = append(rk.send[:0], 0, 0, 0)
		rk.fsend = rk.fsend[:0]
		if rk.alltoall {
			if len(rk.blocks) != rk.size {
				rk.blocks = make([][]int32, rk.size)
			}
			for q := range rk.blocks {
				rk.blocks[q] = append(rk.blocks[q][:0], 0, 0, 0)
			}
		}
	}
	if rk.alltoall {
		r.routeStep()
	} else {
		for p := range r.net.pops {
			n := 0
			for _, s := range r.spk[p] {
				n += len(s)
			}
			rk.send = append(rk.send, int32(n))
		}
		for p := range r.net.pops {
			for _, s := range r.spk[p] {
				rk.send = append(rk.send, s...)
			}
		}
	}
	for i := range r.mons {
		if m := &r.mons[i]; m.pop < 0 && k%m.every == 0 {
			for _, c := range m.cols[rk.rank] {
				rk.fsend = append(rk.fsend, m.src[m.share.Local(m.index[c])])
			}
		}
	}
	rk.pending++
	if rk.pending < rk.interval {
		return nil
	}
	return r.exchange()
}

// routeStep appends the current step's spikes to every rank's message
// (Alltoall): per population the count of the spikes that rank reads,
// then the spikes, in the layout of the Allgather message.
func (r *Runner) routeStep() {
	rk := r.ranks
	np := len(r.net.pops)
	for q := range rk.size {
		b := rk.blocks[q]
		at := len(b)
		for range np {
			b = append(b, 0)
		}
		for p := range np {
			var bits []uint32
			if rk.route[p] != nil {
				bits = rk.route[p][q]
			}
			n0 := len(b)
			for _, s := range r.spk[p] {
				b = routed(b, s, bits, r.shares[p])
			}
			b[at+p] = int32(len(b) - n0)
		}
		rk.blocks[q] = b
	}
}

// exchange sends the pending steps to every rank, stores every step's
// gathered spikes in the histories and lets the monitors record them.
func (r *Runner) exchange() error {
	rk := r.ranks
	if rk.pending == 0 {
		return nil
	}
	n, start := rk.pending, rk.start
	rk.pending = 0
	status, stop := int32(statusOK), int32(0)
	if rk.failed != nil {
		status = statusFail
	}
	if r.stopReq {
		stop = 1
	}
	var err error
	if rk.alltoall { // one message per rank, each with the header
		rk.send, rk.bcounts = rk.send[:0], rk.bcounts[:0]
		for _, b := range rk.blocks {
			b[0], b[1], b[2] = status, stop, int32(n)
			rk.send, rk.bcounts = append(rk.send, b...), append(rk.bcounts, len(b))
		}
		rk.recv, rk.counts, err = rk.tr.AlltoallInt32(rk.send, rk.bcounts, rk.recv, rk.counts)
	} else {
		rk.send[0], rk.send[1], rk.send[2] = status, stop, int32(n)
		rk.recv, rk.counts, err = rk.tr.AllgatherInt32(rk.send, rk.recv, rk.counts)
	}
	if err != nil {
		return fmt.Errorf("sim: spike exchange at step %d: %w", start, err)
	}
	if r.hasTraces() { // the same on every rank: the monitors are
		if rk.frecv, rk.fcounts, err = rk.tr.AllgatherFloat64(rk.fsend, rk.frecv, rk.fcounts); err != nil {
			return fmt.Errorf("sim: trace exchange at step %d: %w", start, err)
		}
	} else {
		rk.fcounts = rk.fcounts[:0]
		for range rk.size {
			rk.fcounts = append(rk.fcounts, 0)
		}
	}
	if rk.failed != nil {
		return rk.failed
	}
	rk.cur, rk.fcur = rk.cur[:0], rk.fcur[:0]
	off, foff := 0, 0
	for q, c := range rk.counts {
		msg := rk.recv[off : off+c]
		switch {
		case c < header || int(msg[2]) != n:
			return fmt.Errorf("sim: spike exchange at step %d: rank %d sent a malformed message", start, q)
		case msg[0] != statusOK:
			return fmt.Errorf("sim: rank %d stopped on an error between steps %d and %d (its own output says why)", q, start, start+int64(n)-1)
		}
		rk.stopped = rk.stopped || msg[1] != 0
		rk.cur, rk.fcur = append(rk.cur, off+header), append(rk.fcur, foff)
		off, foff = off+c, foff+rk.fcounts[q]
	}
	if err := r.refreshMirrors(); err != nil { // every rank gets here: none failed
		return err
	}
	for j := range n {
		if err := r.deliverStep(start + int64(j)); err != nil {
			return err
		}
	}
	return nil
}

// deliverStep takes step k's spikes of every rank from the gathered
// messages into the histories, and records the monitors of step k.
func (r *Runner) deliverStep(k int64) error {
	rk := r.ranks
	np := len(r.net.pops)
	for p := range np {
		merged := r.hist[p].slot(k)
		for q := range rk.size {
			msg := rk.recv[rk.cur[q]:]
			s := np
			for x := range p {
				s += int(msg[x])
			}
			merged = append(merged, msg[s:s+int(msg[p])]...)
		}
		if rk.layout == dist.RoundRobin { // the ranks' lists interleave
			slices.Sort(merged)
		}
		r.hist[p].set(k, merged)
	}
	for q := range rk.size {
		msg := rk.recv[rk.cur[q]:]
		s := np
		for x := range np {
			s += int(msg[x])
		}
		rk.cur[q] += s
	}
	t := float64(k) * r.dt
	for i := range r.mons {
		m := &r.mons[i]
		if m.pop >= 0 {
			if err := r.recordSpikes(m, k, t, r.hist[m.pop].get(k)); err != nil {
				return err
			}
			continue
		}
		if k%m.every != 0 {
			continue
		}
		if cap(rk.row) < len(m.index) {
			rk.row = make([]float64, len(m.index))
		}
		rk.row = rk.row[:len(m.index)]
		for q := range rk.size {
			cols := m.cols[q]
			vals := rk.frecv[rk.fcur[q] : rk.fcur[q]+len(cols)]
			for j, c := range cols {
				rk.row[c] = vals[j]
			}
			rk.fcur[q] += len(cols)
		}
		if err := r.recordRow(m, k, t, rk.row); err != nil {
			return err
		}
	}
	return nil
}

// traceOwners sets m.cols: per rank, the columns of the trace whose neuron
// that rank owns, pop being the population whose neurons index the
// variable (for a per-pre-neuron variable of a projection, which every
// rank holds whole, the pre population: the owner of a pre neuron holds
// all its spikes even when the ranks exchange only the spikes they read).
func (r *Runner) traceOwners(m *boundMonitor, pop int) {
	rk := r.ranks
	m.cols = make([][]int, rk.size)
	n := r.net.pops[pop].pop.Size()
	for c, i := range m.index {
		q, _ := rk.layout.Owner(n, i, rk.size)
		m.cols[q] = append(m.cols[q], c)
	}
}

// agree gathers every rank's outcome of a local step (err) and returns
// an error on every rank if any failed: this rank's own, or one naming
// the first rank that failed.
func (r *Runner) agree(step string, err error) error {
	flag := []int32{0}
	if err != nil {
		flag[0] = 1
	}
	all, _, gerr := r.ranks.tr.AllgatherInt32(flag, nil, nil)
	switch {
	case err != nil:
		return err
	case gerr != nil:
		return fmt.Errorf("sim: %s: %w", step, gerr)
	}
	for q, f := range all {
		if f != 0 {
			return fmt.Errorf("sim: %s failed on rank %d of %d (its own output says why)", step, q, r.ranks.size)
		}
	}
	return nil
}

// synapseOwners sets the columns of every monitor of a per-synapse
// variable (collective).
func (r *Runner) synapseOwners() error {
	for i := range r.mons {
		if m := &r.mons[i]; m.held != nil || m.pop < 0 && m.cols == nil {
			if err := r.synapseOwnersOf(m, m.held); err != nil {
				return fmt.Errorf("sim: monitor %q: %w", m.key, err)
			}
			m.held = nil
		}
	}
	return nil
}

// synapseOwnersOf sets m.cols for a per-synapse variable: every rank finds
// the recorded synapses among those it holds (held: positions in the
// variable's order) and one Allgatherv tells every rank everyone's.
func (r *Runner) synapseOwnersOf(m *boundMonitor, held []uint32) error {
	rk := r.ranks
	h := slices.Clone(held)
	slices.Sort(h)
	var mine []int32
	for c, i := range m.index {
		if _, ok := slices.BinarySearch(h, uint32(i)); ok {
			mine = append(mine, int32(c))
		}
	}
	all, counts, err := rk.tr.AllgatherInt32(mine, nil, nil)
	if err != nil {
		return fmt.Errorf("finding the ranks that hold the recorded synapses: %w", err)
	}
	m.cols = make([][]int, rk.size)
	seen := make([]bool, len(m.index))
	off := 0
	for q, c := range counts {
		for _, x := range all[off : off+c] {
			if x < 0 || int(x) >= len(m.index) || seen[x] {
				return fmt.Errorf("rank %d claims column %d of %d", q, x, len(m.index))
			}
			seen[x] = true
			m.cols[q] = append(m.cols[q], int(x))
		}
		off += c
	}
	for c, ok := range seen {
		if !ok {
			return fmt.Errorf("no rank holds synapse %d (column %d)", m.index[c], c)
		}
	}
	return nil
}

// hasTraces reports whether any monitor records a trace.
func (r *Runner) hasTraces() bool {
	for i := range r.mons {
		if r.mons[i].pop < 0 {
			return true
		}
	}
	return false
}
