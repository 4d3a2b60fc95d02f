package integrate

import (
	"math"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/integrate/dual"
)

func TestConstructorErrors(t *testing.T) {
	f := func(_ float64, y, dy []float64) { copy(dy, y) }
	df := func(_ float64, y, dy []dual.Num) { copy(dy, y) }
	diag := func(_ float64, _, d []float64) { clear(d) }
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"unknown", err2(NewODE("rk5", 1, f)), `method = "rk5": unknown; valid methods: euler, midpoint`},
		{"n=0", err2(NewODE("rk4", 0, f)), "n = 0: must be > 0"},
		{"n<0", err2(NewODE("rk4", -3, f)), "n = -3"},
		{"nil f", err2(NewODE("rk4", 2, nil)), "f is nil"},
		{"exp without diag", err2(NewODE("exp_auto", 2, f)), "WithDiagJacobian"},
		{"nil diag", err2(NewODE("exp_auto", 2, f, WithDiagJacobian(nil))), "WithDiagJacobian: func is nil"},
		{"rtol<0", err2(NewODE("rkdp", 2, f, WithTolerance(-1, 0))), "rtol = -1"},
		{"atol NaN", err2(NewODE("rkdp", 2, f, WithTolerance(1e-6, math.NaN()))), "atol = NaN"},
		{"tol 0", err2(NewODE("rkdp", 2, f, WithTolerance(0, 0))), "at least one"},
		{"h0", err2(NewODE("rkdp", 2, f, WithInitialStep(0))), "WithInitialStep h = 0"},
		{"maxsteps", err2(NewODE("rkdp", 2, f, WithMaxSteps(0))), "WithMaxSteps m = 0"},
		{"nil option", err2(NewODE("rkdp", 2, f, nil)), "option is nil"},
		{"sde option on ode", err2(NewODE("rk4", 2, f, WithSeed(1))), "WithSeed applies to SDEs only"},
		{"dual vars", err2(NewODEDual("rk4", 0, 3, df)), "vars = 0"},
		{"dual size", err2(NewODEDual("rk4", 2, -1, df)), "size = -1"},
		{"dual nil", err2(NewODEDual("rk4", 2, 2, nil)), "f is nil"},
		{"dual with diag", err2(NewODEDual("exp_auto", 1, 2, df, WithDiagJacobian(diag))), "not allowed with NewODEDual"},
		{"dual unknown", err2(NewODEDual("exp", 1, 2, df)), `method = "exp": unknown`},
		{"sde unknown", err3(NewSDE("heun", 2, f, f)), `SDE method = "heun": unknown; valid methods: euler, milstein, exp_euler`},
		{"sde n", err3(NewSDE("euler", 0, f, f)), "n = 0"},
		{"sde nil g", err3(NewSDE("euler", 2, f, nil)), "f or g is nil"},
		{"milstein without", err3(NewSDE("milstein", 2, f, f)), "WithNoiseDerivative"},
		{"sde exp without", err3(NewSDE("exp_euler", 2, f, f)), "WithDiagJacobian"},
		{"ode option on sde", err3(NewSDE("euler", 2, f, f, WithTolerance(1, 1))), "WithTolerance applies to ODEs only"},
		{"nil noise", err3(NewSDE("euler", 2, f, f, WithNoise(nil))), "WithNoise: noise is nil"},
		{"nil noise deriv", err3(NewSDE("milstein", 2, f, f, WithNoiseDerivative(nil))), "WithNoiseDerivative: func is nil"},
		{"sde dual diag", err3(NewSDEDual("milstein", 1, 2, df, df, WithNoiseDerivative(diag))), "not allowed with NewSDEDual"},
		{"sde dual layout", err3(NewSDEDual("euler", 1, 0, df, df)), "size = 0"},
	}
	for _, c := range cases {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.Contains(c.err.Error(), c.want) || !strings.HasPrefix(c.err.Error(), "integrate: ") {
			t.Errorf("%s: error %q, want it to contain %q", c.name, c.err, c.want)
		}
	}
}

func err2(_ *ODE, err error) error { return err }
func err3(_ *SDE, err error) error { return err }

