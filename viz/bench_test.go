package viz

import (
	"io"
	"testing"

	"github.com/brainsim/brainsim/rng"
)

// spikes100k returns 100 000 spikes of 3200 neurons over 1000 ms, sorted by
// time as a monitor produces them.
func spikes100k() ([]float64, []int32) {
	const n = 100_000
	s := rng.New(rng.String(1, "viz-bench"))
	t := make([]float64, n)
	idx := make([]int32, n)
	for k := range n {
		t[k] = 1000 * float64(k) / n
		idx[k] = int32(s.IntN(3200))
	}
	return t, idx
}

func BenchmarkRasterPNG(b *testing.B) {
	t, idx := spikes100k()
	for b.Loop() {
		p, err := Raster(t, idx, RasterOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(p, io.Discard, "png", 0, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLinesPNG draws 4 membrane-potential-like traces of 10 000 steps
// (1 s at dt = 0.1 ms).
func BenchmarkLinesPNG(b *testing.B) {
	const n = 10_000
	s := rng.New(rng.String(1, "viz-bench-lines"))
	t := make([]float64, n)
	series := make([][]float64, 4)
	for j := range series {
		series[j] = make([]float64, n)
		v := -60.0
		for k := range n {
			t[k] = 0.1 * float64(k)
			v += 0.5*s.NormFloat64() - 0.05*(v+60)
			series[j][k] = v
		}
	}
	labels := []string{"V[0]", "V[1]", "V[2]", "V[3]"}
	for b.Loop() {
		p, err := Lines(t, series, labels, LineOptions{YLabel: "V (mV)"})
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(p, io.Discard, "png", 0, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRasterSVG writes the 100 000-spike raster as SVG (vector output:
// one path element per batch of dots).
func BenchmarkRasterSVG(b *testing.B) {
	t, idx := spikes100k()
	for b.Loop() {
		p, err := Raster(t, idx, RasterOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(p, io.Discard, "svg", 0, 0); err != nil {
			b.Fatal(err)
		}
	}
}
