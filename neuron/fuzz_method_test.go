package neuron_test

import (
	"strings"
	"testing"

	"github.com/brainsim/brainsim/neuron"
)

// FuzzLIFMethod: every name LinearMethods lists is accepted, and any
// refused name gives an error that names the field, the value and the list.
func FuzzLIFMethod(f *testing.F) {
	listed := strings.Split(strings.ReplaceAll(neuron.LinearMethods, " (default)", ""), ", ")
	for _, s := range append(listed, "", "EULER", "rk4 ", "rkf45", "exp", "\x00") {
		f.Add(s)
	}
	p := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5}
	f.Fuzz(func(t *testing.T, name string) {
		q := p
		q.Method = name
		l, err := neuron.NewLIF(2, q)
		isListed := false
		for _, m := range listed {
			isListed = isListed || m == name
		}
		switch {
		case isListed && err != nil:
			t.Fatalf("NewLIF refused the listed method %q: %v", name, err)
		case err != nil && !strings.Contains(err.Error(), "Method = "+name+": must be one of "+neuron.LinearMethods):
			t.Fatalf("NewLIF(Method %q): error %q does not name the field, value and list", name, err)
		case err == nil && l.Params().Method != name:
			t.Fatalf("NewLIF(Method %q) kept Method %q", name, l.Params().Method)
		}
	})
}
