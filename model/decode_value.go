package model

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// value decodes node n as field f.
func (d *decoder) value(n *yaml.Node, f *field, path string) *value {
	v := &value{node: n}
	if n = d.deref(n, path); n == nil {
		return v
	}
	v.node = n
	switch f.kind {
	case kInt, kSeed, kFloat, kString, kEnum, kBool:
		if n.Kind != yaml.ScalarNode || isNull(n) {
			d.fail(n, path, "must be a %s%s, not %s", f.kind, unitHint(f), describe(n))
			return v
		}
		d.scalar(n, f, path, v)
	case kFloats, kInts, kEnums:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, path, "must be a list, e.g. [1, 2, 3], not %s", describe(n))
			return v
		}
		one := *f
		one.kind = map[kind]kind{kFloats: kFloat, kInts: kInt, kEnums: kEnum}[f.kind]
		for i, e := range n.Content {
			e = d.deref(e, path)
			if e == nil {
				return v
			}
			if e.Kind != yaml.ScalarNode || isNull(e) {
				d.fail(e, fmt.Sprintf("%s[%d]", path, i), "must be a %s, not %s", one.kind, describe(e))
				continue
			}
			var x value
			d.scalarAt(e, &one, path, i, &x)
			switch f.kind {
			case kFloats:
				v.nums = append(v.nums, x.num)
			case kInts:
				v.ints = append(v.ints, int(x.i))
			default:
				v.strs = append(v.strs, x.str)
			}
		}
	case kDelay:
		if n.Kind == yaml.ScalarNode {
			one := *f
			one.kind, one.rng = kFloat, nonNegative
			d.scalar(n, &one, path, v)
			return v
		}
		v.init = d.init(n, f, path)
	case kInit:
		v.init = d.init(n, f, path)
	case kSection:
		v.rec = d.record(n, f.sub, path)
	case kNamed:
		d.named(n, f, path, v)
	case kList:
		if isNull(n) {
			return v
		}
		if n.Kind != yaml.SequenceNode {
			d.fail(n, path, "must be a list (each item a mapping with keys %s), not %s", strings.Join(f.sub.names(), ", "), describe(n))
			return v
		}
		for i, e := range n.Content {
			v.recs = append(v.recs, d.record(e, f.sub, fmt.Sprintf("%s[%d]", path, i)))
		}
	case kOneOf:
		d.oneOf(n, f, path, v)
	}
	return v
}

func unitHint(f *field) string {
	if f.unit != "" {
		return " (" + f.unit + ")"
	}
	return ""
}

// scalar decodes scalar n (not null) as field f of a scalar kind into v.
func (d *decoder) scalar(n *yaml.Node, f *field, path string, v *value) {
	d.scalarAt(n, f, path, -1, v)
}

// scalarAt is scalar for item idx of the list at path (idx < 0: none).
func (d *decoder) scalarAt(n *yaml.Node, f *field, path string, idx int, v *value) {
	leaf := path[strings.LastIndexByte(path, '.')+1:]
	bad := func(format string, args ...any) {
		p := path
		if idx >= 0 {
			p = fmt.Sprintf("%s[%d]", path, idx)
		}
		d.fail(n, p, "= %s: %s", describe(n), fmt.Sprintf(format, args...))
	}
	switch f.kind {
	case kInt:
		i, ok := integer(n)
		if !ok {
			bad("must be an integer")
			return
		}
		v.i = i
		if why := f.rng.check(float64(i)); why != "" {
			bad("%s", why)
		}
	case kSeed:
		u, err := strconv.ParseUint(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil || (n.Tag != "!!int" && n.Tag != "!!str") {
			bad("must be an integer in [0, 2^64)")
			return
		}
		v.u = u
	case kFloat:
		if n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != "!!str" {
			bad("must be a number%s", unitHint(f))
			return
		}
		x, err := quantity(n.Value, f.unit)
		if err != nil {
			bad("%s %s", leaf, err)
			return
		}
		v.num = x
		if why := f.rng.check(x); why != "" {
			bad("%s", why)
		}
	case kString:
		if len(n.Value) > 4096 {
			bad("longer than 4096 bytes")
			return
		}
		v.str = n.Value
	case kEnum:
		v.str = n.Value
		for _, a := range f.allowed {
			if a == n.Value {
				return
			}
		}
		bad("must be one of %s%s", strings.Join(f.allowed, ", "), suggest(n.Value, f.allowed))
	case kBool:
		b, err := strconv.ParseBool(n.Value)
		if err != nil || n.Tag != "!!bool" {
			bad("must be true or false")
			return
		}
		v.b = b
	}
}

// named decodes a mapping from names to f.sub, keeping the written order.
func (d *decoder) named(n *yaml.Node, f *field, path string, v *value) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "must be a mapping from names to %ss, not %s", f.sub.name, describe(n))
		return
	}
	seen := map[string]int{}
	for _, p := range d.pairs(n, path, 0) {
		k := p.key
		name := k.Value
		if k.Kind != yaml.ScalarNode || !validName(name) {
			d.fail(k, path, "name %s: a name is 1 to %d letters, digits, '_' or '-', starting with a letter or '_'", describe(k), maxNameLen)
			continue
		}
		if l, dup := seen[name]; dup {
			d.fail(k, join(path, name), "written twice (first on line %d)", l)
			continue
		}
		seen[name] = k.Line
		r := d.record(p.val, f.sub, join(path, name))
		r.name = name
		if path == "populations" {
			d.pops[name] = r
		}
		v.recs = append(v.recs, r)
	}
}

