package export

import (
	"bytes"
	"io"
	"testing"

	"github.com/brainsim/brainsim/rng"
)

// spikes returns n spikes of 4000 neurons, sorted by time as a monitor
// produces them.
func spikes(n int) ([]float64, []int32) {
	s := rng.New(rng.String(2, "export-bench"))
	t := make([]float64, n)
	idx := make([]int32, n)
	for k := range n {
		t[k] = 0.1 * float64(k/40)
		idx[k] = int32(s.IntN(4000))
	}
	return t, idx
}

func benchNPZ(b *testing.B, compress bool) {
	t, idx := spikes(1_000_000)
	b.SetBytes(int64(len(t)) * 12)
	for b.Loop() {
		w := NewNPZWriter(io.Discard)
		w.Compress(compress)
		if err := w.Add("E.spike.t", t); err != nil {
			b.Fatal(err)
		}
		if err := w.Add("E.spike.i", idx); err != nil {
			b.Fatal(err)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNPZSpikes writes 10^6 spikes (times and indices) to an npz.
func BenchmarkNPZSpikes(b *testing.B)           { benchNPZ(b, false) }
func BenchmarkNPZSpikesCompressed(b *testing.B) { benchNPZ(b, true) }

// BenchmarkDecodeNPY decodes 10^6 float64 values.
func BenchmarkDecodeNPY(b *testing.B) {
	t, _ := spikes(1_000_000)
	var buf bytes.Buffer
	if err := EncodeNPY(&buf, t); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := DecodeNPY(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSpikesCSV writes 10^6 spikes as CSV.
func BenchmarkSpikesCSV(b *testing.B) {
	t, idx := spikes(1_000_000)
	for b.Loop() {
		if err := WriteSpikesCSV(io.Discard, t, idx); err != nil {
			b.Fatal(err)
		}
	}
}