// TestStepErrors: invalid step arguments return an error and leave y as is.
func TestStepErrors(t *testing.T) {
	f := func(_ float64, y, dy []float64) { copy(dy, y) }
	o, _ := NewODE("rk4", 2, f)
	a, _ := NewODE("rkdp", 2, f)
	s, _ := NewSDE("euler", 2, f, f)
	y := []float64{1, 2}
	checks := []struct {
		name string
		err  error
		want string
	}{
		{"len", o.Step(0, 0.1, []float64{1}), "Step len(y) = 1: must equal n = 2"},
		{"dt 0", o.Step(0, 0, y), "dt = 0: must be finite and > 0"},
		{"dt<0", o.Step(0, -1, y), "dt = -1"},
		{"dt NaN", o.Step(0, math.NaN(), y), "dt = NaN"},
		{"dt Inf", o.Step(0, math.Inf(1), y), "dt = +Inf"},
		{"t NaN", o.Step(math.NaN(), 0.1, y), "t = NaN"},
		{"adaptive rk4", err3b(o.StepAdaptive(0, 0.1, y)), `method = "rk4": has no error estimate`},
		{"adaptive len", err3b(a.StepAdaptive(0, 0.1, y[:1])), "len(y) = 1"},
		{"integrate rk4", err2s(o.Integrate(0, 1, y)), "has no error estimate"},
		{"integrate t1<t0", err2s(a.Integrate(1, 0, y)), "t0 = 1, t1 = 0"},
		{"integrate len", err2s(a.Integrate(0, 1, y[:1])), "len(y) = 1"},
		{"sde dt", s.Step(0, 0, y, 0), "SDE Step dt = 0"},
		{"sde len", s.Step(0, 0.1, y[:1], 0), "len(y) = 1"},
		{"sde dW", s.StepIncrement(0, 0.1, y, []float64{1}), "len(dW) = 1"},
	}
	for _, c := range checks {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, c.err, c.want)
		}
	}
	if y[0] != 1 || y[1] != 2 {
		t.Errorf("y changed by failed steps: %v", y)
	}
}

func err3b(_ float64, _ bool, err error) error { return err }
func err2s(_ Stats, err error) error           { return err }

// TestNoAllocs: Step allocates nothing for every kind of integrator.
func TestNoAllocs(t *testing.T) {
	const n = 64
	f := func(_ float64, y, dy []float64) {
		for i, v := range y {
			dy[i] = -v
		}
	}
	df := func(_ float64, y, dy []dual.Num) {
		for i, v := range y {
			dy[i] = dual.Tanh(v).Neg()
		}
	}
	diag := func(_ float64, _, d []float64) {
		for i := range d {
			d[i] = -1
		}
	}
	y := make([]float64, n)
	for _, m := range []string{"euler", "rk4", "rkf45", "rkdp"} {
		o, _ := NewODE(m, n, f)
		if a := testing.AllocsPerRun(20, func() { o.Step(0, 0.1, y) }); a != 0 {
			t.Errorf("%s Step: %g allocs", m, a)
		}
	}
	a, _ := NewODE("rkdp", n, f)
	if al := testing.AllocsPerRun(20, func() { a.StepAdaptive(0, 0.1, y) }); al != 0 {
		t.Errorf("StepAdaptive: %g allocs", al)
	}
	e, _ := NewODE("exp_euler", n, f, WithDiagJacobian(diag))
	d, _ := NewODEDual("exp_euler", 2, n/2, df)
	for _, o := range []*ODE{e, d} {
		if al := testing.AllocsPerRun(20, func() { o.Step(0, 0.1, y) }); al != 0 {
			t.Errorf("exp Step: %g allocs", al)
		}
	}
	for _, m := range []string{"euler", "milstein", "exp_euler"} {
		s, _ := NewSDEDual(m, 1, n, df, df)
		if al := testing.AllocsPerRun(20, func() { s.Step(0, 0.1, y, 3) }); al != 0 {
			t.Errorf("SDE %s Step: %g allocs", m, al)
		}
	}
}
