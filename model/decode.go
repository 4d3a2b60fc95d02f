package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/brainsim/brainsim/equations"
	"go.yaml.in/yaml/v3"
)

// Limits of a model file: the document is read whole, and every node the
// decoder visits (aliases counted each time they are followed) is charged
// against maxNodes, so neither a huge file nor an alias bomb costs more
// than these bounds.
const (
	MaxFileBytes = 1 << 20
	maxNodes     = 1 << 20
	maxNameLen   = 64
)

type decoder struct {
	file   string
	reg    *registry
	errs   Errors
	budget int
	broke  bool                     // the budget ran out (reported once)
	lines  []string                 // the file's lines, for positions in equations
	dims   map[equations.Dim]string // eqUnit's table, built on first use
	pops   map[string]*record       // the populations decoded so far
}

func (d *decoder) fail(n *yaml.Node, path, format string, args ...any) {
	if len(d.errs) >= maxErrors {
		return
	}
	e := &Error{File: d.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// deref follows aliases and charges the node to the budget; nil means stop.
func (d *decoder) deref(n *yaml.Node, path string) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > 8 {
			d.fail(n, path, "alias chain longer than 8")
			return nil
		}
		n = n.Alias
	}
	if d.budget--; d.budget < 0 {
		if !d.broke {
			d.broke = true
			d.fail(n, path, "the document expands to more than %d nodes (aliases count each time they are used); write a smaller model", maxNodes)
		}
		return nil
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

type pair struct{ key, val *yaml.Node }

// pairs returns the key/value pairs of mapping n with YAML merge keys (<<)
// expanded; keys written in n win over merged ones.
func (d *decoder) pairs(n *yaml.Node, path string, depth int) []pair {
	var own, merged []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.deref(n.Content[i], path), n.Content[i+1]
		if k == nil {
			return nil
		}
		if k.Tag != "!!merge" {
			own = append(own, pair{k, v})
			continue
		}
		if depth > 4 {
			d.fail(k, path, "merge keys nested more than 4 deep")
			continue
		}
		srcs := []*yaml.Node{v}
		if m := d.deref(v, path); m != nil && m.Kind == yaml.SequenceNode {
			srcs = m.Content
		}
		for _, s := range srcs {
			m := d.deref(s, path)
			if m == nil || m.Kind != yaml.MappingNode {
				d.fail(k, path, "a merge key (<<) needs a mapping or a list of mappings")
				continue
			}
			merged = append(merged, d.pairs(m, path, depth+1)...)
		}
	}
	if len(merged) == 0 {
		return own
	}
	seen := map[string]bool{}
	for _, p := range own {
		seen[p.key.Value] = true
	}
	for _, p := range merged {
		if !seen[p.key.Value] {
			seen[p.key.Value] = true
			own = append(own, p)
		}
	}
	return own
}

// record decodes mapping n as section s.
func (d *decoder) record(n *yaml.Node, s *section, path string) *record {
	r := &record{node: n, sec: s, path: path, vals: map[string]*value{}}
	if n = d.deref(n, path); n == nil {
		return r
	}
	r.node = n
	switch {
	case isNull(n):
	case n.Kind == yaml.ScalarNode && s.short != "":
		r.vals[s.short] = d.value(n, s.field(s.short), join(path, s.short))
	case n.Kind != yaml.MappingNode:
		keys := "no keys"
		if len(s.fields) > 0 {
			keys = "keys " + strings.Join(s.names(), ", ")
		}
		d.fail(n, path, "must be a mapping (%s), not %s", keys, describe(n))
		return r
	default:
		written := map[string]*yaml.Node{}
		for _, p := range d.pairs(n, path, 0) {
			k := p.key
			if k.Kind != yaml.ScalarNode {
				d.fail(k, path, "a key must be a name, not %s", describe(k))
				continue
			}
			f := s.field(k.Value)
			if f == nil {
				d.fail(k, path, "unknown key %q%s (allowed: %s)", clip(k.Value), suggest(k.Value, s.names()), allowedList(s.names()))
				continue
			}
			if written[k.Value] != nil {
				d.fail(k, join(path, k.Value), "written twice (first on line %d)", written[k.Value].Line)
				continue
			}
			written[k.Value] = p.val
		}
		for _, f := range s.fields {
			if v := written[f.name]; v != nil && f.kind != kDynamic {
				r.vals[f.name] = d.value(v, &f, join(path, f.name))
			}
		}
		for _, f := range s.fields {
			if v := written[f.name]; v != nil && f.kind == kDynamic {
				if ds := d.dynamic(r, &f); ds != nil {
					r.vals[f.name] = &value{node: v, rec: d.record(v, ds, join(path, f.name))}
				}
			}
		}
	}
	d.defaults(r)
	return r
}

// defaults fills the fields of r that were not written and reports missing
// required ones.
func (d *decoder) defaults(r *record) {
	for _, f := range r.sec.fields {
		if r.vals[f.name] != nil {
			continue
		}
		switch {
		case f.required:
			d.fail(r.node, join(r.path, f.name), "missing: write %s (%s)", f.name, f.doc)
		case f.def != "":
			var n yaml.Node
			if err := yaml.Unmarshal([]byte(f.def), &n); err == nil && len(n.Content) == 1 {
				v := d.value(n.Content[0], &f, join(r.path, f.name))
				v.node = nil
				r.vals[f.name] = v
			}
		case f.kind == kDynamic:
			if ds := d.dynamic(r, &f); ds != nil {
				r.vals[f.name] = &value{rec: d.record(&yaml.Node{Kind: yaml.MappingNode, Line: r.node.Line, Column: r.node.Column}, ds, join(r.path, f.name))}
			}
		}
	}
}

// dynamic returns the section of dynamic field f of r (the params of the
// model r names), or nil when the model is unknown (already reported).
func (d *decoder) dynamic(r *record, f *field) *section {
	sel := r.str(f.of)
	if r.written("equations") {
		var eq *eqInfo
		if f.of == "model" {
			eq = d.eqNeuron(r)
		} else {
			eq = d.eqSynapse(r)
		}
		if eq.model == nil {
			return nil
		}
		if f.name == "init" {
			return eq.init
		}
		return eq.params
	}
	switch f.of {
	case "model":
		if k := d.reg.neuron(sel); k != nil {
			if f.name == "init" {
				return k.init
			}
			return k.params
		}
	case "synapse":
		if k := d.reg.synapse(sel); k != nil {
			if f.name == "init" {
				return nil // refused by semantics when written
			}
			return k.params
		}
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// clip shortens a written value for messages.
func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// describe names what a node is, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "empty"
		}
		return strconv.Quote(clip(n.Value))
	}
	return "an alias"
}

// integer parses an integer scalar (also written as an integral float such
// as 1e6).
func integer(n *yaml.Node) (int64, bool) {
	if n.Tag == "!!int" || n.Tag == "!!str" {
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return i, true
		}
	}
	if n.Tag == "!!float" || n.Tag == "!!int" {
		if x, err := strconv.ParseFloat(n.Value, 64); err == nil && x == math.Trunc(x) && math.Abs(x) < 1<<63 {
			return int64(x), true
		}
	}
	return 0, false
}

// allowedList lists the names an error allows, or says there are none
// (an equation projection's init when its model declares no state).
func allowedList(names []string) string {
	if len(names) == 0 {
		return "none: this mapping takes no keys here"
	}
	return strings.Join(names, ", ")
}
