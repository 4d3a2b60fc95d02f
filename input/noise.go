package input

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/rng"
)

// Wiener returns n independent channels of floor(duration/dt) steps holding
// the increments of a Wiener process, N(0, 1)·√dt, on the steps
// [int(w.Start/dt), int(w.End/dt)) and 0 elsewhere (BrainPy's
// bp.inputs.wiener_process). The draws are a pure function of (seed, step,
// channel).
func Wiener(duration, dt float64, n int, w Window, seed uint64) (*Signal, error) {
	const fn = "Wiener"
	s, a, b, err := noise(fn, duration, dt, n, w)
	if err != nil {
		return nil, err
	}
	key, sd := rng.String(seed, "wiener"), math.Sqrt(dt)
	for k := a; k < b; k++ {
		for i := range n {
			s.Data[k*n+i] = sd * rng.Normal(key, uint64(k*n+i))
		}
	}
	return s, nil
}

// OUParams are the parameters of an Ornstein–Uhlenbeck process
// dX = (Mean − X)/Tau·dt + Sigma·dW (Uhlenbeck & Ornstein 1930).
type OUParams struct {
	Mean, Sigma float64
	// Tau is the time constant in ms (> 0).
	Tau float64
}

// OU returns n independent channels of floor(duration/dt) steps of an
// Ornstein–Uhlenbeck process on the steps [int(w.Start/dt), int(w.End/dt))
// and 0 elsewhere (BrainPy's bp.inputs.ou_process). Each channel starts at
// Mean at the window's start and every step records the state after one
// Euler–Maruyama step
//
//	x ← x + dt·(Mean − x)/Tau + Sigma·√dt·ξ,   ξ ~ N(0, 1).
//
// Its stationary variance is Sigma²·Tau/(2 − dt/Tau), which tends to the
// continuous process's Sigma²·Tau/2 as dt → 0; dt must be < 2·Tau for the
// scheme to be stable. (One braintools release drew ξ uniformly in [0, 1),
// contrary to the equation; the current one, like brainsim, draws it from
// N(0, 1).) The draws are a pure function of (seed, step, channel).
func OU(p OUParams, duration, dt float64, n int, w Window, seed uint64) (*Signal, error) {
	const fn = "OU"
	switch {
	case !finite(p.Mean):
		return nil, fieldError(fn, "Mean", p.Mean, "must be finite")
	case !(p.Sigma >= 0) || math.IsInf(p.Sigma, 0):
		return nil, fieldError(fn, "Sigma", p.Sigma, "must be finite and >= 0")
	case !(p.Tau > 0) || math.IsInf(p.Tau, 0):
		return nil, fieldError(fn, "Tau", p.Tau, "must be a finite number of ms > 0")
	case dt >= 2*p.Tau:
		return nil, fieldError(fn, "dt", dt, fmt.Sprintf("must be < 2·Tau = %v ms for a stable Euler–Maruyama step", 2*p.Tau))
	}
	s, a, b, err := noise(fn, duration, dt, n, w)
	if err != nil {
		return nil, err
	}
	key, sd, c := rng.String(seed, "ou"), p.Sigma*math.Sqrt(dt), dt/p.Tau
	x := make([]float64, n)
	for i := range x {
		x[i] = p.Mean
	}
	for k := a; k < b; k++ {
		for i := range n {
			x[i] += c*(p.Mean-x[i]) + sd*rng.Normal(key, uint64(k*n+i))
			s.Data[k*n+i] = x[i]
		}
	}
	return s, nil
}

// noise validates the common arguments of Wiener and OU and returns the zero
// signal with the window's step range [a, b).
func noise(fn string, duration, dt float64, n int, w Window) (*Signal, int, int, error) {
	if err := checkDt(fn, dt); err != nil {
		return nil, 0, 0, err
	}
	if n < 1 {
		return nil, 0, 0, fieldError(fn, "n", n, "must be >= 1 (the number of channels)")
	}
	w, err := w.check(fn, duration, dt)
	if err != nil {
		return nil, 0, 0, err
	}
	if err := checkLen(fn, duration, dt, n); err != nil {
		return nil, 0, 0, err
	}
	steps := floorSteps(duration, dt)
	s := &Signal{N: n, Data: make([]float64, steps*n)}
	return s, min(steps, floorSteps(w.Start, dt)), min(steps, floorSteps(w.End, dt)), nil
}
