package sim

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// How the values of a record merge over ranks: a population index p ≥ 0
// (one value per neuron of p held: each from the rank that holds the
// neuron), splitSame (a scalar, the same on every rank: rank 0's),
// splitNone (undeclared and of no known length: refused), or one of the
// rules below.
const (
	splitSame = -1
	splitNone = -2
	splitHeld = -3 // the positions of the synapses a rank holds (heldRecord)
	// splitSynapse: per-synapse values of the whole connectivity, each
	// taken from the rank that holds the synapse (the node's heldRecord)
	splitSynapse = -4
	// splitUnion: a spike list of a delay ring; with the Alltoall exchange
	// each rank holds the spikes it reads, so the lists are united
	splitUnion = -5
	// splitPre − p (p ≥ 0): one value per neuron of population p, held
	// whole by every rank (a projection's per-pre-neuron state), each
	// taken from the rank that owns the neuron, which holds all its spikes
	splitPre = -10
)

// heldRecord names the record of a SynapseHolder's held positions, which
// the merge of a checkpoint over ranks reads and drops.
const heldRecord = "held synapses"

// splitBy returns the split rule of a node whose arrays are indexed by the
// neurons of population own (nOwn of them held here), or, for a
// projection, replicated when indexed by its pre population (size nPre;
// pre < 0: none). StateWriter.SetAxis overrides it.
func splitBy(own, nOwn, pre, nPre int) func(int) int {
	return func(n int) int {
		switch {
		case n == nOwn:
			return own
		case pre >= 0 && n == nPre:
			return splitPre - pre
		case n <= 1:
			return splitSame
		}
		return splitNone
	}
}

// rawRecord is one decoded record of a checkpoint body.
type rawRecord struct {
	kind byte
	name string
	vals []uint64 // float bits, integers, bools as 0/1
}

