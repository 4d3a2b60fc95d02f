package integrate

import (
	"fmt"
	"strings"
)

// odeNames lists the ODE methods in the order of the package documentation.
var odeNames = [...]string{
	"euler", "midpoint", "heun2", "ralston2", "rk2",
	"rk3", "heun3", "ralston3", "ssprk3",
	"rk4", "ralston4", "rk4_38rule",
	"rkf45", "rkdp",
	"exp_euler", "exp_auto", "exp_euler_auto", "exponential_euler",
}

// sdeNames lists the SDE methods.
var sdeNames = [...]string{
	"euler", "milstein",
	"exp_euler", "exp_auto", "exp_euler_auto", "exponential_euler",
}

// ODEMethods returns the names accepted by NewODE and NewODEDual.
func ODEMethods() []string { return append([]string(nil), odeNames[:]...) }

// SDEMethods returns the names accepted by NewSDE and NewSDEDual.
func SDEMethods() []string { return append([]string(nil), sdeNames[:]...) }

// isExp reports whether name is one of BrainPy's aliases of the exponential
// Euler method (exp_auto = exp_euler = exp_euler_auto = exponential_euler;
// docs/semantics.md, “Numerical integration”).
func isExp(name string) bool {
	switch name {
	case "exp_euler", "exp_auto", "exp_euler_auto", "exponential_euler":
		return true
	}
	return false
}

func unknownMethod(kind, name string, valid []string) error {
	return fmt.Errorf("integrate: %s method = %q: unknown; valid methods: %s",
		kind, name, strings.Join(valid, ", "))
}

// checkSize validates n (for NewODE/NewSDE) or vars×size (for the dual
// constructors).
func checkSize(field string, n int) error {
	if n <= 0 {
		return fmt.Errorf("integrate: %s = %d: must be > 0", field, n)
	}
	return nil
}
