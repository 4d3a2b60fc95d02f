package equations

import (
	"fmt"
	"strings"
)

// Methods returns the names Model.Method accepts besides "auto" (a new
// slice on each call).
func Methods() []string {
	return []string{"exact", "linear", "exponential_euler", "euler", "euler_maruyama", "rk2", "rk4", "heun", "milstein"}
}

// Method returns the integration method to use: "auto" picks as Brian2's
// NeuronGroup does, the first of exact, euler, heun that can integrate the
// equations; any other name is returned if the method can integrate them,
// else an error says why. euler_maruyama (not a Brian2 name) is Itô's
// Euler–Maruyama method, which, unlike euler, also accepts multiplicative
// noise.
func (m *Model) Method(name string) (string, error) {
	a := m.analysis
	if name == "auto" {
		for _, c := range []string{"exact", "euler", "heun"} {
			if a.cannot(c) == "" {
				return c, nil
			}
		}
	}
	known := false
	methods := Methods()
	for _, k := range methods {
		known = known || k == name
	}
	if !known {
		return "", fmt.Errorf("unknown integration method %q%s; methods: auto, %s", name, suggest(name, methods), strings.Join(methods, ", "))
	}
	if why := a.cannot(name); why != "" {
		return "", fmt.Errorf("method %q cannot integrate these equations: %s", name, why)
	}
	return name, nil
}

func (a *Analysis) cannot(method string) string {
	switch method {
	case "exact", "linear", "exponential_euler", "rk2", "rk4":
		if a.Noise != NoNoise {
			return "they are stochastic (xi); use euler (additive noise), heun or milstein"
		}
	case "euler":
		if a.Noise == MultiplicativeNoise {
			return "euler handles only additive noise; the noise factor depends on a state variable or t: use heun or milstein"
		}
	}
	switch method {
	case "exact", "linear":
		if a.Linearity != Linear {
			return "they are not linear with constant coefficients: " + a.Why
		}
	case "exponential_euler":
		if a.Linearity == Nonlinear {
			return "they are not conditionally linear: " + a.Why
		}
	}
	return ""
}