// mergeStates gathers every rank's checkpoint body and returns, on every
// rank, the merged body: for each record per neuron, every value in place
// from the rank whose share holds it (ranges or round-robin); per pre neuron
// from the pre neuron's owner; per synapse from the rank holding it; delay
// rings united; the others (scalars) rank 0's.
// splits are this rank's split rules, one per record; every rank merges
// by rank 0's, which travel with its state, so that all ranks decide alike
// (a record's length, which the rules read, may match a neuron count on
// one rank and not on another).
func (r *Runner) mergeStates(body []byte, splits []int, nodes []string) ([]byte, error) {
	rk := r.ranks
	words := 2 + len(splits) + (len(body)+3)/4
	send := make([]int32, 0, 2)
	if int64(words) > math.MaxInt32 || int64(len(body)) > math.MaxInt32 {
		send = append(send, -1, int32(min(int64(len(body))>>20, math.MaxInt32))) // every rank learns it is too large
	} else {
		send = make([]int32, 0, words)
		send = append(send, int32(len(body)), int32(len(splits)))
		for _, sp := range splits {
			send = append(send, int32(sp))
		}
		for i := 0; i < len(body); i += 4 {
			var w [4]byte
			copy(w[:], body[i:])
			send = append(send, int32(binary.LittleEndian.Uint32(w[:])))
		}
	}
	recv, counts, err := rk.tr.AllgatherInt32(send, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("sim: Checkpoint: gathering the ranks' states: %w", err)
	}
	streams := make([][]rawRecord, rk.size)
	off := 0
	for q, c := range counts {
		msg := recv[off : off+c]
		off += c
		if c < 2 || msg[0] < 0 {
			return nil, fmt.Errorf("sim: Checkpoint: the state of rank %d (about %d MiB) is larger than a merge over ranks carries (2 GiB per rank)", q, msg[min(1, c-1)])
		}
		n, ns := int(msg[0]), int(msg[1])
		if ns < 0 || 2+ns > c || n > 4*(c-2-ns) {
			return nil, fmt.Errorf("sim: Checkpoint: rank %d sent a malformed state", q)
		}
		if q == 0 {
			splits = splits[:0]
			for _, x := range msg[2 : 2+ns] {
				splits = append(splits, int(x))
			}
		}
		b := make([]byte, 4*(c-2-ns))
		for i, x := range msg[2+ns:] {
			binary.LittleEndian.PutUint32(b[4*i:], uint32(x))
		}
		if streams[q], err = readRecords(b[:n]); err != nil {
			return nil, fmt.Errorf("sim: Checkpoint: the state of rank %d: %w", q, err)
		}
	}
	if len(splits) != len(streams[0]) || len(nodes) != len(streams[0]) {
		return nil, fmt.Errorf("sim: Checkpoint: rank 0 sent %d records and %d rules, this rank wrote %d", len(streams[0]), len(splits), len(nodes))
	}
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	w := &StateWriter{w: bw}
	var held [][]uint64 // per rank: the synapses it holds, of the node being merged
	for i, rec := range streams[0] {
		sp := splits[i]
		if i > 0 && nodes[i] != nodes[i-1] {
			held = nil
		}
		for q := range streams {
			o := streams[q]
			if i >= len(o) || o[i].kind != rec.kind || o[i].name != rec.name {
				return nil, fmt.Errorf("sim: Checkpoint: record %d (%q) differs between ranks 0 and %d: the ranks hold different models", i, rec.name, q)
			}
			want := len(rec.vals)
			switch {
			case sp >= 0:
				want = r.shareOf(sp, q).N
			case sp == splitHeld || sp == splitUnion:
				want = len(o[i].vals)
			}
			if len(o[i].vals) != want {
				return nil, fmt.Errorf("sim: Checkpoint: record %d (%q) holds %d values on rank %d, %d were expected: a node keeps per-synapse state it does not declare (StateWriter.SetAxis), which cannot be merged over ranks", i, rec.name, len(o[i].vals), q, want)
			}
		}
		merged := rec.vals
		switch {
		case sp == splitHeld:
			held = make([][]uint64, 0, len(streams))
			for q := range streams {
				held = append(held, streams[q][i].vals)
			}
			continue
		case sp == splitSynapse && held == nil:
			return nil, fmt.Errorf("sim: Checkpoint: node %q: record %q is per synapse, but the node does not say which synapses a rank holds (sim.SynapseHolder)", nodes[i], rec.name)
		case sp == splitSynapse:
			merged = make([]uint64, len(rec.vals))
			for q := range streams {
				vals := streams[q][i].vals
				for _, p := range held[q] {
					if p = uint64(uint32(p)); p >= uint64(len(vals)) {
						return nil, fmt.Errorf("sim: Checkpoint: record %q: rank %d holds synapse %d of %d", rec.name, q, p, len(vals))
					}
					merged[p] = vals[p]
				}
			}
		case sp == splitUnion:
			merged = unite(streams, i)
		case sp <= splitPre:
			p := splitPre - sp
			n := r.net.pops[p].pop.Size()
			if len(rec.vals) != n {
				return nil, fmt.Errorf("sim: Checkpoint: node %q: record %q holds %d values; its pre population %q has %d neurons (a record per pre neuron, StateWriter.SetAxis(sim.AxisPre), needs one value per neuron)", nodes[i], rec.name, len(rec.vals), r.net.pops[p].name, n)
			}
			merged = make([]uint64, n)
			for j := range merged {
				q, _ := rk.layout.Owner(n, j, rk.size)
				merged[j] = streams[q][i].vals[j]
			}
		case sp == splitNone:
			return nil, fmt.Errorf("sim: Checkpoint: node %q: record %q of %d values is neither per neuron held nor the same on every rank (StateWriter.SetAxis), so it cannot be merged over ranks", nodes[i], rec.name, len(rec.vals))
		case sp >= 0:
			merged = make([]uint64, r.net.pops[sp].pop.Size())
			for q := range streams {
				sh := r.shareOf(sp, q)
				for j, x := range streams[q][i].vals {
					merged[sh.Global(j)] = x
				}
			}
		default:
			merged = streams[0][i].vals
		}
		writeRecord(w, rawRecord{rec.kind, rec.name, merged})
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	return out.Bytes(), w.Err()
}

// unite returns the ascending union of record i's values (spike indices,
// each list ascending) over the ranks' streams.
func unite(streams [][]rawRecord, i int) []uint64 {
	var out []uint64
	for q := range streams {
		out = append(out, streams[q][i].vals...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// readRecords decodes a checkpoint body.
func readRecords(b []byte) ([]rawRecord, error) {
	rd := &StateReader{r: &crcReader{r: bufio.NewReader(bytes.NewReader(b))}, node: "rank state"}
	var out []rawRecord
	for {
		k, err := rd.r.ReadByte()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		l := rd.uvarint()
		name := make([]byte, min(l, 1<<10))
		if _, err := io.ReadFull(rd.r, name); err != nil || l > 1<<10 {
			return nil, fmt.Errorf("a corrupt record name")
		}
		c := rd.uvarint()
		if rd.err != nil || c > uint64(len(b)) {
			return nil, fmt.Errorf("record %q: corrupt length", name)
		}
		vals := make([]uint64, c)
		for j := range vals {
			switch k {
			case recFloat64s, recInt64s, recUint64:
				vals[j] = rd.word()
			case recFloat32s, recInt32s:
				vals[j] = rd.uvarint()
			case recBools:
				x, err := rd.r.ReadByte()
				if err != nil {
					return nil, err
				}
				vals[j] = uint64(x)
			default:
				return nil, fmt.Errorf("record %q: unknown kind %d", name, k)
			}
		}
		if rd.err != nil {
			return nil, rd.err
		}
		out = append(out, rawRecord{k, string(name), vals})
	}
}

// writeRecord encodes rec as StateWriter would have.
func writeRecord(w *StateWriter, rec rawRecord) {
	switch rec.kind {
	case recFloat64s:
		v := make([]float64, len(rec.vals))
		for i, x := range rec.vals {
			v[i] = math.Float64frombits(x)
		}
		w.Float64s(rec.name, v)
	case recInt64s:
		v := make([]int64, len(rec.vals))
		for i, x := range rec.vals {
			v[i] = int64(x)
		}
		w.Int64s(rec.name, v)
	case recUint64:
		w.Uint64(rec.name, rec.vals[0])
	case recFloat32s:
		v := make([]float32, len(rec.vals))
		for i, x := range rec.vals {
			v[i] = math.Float32frombits(uint32(x))
		}
		w.Float32s(rec.name, v)
	case recInt32s:
		v := make([]int32, len(rec.vals))
		for i, x := range rec.vals {
			v[i] = int32(uint32(x))
		}
		w.Int32s(rec.name, v)
	case recBools:
		v := make([]bool, len(rec.vals))
		for i, x := range rec.vals {
			v[i] = x != 0
		}
		w.Bools(rec.name, v)
	}
}
