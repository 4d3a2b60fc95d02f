package model

import (
	"encoding/json"
	"strings"
)

// quantityPattern matches a number with an optional unit, as quantity reads it.
const quantityPattern = `^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*[A-Za-zμµΩ²·/*()0-9]*\s*$`

// Schema renders a JSON Schema (draft 2020-12) of the format from the same
// tables as the parser and Reference. Constraints the schema cannot say
// (units, sizes of lists, names that refer to other entries) are checked by
// Parse only.
func Schema() []byte {
	reg := newRegistry()
	defs := map[string]any{
		"quantity": map[string]any{"oneOf": []any{
			map[string]any{"type": "number"},
			map[string]any{"type": "string", "pattern": quantityPattern},
		}},
		"initialiser": map[string]any{"oneOf": []any{
			map[string]any{"$ref": "#/$defs/quantity"},
			map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/quantity"}},
			oneKey("constant", map[string]any{"$ref": "#/$defs/quantity"}),
			oneKey("normal", object(map[string]any{"mean": ref("quantity"), "sd": ref("quantity")}, []string{"mean", "sd"})),
			oneKey("uniform", object(map[string]any{"low": ref("quantity"), "high": ref("quantity")}, []string{"low", "high"})),
			oneKey("values", map[string]any{"type": "array", "items": ref("quantity")}),
		}},
	}
	root := sectionSchema(topSection(reg), defs, "")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/brainsim/brainsim/model/schema.json"
	root["title"] = "brainsim model file"
	// params and init depend on the model: one if/then per model
	var popRules, projRules []any
	for _, k := range reg.neurons {
		defs["neuron."+k.name+".params"] = sectionSchema(k.params, defs, "")
		defs["neuron."+k.name+".init"] = sectionSchema(k.init, defs, "")
		popRules = append(popRules, map[string]any{
			"if":   map[string]any{"properties": map[string]any{"model": map[string]any{"const": k.name}}, "required": []string{"model"}},
			"then": map[string]any{"properties": map[string]any{"params": ref("neuron." + k.name + ".params"), "init": ref("neuron." + k.name + ".init")}},
		})
	}
	for _, k := range reg.synapses {
		defs["synapse."+k.name+".params"] = sectionSchema(k.params, defs, "")
		projRules = append(projRules, map[string]any{
			"if":   map[string]any{"properties": map[string]any{"synapse": map[string]any{"const": k.name}}, "required": []string{"synapse"}},
			"then": map[string]any{"properties": map[string]any{"params": ref("synapse." + k.name + ".params")}},
		})
	}
	defs["population"].(map[string]any)["allOf"] = popRules
	defs["projection"].(map[string]any)["allOf"] = projRules
	root["$defs"] = defs
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic("model: Schema: " + err.Error()) // built from static tables
	}
	return append(b, '\n')
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/$defs/" + name} }

func object(props map[string]any, required []string) map[string]any {
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func oneKey(key string, body any) map[string]any {
	return object(map[string]any{key: body}, []string{key})
}

// sectionSchema returns the schema of s; named sub-sections go to defs.
func sectionSchema(s *section, defs map[string]any, _ string) map[string]any {
	props := map[string]any{}
	var req []string
	for _, f := range s.fields {
		props[f.name] = fieldSchema(&f, defs)
		if f.required {
			req = append(req, f.name)
		}
	}
	o := object(props, req)
	if s.doc != "" {
		o["description"] = s.doc
	}
	if s.short != "" {
		return map[string]any{"oneOf": []any{map[string]any{"type": "string"}, o}}
	}
	return o
}

func fieldSchema(f *field, defs map[string]any) map[string]any {
	var m map[string]any
	num := func(t string) map[string]any {
		x := map[string]any{"type": t}
		if f.rng.hasLo {
			x[map[bool]string{true: "exclusiveMinimum", false: "minimum"}[f.rng.openLo]] = f.rng.lo
		}
		if f.rng.hasHi {
			x[map[bool]string{true: "exclusiveMaximum", false: "maximum"}[f.rng.openHi]] = f.rng.hi
		}
		return x
	}
	quantity := func() map[string]any {
		return map[string]any{"oneOf": []any{num("number"), map[string]any{"type": "string", "pattern": quantityPattern}}}
	}
	switch f.kind {
	case kInt:
		m = num("integer")
	case kSeed:
		m = map[string]any{"type": "integer", "minimum": 0}
	case kFloat:
		m = quantity()
	case kString:
		m = map[string]any{"type": "string"}
	case kEnum:
		m = map[string]any{"enum": f.allowed}
	case kBool:
		m = map[string]any{"type": "boolean"}
	case kFloats:
		m = map[string]any{"type": "array", "items": quantity()}
	case kInts:
		m = map[string]any{"type": "array", "items": num("integer")}
	case kEnums:
		m = map[string]any{"type": "array", "items": map[string]any{"enum": f.allowed}}
	case kInit:
		m = ref("initialiser")
	case kDelay:
		m = map[string]any{"oneOf": []any{quantity(), ref("initialiser")}}
	case kSection:
		m = sectionSchema(f.sub, defs, "")
	case kNamed:
		defs[f.sub.name] = sectionSchema(f.sub, defs, "")
		m = map[string]any{"type": "object", "additionalProperties": ref(f.sub.name),
			"propertyNames": map[string]any{"pattern": `^[A-Za-z_][A-Za-z0-9_-]{0,63}$`}}
	case kList:
		m = map[string]any{"type": "array", "items": sectionSchema(f.sub, defs, "")}
	case kOneOf:
		var alts []any
		for _, v := range f.variants {
			if !hasRequired(v) {
				alts = append(alts, map[string]any{"const": v.name})
			}
			alts = append(alts, oneKey(v.name, map[string]any{"oneOf": []any{map[string]any{"type": "null"}, sectionSchema(v, defs, "")}}))
		}
		m = map[string]any{"oneOf": alts}
	case kDynamic:
		m = map[string]any{"type": "object"}
	}
	desc := f.doc
	if f.unit != "" {
		desc += " [" + f.unit + "]"
	}
	if f.def != "" {
		desc += " (default " + f.def + ")"
	}
	m["description"] = strings.TrimSpace(desc)
	return m
}

func hasRequired(s *section) bool {
	for _, f := range s.fields {
		if f.required {
			return true
		}
	}
	return false
}
