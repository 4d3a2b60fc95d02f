package input

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/internal/guard"
)

// maxLen bounds the number of values a generator allocates, so that a typo
// such as dt = 1e-9 returns an error instead of exhausting memory.
const maxLen = 1 << 31

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// fieldError formats a validation error: "input: Section durations[2] = -1: must be >= 0".
func fieldError(fn, field string, v any, allowed string) error {
	return fmt.Errorf("input: %s %s = %v: %s", fn, field, v, allowed)
}

func checkDt(fn string, dt float64) error {
	if !(dt > 0) || math.IsInf(dt, 0) {
		return fieldError(fn, "dt", dt, "must be a finite number of ms > 0")
	}
	return nil
}

func checkDuration(fn, field string, d float64) error {
	if !(d >= 0) || math.IsInf(d, 0) {
		return fieldError(fn, field, d, "must be a finite number of ms >= 0")
	}
	return nil
}

// floorSteps is BrainPy's int(x/dt) made robust to rounding:
// floor(x/dt + 1e-9), the rule of sim.StepsFor, so that 0.3/0.1
// (2.9999999999999996) counts 3 steps and a signal of duration D has exactly
// the steps of Runner.Run(D). x must be finite and >= 0 and dt > 0, and
// x/dt must have been checked with checkLen.
func floorSteps(x, dt float64) int {
	n, _ := guard.Steps("", x, dt, guard.Floor, math.MaxInt32) // in range: checked by checkLen
	return int(n)
}

// ceilSteps is ceil(x/dt) made robust to rounding: ceil(x/dt − 1e-9), so that
// a quotient that rounds to 100.00000000000001 counts 100 steps, not 101.
func ceilSteps(x, dt float64) int {
	n, _ := guard.Steps("", x, dt, guard.Ceil, math.MaxInt32) // in range: checked by checkLen
	return int(n)
}

// checkLen refuses outputs of more than maxLen values (x/dt steps of n
// channels), before anything is allocated.
func checkLen(fn string, x, dt float64, n int) error {
	if q := x / dt * float64(n); q > maxLen {
		return fmt.Errorf("input: %s: %.4g ms / dt %v ms × %d channels is %.4g values, more than %d; use a larger dt or a shorter duration", fn, x, dt, n, q, int64(maxLen))
	}
	return nil
}
