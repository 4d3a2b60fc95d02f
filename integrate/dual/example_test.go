package dual_test

import (
	"fmt"

	"github.com/brainsim/brainsim/integrate/dual"
)

// The derivative of f(x) = x·e^x at x = 1 is (1 + x)e^x = 2e ≈ 5.436564.
func Example() {
	x := dual.Var(1)
	y := x.Mul(dual.Exp(x))
	fmt.Printf("f(1) = %.6f, f'(1) = %.6f\n", y.V, y.D)
	// Output: f(1) = 2.718282, f'(1) = 5.436564
}
