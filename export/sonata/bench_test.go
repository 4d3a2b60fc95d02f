package sonata

import (
	"path/filepath"
	"runtime"
	"testing"
)

// BenchmarkStreamSpikes writes 10^7 spikes (16 bytes each: float64 time,
// uint64 id) in chunks of 65536 through Population.Append, and reports the
// peak heap in use above the starting level, sampled after every chunk
// and after Close.
//
//	go test ./export/sonata/ -run XXX -bench StreamSpikes -benchtime 1x
func BenchmarkStreamSpikes(b *testing.B) {
	const total, chunk = 10_000_000, 1 << 16
	times := make([]float64, chunk)
	ids := make([]int32, chunk)
	dir := b.TempDir()
	var ms runtime.MemStats
	peak := uint64(0)
	b.SetBytes(total * 16)
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		base := ms.HeapInuse
		sample := func() {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > base && ms.HeapInuse-base > peak {
				peak = ms.HeapInuse - base
			}
		}
		f, err := Create(filepath.Join(dir, "bench.h5"))
		if err != nil {
			b.Fatal(err)
		}
		p, err := NewPopulation(f, "E", ByTime)
		if err != nil {
			b.Fatal(err)
		}
		for done := 0; done < total; done += chunk {
			n := min(chunk, total-done)
			for i := range n {
				times[i] = float64(done+i) * 1e-3
				ids[i] = int32((done + i) % 100_000)
			}
			if err := p.Append(times[:n], ids[:n]); err != nil {
				b.Fatal(err)
			}
			sample()
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
		sample()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}
