package synapse_test

import (
	"testing"

	"github.com/brainsim/brainsim/synapse"
)

// TestCatalog checks that the catalog lists every projection type once,
// that every entry is filled in, that the defaults it shows are those of
// the Default… constructors, and that callers get independent copies.
func TestCatalog(t *testing.T) {
	want := []string{"ExpCOBA", "ExpCUBA", "ExpCOBAProcedural", "ExpCUBAProcedural", "Exponential", "DualExp", "Alpha", "Delta", "AMPA", "GABAa", "NMDA", "BioNMDA", "STDP", "GapJunction"}
	cat := synapse.Catalog()
	byName := map[string]synapse.ModelInfo{}
	for _, m := range cat {
		if _, dup := byName[m.Name]; dup {
			t.Errorf("%s listed twice", m.Name)
		}
		byName[m.Name] = m
		if m.Summary == "" || m.Reference == "" || len(m.Params) == 0 {
			t.Errorf("%s: incomplete entry %+v", m.Name, m)
		}
		for _, p := range m.Params {
			if p.Name == "" || p.Doc == "" {
				t.Errorf("%s: parameter %+v lacks a name or doc", m.Name, p)
			}
		}
	}
	for _, n := range want {
		if _, ok := byName[n]; !ok {
			t.Errorf("%s missing from the catalog", n)
		}
	}
	if len(cat) != len(want) {
		t.Errorf("%d entries, want %d", len(cat), len(want))
	}
	param := func(model, name string) string {
		for _, p := range byName[model].Params {
			if p.Name == name {
				return p.Default
			}
		}
		t.Errorf("%s has no parameter %s", model, name)
		return ""
	}
	for _, c := range []struct{ model, param, want string }{
		{"DualExp", "TauDecay", "10"}, {"DualExp", "TauRise", "1"}, {"AMPA", "Alpha", "0.98"}, {"AMPA", "GMax", "0.42"},
		{"GABAa", "Alpha", "0.53"}, {"GABAa", "GMax", "0.04"}, {"NMDA", "TauDecay", "100"}, {"NMDA", "A", "0.5"},
		{"BioNMDA", "Beta1", "0.01"}, {"STDP", "TauS", "16.8"}, {"STDP", "A2", "0.53"}, {"Exponential", "Tau", "8"},
	} {
		if got := param(c.model, c.param); got != c.want {
			t.Errorf("%s.%s default %q, want %q", c.model, c.param, got, c.want)
		}
	}
	cat[0].Params[0].Default = "changed"
	if synapse.Catalog()[0].Params[0].Default == "changed" {
		t.Error("Catalog shares state between calls")
	}
}
