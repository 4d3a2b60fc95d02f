//go:build !amd64 || purego

package kernel

// chainSIMD is never called without AVX2 (ChainOK is false).
func chainSIMD(steps []ChainStep, dst *float64, n int) { panic("kernel: Chain without AVX2") }
