package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/brainsim/brainsim/sim"
)

// reserved are the top-level keys, which a population or projection may
// not be named after (--set paths start with either).
var reserved = []string{"version", "name", "description", "run", "populations", "projections", "inputs", "monitors", "outputs"}

// semantics checks what the tables cannot: names that refer to other
// entries, lengths that depend on sizes, and which options a model takes.
func (d *decoder) semantics(top *record) {
	pops, projs := top.recs("populations"), top.recs("projections")
	sizes := map[string]int64{}
	kinds := map[string]*neuronKind{}
	var popNames []string
	for _, p := range pops {
		sizes[p.name], kinds[p.name] = p.int("size"), d.popKind(p)
		popNames = append(popNames, p.name)
		d.population(p)
	}
	if len(pops) == 0 {
		d.fail(top.at("populations"), "populations", "no populations: a model needs at least one")
	}
	nodes := map[string]*record{}
	for _, r := range append(append([]*record(nil), pops...), projs...) {
		if slices.Contains(reserved, r.name) {
			d.fail(r.node, r.path, "%q is a top-level key and cannot name a population or projection", r.name)
		}
		if prev := nodes[r.name]; prev != nil {
			d.fail(r.node, r.path, "name %q is already used by %s (line %d): populations and projections share one namespace", r.name, prev.path, prev.node.Line)
		}
		nodes[r.name] = r
	}
	synVars := map[string][]string{}
	for _, r := range projs {
		d.projection(r, sizes, popNames)
		if k := d.reg.synapse(r.str("synapse")); k != nil {
			synVars[r.name] = k.vars
		}
		if r.eq != nil && r.eq.model != nil {
			synVars[r.name] = eqVars(r.eq.model)
		}
	}
	for _, in := range top.recs("inputs") {
		d.input(in, sizes, kinds, popNames)
	}
	keys := map[string]string{}
	for _, m := range top.recs("monitors") {
		d.monitor(m, sizes, kinds, synVars, keys)
	}
}

func (d *decoder) population(p *record) {
	n := p.int("size")
	k := d.popKind(p)
	d.eqPopulation(p)
	if n > sim.MaxSize {
		d.fail(p.at("size"), p.path+".size", "= %d: more than sim.MaxSize = %d neurons (indices are int32); %d neurons would need at least %s",
			n, sim.MaxSize, n, bytesFor(n, neuronBytes(k)))
	}
	lists := []*record{p.sub("init")}
	if p.written("equations") {
		lists = append(lists, p.sub("params"))
	}
	for _, init := range lists {
		if init == nil {
			continue
		}
		for name, v := range init.vals {
			if v.init != nil && v.init.kind == "values" && int64(len(v.init.vals)) != n {
				d.fail(v.node, join(init.path, name), "has %d values: need one per neuron, %d (size)", len(v.init.vals), n)
			}
		}
	}
	if k != nil && k.name == "SpikeTimes" {
		ps := p.sub("params")
		idx, ts := ps.ints("indices"), ps.nums("times")
		if len(idx) != len(ts) {
			d.fail(ps.node, ps.path, "%d indices but %d times: give one index per spike time", len(idx), len(ts))
		}
		for i, x := range idx {
			if int64(x) >= n {
				d.fail(ps.at("indices"), fmt.Sprintf("%s.indices[%d]", ps.path, i), "= %d: must be in [0, %d) (size)", x, n)
				break
			}
		}
	}
}

