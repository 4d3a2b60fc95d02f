package synapse_test

import (
	"reflect"
	"testing"

	"github.com/brainsim/brainsim/synapse"
)

// TestDefaultsMatchBrainPy checks every float field of the Default…
// constructors against the constructor signatures of BrainPy 2.8.2 (the
// classes each catalog entry's Source names), and that every entry has a
// Source.
func TestDefaultsMatchBrainPy(t *testing.T) {
	for _, c := range []struct {
		name string
		got  any
		want map[string]float64
	}{
		{"Exponential", synapse.DefaultExponential(), map[string]float64{"Tau": 8, "GMax": 1, "Delay": 0}},
		{"DualExp", synapse.DefaultDualExp(), map[string]float64{"TauDecay": 10, "TauRise": 1, "A": 0, "GMax": 1, "Delay": 0}},
		{"Alpha", synapse.DefaultAlpha(), map[string]float64{"TauDecay": 10, "GMax": 1, "Delay": 0}},
		{"Delta", synapse.DefaultDelta(), map[string]float64{"GMax": 1, "TauRef": 0, "Delay": 0}},
		{"AMPA", synapse.DefaultAMPA(), map[string]float64{"Alpha": 0.98, "Beta": 0.18, "T": 0.5, "TDur": 0.5, "GMax": 0.42, "Delay": 0}},
		{"GABAa", synapse.DefaultGABAa(), map[string]float64{"Alpha": 0.53, "Beta": 0.18, "T": 1, "TDur": 1, "GMax": 0.04, "Delay": 0}},
		{"NMDA", synapse.DefaultNMDA(), map[string]float64{"A": 0.5, "TauDecay": 100, "TauRise": 2, "GMax": 0.15, "Delay": 0}},
		{"BioNMDA", synapse.DefaultBioNMDA(), map[string]float64{"Alpha1": 2, "Beta1": 0.01, "Alpha2": 1, "Beta2": 0.5, "T": 1, "TDur": 0.5, "GMax": 0.15, "Delay": 0}},
		{"STDP", synapse.DefaultSTDP(), map[string]float64{"Tau": 8, "TauS": 16.8, "TauT": 33.7, "A1": 0.96, "A2": 0.53, "GMax": 1, "WMin": 0, "WMax": 0, "Delay": 0}},
		{"GapJunction", synapse.DefaultGapJunction(), map[string]float64{"GMax": 1}},
		{"MgBlock", synapse.DefaultMgBlock(), map[string]float64{"E": 0, "CcMg": 1.2, "Alpha": 0.062, "Beta": 3.57, "VOffset": 0}},
		{"STD", synapse.DefaultSTD(), map[string]float64{"U": 0.07, "TauD": 200, "TauF": 0}},
		{"STP", synapse.DefaultSTP(), map[string]float64{"U": 0.15, "TauF": 1500, "TauD": 200}},
	} {
		v := reflect.ValueOf(c.got)
		n := 0
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Type.Kind() != reflect.Float64 {
				continue
			}
			w, ok := c.want[f.Name]
			if !ok {
				t.Errorf("%s.%s: not in the BrainPy table", c.name, f.Name)
				continue
			}
			n++
			if got := v.Field(i).Float(); got != w {
				t.Errorf("%s.%s = %v, BrainPy's constructor has %v", c.name, f.Name, got, w)
			}
		}
		if n != len(c.want) {
			t.Errorf("%s: %d float fields checked, the table has %d", c.name, n, len(c.want))
		}
	}
	for _, m := range synapse.Catalog() {
		if m.Source == "" {
			t.Errorf("%s: no Source", m.Name)
		}
	}
}
