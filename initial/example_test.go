package initial_test

import (
	"fmt"

	"github.com/brainsim/brainsim/initial"
)

// Initial membrane potentials drawn from Normal(−55, 2), as BrainPy's COBA
// example sets them; the same key gives the same values.
func ExampleNormal() {
	a, b := make([]float64, 1000), make([]float64, 1000)
	_ = initial.Normal(-55, 2).Fill(a, 7)
	_ = initial.Normal(-55, 2).Fill(b, 7)
	same, inRange := true, 0
	for i := range a {
		same = same && a[i] == b[i]
		if a[i] > -63 && a[i] < -47 { // within 4 sd
			inRange++
		}
	}
	fmt.Println(initial.Normal(-55, 2), same, inRange >= 999)
	// Output: Normal(-55, 2) true true
}
