package kernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Dense kernels on one block of 3200 neurons (the E population at scale 1).

func BenchmarkCOBA3200(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	g, a, in, v := randSlice(r, 3200, 0, 1), make([]float64, 3200), make([]float64, 3200), randSlice(r, 3200, -70, -50)
	for b.Loop() {
		COBA(g, a, in, v, 1, 0) // d = 1: no subnormals
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/3200, "ns/neuron")
}

func BenchmarkCOBAGo3200(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	g, a, in, v := randSlice(r, 3200, 0, 1), make([]float64, 3200), make([]float64, 3200), randSlice(r, 3200, -70, -50)
	for b.Loop() {
		cobaGo(g, a, in, v, 1, 0)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/3200, "ns/neuron")
}

func benchLIF(b *testing.B, step func(*LIF, []float64, []float64, []int64, []bool, []int32, int32) int) {
	r := rand.New(rand.NewPCG(1, 2))
	V, in := randSlice(r, 3200, -65, -51), randSlice(r, 3200, 0, 12)
	last := make([]int64, 3200)
	for i := range last {
		last[i] = -int64(r.IntN(500))
	}
	spk, out := make([]bool, 3200), make([]int32, 3200)
	p := &LIF{VRest: -60, R: 1, VTh: -50, VReset: -60, Decay: math.Exp(-0.005), Ref: 50}
	for b.Loop() {
		step(p, V, in, last, spk, out, 0)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/3200, "ns/neuron")
}

func BenchmarkLIF3200(b *testing.B)   { benchLIF(b, LIFStep) }
func BenchmarkLIFGo3200(b *testing.B) { benchLIF(b, lifGo) }

func BenchmarkCOBAFold3200(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	g, in, v := randSlice(r, 3200, 0, 1), make([]float64, 3200), randSlice(r, 3200, -70, -50)
	for b.Loop() {
		COBAFold(g, in, v, 1, 0) // d = 1 keeps g out of subnormals over many loops
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/3200, "ns/neuron")
}
