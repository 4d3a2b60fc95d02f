//go:build !amd64 || purego

package kernel

// Without AVX2 (simdOK is false) the element-wise loops of elem.go run in
// Go; these are never called.

func addVVSIMD(d, x, y []float64)         {}
func subVVSIMD(d, x, y []float64)         {}
func mulVVSIMD(d, x, y []float64)         {}
func divVVSIMD(d, x, y []float64)         {}
func addVSSIMD(d, x []float64, s float64) {}
func subVSSIMD(d, x []float64, s float64) {}
func subSVSIMD(d, x []float64, s float64) {}
func mulVSSIMD(d, x []float64, s float64) {}
func divVSSIMD(d, x []float64, s float64) {}
func divSVSIMD(d, x []float64, s float64) {}
func negSIMD(d, x []float64)              {}
