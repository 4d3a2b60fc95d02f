//go:build !amd64 || purego

package kernel

// Off amd64, or with -tags purego, only the pure-Go kernels exist.

func simdOK(int) bool { return false }

// Impl names the dense kernels this build runs: "go".
func Impl() string { return "go" }

func cobaSIMD(g, a, in, v []float64, d, E float64) { cobaGo(g, a, in, v, d, E) }

func cubaSIMD(g, a, in []float64, d float64) { cubaGo(g, a, in, d) }

func cobaFoldSIMD(g, in, v []float64, d, E float64) { cobaFoldGo(g, in, v, d, E) }

func cubaFoldSIMD(g, in []float64, d float64) { cubaFoldGo(g, in, d) }

func lifSIMD(p *LIF, V, in []float64, last []int64, spk []bool, out []int32, lo int32) int {
	return lifGo(p, V, in, last, spk, out, lo)
}

func fillSIMD(x []float64, c float64) { fillGo(x, c) }

func addConstSIMD(x []float64, c float64) { addConstGo(x, c) }