func validName(s string) bool {
	if s == "" || len(s) > maxNameLen {
		return false
	}
	for i, c := range s {
		letter := c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		if !letter && (i == 0 || !(c == '-' || (c >= '0' && c <= '9'))) {
			return false
		}
	}
	return true
}

// oneOf decodes {variant: body} or a variant's name alone.
func (d *decoder) oneOf(n *yaml.Node, f *field, path string, v *value) {
	names := variantNames(f.variants)
	var key, body *yaml.Node
	switch {
	case n.Kind == yaml.ScalarNode && !isNull(n):
		key = n
	case n.Kind == yaml.MappingNode && len(n.Content) == 2:
		key, body = d.deref(n.Content[0], path), n.Content[1]
	default:
		d.fail(n, path, "must be one of %s, written as {name: {parameters}} or the name alone, not %s", strings.Join(names, ", "), describe(n))
		return
	}
	if key == nil {
		return
	}
	s := variant(f.variants, key.Value)
	if s == nil {
		d.fail(key, path, "unknown %s %q%s (allowed: %s)", f.name, clip(key.Value), suggest(key.Value, names), allowedList(names))
		return
	}
	if body == nil {
		body = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: key.Line, Column: key.Column}
	}
	v.rec = d.record(body, s, join(path, s.name))
	v.rec.name = s.name
}

// init decodes an initialiser: a number, a list (one value per element),
// or {constant: x}, {normal: {mean, sd}}, {uniform: {low, high}},
// {values: [...]}; numbers are in f.unit.
func (d *decoder) init(n *yaml.Node, f *field, path string) *initSpec {
	num := field{kind: kFloat, unit: f.unit}
	nums := field{kind: kFloats, unit: f.unit}
	switch {
	case n.Kind == yaml.ScalarNode && !isNull(n):
		var x value
		d.scalar(n, &num, path, &x)
		return &initSpec{kind: "constant", a: x.num}
	case n.Kind == yaml.SequenceNode:
		return &initSpec{kind: "values", vals: d.value(n, &nums, path).nums}
	case n.Kind == yaml.MappingNode && len(n.Content) == 2:
		k := d.deref(n.Content[0], path)
		if k == nil {
			return nil
		}
		body, p := n.Content[1], join(path, k.Value)
		two := func(a, b string) *initSpec {
			s := sec(k.Value, "", field{name: a, kind: kFloat, unit: f.unit, required: true},
				field{name: b, kind: kFloat, unit: f.unit, required: true})
			r := d.record(body, s, p)
			return &initSpec{kind: k.Value, a: r.num(a), b: r.num(b)}
		}
		switch k.Value {
		case "constant":
			if b := d.deref(body, p); b != nil && b.Kind == yaml.ScalarNode && !isNull(b) {
				var x value
				d.scalar(b, &num, p, &x)
				return &initSpec{kind: "constant", a: x.num}
			}
			d.fail(body, p, "must be a number%s", unitHint(f))
			return nil
		case "normal":
			s := two("mean", "sd")
			if s.b < 0 {
				d.fail(body, p, "sd = %g: must be >= 0", s.b)
			}
			return s
		case "uniform":
			s := two("low", "high")
			if !(s.a <= s.b) {
				d.fail(body, p, "low = %g, high = %g: need low <= high", s.a, s.b)
			}
			return s
		case "values":
			return &initSpec{kind: "values", vals: d.value(body, &nums, p).nums}
		}
		d.fail(k, path, "unknown initialiser %q%s (allowed: %s)", clip(k.Value), suggest(k.Value, initForms), strings.Join(initForms, ", "))
		return nil
	}
	d.fail(n, path, "must be a number%s, a list, or one of {constant: x}, {normal: {mean, sd}}, {uniform: {low, high}}, {values: [...]}, not %s", unitHint(f), describe(n))
	return nil
}