func (d *decoder) projection(r *record, sizes map[string]int64, popNames []string) {
	for _, end := range []string{"pre", "post"} {
		if name := r.str(end); sizes[name] == 0 {
			d.fail(r.at(end), join(r.path, end), "= %q: no such population%s (populations: %s)", clip(name), suggest(name, popNames), strings.Join(popNames, ", "))
		}
	}
	d.eqProjection(r)
	k := d.reg.synapse(r.str("synapse"))
	if k == nil || r.written("equations") {
		return
	}
	conn := r.sub("connector")
	refuse := func(key, why string) {
		if v := r.get(key); v != nil && v.node != nil {
			d.fail(v.node, join(r.path, key), "%s %s", k.name, why)
		}
	}
	if !k.takesOutput {
		refuse("output", fmt.Sprintf("takes no output (its output is fixed: %s)", orNone(k.output)))
	}
	if !k.has("STP") {
		refuse("plasticity", "has no short-term plasticity (models with it: Exponential, DualExp, Alpha, Delta)")
	}
	if !k.has("WeightInit") {
		refuse("weights", "has one weight for all synapses: set params.g_max")
	}
	if v := r.get("delay"); v != nil && v.init != nil && !k.has("DelayInit") {
		d.fail(v.node, join(r.path, "delay"), "%s has one delay for all synapses: write a number (ms)", k.name)
	}
	if v := r.get("delay"); v != nil && v.init != nil && r.get("plasticity") != nil && r.get("plasticity").node != nil {
		d.fail(v.node, join(r.path, "delay"), "short-term plasticity needs one delay for all synapses")
	}
	if k.procedural && conn != nil && conn.name != "procedural_fixed_prob" {
		d.fail(r.at("connector"), join(r.path, "connector"), "%s needs the connector procedural_fixed_prob, not %s", k.name, conn.name)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// target checks "P.var" against the populations; it returns P.
func (d *decoder) target(r *record, key string, sizes map[string]int64, kinds map[string]*neuronKind, popNames []string, extra ...string) string {
	t := r.str(key)
	name, v, ok := strings.Cut(t, ".")
	path := join(r.path, key)
	if !ok || sizes[name] == 0 {
		d.fail(r.at(key), path, "= %q: want \"population.variable\" with a population of %s%s", clip(t), strings.Join(popNames, ", "), suggest(name, popNames))
		return ""
	}
	if kinds[name] == nil {
		return "" // the population's model is missing (reported)
	}
	vars := append(append([]string(nil), kinds[name].vars...), extra...)
	if !slices.Contains(vars, v) {
		d.fail(r.at(key), path, "= %q: population %s (%s) has no variable %q (variables: %s)%s", clip(t), name, kinds[name].name, clip(v), strings.Join(vars, ", "), suggest(v, vars))
		return ""
	}
	return name
}

func (d *decoder) input(in *record, sizes map[string]int64, kinds map[string]*neuronKind, popNames []string) {
	// A population with a membrane potential takes voltage jumps as
	// "P.jump" (added after the step's integration, dropped while
	// refractory).
	var jump []string
	if name, _, _ := strings.Cut(in.str("target"), "."); kinds[name] != nil &&
		(slices.Contains(kinds[name].vars, "V") || slices.Contains(kinds[name].vars, "v")) {
		jump = []string{"jump"}
	}
	pop := d.target(in, "target", sizes, kinds, popNames, jump...)
	var set []string
	for _, k := range append([]string{"value", "values"}, generators...) {
		if v := in.get(k); v != nil && v.node != nil {
			set = append(set, k)
		}
	}
	if len(set) != 1 {
		d.fail(in.node, in.path, "sets %s: set exactly one of value, values or a generator (%s)", orNone(strings.Join(set, ", ")), strings.Join(generators, ", "))
	}
	if pop == "" {
		return
	}
	n := sizes[pop]
	if v := in.get("values"); v != nil && v.node != nil && int64(len(v.nums)) != n {
		d.fail(v.node, in.path+".values", "has %d values: need one per neuron of %s, %d", len(v.nums), pop, n)
	}
	for _, g := range []string{"wiener", "ou"} {
		if c := in.sub(g).int("channels"); c != 0 && c != 1 && c != n {
			d.fail(in.sub(g).at("channels"), in.path+"."+g+".channels", "= %d: must be 1 or the size of %s, %d", c, pop, n)
		}
	}
	if op := in.str("op"); op == "/" && in.get("value") != nil && in.num("value") == 0 {
		d.fail(in.at("value"), in.path+".value", "= 0: cannot divide by 0 (op /)")
	}
}

func (d *decoder) monitor(m *record, sizes map[string]int64, kinds map[string]*neuronKind, synVars map[string][]string, keys map[string]string) {
	name := m.str("name")
	node, v, ok := strings.Cut(name, ".")
	path := m.path + ".name"
	var size int64
	switch {
	case !ok:
		d.fail(m.at("name"), path, "= %q: want \"node.variable\", e.g. \"E.spike\" or \"E.V\"", clip(name))
		return
	case sizes[node] > 0 && kinds[node] == nil:
		return // the population's model is missing (reported)
	case sizes[node] > 0:
		vars := append([]string{"spike"}, kinds[node].vars...)
		if !slices.Contains(vars, v) {
			d.fail(m.at("name"), path, "= %q: population %s has no variable %q (variables: %s)%s", clip(name), node, clip(v), strings.Join(vars, ", "), suggest(v, vars))
			return
		}
		size = sizes[node]
	case synVars[node] != nil:
		if !slices.Contains(synVars[node], v) {
			d.fail(m.at("name"), path, "= %q: projection %s has no variable %q (variables: %s)%s", clip(name), node, clip(v), strings.Join(synVars[node], ", "), suggest(v, synVars[node]))
			return
		}
		size = -1 // known when built
	default:
		var all []string
		for n := range sizes {
			all = append(all, n)
		}
		for n := range synVars {
			all = append(all, n)
		}
		slices.Sort(all)
		d.fail(m.at("name"), path, "= %q: no population or projection %q%s", clip(name), clip(node), suggest(node, all))
		return
	}
	key := m.str("key")
	if key == "" {
		key = name
	}
	if prev, dup := keys[key]; dup {
		d.fail(m.node, m.path, "records under key %q as %s does; set key to tell them apart", key, prev)
	}
	keys[key] = m.path
	for i, x := range m.ints("index") {
		if size > 0 && int64(x) >= size {
			d.fail(m.at("index"), fmt.Sprintf("%s.index[%d]", m.path, i), "= %d: must be in [0, %d) for %s", x, size, node)
			break
		}
	}
}
