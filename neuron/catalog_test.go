package neuron_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// TestCatalog checks that every catalog entry's defaults construct a valid
// model that runs, that its Vars are exactly the population's variables, and
// that Params lists every field of the parameter struct once, with the
// default of DefaultXxx.
func TestCatalog(t *testing.T) {
	cat := neuron.Catalog()
	want := []string{"LIF", "SpikeTimes", "LeakyIntegrator", "ExpIF", "AdExIF", "QuaIF", "AdQuaIF", "GIF",
		"Izhikevich", "HH", "MorrisLecar", "WangBuzsaki", "HindmarshRose", "FHN"}
	var names []string
	for _, m := range cat {
		names = append(names, m.Name)
	}
	if !slices.Equal(names, want) {
		t.Fatalf("catalog models %v, want %v", names, want)
	}
	for _, m := range cat {
		if m.Summary == "" || m.Reference == "" {
			t.Errorf("%s: empty summary or reference", m.Name)
		}
		pop, err := m.New(7)
		if err != nil {
			t.Errorf("%s: defaults do not construct: %v", m.Name, err)
			continue
		}
		net := sim.NewNetwork(1)
		if err := net.Add("P", pop); err != nil {
			t.Fatal(err)
		}
		r, err := sim.NewRunner(net, sim.Options{Dt: 0.01, Monitors: sim.Mon("P.spike")})
		if err != nil {
			t.Errorf("%s: %v", m.Name, err)
			continue
		}
		if _, err := r.Run(1); err != nil {
			t.Errorf("%s: run: %v", m.Name, err)
		}
		if !slices.Equal(pop.VarNames(), m.Vars) {
			t.Errorf("%s: VarNames %v, catalog Vars %v", m.Name, pop.VarNames(), m.Vars)
		}
		for _, v := range m.Vars {
			if x := pop.Var(v); len(x) != 7 {
				t.Errorf("%s: Var(%q) has length %d", m.Name, v, len(x))
			}
		}
		if pop.Var("nonexistent") != nil || len(pop.Spike()) != 7 {
			t.Errorf("%s: Var of an unknown name must be nil and Spike of length 7", m.Name)
		}
		if m.Defaults == nil {
			if len(m.Params) != 0 {
				t.Errorf("%s: params without defaults", m.Name)
			}
			continue
		}
		dv := reflect.ValueOf(m.Defaults)
		seen := map[string]bool{}
		for _, p := range m.Params {
			if seen[p.Name] {
				t.Errorf("%s: parameter %s listed twice", m.Name, p.Name)
			}
			seen[p.Name] = true
			if !dv.FieldByName(p.Name).IsValid() || p.Default == "?" || p.Doc == "" {
				t.Errorf("%s: parameter %+v is not a documented field of %T", m.Name, p, m.Defaults)
			}
		}
		for i := range dv.NumField() {
			if f := dv.Type().Field(i); !seen[f.Name] {
				t.Errorf("%s: field %s missing from the catalog", m.Name, f.Name)
			}
		}
	}
	// a few defaults spelled out (BrainPy's values)
	for _, c := range []struct{ model, param, def string }{
		{"HH", "GL", "0.03"}, {"HH", "V0", "Uniform(-70, -60)"}, {"HH", "M0", "nil"},
		{"Izhikevich", "D", "8"}, {"GIF", "VThReset", "-60"}, {"ExpIF", "Method", "exp_auto"},
	} {
		i := slices.IndexFunc(cat, func(m neuron.ModelInfo) bool { return m.Name == c.model })
		j := slices.IndexFunc(cat[i].Params, func(p neuron.ParamInfo) bool { return p.Name == c.param })
		if j < 0 || cat[i].Params[j].Default != c.def {
			t.Errorf("%s.%s default: got %+v, want %q", c.model, c.param, cat[i].Params, c.def)
		}
	}
}
