package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Set changes one field of the model, as the command line's
// --set path=value does, and checks the whole model again; on an error
// the model is left as it was.
//
// The path is keys joined by dots, a list item being key[i]:
//
//	run.duration           a field of a top-level section
//	E.size                 a field of population or projection E
//	                       (short for populations.E.size)
//	E.params.tau_ref       a parameter; E.tau_ref is short for it
//	E2E.g_max              short for projections.E2E.params.g_max
//	E2E.connector.prob     a parameter of the connector E2E has
//	E2E.connector          the whole connector: {fixed_post_num: {num: 80}}
//	E.init.V               an initial value: -55, or {normal: {mean: -55, sd: 2}}
//	inputs[0].value        an item of a list
//
// value is YAML, so a number, a quantity ("1 s"), a list ("[1, 2]") or a
// mapping ("{normal: {mean: -55, sd: 2}}"). A path naming no field of the
// format is refused with the nearest valid names.
func (f *File) Set(path, value string) error {
	fail := func(format string, args ...any) error {
		return Errors{{File: "--set", Path: path, Msg: fmt.Sprintf(format, args...)}}
	}
	segs, err := splitPath(path)
	if err != nil {
		return fail("%v", err)
	}
	var val yaml.Node
	if err := yaml.Unmarshal([]byte(value), &val); err != nil {
		return fail("value %q is not valid YAML: %v", clip(value), err)
	}
	nv := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	if len(val.Content) == 1 {
		nv = val.Content[0]
	}
	unplace(nv)
	top := topSection(f.reg)
	if top.field(segs[0].key) == nil {
		switch {
		case f.named("populations", segs[0].key) != nil:
			segs = append([]seg{{key: "populations", index: -1}}, segs...)
		case f.named("projections", segs[0].key) != nil:
			segs = append([]seg{{key: "projections", index: -1}}, segs...)
		default:
			cands := append(top.names(), f.entryNames()...)
			return fail("%q is neither a top-level key nor a population or projection%s (allowed: %s)", segs[0].key, suggest(segs[0].key, cands), strings.Join(cands, ", "))
		}
	}
	e := &editor{}
	if err := e.walk(f.root, f.top, segs, nv); err != nil {
		e.undo()
		return fail("%v", err)
	}
	if err := f.check(); err != nil {
		e.undo()
		return err
	}
	return nil
}

type seg struct {
	key   string
	index int // -1: none
}

func splitPath(path string) ([]seg, error) {
	if path == "" {
		return nil, fmt.Errorf("empty path: write e.g. run.duration or E.size")
	}
	var segs []seg
	for _, s := range strings.Split(path, ".") {
		x := seg{key: s, index: -1}
		if k, rest, ok := strings.Cut(s, "["); ok {
			i, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
			if err != nil || !strings.HasSuffix(rest, "]") || i < 0 {
				return nil, fmt.Errorf("%q: an index is written key[i] with i >= 0", s)
			}
			x = seg{key: k, index: i}
		}
		if x.key == "" {
			return nil, fmt.Errorf("empty key in %q", path)
		}
		segs = append(segs, x)
	}
	return segs, nil
}

func (f *File) named(section, name string) *record {
	for _, r := range f.top.recs(section) {
		if r.name == name {
			return r
		}
	}
	return nil
}

func (f *File) entryNames() []string {
	var n []string
	for _, s := range []string{"populations", "projections"} {
		for _, r := range f.top.recs(s) {
			n = append(n, r.name)
		}
	}
	return n
}

// unplace clears the positions of a value given on the command line.
func unplace(n *yaml.Node) {
	n.Line, n.Column = 0, 0
	for _, c := range n.Content {
		unplace(c)
	}
}

// editor changes the document and remembers how to undo it.
type editor struct{ undos []func() }

func (e *editor) undo() {
	for i := len(e.undos) - 1; i >= 0; i-- {
		e.undos[i]()
	}
	e.undos = nil
}

// put sets slot *p to n, remembering the old node.
func (e *editor) put(p **yaml.Node, n *yaml.Node) {
	old := *p
	*p = n
	e.undos = append(e.undos, func() { *p = old })
}

// child returns the slot of key in mapping m (made the mapping's own:
// aliases and merged values are copied first so that editing one entry
// never changes another), creating the key when absent.
func (e *editor) child(m *yaml.Node, key string) **yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i].Tag != "!!merge" {
			e.own(&m.Content[i+1])
			return &m.Content[i+1]
		}
	}
	var found *yaml.Node
	d := &decoder{budget: maxNodes}
	for _, p := range d.pairs(m, "", 0) {
		if p.key.Value == key {
			found = deepCopy(p.val, 0)
		}
	}
	if found == nil {
		found = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	old := m.Content
	m.Content = append(slices.Clip(m.Content), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, found)
	e.undos = append(e.undos, func() { m.Content = old })
	return &m.Content[len(m.Content)-1]
}

// own replaces the node in slot p by a copy when it is shared (an alias,
// or an anchor other entries may refer to), so that editing it changes
// only this entry.
func (e *editor) own(p **yaml.Node) {
	if (*p).Kind == yaml.AliasNode || (*p).Anchor != "" {
		e.put(p, deepCopy(*p, 0))
	}
}

// mapping makes slot *p a mapping (an empty one in place of null or a
// scalar) and returns it.
func (e *editor) mapping(p **yaml.Node) *yaml.Node {
	e.own(p)
	if (*p).Kind != yaml.MappingNode {
		e.put(p, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	}
	return *p
}

// deepCopy copies n, expanding aliases (at most a few levels deep: the
// format's sections are shallow).
func deepCopy(n *yaml.Node, depth int) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil && depth < 64 {
		n, depth = n.Alias, depth+1
	}
	c := *n
	c.Anchor = ""
	c.Content = nil
	if depth < 64 {
		for _, x := range n.Content {
			c.Content = append(c.Content, deepCopy(x, depth+1))
		}
	}
	return &c
}
