package guard

import (
	"fmt"
	"math"
)

// MaxSteps is the largest step count a conversion returns: 2^53, the
// largest integer below which every step index is exact in float64 (step
// times are k·dt).
const MaxSteps = 1 << 53

// Rounding says how Steps turns a quotient into a whole number.
type Rounding int

const (
	// Round is round-half-away-from-zero (refractory periods, delays).
	Round Rounding = iota
	// Floor is floor(x/dt + 1e-9): durations, so that 200/0.1 is 2000.
	Floor
	// Ceil is ceil(x/dt − 1e-9): the first step at or after a time.
	Ceil
)

// Steps converts ms, a time in ms (>= 0), into whole steps of dt ms.
// limit bounds the result (limit <= 0 means MaxSteps). field names the
// quantity in the error, e.g. "LIF TauRef".
func Steps(field string, ms, dt float64, mode Rounding, limit int64) (int64, error) {
	if limit <= 0 || limit > MaxSteps {
		limit = MaxSteps
	}
	if !(dt > 0) || math.IsInf(dt, 0) {
		return 0, fmt.Errorf("%s: time step dt = %v ms: must be a finite number > 0", field, dt)
	}
	if !(ms >= 0) || math.IsInf(ms, 0) {
		return 0, fmt.Errorf("%s = %v ms: must be a finite number of ms >= 0", field, ms)
	}
	q := ms / dt
	switch mode {
	case Floor:
		q = math.Floor(q + 1e-9)
	case Ceil:
		q = math.Max(0, math.Ceil(q-1e-9))
	default:
		q = math.Round(q)
	}
	if !(q <= float64(limit)) {
		return 0, fmt.Errorf("%s = %v ms is %.4g steps of dt = %v ms: at most %d steps are allowed (%.4g ms)",
			field, ms, q, dt, limit, float64(limit)*dt)
	}
	return int64(q), nil
}

// Count converts x, a real-valued count such as scale × 4000 neurons,
// rounded to the nearest integer, into an int in [0, limit]; limit <= 0
// means math.MaxInt32.
func Count(field string, x float64, limit int64) (int, error) {
	if limit <= 0 {
		limit = math.MaxInt32
	}
	limit = min(limit, int64(math.MaxInt))
	if !(x >= 0) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%s = %v: must be a finite number >= 0", field, x)
	}
	r := math.Round(x)
	if !(r <= float64(limit)) {
		return 0, fmt.Errorf("%s = %.6g: must be at most %d", field, x, limit)
	}
	return int(r), nil
}
