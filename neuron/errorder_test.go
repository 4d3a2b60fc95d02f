package neuron_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/neuron"
)

// fieldOrder checks that the fields named in err ("neuron: M Field = …",
// one per line) appear in the order of the parameter struct p, and that
// want are among them.
func fieldOrder(t *testing.T, model string, p any, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error", model)
	}
	typ := reflect.TypeOf(p)
	pos := func(name string) int {
		if name == "size" {
			return -1
		}
		for i := range typ.NumField() {
			if typ.Field(i).Name == name {
				return i
			}
		}
		t.Fatalf("%s: error names %q, not a field of %s", model, name, typ)
		return 0
	}
	var names []string
	last := -2
	for _, line := range strings.Split(err.Error(), "\n") {
		rest, ok := strings.CutPrefix(line, "neuron: "+model+" ")
		if !ok {
			t.Fatalf("%s: error line %q lacks the prefix", model, line)
		}
		name, _, _ := strings.Cut(rest, " ")
		if p := pos(name); p < last {
			t.Errorf("%s: %s reported after a later field: %v", model, name, err)
		} else {
			last = p
		}
		names = append(names, name)
	}
	for _, w := range want {
		if !strings.Contains(strings.Join(names, " "), w) {
			t.Errorf("%s: error does not report %s: %v", model, w, err)
		}
	}
}

// TestErrorsInFieldOrder: every invalid field is reported, in the order of
// the parameter struct (LIFParams{Tau: -1} once reported only VReset).
func TestErrorsInFieldOrder(t *testing.T) {
	lp := neuron.LIFParams{Tau: -1}
	_, err := neuron.NewLIF(10, lp)
	fieldOrder(t, "LIF", lp, err, "VReset", "Tau")
	ap := neuron.AdExIFParams{}
	_, err = neuron.NewAdExIF(0, ap)
	fieldOrder(t, "AdExIF", ap, err)
	hp := neuron.HHParams{}
	_, err = neuron.NewHH(5, hp)
	fieldOrder(t, "HH", hp, err)
	ip := neuron.IzhikevichParams{TauRef: -1, Noise: -1}
	_, err = neuron.NewIzhikevich(5, ip)
	fieldOrder(t, "Izhikevich", ip, err, "TauRef", "Noise")
}
