//go:build !amd64 || purego

package kernel

// commitSIMD is never called without AVX2 (simdOK is false).
func commitSIMD(p *Commit, V, out []float64, last []int64, spk []bool, idx []int32, lo int32) int {
	return commitGo(p, V, out, last, spk, idx, lo)
}
