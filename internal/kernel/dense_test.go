package kernel

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// The AVX2 kernels (the default amd64 build) must agree bit for bit with
// the pure-Go ones; with -tags purego or off amd64 the tests check the
// dispatch.

func randSlice(r *rand.Rand, n int, lo, hi float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = lo + (hi-lo)*r.Float64()
	}
	return s
}

func sameBits(t *testing.T, what string, a, b []float64) {
	t.Helper()
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			t.Fatalf("%s[%d]: %v (SIMD) != %v (Go)", what, i, a[i], b[i])
		}
	}
}

func TestChannelKernelsMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 40; n++ {
		g, a := randSlice(r, n, 0, 3), randSlice(r, n, 0, 1)
		for i := range a {
			if r.IntN(3) > 0 {
				a[i] = 0
			}
		}
		in, v := randSlice(r, n, -5, 25), randSlice(r, n, -80, -40)
		g2, a2, in2 := append([]float64(nil), g...), append([]float64(nil), a...), append([]float64(nil), in...)
		COBA(g, a, in, v, 0.98, -80)
		cobaGo(g2, a2, in2, v, 0.98, -80)
		sameBits(t, "COBA g", g, g2)
		sameBits(t, "COBA a", a, a2)
		sameBits(t, "COBA in", in, in2)
		CUBA(g, a, in, 0.9)
		cubaGo(g2, a2, in2, 0.9)
		sameBits(t, "CUBA g", g, g2)
		sameBits(t, "CUBA in", in, in2)
		for i := range a {
			if a[i] != 0 {
				t.Fatalf("arrivals not cleared at %d", i)
			}
		}
		COBAFold(g, in, v, 0.97, 10)
		cobaFoldGo(g2, in2, v, 0.97, 10)
		sameBits(t, "COBAFold g", g, g2)
		sameBits(t, "COBAFold in", in, in2)
		CUBAFold(g, in, 0.8)
		cubaFoldGo(g2, in2, 0.8)
		sameBits(t, "CUBAFold g", g, g2)
		sameBits(t, "CUBAFold in", in, in2)
	}
}

// TestFoldRule checks the folded channel on numbers: weights added as
// w/d before the step give g = (g + w/d)·d.
func TestFoldRule(t *testing.T) {
	g, in, v := []float64{1, 2, 0, 4, 0.5}, []float64{1, 1, 1, 1, 1}, []float64{-60, -50, -70, -80, 0}
	COBAFold(g, in, v, 0.5, -80)
	wantG := []float64{0.5, 1, 0, 2, 0.25}
	wantIn := []float64{1 + 0.5*-20, 1 + 1*-30, 1, 1, 1 + 0.25*-80}
	for i := range g {
		if g[i] != wantG[i] || in[i] != wantIn[i] {
			t.Fatalf("j=%d: g %v in %v, want %v %v", i, g[i], in[i], wantG[i], wantIn[i])
		}
	}
}

func TestLIFKernelMatches(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	p := &LIF{VRest: -60, R: 1, VTh: -50, VReset: -60, Decay: math.Exp(-0.005), Ref: 50, K: 1000}
	for n := 0; n < 70; n++ {
		V, in := randSlice(r, n, -65, -49), randSlice(r, n, -50, 400)
		last := make([]int64, n)
		for i := range last {
			last[i] = p.K - int64(r.IntN(120)) // some refractory, some not
		}
		if n > 5 {
			V[2], in[2] = -50, 10 // exactly at threshold: V∞ = V* = −50 spikes
		}
		V2, last2 := append([]float64(nil), V...), append([]int64(nil), last...)
		spk, spk2 := make([]bool, n), make([]bool, n)
		out, out2 := make([]int32, n), make([]int32, n)
		c := LIFStep(p, V, in, last, spk, out, 7)
		c2 := lifGo(p, V2, in, last2, spk2, out2, 7)
		sameBits(t, "V", V, V2)
		if c != c2 {
			t.Fatalf("n=%d: %d spikes (SIMD) vs %d (Go)", n, c, c2)
		}
		for i := 0; i < c; i++ {
			if out[i] != out2[i] {
				t.Fatalf("spike %d: index %d vs %d", i, out[i], out2[i])
			}
		}
		for i := range last {
			if last[i] != last2[i] || spk[i] != spk2[i] {
				t.Fatalf("neuron %d: last %d/%d spk %v/%v", i, last[i], last2[i], spk[i], spk2[i])
			}
		}
	}
}

