package sim

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"github.com/brainsim/brainsim/dist"
)

// How the values of a record merge over ranks: splitSame (every rank holds
// the same values, e.g. a delay ring or per-pre-neuron state: rank 0's
// are kept), splitNone (per-synapse state, which cannot be merged), or a
// population index p ≥ 0 (one value per neuron of p: each from the rank
// that owns the neuron).
const (
	splitSame = -1
	splitNone = -2
)

// splitBy returns the split rule of a node whose arrays are indexed by the
// neurons of population own (nOwn of them held here), or, for a
// projection, replicated when indexed by its pre population (size nPre;
// pre < 0: none). StateWriter.SetAxis overrides it.
func splitBy(own, nOwn, pre, nPre int) func(int) int {
	return func(n int) int {
		switch {
		case n == nOwn:
			return own
		case n <= 1 || pre >= 0 && n == nPre:
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
// rank, the merged body: for each record per neuron, the ranks' shares in
// rank order (ranks hold ascending ranges); for the others, rank 0's.
// splits are this rank's split rules, one per record.
func (r *Runner) mergeStates(body []byte, splits []int) ([]byte, error) {
	rk := r.ranks
	send := make([]int32, 0, len(body)/4+2)
	send = append(send, int32(len(body)))
	for i := 0; i < len(body); i += 4 {
		var w [4]byte
		copy(w[:], body[i:])
		send = append(send, int32(binary.LittleEndian.Uint32(w[:])))
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
		n := int(msg[0])
		b := make([]byte, 4*(c-1))
		for i, x := range msg[1:] {
			binary.LittleEndian.PutUint32(b[4*i:], uint32(x))
		}
		if streams[q], err = readRecords(b[:n]); err != nil {
			return nil, fmt.Errorf("sim: Checkpoint: the state of rank %d: %w", q, err)
		}
	}
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	w := &StateWriter{w: bw}
	for i, rec := range streams[rk.rank] {
		sp := splits[i]
		for q := range streams {
			o := streams[q]
			if i >= len(o) || o[i].kind != rec.kind || o[i].name != rec.name {
				return nil, fmt.Errorf("sim: Checkpoint: record %d (%q) differs between ranks %d and %d: the ranks hold different models", i, rec.name, rk.rank, q)
			}
			want := len(rec.vals)
			if sp >= 0 {
				lo, hi := dist.Range(r.net.pops[sp].pop.Size(), q, rk.size)
				want = hi - lo
			}
			if len(o[i].vals) != want {
				return nil, fmt.Errorf("sim: Checkpoint: record %d (%q) holds %d values on rank %d, %d were expected: a node keeps per-synapse state, which cannot be merged over ranks yet", i, rec.name, len(o[i].vals), q, want)
			}
		}
		merged := rec.vals
		switch {
		case sp == splitNone:
			return nil, fmt.Errorf("sim: Checkpoint: record %q of %d values is per-synapse state, which cannot be merged over ranks yet", rec.name, len(rec.vals))
		case sp >= 0:
			merged = make([]uint64, 0, r.net.pops[sp].pop.Size())
			for q := range streams {
				merged = append(merged, streams[q][i].vals...)
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
