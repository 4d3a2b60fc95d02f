//go:build amd64 && !purego

package kernel

import "golang.org/x/sys/cpu"

// The default amd64 build runs the AVX2 kernels of dense_amd64.s. They do,
// lane by lane, exactly the operations of the pure-Go kernels in the same
// order (no fused multiply-add), so both give bit-identical results;
// dense_test.go checks it. Build with -tags purego to use only Go.

// Impl names the dense kernels this build runs on this CPU: "avx2" or "go".
func Impl() string {
	if cpu.X86.HasAVX2 {
		return "avx2"
	}
	return "go"
}

// simdOK reports whether the AVX2 kernels apply to n elements.
func simdOK(n int) bool { return n >= 4 && cpu.X86.HasAVX2 }

//go:noescape
func cobaAVX2(gp, a, in, v *float64, n int, d, E float64)

//go:noescape
func cubaAVX2(gp, a, in *float64, n int, d float64)

//go:noescape
func cobaFoldAVX2(gp, in, v *float64, n int, d, E float64)

//go:noescape
func cubaFoldAVX2(gp, in *float64, n int, d float64)

//go:noescape
func lifAVX2(p *LIF, V, in *float64, last *int64, spk *bool, out *int32, n int, lo int32) int

//go:noescape
func fillAVX2(x *float64, n int, c float64)

//go:noescape
func addConstAVX2(x *float64, n int, c float64)

func cobaSIMD(g, a, in, v []float64, d, E float64) {
	n := len(g) &^ 3
	a, in, v = a[:len(g)], in[:len(g)], v[:len(g)]
	cobaAVX2(&g[0], &a[0], &in[0], &v[0], n, d, E)
	cobaGo(g[n:], a[n:], in[n:], v[n:], d, E)
}

func cubaSIMD(g, a, in []float64, d float64) {
	n := len(g) &^ 3
	a, in = a[:len(g)], in[:len(g)]
	cubaAVX2(&g[0], &a[0], &in[0], n, d)
	cubaGo(g[n:], a[n:], in[n:], d)
}

func cobaFoldSIMD(g, in, v []float64, d, E float64) {
	n := len(g) &^ 3
	in, v = in[:len(g)], v[:len(g)]
	cobaFoldAVX2(&g[0], &in[0], &v[0], n, d, E)
	cobaFoldGo(g[n:], in[n:], v[n:], d, E)
}

func cubaFoldSIMD(g, in []float64, d float64) {
	n := len(g) &^ 3
	in = in[:len(g)]
	cubaFoldAVX2(&g[0], &in[0], n, d)
	cubaFoldGo(g[n:], in[n:], d)
}

func lifSIMD(p *LIF, V, in []float64, last []int64, spk []bool, out []int32, lo int32) int {
	n := len(V) &^ 3
	in, last, spk, out = in[:len(V)], last[:len(V)], spk[:len(V)], out[:len(V)]
	c := lifAVX2(p, &V[0], &in[0], &last[0], &spk[0], &out[0], n, lo)
	return c + lifGo(p, V[n:], in[n:], last[n:], spk[n:], out[c:], lo+int32(n))
}

func fillSIMD(x []float64, c float64) {
	n := len(x) &^ 3
	fillAVX2(&x[0], n, c)
	fillGo(x[n:], c)
}

func addConstSIMD(x []float64, c float64) {
	n := len(x) &^ 3
	addConstAVX2(&x[0], n, c)
	addConstGo(x[n:], c)
}
