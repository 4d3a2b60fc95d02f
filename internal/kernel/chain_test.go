package kernel

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
	"unsafe"
)

// TestChainMatchesGo: random chains of every operation, over vector and
// scalar operands with special values, give per element the bits of the
// same Go operations in order (NaNs equal whatever their payloads).
func TestChainMatchesGo(t *testing.T) {
	if !ChainOK() {
		t.Skip("no AVX2 in this build or CPU")
	}
	r := rand.New(rand.NewPCG(7, 8))
	special := []float64{0, math.Copysign(0, -1), 5e-324, 1e308, -1e308, math.Inf(1), math.Inf(-1), math.NaN(), 1, -60, 3}
	for trial := 0; trial < 300; trial++ {
		n := ChainBlock * (1 + r.IntN(40))
		ns := 1 + r.IntN(8)
		steps := make([]ChainStep, ns)
		vecs := make([][]float64, ns)
		scal := make([]float64, ns)
		for k := range steps {
			steps[k].Op = ChainAdd + int64(r.IntN(7))
			if k == 0 {
				steps[k].Op = ChainLoad
			}
			if r.IntN(2) == 0 {
				v := randSlice(r, n, -100, 100)
				for q := 0; q < 2; q++ {
					v[r.IntN(n)] = special[r.IntN(len(special))]
				}
				vecs[k], steps[k].X, steps[k].Mask = v, &v[0], -1
			} else {
				s := special[r.IntN(len(special))]
				if r.IntN(2) == 0 {
					s = -5 + 10*r.Float64()
				}
				buf := make([]float64, ChainBroadcast)
				for i := range buf {
					buf[i] = s
				}
				scal[k], steps[k].X = s, &buf[0]
			}
		}
		dst := make([]float64, n)
		Chain(steps, &dst[0], n)
		for j := 0; j < n; j++ {
			var a float64
			for k, st := range steps {
				x := scal[k]
				if vecs[k] != nil {
					x = vecs[k][j]
				}
				switch st.Op {
				case ChainLoad:
					a = x
				case ChainAdd:
					a = a + x
				case ChainSub:
					a = a - x
				case ChainRSub:
					a = x - a
				case ChainMul:
					a = a * x
				case ChainDiv:
					a = a / x
				case ChainRDiv:
					a = x / a
				case ChainNeg:
					a = -a
				}
			}
			if math.Float64bits(a) != math.Float64bits(dst[j]) && !(math.IsNaN(a) && math.IsNaN(dst[j])) {
				t.Fatalf("trial %d element %d: Chain %v, Go %v (steps %+v)", trial, j, dst[j], a, steps)
			}
		}
	}
}

// TestChainLayout pins the layout of ChainStep that chain_amd64.s reads
// (on amd64: other platforms run the Go chain).
func TestChainLayout(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("the assembly reads ChainStep on amd64 only")
	}
	var s ChainStep
	if unsafe.Sizeof(s) != 24 || unsafe.Offsetof(s.X) != 8 || unsafe.Offsetof(s.Mask) != 16 {
		t.Fatalf("ChainStep: size %d, X at %d, Mask at %d; want 24, 8, 16 (update chain_amd64.s)", unsafe.Sizeof(s), unsafe.Offsetof(s.X), unsafe.Offsetof(s.Mask))
	}
}
