//go:build amd64 && !purego

package kernel

//go:noescape
func commitAVX2(p *Commit, V, out *float64, last *int64, spk *bool, idx *int32, n int, lo int32) int

// commitSIMD runs commitAVX2 on V (a multiple of 4 long, > 0).
func commitSIMD(p *Commit, V, out []float64, last []int64, spk []bool, idx []int32, lo int32) int {
	return commitAVX2(p, &V[0], &out[0], &last[0], &spk[0], &idx[0], len(V), lo)
}
