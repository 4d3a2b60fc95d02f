package model

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// neuronKind is a population model: its parameter and init tables and how
// to build it from a filled parameter struct.
type neuronKind struct {
	name, summary, ref string
	params, init       *section
	vars               []string
	defaults           any // the parameter struct with BrainPy's defaults
	build              func(n int, p any) (sim.Population, error)
}

// synapseKind is a projection model.
type synapseKind struct {
	name, summary, ref, output string
	params                     *section
	vars                       []string
	defaults                   any
	build                      func(pre, post sim.Population, c connect.Connector, p any, out synapse.Output) (sim.Projection, error)
	takesOutput                bool // the constructor takes a synapse.Output
	procedural                 bool // needs a procedural connector
}

// registry is the zoo as the format sees it, built from neuron.Catalog and
// synapse.Catalog.
type registry struct {
	neurons  []*neuronKind
	synapses []*synapseKind
}

func (r *registry) neuron(name string) *neuronKind {
	for _, k := range r.neurons {
		if k.name == name {
			return k
		}
	}
	return nil
}

func (r *registry) synapse(name string) *synapseKind {
	for _, k := range r.synapses {
		if k.name == name {
			return k
		}
	}
	return nil
}

func (r *registry) neuronNames() []string {
	n := make([]string, len(r.neurons))
	for i, k := range r.neurons {
		n[i] = k.name
	}
	return n
}

func (r *registry) synapseNames() []string {
	n := make([]string, len(r.synapses))
	for i, k := range r.synapses {
		n[i] = k.name
	}
	return n
}

// snake turns a Go field name into the format's spelling: VRest → v_rest,
// TauRef → tau_ref, GNa → g_na, I1Init → i1_init.
func snake(goName string) string {
	var b strings.Builder
	for i, r := range goName {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var initType = reflect.TypeFor[initial.Init]()

// paramField is the table row of a Go parameter of type t.
func paramField(goName, unit, def, doc string, t reflect.Type) field {
	f := field{name: snake(goName), goName: goName, unit: unit, doc: doc, kind: kFloat}
	switch t.Kind() {
	case reflect.String:
		f.kind = kString
	case reflect.Slice:
		f.kind = kFloats
		if t.Elem().Kind() == reflect.Int {
			f.kind = kInts
		}
	}
	if _, err := strconv.ParseFloat(def, 64); err == nil || f.kind == kString {
		f.def = def
	}
	if f.kind == kFloat && f.def == "" {
		f.required = true
	}
	if f.kind == kFloats || f.kind == kInts {
		f.def = "[]"
	}
	return f
}

func newRegistry() *registry {
	r := &registry{}
	for _, m := range neuron.Catalog() {
		if k := neuronFromCatalog(m); k != nil {
			r.neurons = append(r.neurons, k)
		}
	}
	r.neurons = append(r.neurons, &neuronKind{
		name: "PoissonGroup", summary: "independent Poisson spike sources", ref: "BrainPy PoissonGroup",
		params: sec("PoissonGroup", "", paramField("Rate", "Hz", "", "firing rate of every neuron", reflect.TypeFor[float64]())),
		init:   sec("PoissonGroup", ""), defaults: poissonParams{}, vars: []string{"rate"},
		build: func(n int, p any) (sim.Population, error) { return input.NewPoissonGroup(n, p.(poissonParams).Rate) },
	})
	for _, m := range synapse.Catalog() {
		if k := synapseFromCatalog(m); k != nil {
			r.synapses = append(r.synapses, k)
		}
	}
	return r
}

type poissonParams struct{ Rate float64 }

type spikeTimesParams struct {
	Indices []int
	Times   []float64
}

func neuronFromCatalog(m neuron.ModelInfo) *neuronKind {
	k := &neuronKind{name: m.Name, summary: m.Summary, ref: m.Reference, defaults: m.Defaults, vars: m.Vars,
		params: sec(m.Name, m.Summary), init: sec(m.Name, "")}
	if m.Name == "SpikeTimes" {
		k.defaults = spikeTimesParams{}
		k.params.fields = []field{
			paramField("Indices", "", "", "neuron of each spike", reflect.TypeFor[[]int]()),
			paramField("Times", "ms", "", "time of each spike", reflect.TypeFor[[]float64]()),
		}
		k.build = func(n int, p any) (sim.Population, error) {
			q := p.(spikeTimesParams)
			return neuron.NewSpikeTimes(n, q.Indices, q.Times)
		}
		return k
	}
	ctor, ok := neuronCtors[m.Name]
	if !ok || m.Defaults == nil {
		return nil
	}
	k.build = ctor
	t := reflect.TypeOf(m.Defaults)
	inits := map[string]neuron.ParamInfo{}
	for _, p := range m.Params {
		sf, ok := t.FieldByName(p.Name)
		if !ok {
			continue
		}
		if sf.Type == initType {
			inits[p.Name] = p
			continue
		}
		k.params.fields = append(k.params.fields, paramField(p.Name, p.Unit, p.Default, p.Doc, sf.Type))
	}
	for _, v := range m.Vars {
		goVar := strings.ReplaceAll(strings.ToUpper(v[:1])+v[1:], "_t", "T")
		for _, cand := range []string{goVar + "0", goVar + "Init"} {
			if p, ok := inits[cand]; ok {
				f := field{name: v, kind: kInit, unit: p.Unit, goName: cand, doc: p.Doc}
				if _, err := strconv.ParseFloat(p.Default, 64); err == nil {
					f.def = p.Default
				}
				k.init.fields = append(k.init.fields, f)
				break
			}
		}
	}
	return k
}

// excluded are the Go parameters the format writes outside params.
var excluded = map[string]bool{"WeightInit": true, "Weights": true, "Delay": true, "Delays": true, "DelayInit": true, "STP": true}

func synapseFromCatalog(m synapse.ModelInfo) *synapseKind {
	c, ok := synapseCtors[m.Name]
	if !ok {
		return nil
	}
	k := &synapseKind{name: m.Name, summary: m.Summary, ref: m.Reference, output: m.Output, defaults: c.defaults, vars: m.Vars,
		build: c.build, takesOutput: c.out, procedural: strings.HasSuffix(m.Name, "Procedural"), params: sec(m.Name, m.Summary)}
	t := reflect.TypeOf(c.defaults)
	for _, p := range m.Params {
		sf, ok := t.FieldByName(p.Name)
		if !ok || excluded[p.Name] {
			continue
		}
		k.params.fields = append(k.params.fields, paramField(p.Name, p.Unit, p.Default, p.Doc, sf.Type))
	}
	return k
}

// has reports whether the parameter struct of k has the Go field name.
func (k *synapseKind) has(name string) bool {
	if k.procedural && excluded[name] && name != "Delay" {
		return false // no stored synapses: one weight and delay for all
	}
	_, ok := reflect.TypeOf(k.defaults).FieldByName(name)
	return ok
}
