package kernel

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// sameOrNaN is sameBits where two NaNs are equal whatever their payloads.
func sameOrNaN(t *testing.T, what string, a, b []float64) {
	t.Helper()
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			t.Fatalf("%s[%d]: %v (kernel) != %v (Go operator)", what, i, a[i], b[i])
		}
	}
}

// TestElemMatchesGo: every element-wise kernel gives, for every length
// 0–40 (the SIMD body and the tail), in place or not, and with special
// values (±0, subnormals, ±Inf, NaN, overflow), the bits of the Go
// operator on each element.
func TestElemMatchesGo(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	special := []float64{0, math.Copysign(0, -1), 5e-324, -2.2e-308, 1e308, -1e308, math.Inf(1), math.Inf(-1), math.NaN(), 1, -60, 3}
	vv := []struct {
		name string
		f    func(d, x, y []float64)
		op   func(x, y float64) float64
	}{
		{"AddVV", AddVV, func(x, y float64) float64 { return x + y }},
		{"SubVV", SubVV, func(x, y float64) float64 { return x - y }},
		{"MulVV", MulVV, func(x, y float64) float64 { return x * y }},
		{"DivVV", DivVV, func(x, y float64) float64 { return x / y }},
	}
	vs := []struct {
		name string
		f    func(d, x []float64, s float64)
		op   func(x, s float64) float64
	}{
		{"AddVS", AddVS, func(x, s float64) float64 { return x + s }},
		{"SubVS", SubVS, func(x, s float64) float64 { return x - s }},
		{"SubSV", SubSV, func(x, s float64) float64 { return s - x }},
		{"MulVS", MulVS, func(x, s float64) float64 { return x * s }},
		{"DivVS", DivVS, func(x, s float64) float64 { return x / s }},
		{"DivSV", DivSV, func(x, s float64) float64 { return s / x }},
		{"Neg", func(d, x []float64, _ float64) { Neg(d, x) }, func(x, _ float64) float64 { return -x }},
	}
	for n := 0; n <= 40; n++ {
		x, y := randSlice(r, n, -100, 100), randSlice(r, n, -3, 3)
		if n > 0 {
			for k := 0; k < 3; k++ {
				x[r.IntN(n)] = special[r.IntN(len(special))]
				y[r.IntN(n)] = special[r.IntN(len(special))]
			}
		}
		s := special[n%len(special)]
		want, d := make([]float64, n), make([]float64, n)
		for _, c := range vv {
			for j := range want {
				want[j] = c.op(x[j], y[j])
			}
			c.f(d, x, y)
			sameOrNaN(t, c.name, d, want)
			in := slices.Clone(x)
			c.f(in, in, y) // in place
			sameOrNaN(t, c.name+" in place", in, want)
		}
		for _, c := range vs {
			for j := range want {
				want[j] = c.op(x[j], s)
			}
			c.f(d, x, s)
			sameOrNaN(t, c.name, d, want)
			in := slices.Clone(x)
			c.f(in, in, s)
			sameOrNaN(t, c.name+" in place", in, want)
		}
	}
}

// TestCommitMatchesGo: CommitStep (AVX2 where available) agrees with
// commitGo on V, last, spk and the spike indices, for every option and
// lengths 0–40, with refractory neurons, NaNs and values at the threshold.
func TestCommitMatchesGo(t *testing.T) {
	if !simdOK(4) {
		t.Skip("no AVX2 here: CommitStep is commitGo itself")
	}
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n <= 40; n++ {
		for opt := 0; opt < 8; opt++ {
			p := Commit{VTh: -50, VReset: -60, Ref: 20, K: 100}
			if opt&1 != 0 {
				p.Keep = -1
			}
			if opt&2 != 0 {
				p.Reset = -1
			}
			if opt&4 != 0 {
				p.GT = -1
			}
			V, out := randSlice(r, n, -70, -40), randSlice(r, n, -70, -40)
			last := make([]int64, n)
			for j := range last {
				last[j] = []int64{math.MinInt64 / 2, 50, 79, 80, 95}[r.IntN(5)]
				switch r.IntN(8) {
				case 0:
					out[j] = -50
				case 1:
					out[j] = math.NaN()
				}
			}
			V2, last2 := slices.Clone(V), slices.Clone(last)
			spk, spk2 := make([]bool, n), make([]bool, n)
			idx, idx2 := make([]int32, n), make([]int32, n)
			c := CommitStep(&p, V, out, last, spk, idx, 7)
			c2 := commitGo(&p, V2, out, last2, spk2, idx2, 7)
			sameOrNaN(t, "V", V, V2)
			if c != c2 || !slices.Equal(idx[:c], idx2[:c2]) || !slices.Equal(last, last2) || !slices.Equal(spk, spk2) {
				t.Fatalf("n=%d opt=%d: spikes %v, Go %v", n, opt, idx[:c], idx2[:c2])
			}
		}
	}
}

// TestCommitGo checks commitGo itself on known cases.
func TestCommitGo(t *testing.T) {
	p := Commit{VTh: -50, VReset: -60, Ref: 2, K: 10, Reset: -1}
	V := []float64{-55, -55, -55, -55}
	out := []float64{-50, -49, -49, -51}
	last := []int64{math.MinInt64 / 2, 8, 7, 0} // integrating, refractory, integrating, integrating
	spk, idx := make([]bool, 4), make([]int32, 4)
	c := commitGo(&p, V, out, last, spk, idx, 100)
	if !slices.Equal(V, []float64{-60, -55, -60, -51}) || c != 2 || !slices.Equal(idx[:2], []int32{100, 102}) ||
		!slices.Equal(last, []int64{10, 8, 10, 0}) || !slices.Equal(spk, []bool{true, false, true, false}) {
		t.Fatalf("V %v last %v spk %v spikes %v", V, last, spk, idx[:c])
	}
	p.GT, p.Keep, p.Reset = -1, -1, 0
	V, last = []float64{-55, -55}, []int64{math.MinInt64 / 2, 9}
	c = commitGo(&p, V, []float64{-50, -40}, last, spk[:2], idx, 0)
	if c != 0 || !slices.Equal(V, []float64{-50, -40}) {
		t.Fatalf("GT/Keep: V %v, %d spikes", V, c)
	}
}

// TestCommitLayout pins the field offsets of Commit that commit_amd64.s reads.
func TestCommitLayout(t *testing.T) {
	var p Commit
	got := []uintptr{unsafe.Offsetof(p.VTh), unsafe.Offsetof(p.VReset), unsafe.Offsetof(p.Ref), unsafe.Offsetof(p.K),
		unsafe.Offsetof(p.Keep), unsafe.Offsetof(p.Reset), unsafe.Offsetof(p.GT)}
	if want := []uintptr{0, 8, 16, 24, 32, 40, 48}; !slices.Equal(got, want) {
		t.Fatalf("Commit field offsets %v, want %v (update commit_amd64.s)", got, want)
	}
}
