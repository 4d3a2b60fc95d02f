package input

import (
	"math"
)

// Sinusoidal returns floor(duration/dt) steps that are 0 except on the
// window's steps [a, b) = [int(w.Start/dt), int(w.End/dt)), where step a+j
// holds
//
//	A·sin(2π·f·j·dt/1000)   (+A when bias),
//
// f being the frequency in Hz: the phase starts at the window (BrainPy's
// bp.inputs.sinusoidal_input; bias makes the signal non-negative).
func Sinusoidal(amplitude, freqHz, duration, dt float64, w Window, bias bool) ([]float64, error) {
	const fn = "Sinusoidal"
	out, a, b, err := wave(fn, amplitude, freqHz, duration, dt, w)
	if err != nil {
		return nil, err
	}
	for k := a; k < b; k++ {
		v := amplitude * math.Sin(2*math.Pi*freqHz*float64(k-a)*dt/1000)
		if bias {
			v += amplitude
		}
		out[k] = v
	}
	return out, nil
}

// Square returns floor(duration/dt) steps that are 0 except on the window's
// steps [a, b) = [int(w.Start/dt), int(w.End/dt)), which hold a square wave
// of amplitude A, frequency f Hz and duty cycle 0.5: step a+j is +A when
// f·j·dt/1000 is in the first half of a period, −A in the second (0 and 2A
// when bias), as BrainPy's bp.inputs.square_input (scipy's square of
// 2π·f·j·dt/1000). A step exactly on a half-period boundary (within 1e-9
// periods, to absorb rounding) starts the new half.
func Square(amplitude, freqHz, duration, dt float64, w Window, bias bool) ([]float64, error) {
	const fn = "Square"
	out, a, b, err := wave(fn, amplitude, freqHz, duration, dt, w)
	if err != nil {
		return nil, err
	}
	for k := a; k < b; k++ {
		cycles := freqHz*float64(k-a)*dt/1000 + 1e-9
		v := amplitude
		if cycles-math.Floor(cycles) >= 0.5 {
			v = -amplitude
		}
		if bias {
			v += amplitude
		}
		out[k] = v
	}
	return out, nil
}

// wave validates the common arguments of the periodic generators and
// returns the zero signal with the window's step range [a, b).
func wave(fn string, amplitude, freqHz, duration, dt float64, w Window) ([]float64, int, int, error) {
	if err := checkDt(fn, dt); err != nil {
		return nil, 0, 0, err
	}
	if !finite(amplitude) {
		return nil, 0, 0, fieldError(fn, "amplitude", amplitude, "must be finite")
	}
	if !(freqHz >= 0) || math.IsInf(freqHz, 0) {
		return nil, 0, 0, fieldError(fn, "freqHz", freqHz, "must be a finite frequency in Hz >= 0")
	}
	w, err := w.check(fn, duration, dt)
	if err != nil {
		return nil, 0, 0, err
	}
	n := floorSteps(duration, dt)
	return make([]float64, n), min(n, floorSteps(w.Start, dt)), min(n, floorSteps(w.End, dt)), nil
}
