package integrate

import (
	"fmt"
	"math"
)

// SDE integrates the Itô system dy = f(t, y)·dt + g(t, y)·dW with diagonal
// noise: component i is driven by its own Wiener process W_i, and g writes
// the diffusion coefficient of each component into its output slice.
// Buffers are allocated by the constructor; Step does not allocate. An SDE
// is not safe for concurrent use.
type SDE struct {
	method string
	n      int
	f, g   Func
	fd, gd func(t float64, y, v, diag []float64) // value and diagonal derivative
	noise  Noise
	drift  []float64
	diff   []float64
	fdiag  []float64 // exp_euler: ∂f_i/∂y_i
	gdiag  []float64 // milstein: ∂g_i/∂y_i
	dW     []float64
}

type sdeKind int

const (
	sdeEuler sdeKind = iota
	sdeMilstein
	sdeExp
)

func sdeMethod(name string) (sdeKind, error) {
	switch {
	case name == "euler":
		return sdeEuler, nil
	case name == "milstein":
		return sdeMilstein, nil
	case isExp(name):
		return sdeExp, nil
	}
	return 0, unknownMethod("SDE", name, sdeNames[:])
}

// NewSDE returns an Itô SDE integrator of n components by method name:
// euler (Euler–Maruyama), milstein (needs WithNoiseDerivative) or exp_euler
// and its aliases (needs WithDiagJacobian). The noise defaults to
// CounterNoise{Key: 0}; see WithSeed and WithNoise.
func NewSDE(method string, n int, f, g Func, opts ...Option) (*SDE, error) {
	kind, err := sdeMethod(method)
	if err != nil {
		return nil, err
	}
	if err := checkSize("n", n); err != nil {
		return nil, err
	}
	if f == nil || g == nil {
		return nil, fmt.Errorf("integrate: SDE f or g is nil: drift and diffusion are required")
	}
	cfg, err := applyOptions(true, opts)
	if err != nil {
		return nil, err
	}
	s := &SDE{method: method, n: n, f: f, g: g, noise: cfg.noise}
	switch kind {
	case sdeMilstein:
		if cfg.gdiag == nil {
			return nil, fmt.Errorf("integrate: SDE method %q needs ∂g_i/∂y_i: pass WithNoiseDerivative or use NewSDEDual", method)
		}
		d := cfg.gdiag
		s.gd = func(t float64, y, v, diag []float64) { g(t, y, v); d(t, y, diag) }
	case sdeExp:
		if cfg.diag == nil {
			return nil, fmt.Errorf("integrate: SDE method %q needs the drift's Jacobian diagonal: pass WithDiagJacobian or use NewSDEDual", method)
		}
		d := cfg.diag
		s.fd = func(t float64, y, v, diag []float64) { f(t, y, v); d(t, y, diag) }
	}
	s.alloc()
	return s, nil
}

// NewSDEDual is NewSDE with drift and diffusion over dual numbers, laid out
// as vars blocks of size neurons (n = vars·size); the derivatives needed by
// milstein and exp_euler come from forward-mode differentiation, under the
// element-wise assumption documented at NewODEDual.
func NewSDEDual(method string, vars, size int, f, g DualFunc, opts ...Option) (*SDE, error) {
	kind, err := sdeMethod(method)
	if err != nil {
		return nil, err
	}
	if err := checkLayout(vars, size); err != nil {
		return nil, err
	}
	if f == nil || g == nil {
		return nil, fmt.Errorf("integrate: SDE f or g is nil: drift and diffusion are required")
	}
	cfg, err := applyOptions(true, opts)
	if err != nil {
		return nil, err
	}
	if cfg.diag != nil || cfg.gdiag != nil {
		return nil, fmt.Errorf("integrate: WithDiagJacobian and WithNoiseDerivative are not allowed with NewSDEDual: the dual numbers give the derivatives")
	}
	df, dg := newDualEval(f, vars, size), newDualEval(g, vars, size)
	s := &SDE{method: method, n: vars * size, f: df.value, g: dg.value, noise: cfg.noise}
	switch kind {
	case sdeMilstein:
		s.gd = dg.valueDiag
	case sdeExp:
		s.fd = df.valueDiag
	}
	s.alloc()
	return s, nil
}

func (s *SDE) alloc() {
	n := s.n
	s.drift, s.diff, s.dW = make([]float64, n), make([]float64, n), make([]float64, n)
	if s.fd != nil {
		s.fdiag = make([]float64, n)
	}
	if s.gd != nil {
		s.gdiag = make([]float64, n)
	}
}

// Method returns the method name given to the constructor.
func (s *SDE) Method() string { return s.method }

// Len returns n, the length of the state.
func (s *SDE) Len() int { return s.n }

// Step advances y in place from t to t+dt, drawing the Wiener increments
// dW_i = √dt·ξ_i with ξ filled by the noise source for step index k. The
// same (noise, k) always gives the same increments, so pass the runner's
// integer step count. Errors are those of StepIncrement.
func (s *SDE) Step(t, dt float64, y []float64, k uint64) error {
	if err := checkStep("SDE Step", s.n, t, dt, y); err != nil {
		return err
	}
	s.noise.Fill(k, s.dW)
	sq := math.Sqrt(dt)
	for i := range s.dW {
		s.dW[i] *= sq
	}
	s.advance(t, dt, y, s.dW)
	return nil
}

// StepIncrement advances y in place from t to t+dt with given Wiener
// increments dW (dW_i ~ N(0, dt), e.g. sums of finer increments of one
// Brownian path). The schemes (Kloeden & Platen 1992, §10.2 and §10.3):
//
//	euler:     y + f·dt + g·dW
//	milstein:  y + f·dt + g·dW + ½·g·∂g/∂y·(dW² − dt)
//	exp_euler: y + dt·φ₁(dt·∂f/∂y)·f + g·dW
//
// It returns an error, leaving y untouched, if len(y) or len(dW) ≠ n, dt is
// not finite and positive, or t is not finite.
func (s *SDE) StepIncrement(t, dt float64, y, dW []float64) error {
	if err := checkStep("SDE StepIncrement", s.n, t, dt, y); err != nil {
		return err
	}
	if len(dW) != s.n {
		return fmt.Errorf("integrate: SDE StepIncrement len(dW) = %d: must equal n = %d", len(dW), s.n)
	}
	s.advance(t, dt, y, dW)
	return nil
}

func (s *SDE) advance(t, dt float64, y, dW []float64) {
	n := len(y)
	dW = dW[:n]
	f, g := s.drift[:n], s.diff[:n]
	if s.gd != nil {
		s.gd(t, y, g, s.gdiag)
	} else {
		s.g(t, y, g)
	}
	if s.fd != nil {
		s.fd(t, y, f, s.fdiag)
		expUpdate(y, dt, f, s.fdiag)
		for i := range y {
			y[i] += g[i] * dW[i]
		}
		return
	}
	s.f(t, y, f)
	if s.gd != nil {
		gp := s.gdiag[:n]
		for i := range y {
			w := dW[i]
			y[i] += f[i]*dt + g[i]*w + 0.5*g[i]*gp[i]*(w*w-dt)
		}
		return
	}
	for i := range y {
		y[i] += f[i]*dt + g[i]*dW[i]
	}
}
