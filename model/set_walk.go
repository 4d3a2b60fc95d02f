package model

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// walk follows segs from mapping slot m (of record r) and puts v at the
// end.
func (e *editor) walk(m *yaml.Node, r *record, segs []seg, v *yaml.Node) error {
	slot := &m
	for i := 0; i < len(segs); i++ {
		s := segs[i]
		last := i == len(segs)-1
		mp := e.mapping(slot)
		f := r.sec.field(s.key)
		if f == nil {
			if ps := r.sub("params"); ps != nil && ps.sec.field(s.key) != nil && (r.sec.name == "population" || r.sec.name == "projection") {
				segs = append(segs[:i:i], append([]seg{{key: "params", index: -1}}, segs[i:]...)...)
				i--
				continue
			}
			names := r.sec.names()
			if ps := r.sub("params"); ps != nil && (r.sec.name == "population" || r.sec.name == "projection") {
				names = append(names, ps.sec.names()...)
			}
			return fmt.Errorf("%s has no key %q%s (keys: %s)", where(r), s.key, suggest(s.key, names), strings.Join(names, ", "))
		}
		slot = e.child(mp, s.key)
		if s.index >= 0 && f.kind != kList && f.kind != kFloats && f.kind != kInts && f.kind != kEnums {
			return fmt.Errorf("%s.%s is not a list: write it without [%d]", where(r), s.key, s.index)
		}
		switch f.kind {
		case kSection, kDynamic:
			if last {
				e.put(slot, v)
				return nil
			}
			sub := r.sub(s.key)
			if sub == nil {
				sub = &record{sec: f.sub, path: join(r.path, s.key), vals: map[string]*value{}}
			}
			r = sub
		case kNamed:
			if last {
				return fmt.Errorf("%s: set the fields of one entry, e.g. %s.NAME.FIELD", s.key, s.key)
			}
			i++
			name := segs[i].key
			var entry *record
			var names []string
			for _, x := range r.recs(s.key) {
				names = append(names, x.name)
				if x.name == name {
					entry = x
				}
			}
			if entry == nil {
				return fmt.Errorf("%s has no entry %q%s (entries: %s); --set cannot add entries", s.key, name, suggest(name, names), strings.Join(names, ", "))
			}
			if i == len(segs)-1 {
				return fmt.Errorf("%s.%s: set one of its fields, e.g. %s.%s.%s", s.key, name, s.key, name, entry.sec.fields[1].name)
			}
			slot = e.child(e.mapping(slot), name)
			r = entry
		case kList:
			items := r.recs(s.key)
			if s.index < 0 || s.index >= len(items) {
				return fmt.Errorf("%s has %d items: write %s[i] with i in [0, %d)", s.key, len(items), s.key, len(items))
			}
			e.own(slot)
			lst := *slot
			slot = &lst.Content[s.index]
			e.own(slot)
			if last {
				e.put(slot, v)
				return nil
			}
			r = items[s.index]
			if (*slot).Kind == yaml.ScalarNode && r.sec.short != "" {
				e.put(slot, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
					{Kind: yaml.ScalarNode, Tag: "!!str", Value: r.sec.short}, *slot}})
			}
		case kOneOf:
			if last {
				e.put(slot, v)
				return nil
			}
			cur := r.sub(s.key)
			if cur == nil {
				return fmt.Errorf("%s.%s is not set: set it whole, e.g. %s.%s={%s: {...}}", where(r), s.key, r.path, s.key, f.variants[0].name)
			}
			if segs[i+1].key == cur.name {
				i++
			} else if variant(f.variants, segs[i+1].key) != nil {
				return fmt.Errorf("%s.%s is %s: to change it, set it whole: %s.%s={%s: {...}}", where(r), s.key, cur.name, r.path, s.key, segs[i+1].key)
			}
			if (*slot).Kind == yaml.ScalarNode {
				e.put(slot, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
					{Kind: yaml.ScalarNode, Tag: "!!str", Value: cur.name}, {Kind: yaml.ScalarNode, Tag: "!!null"}}})
			}
			e.own(slot)
			if i == len(segs)-1 {
				e.put(&(*slot).Content[1], v)
				return nil
			}
			slot = &(*slot).Content[1]
			e.own(slot)
			r = cur
		default:
			if s.index >= 0 {
				e.own(slot)
				lst := *slot
				if lst.Kind != yaml.SequenceNode || s.index >= len(lst.Content) {
					return fmt.Errorf("%s.%s has no item %d", where(r), s.key, s.index)
				}
				if !last {
					return fmt.Errorf("%s.%s[%d] is a number: nothing below it", where(r), s.key, s.index)
				}
				e.put(&lst.Content[s.index], v)
				return nil
			}
			if !last {
				return fmt.Errorf("%s.%s is a %s: nothing below it (write %s.%s=VALUE)", where(r), s.key, f.kind, r.path, s.key)
			}
			e.put(slot, v)
			return nil
		}
	}
	return nil
}

func where(r *record) string {
	if r.path == "" {
		return "the file"
	}
	return r.path
}
