package model

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

//go:embed templates/*.yaml
var templates embed.FS

// Templates returns the names of the embedded model templates, sorted.
func Templates() []string {
	ents, _ := fs.ReadDir(templates, "templates")
	var names []string
	for _, e := range ents {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	slices.Sort(names)
	return names
}

// Template returns the source of the embedded template name (see
// Templates), to print or to edit.
func Template(name string) ([]byte, error) {
	b, err := templates.ReadFile("templates/" + name + ".yaml")
	if err != nil {
		names := Templates()
		return nil, fmt.Errorf("model: no template %q%s (templates: %s)", name, suggest(name, names), strings.Join(names, ", "))
	}
	return b, nil
}

// Embedded parses the embedded template name: "tutorial" (the BrainPy
// tutorial network, as ei.Tutorial), "coba" (the COBA benchmark, as
// ei.COBA(1)), "brunel" (Brunel 2000's sparse network), "hh" (a
// Hodgkin–Huxley E–I network), "stdp" (Poisson inputs onto LIF neurons
// through STDP synapses) and "adaptive" (adaptive-threshold LIF neurons
// written as equations).
func Embedded(name string) (*File, error) {
	b, err := Template(name)
	if err != nil {
		return nil, err
	}
	return Parse(b, name+".yaml")
}
