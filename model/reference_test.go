package model

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/model-format.md from Reference()")

func TestReferenceUpToDate(t *testing.T) {
	path := filepath.Join("..", "docs", "model-format.md")
	ref := Reference()
	if *update {
		if err := os.WriteFile(path, []byte(ref), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != ref {
		t.Fatalf("%s is out of date: run go generate ./model (or go test ./model -run TestReferenceUpToDate -update)", path)
	}
}

// TestTablesDocumented checks that every field of every table appears in
// the reference and the schema, and that every default decodes.
func TestTablesDocumented(t *testing.T) {
	ref := Reference()
	var schema map[string]any
	if err := json.Unmarshal(Schema(), &schema); err != nil {
		t.Fatalf("Schema is not JSON: %v", err)
	}
	if schema["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", schema["$schema"])
	}
	defs := schema["$defs"].(map[string]any)
	reg := newRegistry()
	for _, k := range reg.neurons {
		p, ok := defs["neuron."+k.name+".params"].(map[string]any)
		if !ok {
			t.Fatalf("schema lacks the params of %s", k.name)
		}
		props := p["properties"].(map[string]any)
		for _, f := range k.params.fields {
			if props[f.name] == nil {
				t.Errorf("schema: %s.params lacks %s", k.name, f.name)
			}
			if !strings.Contains(ref, "| `"+f.name+"` |") {
				t.Errorf("reference lacks %s.%s", k.name, f.name)
			}
		}
	}
	for _, k := range reg.synapses {
		if defs["synapse."+k.name+".params"] == nil {
			t.Errorf("schema lacks the params of %s", k.name)
		}
		if !strings.Contains(ref, "### "+k.name+"\n") {
			t.Errorf("reference lacks synapse %s", k.name)
		}
	}
	// every default decodes without error (the decoder drops errors of
	// defaults silently otherwise)
	d := &decoder{reg: reg, budget: maxNodes}
	var visit func(s *section)
	seen := map[*section]bool{}
	visit = func(s *section) {
		if seen[s] {
			return
		}
		seen[s] = true
		r := &record{sec: s, vals: map[string]*value{}}
		for _, f := range s.fields {
			if f.required {
				r.vals[f.name] = &value{}
			}
		}
		d.defaults(r)
		for _, f := range s.fields {
			if f.sub != nil {
				visit(f.sub)
			}
			for _, v := range f.variants {
				visit(v)
			}
		}
	}
	visit(topSection(reg))
	for _, k := range reg.neurons {
		visit(k.params)
		visit(k.init)
	}
	for _, k := range reg.synapses {
		visit(k.params)
	}
	if len(d.errs) > 0 {
		t.Errorf("defaults that do not decode: %v", d.errs)
	}
}

// TestSnakeNames checks the spelling of parameter names and that no two
// parameters of a model share one.
func TestSnakeNames(t *testing.T) {
	for in, want := range map[string]string{"VRest": "v_rest", "TauRef": "tau_ref", "GNa": "g_na", "I1Init": "i1_init", "VTh0": "v_th0", "GMax": "g_max", "E": "e"} {
		if got := snake(in); got != want {
			t.Errorf("snake(%s) = %s, want %s", in, got, want)
		}
	}
	reg := newRegistry()
	for _, s := range append(neuronSections(reg), synapseSections(reg)...) {
		seen := map[string]bool{}
		for _, f := range s.fields {
			if seen[f.name] {
				t.Errorf("%s: two parameters named %s", s.name, f.name)
			}
			seen[f.name] = true
		}
	}
}

func neuronSections(r *registry) (s []*section) {
	for _, k := range r.neurons {
		s = append(s, k.params, k.init)
	}
	return s
}

func synapseSections(r *registry) (s []*section) {
	for _, k := range r.synapses {
		s = append(s, k.params)
	}
	return s
}
