package model

import (
	"bytes"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Resolved returns the whole model as YAML after defaults and Set: every
// field with its value, numbers in the field's unit (named in a comment),
// populations and projections in the order written. Parsing it gives the
// same model; it is meant for run manifests.
func (f *File) Resolved() []byte {
	var buf bytes.Buffer
	buf.WriteString("# " + f.filename + ", resolved: every field with its value; numbers are in the unit in the comment\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{emitRecord(f.top, false)}}
	if err := enc.Encode(doc); err != nil {
		// the tree is built here from checked values; an error is a bug
		panic("model: Resolved: " + err.Error())
	}
	enc.Close()
	return buf.Bytes()
}

func scalar(tag, v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }

func num(x float64) *yaml.Node { return scalar("", strconv.FormatFloat(x, 'g', -1, 64)) }

func emitRecord(r *record, flow bool) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if flow {
		m.Style = yaml.FlowStyle
	}
	for _, f := range r.sec.fields {
		v := r.vals[f.name]
		if v == nil {
			continue
		}
		n := emitValue(&f, v)
		if f.unit != "" && (f.kind == kFloat || f.kind == kFloats || f.kind == kInit || f.kind == kDelay) && !flow {
			n.LineComment = f.unit
		}
		m.Content = append(m.Content, scalar("!!str", f.name), n)
	}
	return m
}

func emitValue(f *field, v *value) *yaml.Node {
	list := func(n int, item func(i int) *yaml.Node) *yaml.Node {
		s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for i := range n {
			s.Content = append(s.Content, item(i))
		}
		return s
	}
	switch f.kind {
	case kInt:
		return scalar("", strconv.FormatInt(v.i, 10))
	case kSeed:
		return scalar("", strconv.FormatUint(v.u, 10))
	case kFloat:
		return num(v.num)
	case kString, kEnum:
		return scalar("!!str", v.str)
	case kBool:
		return scalar("", strconv.FormatBool(v.b))
	case kFloats:
		return list(len(v.nums), func(i int) *yaml.Node { return num(v.nums[i]) })
	case kInts:
		return list(len(v.ints), func(i int) *yaml.Node { return scalar("", strconv.Itoa(v.ints[i])) })
	case kEnums:
		return list(len(v.strs), func(i int) *yaml.Node { return scalar("!!str", v.strs[i]) })
	case kInit, kDelay:
		if v.init == nil {
			return num(v.num)
		}
		return emitInit(v.init)
	case kSection, kDynamic:
		return emitRecord(v.rec, false)
	case kNamed:
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, r := range v.recs {
			m.Content = append(m.Content, scalar("!!str", r.name), emitRecord(r, false))
		}
		return m
	case kList:
		s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, r := range v.recs {
			s.Content = append(s.Content, emitRecord(r, true))
		}
		return s
	case kOneOf:
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle,
			Content: []*yaml.Node{scalar("!!str", v.rec.name), emitRecord(v.rec, true)}}
	}
	return scalar("!!null", "")
}

func emitInit(s *initSpec) *yaml.Node {
	pair := func(a, b string) *yaml.Node {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle,
			Content: []*yaml.Node{scalar("!!str", a), num(s.a), scalar("!!str", b), num(s.b)}}
	}
	wrap := func(k string, body *yaml.Node) *yaml.Node {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Content: []*yaml.Node{scalar("!!str", k), body}}
	}
	switch s.kind {
	case "normal":
		return wrap("normal", pair("mean", "sd"))
	case "uniform":
		return wrap("uniform", pair("low", "high"))
	case "values":
		l := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, x := range s.vals {
			l.Content = append(l.Content, num(x))
		}
		return l
	}
	return num(s.a)
}
