package measure

import (
	"fmt"
	"math"
)

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// fieldError formats a validation error: "measure: ISI indices[3] = 9: must be in [0, 5)".
func fieldError(fn, field string, v any, allowed string) error {
	return fmt.Errorf("measure: %s %s = %v: %s", fn, field, v, allowed)
}

func checkPositive(fn, field string, x float64) error {
	if !(x > 0) || math.IsInf(x, 0) {
		return fieldError(fn, field, x, "must be a finite number > 0")
	}
	return nil
}

func checkN(fn string, n int) error {
	if n <= 0 {
		return fieldError(fn, "n", n, "must be > 0 (the population size)")
	}
	return nil
}

// checkEvents validates spike events: equal lengths, indices in [0, n) and
// finite times.
func checkEvents(fn string, times []float64, indices []int32, n int) error {
	if err := checkN(fn, n); err != nil {
		return err
	}
	if len(times) != len(indices) {
		return fmt.Errorf("measure: %s: %d times but %d indices: the lengths must match", fn, len(times), len(indices))
	}
	for q, i := range indices {
		if i < 0 || int(i) >= n {
			return fieldError(fn, fmt.Sprintf("indices[%d]", q), i, fmt.Sprintf("must be in [0, n = %d)", n))
		}
		if !finite(times[q]) {
			return fieldError(fn, fmt.Sprintf("times[%d]", q), times[q], "must be finite")
		}
	}
	return nil
}

// grid validates a recording of duration ms sampled at dt and returns its
// number of steps, floor(duration/dt + 1e-9) (the rule of sim.StepsFor).
func grid(fn string, duration, dt float64) (int, error) {
	if err := checkPositive(fn, "dt", dt); err != nil {
		return 0, err
	}
	if err := checkPositive(fn, "duration", duration); err != nil {
		return 0, err
	}
	q := math.Floor(duration/dt + 1e-9)
	if q < 1 || q > 1<<31 {
		return 0, fieldError(fn, "duration", duration, fmt.Sprintf("must be between 1 and 2³¹ steps of dt = %v ms", dt))
	}
	return int(q), nil
}

// stepOf maps a spike time to its step floor(t/dt + 1e-9) (the slack maps
// a monitor's time k·dt to k despite rounding), checking that it lies in
// [0, steps).
func stepOf(fn string, q int, t, dt float64, steps int) (int, error) {
	k := math.Floor(t/dt + 1e-9)
	if !(k >= 0 && k < float64(steps)) {
		return 0, fieldError(fn, fmt.Sprintf("times[%d]", q), t, fmt.Sprintf("must lie in the recording [0, %v) ms (subtract the start of a later run)", float64(steps)*dt))
	}
	return int(k), nil
}

func itoa(i int) string { return fmt.Sprint(i) }

func ftoa(x float64) string { return fmt.Sprint(x) }
