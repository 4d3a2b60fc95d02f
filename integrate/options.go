package integrate

import (
	"fmt"
	"math"
)

// DiagFunc writes into diag the diagonal of the Jacobian of a right-hand
// side at (t, y): diag[i] = ∂f_i/∂y_i.
type DiagFunc func(t float64, y, diag []float64)

// Option configures an integrator. Options that do not concern the chosen
// method are ignored; an option meant only for SDEs given to an ODE
// constructor (or the reverse) is an error.
type Option func(*config)

type config struct {
	diag     DiagFunc // ∂f_i/∂y_i (exp_euler)
	gdiag    DiagFunc // ∂g_i/∂y_i (milstein)
	rtol     float64
	atol     float64
	h0       float64
	maxSteps int
	noise    Noise
	odeOnly  []string // names of ODE-only options given
	sdeOnly  []string // names of SDE-only options given
	err      error    // first invalid option value
}

func defaultConfig() config {
	return config{rtol: 1e-6, atol: 1e-9, maxSteps: 1_000_000, noise: CounterNoise{}}
}

func (c *config) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("integrate: "+format, args...)
	}
}

// WithDiagJacobian supplies ∂f_i/∂y_i of the drift for the exponential Euler
// method (ODE and SDE), instead of the dual-number derivative of NewODEDual.
func WithDiagJacobian(d DiagFunc) Option {
	return func(c *config) {
		if d == nil {
			c.fail("WithDiagJacobian: func is nil")
		}
		c.diag = d
	}
}

// WithTolerance sets the relative and absolute tolerances of the adaptive
// methods (default rtol = 1e-6, atol = 1e-9). ODE only.
func WithTolerance(rtol, atol float64) Option {
	return func(c *config) {
		c.odeOnly = append(c.odeOnly, "WithTolerance")
		switch {
		case !(rtol >= 0) || math.IsInf(rtol, 0):
			c.fail("WithTolerance rtol = %g: must be finite and >= 0", rtol)
		case !(atol >= 0) || math.IsInf(atol, 0):
			c.fail("WithTolerance atol = %g: must be finite and >= 0", atol)
		case rtol == 0 && atol == 0:
			c.fail("WithTolerance rtol = 0, atol = 0: at least one must be > 0")
		}
		c.rtol, c.atol = rtol, atol
	}
}

// WithInitialStep sets the first trial step of Integrate (default: chosen
// automatically from f at t0). ODE only.
func WithInitialStep(h float64) Option {
	return func(c *config) {
		c.odeOnly = append(c.odeOnly, "WithInitialStep")
		if !(h > 0) || math.IsInf(h, 0) {
			c.fail("WithInitialStep h = %g: must be finite and > 0", h)
		}
		c.h0 = h
	}
}

// WithMaxSteps bounds the number of attempted steps of one Integrate call
// (default 1e6). ODE only.
func WithMaxSteps(m int) Option {
	return func(c *config) {
		c.odeOnly = append(c.odeOnly, "WithMaxSteps")
		if m <= 0 {
			c.fail("WithMaxSteps m = %d: must be > 0", m)
		}
		c.maxSteps = m
	}
}

// WithNoiseDerivative supplies ∂g_i/∂y_i of the diffusion for the Milstein
// method, instead of the dual-number derivative of NewSDEDual. SDE only.
func WithNoiseDerivative(d DiagFunc) Option {
	return func(c *config) {
		c.sdeOnly = append(c.sdeOnly, "WithNoiseDerivative")
		if d == nil {
			c.fail("WithNoiseDerivative: func is nil")
		}
		c.gdiag = d
	}
}

// WithSeed selects the default counter-based noise, CounterNoise{Key: seed}.
// SDE only.
func WithSeed(seed uint64) Option {
	return func(c *config) {
		c.sdeOnly = append(c.sdeOnly, "WithSeed")
		c.noise = CounterNoise{Key: seed}
	}
}

// WithNoise replaces the noise source. SDE only.
func WithNoise(nz Noise) Option {
	return func(c *config) {
		c.sdeOnly = append(c.sdeOnly, "WithNoise")
		if nz == nil {
			c.fail("WithNoise: noise is nil")
		}
		c.noise = nz
	}
}

// applyOptions builds the configuration for an ODE (sde = false) or an SDE.
func applyOptions(sde bool, opts []Option) (config, error) {
	c := defaultConfig()
	for _, o := range opts {
		if o == nil {
			return c, fmt.Errorf("integrate: option is nil")
		}
		o(&c)
	}
	if c.err != nil {
		return c, c.err
	}
	if sde && len(c.odeOnly) > 0 {
		return c, fmt.Errorf("integrate: option %s applies to ODEs only", c.odeOnly[0])
	}
	if !sde && len(c.sdeOnly) > 0 {
		return c, fmt.Errorf("integrate: option %s applies to SDEs only", c.sdeOnly[0])
	}
	return c, nil
}
