package integrate_test

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/integrate"
)

// FuzzMethodName: NewODE and NewSDE accept exactly the names ODEMethods and
// SDEMethods list; any other string is an error that quotes it. An accepted
// method takes one step of y' = −y from y = 1 (without noise) to within
// 0.01 of exp(−0.1).
func FuzzMethodName(f *testing.F) {
	for _, s := range append(integrate.ODEMethods(), integrate.SDEMethods()...) {
		f.Add(s)
	}
	for _, s := range []string{"", "EULER", "rk4 ", " euler", "exp", "rk5", "milstein\x00", "ünïcode"} {
		f.Add(s)
	}
	drift := func(t float64, y, dydt []float64) { dydt[0] = -y[0] }
	zero := func(t float64, y, g []float64) { g[0] = 0 }
	diag := integrate.WithDiagJacobian(func(t float64, y, d []float64) { d[0] = -1 })
	gdiag := integrate.WithNoiseDerivative(zero)
	want := math.Exp(-0.1)
	f.Fuzz(func(t *testing.T, name string) {
		ode, err := integrate.NewODE(name, 1, drift, diag)
		checkName(t, "NewODE", name, err, slices.Contains(integrate.ODEMethods(), name))
		if err == nil {
			y := []float64{1}
			if err := ode.Step(0, 0.1, y); err != nil || math.Abs(y[0]-want) > 0.01 {
				t.Fatalf("ODE %q: one step gives %g (%v), want %g ± 0.01", name, y[0], err, want)
			}
		}
		sde, err := integrate.NewSDE(name, 1, drift, zero, diag, gdiag)
		checkName(t, "NewSDE", name, err, slices.Contains(integrate.SDEMethods(), name))
		if err == nil {
			y := []float64{1}
			if err := sde.Step(0, 0.1, y, 7); err != nil || math.Abs(y[0]-want) > 0.01 {
				t.Fatalf("SDE %q: one noiseless step gives %g (%v), want %g ± 0.01", name, y[0], err, want)
			}
		}
	})
}

func checkName(t *testing.T, fn, name string, err error, valid bool) {
	t.Helper()
	switch {
	case valid && err != nil:
		t.Fatalf("%s(%q) refused a listed method: %v", fn, name, err)
	case !valid && err == nil:
		t.Fatalf("%s(%q) accepted a method it does not list", fn, name)
	case err != nil && !strings.Contains(err.Error(), strconv.Quote(name)):
		t.Fatalf("%s(%q): error %q does not quote the name", fn, name, err)
	}
}
