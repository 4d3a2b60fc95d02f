package viz

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// eps absorbs the rounding of quotients such as 0.3/0.1 = 2.9999999999999996
// when counting multiples of a step.
const eps = 1e-9

// NiceTicks is a plot.Ticker that labels an axis at multiples of a "nice"
// step, 1, 2, 2.5 or 5 × 10^k, chosen so that 4 to 8 labelled ticks (6 when
// possible, steps of 1, 2 and 5 preferred over 2.5) fall in the range: 0, 50,
// …, 200 for 0–200 ms, 0, 200, …, 1000 for 0–1000, 0, 500, …, 3000 for 3200
// neurons. Unlabelled minor ticks divide each step into 4 or 5 parts, and the
// first and last minor tick enclose the range, so an axis with AutoRescale
// (every automatic axis of a viz plot) grows to the nearest minor tick: data
// spanning 0–199.9 ms get the axis 0–200.
//
// Every plot of this package uses NiceTicks on both axes. Set it on a plot of
// your own with p.X.Tick.Marker = viz.NiceTicks{}.
type NiceTicks struct{}

// Ticks implements plot.Ticker. A zero-width range gets one tick; a
// non-finite range gets none.
func (NiceTicks) Ticks(min, max float64) []plot.Tick {
	if !finite(min) || !finite(max) {
		return nil
	}
	if min > max {
		min, max = max, min
	}
	span := max - min
	if min == max || !finite(span) {
		return endTicks(min, max)
	}
	m10, e, minorDiv, ok := chooseStep(min, max)
	if !ok {
		return endTicks(min, max)
	}
	minor := scaled(m10, e) / float64(minorDiv)
	// Beyond 2^52 steps from zero the multiples are no longer distinct
	// floats (and a step that under- or overflows is no step): label the
	// ends only.
	if !(minor > 0) || !finite(minor) || math.Max(math.Abs(min), math.Abs(max))/minor > 1<<52 {
		return endTicks(min, max)
	}
	dec := decimals(m10, e)
	lo, hi := int64(math.Floor(min/minor+eps)), int64(math.Ceil(max/minor-eps))
	md := int64(minorDiv)
	ticks := make([]plot.Tick, 0, hi-lo+1)
	for j := lo; j <= hi; j++ {
		// value = j·minor, computed from integers so that labels are exact:
		// minor = m10·10^e / minorDiv, and m10·j is a multiple of minorDiv
		// exactly when j is on a major tick.
		t := plot.Tick{Value: scaledRatio(j*m10, minorDiv, e)}
		if !finite(t.Value) { // beyond ±MaxFloat64
			continue
		}
		if j%md == 0 {
			t.Label = label(t.Value, dec)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// chooseStep returns the major step m10·10^e (m10 ∈ {10, 20, 25, 50}) and its
// number of minor divisions for the range [min, max], min < max; ok is false
// when no step gives 4–8 ticks (a range at the limits of float64).
func chooseStep(min, max float64) (m10 int64, e, minorDiv int, ok bool) {
	// the step mantissas ×10 (1, 2, 2.5, 5) and their minor divisions
	mantissas := [...]struct{ m10, minor int64 }{{10, 5}, {20, 4}, {25, 5}, {50, 5}}
	top := int(math.Floor(math.Log10(max - min)))
	best := math.Inf(1)
	for k := top - 2; k <= top+1; k++ {
		for _, c := range mantissas {
			step := scaled(c.m10, k-1)
			n := math.Floor(max/step+eps) - math.Ceil(min/step-eps) + 1
			cost := math.Abs(n - 6)
			if !(n >= 4 && n <= 8) { // also NaN for a step that under- or overflows
				continue
			}
			if c.m10 == 25 {
				cost++
			}
			// ties go to the larger step (fewer labels), which comes later
			if cost <= best {
				best, m10, e, minorDiv, ok = cost, c.m10, k-1, int(c.minor), true
			}
		}
	}
	return m10, e, minorDiv, ok
}

// scaled returns m·10^e.
func scaled(m int64, e int) float64 {
	if e >= 0 {
		return float64(m) * math.Pow10(e)
	}
	return float64(m) / math.Pow10(-e)
}

// scaledRatio returns (n/d)·10^e, exact to rounding when n is a multiple of d.
func scaledRatio(n int64, d, e int) float64 {
	if n%int64(d) == 0 {
		return scaled(n/int64(d), e)
	}
	return scaled(n, e) / float64(d)
}

// decimals returns the number of decimals that print multiples of m10·10^e
// exactly (0 for integer steps).
func decimals(m10 int64, e int) int {
	for m10%10 == 0 {
		m10 /= 10
		e++
	}
	return max(0, -e)
}

// label formats a tick value with dec decimals, or in exponent form when
// fixed notation would be long.
func label(v float64, dec int) string {
	if v == 0 {
		v = 0 // no "-0"
	}
	if a := math.Abs(v); dec > 6 || a >= 1e9 {
		s := strconv.FormatFloat(v, 'g', 6, 64)
		if p, err := strconv.ParseFloat(s, 64); err == nil && p == v {
			return s
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', dec, 64)
}

// endTicks labels only the ends of a range (one tick if they are equal).
func endTicks(min, max float64) []plot.Tick {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
	if min == max {
		return []plot.Tick{{Value: min, Label: f(min)}}
	}
	return []plot.Tick{{Value: min, Label: f(min)}, {Value: max, Label: f(max)}}
}