// TestLIFKernelRules checks the step rules on hand-made cases.
func TestLIFKernelRules(t *testing.T) {
	p := &LIF{VRest: -60, R: 1, VTh: -50, VReset: -60, Decay: 0.5, Ref: 2, K: 10}
	V := []float64{-60, -60, -60, -60, -52}
	in := []float64{20, 20, 20, 0, 0}
	last := []int64{8, 7, -100, -100, -100} // k−last = 2 (frozen), 3, large, large, large
	spk, out := make([]bool, 5), make([]int32, 5)
	c := LIFStep(p, V, in, last, spk, out, 100)
	// neuron 0 frozen; 1 and 2: V∞ = −40, V* = −40 + (−20)·0.5 = −50 ≥ V_th → spike
	want := []float64{-60, -60, -60, -60, -56}
	for i := range want {
		if V[i] != want[i] {
			t.Errorf("V[%d] = %v, want %v", i, V[i], want[i])
		}
	}
	if c != 2 || out[0] != 101 || out[1] != 102 || last[1] != 10 || last[2] != 10 || last[0] != 8 || !spk[1] || spk[0] {
		t.Errorf("spikes %v (count %d), last %v, spk %v", out[:c], c, last, spk)
	}
}

func TestFillAddConst(t *testing.T) {
	for n := 0; n < 11; n++ {
		x := make([]float64, n)
		Fill(x, 2.5)
		AddConst(x, 0.25)
		for i, v := range x {
			if v != 2.75 {
				t.Fatalf("n=%d: x[%d] = %v, want 2.75", n, i, v)
			}
		}
	}
}

// TestLIFLayout pins the field offsets of LIF that dense_amd64.s reads.
func TestLIFLayout(t *testing.T) {
	var p LIF
	got := []uintptr{unsafe.Offsetof(p.VRest), unsafe.Offsetof(p.R), unsafe.Offsetof(p.VTh), unsafe.Offsetof(p.VReset),
		unsafe.Offsetof(p.Decay), unsafe.Offsetof(p.Ref), unsafe.Offsetof(p.K)}
	want := []uintptr{0, 8, 16, 24, 32, 40, 48}
	if !slices.Equal(got, want) {
		t.Fatalf("LIF field offsets %v, want %v (update dense_amd64.s)", got, want)
	}
}

// TestKernelsSpecialValues runs the kernels on arrays seeded with ±0,
// subnormals, huge values, ±Inf and NaN: the AVX2 and Go kernels must
// agree bit for bit, except that two NaNs count as equal whatever their
// payloads (IEEE leaves those to the operand order).
func TestKernelsSpecialValues(t *testing.T) {
	special := []float64{0, math.Copysign(0, -1), 5e-324, -2.2e-308, 1e308, -1e308, math.Inf(1), math.Inf(-1), math.NaN(), 1, -60, -50}
	r := rand.New(rand.NewPCG(7, 8))
	pick := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = special[r.IntN(len(special))]
		}
		return s
	}
	same := func(what string, a, b []float64) {
		t.Helper()
		for i := range a {
			if math.IsNaN(a[i]) && math.IsNaN(b[i]) {
				continue
			}
			if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
				t.Fatalf("%s[%d]: %v (kernel) != %v (Go)", what, i, a[i], b[i])
			}
		}
	}
	for trial := 0; trial < 200; trial++ {
		n := 1 + r.IntN(40)
		g, a, in, v := pick(n), pick(n), pick(n), pick(n)
		g2, a2, in2 := slices.Clone(g), slices.Clone(a), slices.Clone(in)
		d, E := special[r.IntN(len(special))], special[r.IntN(len(special))]
		COBA(g, a, in, v, d, E)
		cobaGo(g2, a2, in2, v, d, E)
		same("COBA g", g, g2)
		same("COBA in", in, in2)
		COBAFold(g, in, v, d, E)
		cobaFoldGo(g2, in2, v, d, E)
		same("COBAFold g", g, g2)
		same("COBAFold in", in, in2)
		CUBAFold(g, in, d)
		cubaFoldGo(g2, in2, d)
		same("CUBAFold in", in, in2)

		p := &LIF{VRest: -60, R: 1, VTh: -50, VReset: -60, Decay: d, Ref: 5, K: 100}
		V, cur := pick(n), pick(n)
		V2 := slices.Clone(V)
		last := make([]int64, n)
		for i := range last {
			last[i] = 100 - int64(r.IntN(10))
		}
		last2 := slices.Clone(last)
		spk, spk2 := make([]bool, n), make([]bool, n)
		out, out2 := make([]int32, n), make([]int32, n)
		c := LIFStep(p, V, cur, last, spk, out, 0)
		c2 := lifGo(p, V2, cur, last2, spk2, out2, 0)
		same("LIF V", V, V2)
		if c != c2 || !slices.Equal(out[:c], out2[:c2]) || !slices.Equal(spk, spk2) || !slices.Equal(last, last2) {
			t.Fatalf("LIF spikes %v / %v, spk %v / %v", out[:c], out2[:c2], spk, spk2)
		}
	}
}
