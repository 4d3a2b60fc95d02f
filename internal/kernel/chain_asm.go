//go:build amd64 && !purego

package kernel

//go:noescape
func chainAVX2(steps *ChainStep, nsteps int, dst *float64, n int)

func chainSIMD(steps []ChainStep, dst *float64, n int) { chainAVX2(&steps[0], len(steps), dst, n) }
