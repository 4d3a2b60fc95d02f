//go:build amd64 && !purego

package kernel

// The AVX2 loops of elem_amd64.s; n is a multiple of 4.

//go:noescape
func addVVAVX2(d, x, y *float64, n int)

//go:noescape
func subVVAVX2(d, x, y *float64, n int)

//go:noescape
func mulVVAVX2(d, x, y *float64, n int)

//go:noescape
func divVVAVX2(d, x, y *float64, n int)

//go:noescape
func addVSAVX2(d, x *float64, n int, s float64)

//go:noescape
func subVSAVX2(d, x *float64, n int, s float64)

//go:noescape
func subSVAVX2(d, x *float64, n int, s float64)

//go:noescape
func mulVSAVX2(d, x *float64, n int, s float64)

//go:noescape
func divVSAVX2(d, x *float64, n int, s float64)

//go:noescape
func divSVAVX2(d, x *float64, n int, s float64)

// The wrappers take d with a length that is a multiple of 4 (> 0), x and
// y at least as long.

func addVVSIMD(d, x, y []float64) { addVVAVX2(&d[0], &x[0], &y[0], len(d)) }
func subVVSIMD(d, x, y []float64) { subVVAVX2(&d[0], &x[0], &y[0], len(d)) }
func mulVVSIMD(d, x, y []float64) { mulVVAVX2(&d[0], &x[0], &y[0], len(d)) }
func divVVSIMD(d, x, y []float64) { divVVAVX2(&d[0], &x[0], &y[0], len(d)) }

func addVSSIMD(d, x []float64, s float64) { addVSAVX2(&d[0], &x[0], len(d), s) }
func subVSSIMD(d, x []float64, s float64) { subVSAVX2(&d[0], &x[0], len(d), s) }
func subSVSIMD(d, x []float64, s float64) { subSVAVX2(&d[0], &x[0], len(d), s) }
func mulVSSIMD(d, x []float64, s float64) { mulVSAVX2(&d[0], &x[0], len(d), s) }
func divVSSIMD(d, x []float64, s float64) { divVSAVX2(&d[0], &x[0], len(d), s) }
func divSVSIMD(d, x []float64, s float64) { divSVAVX2(&d[0], &x[0], len(d), s) }

//go:noescape
func negAVX2(d, x *float64, n int)

func negSIMD(d, x []float64) { negAVX2(&d[0], &x[0], len(d)) }
