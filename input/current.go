package input

import "fmt"

// Section returns a piecewise-constant current: values[s] for
// ceil(durations[s]/dt) steps, segment after segment (BrainPy HEAD's
// bp.inputs.section_input; docs/semantics.md, “Inputs and Poisson sources”).
// Values and durations must have the same, non-zero length; durations are in
// ms (finite, >= 0) and dt > 0.
//
// BrainPy 2.1.12 gave each segment int(d/dt) steps inside a total of
// ceil(Σd/dt); the two agree whenever every duration is a multiple of dt.
func Section(values, durations []float64, dt float64) ([]float64, error) {
	const fn = "Section"
	if err := checkDt(fn, dt); err != nil {
		return nil, err
	}
	if len(values) != len(durations) {
		return nil, fmt.Errorf("input: Section: %d values but %d durations: the lengths must match", len(values), len(durations))
	}
	if len(values) == 0 {
		return nil, fmt.Errorf("input: Section: no segments: give at least one value and duration")
	}
	total := 0.0
	for s, d := range durations {
		if err := checkDuration(fn, fmt.Sprintf("durations[%d]", s), d); err != nil {
			return nil, err
		}
		if !finite(values[s]) {
			return nil, fieldError(fn, fmt.Sprintf("values[%d]", s), values[s], "must be finite")
		}
		total += d
	}
	// every segment rounds up by less than one step
	if err := checkLen(fn, total+float64(len(durations))*dt, dt, 1); err != nil {
		return nil, err
	}
	steps := 0
	for _, d := range durations {
		steps += ceilSteps(d, dt)
	}
	out := make([]float64, 0, steps)
	for s, d := range durations {
		for range ceilSteps(d, dt) {
			out = append(out, values[s])
		}
	}
	return out, nil
}

// Segment is one piece of a Constant current: Value for Duration ms.
type Segment struct {
	Value, Duration float64
}

// Constant returns the current made of the segments (each lasting
// ceil(Duration/dt) steps, as Section) and the total duration in ms
// (BrainPy's bp.inputs.constant_input).
func Constant(segments []Segment, dt float64) ([]float64, float64, error) {
	values := make([]float64, len(segments))
	durations := make([]float64, len(segments))
	total := 0.0
	for s, g := range segments {
		values[s], durations[s] = g.Value, g.Duration
		total += g.Duration
	}
	out, err := Section(values, durations, dt)
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// Spike returns a current of ceil(duration/dt) steps that is zero except
// for rectangular pulses: pulse q sets the steps
// [int(times[q]/dt), int(times[q]/dt)+int(lens[q]/dt)) to sizes[q], a later
// pulse overwriting an earlier one, the part past the end being dropped
// (BrainPy's bp.inputs.spike_input). Lens and sizes have length 1 (the same
// for every pulse) or len(times). Times and lens are in ms, finite, >= 0.
func Spike(times, lens, sizes []float64, duration, dt float64) ([]float64, error) {
	const fn = "Spike"
	if err := checkDt(fn, dt); err != nil {
		return nil, err
	}
	if err := checkDuration(fn, "duration", duration); err != nil {
		return nil, err
	}
	if err := checkLen(fn, duration+dt, dt, 1); err != nil {
		return nil, err
	}
	for _, a := range []struct {
		name string
		v    []float64
	}{{"lens", lens}, {"sizes", sizes}} {
		if len(a.v) != 1 && len(a.v) != len(times) {
			return nil, fmt.Errorf("input: Spike: len(%s) = %d: must be 1 or len(times) = %d", a.name, len(a.v), len(times))
		}
	}
	at := func(v []float64, q int) float64 {
		if len(v) == 1 {
			return v[0]
		}
		return v[q]
	}
	out := make([]float64, ceilSteps(duration, dt))
	for q, t := range times {
		l, size := at(lens, q), at(sizes, q)
		if err := checkDuration(fn, fmt.Sprintf("times[%d]", q), t); err != nil {
			return nil, err
		}
		if err := checkDuration(fn, fmt.Sprintf("lens[%d]", q), l); err != nil {
			return nil, err
		}
		if !finite(size) {
			return nil, fieldError(fn, fmt.Sprintf("sizes[%d]", q), size, "must be finite")
		}
		if t > duration+dt { // past the end (and keeps t/dt small)
			continue
		}
		a := floorSteps(t, dt)
		b := min(len(out), a+floorSteps(min(l, duration+dt), dt))
		for k := a; k < b; k++ {
			out[k] = size
		}
	}
	return out, nil
}

// Ramp returns a current of ceil(duration/dt) steps that is zero except on
// the steps [ceil(w.Start/dt), ceil(w.End/dt)), which go linearly from
// cStart to cEnd, both included (numpy's linspace; a single step holds
// cStart). This is what BrainPy's bp.inputs.ramp_input computes: the current
// is zero after the window although HEAD's documentation says it stays at
// cEnd.
func Ramp(cStart, cEnd, duration, dt float64, w Window) ([]float64, error) {
	const fn = "Ramp"
	if err := checkDt(fn, dt); err != nil {
		return nil, err
	}
	if !finite(cStart) {
		return nil, fieldError(fn, "cStart", cStart, "must be finite")
	}
	if !finite(cEnd) {
		return nil, fieldError(fn, "cEnd", cEnd, "must be finite")
	}
	w, err := w.check(fn, duration, dt)
	if err != nil {
		return nil, err
	}
	out := make([]float64, ceilSteps(duration, dt))
	p1, p2 := ceilSteps(w.Start, dt), min(len(out), ceilSteps(w.End, dt))
	m := p2 - p1
	for j := range max(m, 0) {
		switch j {
		case 0:
			out[p1] = cStart
		case m - 1:
			out[p1+j] = cEnd
		default:
			out[p1+j] = cStart + (cEnd-cStart)*float64(j)/float64(m-1)
		}
	}
	return out, nil
}

// Window restricts a generator to the times [Start, End) ms of its
// duration; outside it the generator gives 0. The zero Window is the whole
// duration: End = 0 means the duration. Start must be >= 0 and End, when
// set, in [Start, duration].
type Window struct {
	Start, End float64
}

// check validates the window against the duration and returns it with End
// filled in.
func (w Window) check(fn string, duration, dt float64) (Window, error) {
	if err := checkDuration(fn, "duration", duration); err != nil {
		return w, err
	}
	if err := checkLen(fn, duration+dt, dt, 1); err != nil {
		return w, err
	}
	if !(w.Start >= 0) || !finite(w.Start) || w.Start > duration {
		return w, fieldError(fn, "Window.Start", w.Start, fmt.Sprintf("must be a finite time in ms in [0, duration = %v]", duration))
	}
	if w.End == 0 {
		w.End = duration
	}
	if !(w.End >= w.Start) || w.End > duration {
		return w, fieldError(fn, "Window.End", w.End, fmt.Sprintf("must be in [Start = %v, duration = %v] ms (0 means the duration)", w.Start, duration))
	}
	return w, nil
}
