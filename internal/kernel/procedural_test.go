package kernel

import (
	"math/rand/v2"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/brainsim/brainsim/connect"
)

// TestAddProcedural checks that regenerating rows per block gives
// bit-identical sums to adding the stored rows (Rows.AddScalar of the
// connector's CSR) for several block partitions, over three deliveries of
// different weights, and that nothing outside the block is written.
func TestAddProcedural(t *testing.T) {
	const nPre, nPost = 300, 5000
	conn := connect.ProceduralFixedProb(0.05).SegmentWidth(300)
	csr, err := conn.Connect(nPre, nPost, 9)
	if err != nil {
		t.Fatal(err)
	}
	g, err := conn.Generator(nPre, nPost, 9)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 1))
	var spikes []int32
	for i := range nPre {
		if r.IntN(3) == 0 {
			spikes = append(spikes, int32(i))
		}
	}
	w := 0.1 * 3.14159265358979
	for _, nb := range []int{1, 2, 3, 7} {
		bounds := evenBounds(nPost, nb)
		rows, err := Split(csr, Contiguous(bounds), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for b := range nb {
			lo, hi := bounds[b], bounds[b+1]
			want := make([]float64, hi-lo)
			full := make([]float64, nPost)
			got := full[lo:hi]
			for rep := range 3 {
				rows[b].AddScalar(want, spikes, w*float64(rep+1))
				AddProcedural(full[lo:hi], lo, hi, spikes, g, w*float64(rep+1), nil)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("nb=%d block %d: sums differ from the stored rows", nb, b)
			}
			for j, v := range full {
				if (j < lo || j >= hi) && v != 0 {
					t.Fatalf("nb=%d block %d: post %d outside the block was written", nb, b, j)
				}
			}
		}
	}
	// A round-robin share (every R-th post from r) gets the stored rows'
	// sums of its posts.
	const R = 3
	for r0 := range R {
		n := (nPost - r0 + R - 1) / R
		posts := Posts{Bounds: []int{0, n / 3, n}, Off: r0, Stride: R}
		rows, err := Split(csr, posts, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for b := range 2 {
			lo, hi := posts.Bounds[b], posts.Bounds[b+1]
			want, got := make([]float64, hi-lo), make([]float64, hi-lo)
			rows[b].AddScalar(want, spikes, w)
			AddProceduralStrided(got, r0+lo*R, R, spikes, g, w, nil)
			if !slices.Equal(got, want) {
				t.Fatalf("rank %d of %d, block %d: strided sums differ from the stored rows", r0, R, b)
			}
		}
	}
}

// BenchmarkAddProcedural delivers one step of the 10⁶-neuron network to one
// of two blocks of E neurons (400 000 posts, p = 0.001): 190 spiking rows of
// about 400 synapses each in the block. It reports ns per delivered synapse
// (the conductances stay in cache here, unlike in a network whose neuron
// update streams through memory every step).
func BenchmarkAddProcedural(b *testing.B) {
	const nPre, nPost, nSpikes = 800000, 800000, 190
	g, err := connect.ProceduralFixedProb(0.001).Generator(nPre, nPost, 1)
	if err != nil {
		b.Fatal(err)
	}
	lo, hi := 400000, 800000
	a := make([]float64, nPost)
	r := rand.New(rand.NewPCG(2, 2))
	// a fixed set of spiking rows per step, drawn beforehand
	steps := make([][]int32, 64)
	for s := range steps {
		for range nSpikes {
			steps[s] = append(steps[s], int32(r.IntN(nPre)))
		}
		slices.Sort(steps[s])
	}
	var buf []uint32
	nnz := 0
	c0 := cpuTime()
	for k := 0; b.Loop(); k++ {
		buf = AddProcedural(a[lo:hi], lo, hi, steps[k%len(steps)], g, 0.5, buf)
		nnz += 400 * nSpikes
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(nnz), "ns/synapse")
	// CPU time is steadier than wall time on a loaded machine.
	b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(nnz), "cpu-ns/synapse")
}

// cpuTime returns the CPU time the process has used (user + system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
