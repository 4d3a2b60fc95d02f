package neuron_test

import (
	"reflect"
	"testing"

	"github.com/brainsim/brainsim/neuron"
)

// brainPyDefaults are the constructor defaults of BrainPy 2.8.2 (the
// signatures of the classes each model's Source names, not the docstring
// tables), field by field. ExpIF and AdExIF have V_th = −55 there (their
// docstrings list −30).
var brainPyDefaults = map[string]map[string]float64{
	"LIF":             {"VRest": 0, "VReset": -5, "VTh": 20, "Tau": 10, "TauRef": 0, "R": 1},
	"LeakyIntegrator": {"VRest": 0, "R": 1, "Tau": 10},
	"ExpIF":           {"VRest": -65, "VReset": -68, "VTh": -55, "VT": -59.9, "DeltaT": 3.48, "R": 1, "Tau": 10, "TauRef": 0},
	"AdExIF": {"VRest": -65, "VReset": -68, "VTh": -55, "VT": -59.9, "DeltaT": 3.48, "A": 1, "B": 1,
		"Tau": 10, "TauW": 30, "R": 1, "TauRef": 0},
	"QuaIF":   {"VRest": -65, "VReset": -68, "VTh": -30, "VC": -50, "C": 0.07, "R": 1, "Tau": 10, "TauRef": 0},
	"AdQuaIF": {"VRest": -65, "VReset": -68, "VTh": -30, "VC": -50, "A": 1, "B": 0.1, "C": 0.07, "Tau": 10, "TauW": 10, "TauRef": 0},
	"GIF": {"VRest": -70, "VReset": -70, "VThInf": -50, "VThReset": -60, "R": 20, "Tau": 20, "A": 0, "B": 0.01,
		"K1": 0.2, "K2": 0.02, "R1": 0, "R2": 1, "A1": 0, "A2": 0, "TauRef": 0},
	"Izhikevich":    {"VTh": 30, "P1": 0.04, "P2": 5, "P3": 140, "A": 0.02, "B": 0.2, "C": -65, "D": 8, "TauRef": 0},
	"HH":            {"ENa": 50, "GNa": 120, "EK": -77, "GK": 36, "EL": -54.387, "GL": 0.03, "VTh": 20, "C": 1},
	"MorrisLecar":   {"VCa": 130, "GCa": 4.4, "VK": -84, "GK": 8, "VLeak": -60, "GLeak": 2, "C": 20, "V1": -1.2, "V2": 18, "V3": 2, "V4": 30, "Phi": 0.04, "VTh": 10},
	"WangBuzsaki":   {"ENa": 55, "GNa": 35, "EK": -90, "GK": 9, "EL": -65, "GL": 0.1, "VTh": 20, "Phi": 5, "C": 1},
	"HindmarshRose": {"A": 1, "B": 3, "C": 1, "D": 5, "R": 0.01, "S": 4, "VRest": -1.6, "VTh": 1},
	"FHN":           {"A": 0.7, "B": 0.8, "Tau": 12.5, "VTh": 1.8},
}

// TestDefaultsMatchBrainPy checks every float field of every model's
// defaults against BrainPy's constructors, and that the catalog names the
// source of each model's defaults.
func TestDefaultsMatchBrainPy(t *testing.T) {
	seen := 0
	for _, m := range neuron.Catalog() {
		if m.Source == "" {
			t.Errorf("%s: no Source", m.Name)
		}
		if m.Defaults == nil {
			continue
		}
		want, ok := brainPyDefaults[m.Name]
		if !ok {
			t.Errorf("%s: no BrainPy defaults in the test table", m.Name)
			continue
		}
		seen++
		v := reflect.ValueOf(m.Defaults)
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Type.Kind() != reflect.Float64 || f.Name == "Noise" {
				continue
			}
			w, ok := want[f.Name]
			if !ok {
				t.Errorf("%s.%s: not in the BrainPy table", m.Name, f.Name)
				continue
			}
			if got := v.Field(i).Float(); got != w {
				t.Errorf("%s.%s = %v, BrainPy's constructor has %v", m.Name, f.Name, got, w)
			}
		}
	}
	if seen != len(brainPyDefaults) {
		t.Errorf("checked %d models, the table has %d", seen, len(brainPyDefaults))
	}
	if neuron.DefaultExpIF().VTh != -55 || neuron.DefaultAdExIF().VTh != -55 {
		t.Errorf("ExpIF, AdExIF VTh = %v, %v; want −55", neuron.DefaultExpIF().VTh, neuron.DefaultAdExIF().VTh)
	}
}
