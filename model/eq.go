package model

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/brainsim/brainsim/equations"
	"go.yaml.in/yaml/v3"
)

// eqInfo is the parsed model of a population or projection written as
// equations: its parameter and initial-value tables, built from the text.
type eqInfo struct {
	model        *equations.Model // nil when the text has errors (reported)
	params, init *section
	kind         *neuronKind // populations: the variables monitors and inputs see
}

// inputDecl matches a declaration of the input variable, as
// neuron.FromEquations looks for it.
var inputDecl = regexp.MustCompile(`(?m)^[ \t]*input[ \t]*:`)

// unitMode returns the equations.UnitMode of a units field ("checked" or
// "none").
func unitMode(s string) equations.UnitMode {
	if s == "none" {
		return equations.UnitsNone
	}
	return equations.UnitsChecked
}

// eqNeuron parses the equations of population r once; errors in the text
// are reported with their place in the file.
func (d *decoder) eqNeuron(r *record) *eqInfo {
	if r.eq != nil {
		return r.eq
	}
	r.eq = &eqInfo{}
	v := r.get("equations")
	text, units := v.str, unitMode(r.str("units"))
	if !inputDecl.MatchString(text) {
		text += map[bool]string{true: "\ninput : 1", false: "\ninput : amp"}[units == equations.UnitsNone]
	}
	m, err := equations.Parse(text, equations.Options{Units: units})
	if err != nil {
		d.eqFail(v.node, join(r.path, "equations"), err)
		return r.eq
	}
	r.eq.model = m
	r.eq.params, r.eq.init = d.eqSections(m, "neuron", func(v *equations.Var) bool { return v.Name == "input" })
	r.eq.kind = &neuronKind{name: "equations", vars: eqVars(m)}
	return r.eq
}

// eqSections builds the params (every parameter, required) and init (the
// state variables) tables of model m; skip drops variables set otherwise.
func (d *decoder) eqSections(m *equations.Model, what string, skip func(*equations.Var) bool) (params, init *section) {
	params = sec("params", "parameters of the "+what+" equations")
	init = sec("init", "initial values of the state variables of the "+what+" equations (default 0)")
	for _, v := range m.Params {
		if skip(v) {
			continue
		}
		f := field{name: v.Name, kind: kInit, unit: d.eqUnit(m, v), required: true, doc: "parameter " + v.Stmt}
		if v.Shared() {
			f.kind = kFloat
		}
		params.fields = append(params.fields, f)
	}
	for _, v := range m.States {
		init.fields = append(init.fields, field{name: v.Name, kind: kInit, unit: d.eqUnit(m, v), doc: "state variable " + v.Stmt})
	}
	return params, init
}

// eqUnits are the units values of a unit-checked model are read in: a
// plain number is in brainsim's internal unit of the variable's
// dimension, and these are the internal units the quantity table knows.
var eqUnitNames = [...]struct{ unit, annot string }{
	{"mV", "volt"}, {"ms", "second"}, {"nS", "siemens"}, {"pA", "amp"}, {"pF", "farad"}, {"kHz", "hertz"}, {"Gohm", "ohm"},
}

// eqUnit returns the unit of the quantity table a value of v is read in:
// the internal unit of its dimension, "" for dimensionless ones and
// UnitsNone models, or a description for dimensions without a table unit
// (which then take plain numbers only).
func (d *decoder) eqUnit(m *equations.Model, v *equations.Var) string {
	if m.Units == equations.UnitsNone || v.Dim.IsDimensionless() {
		return ""
	}
	if d.dims == nil {
		var b strings.Builder
		for _, u := range eqUnitNames {
			fmt.Fprintf(&b, "%s : %s\n", "x_"+u.annot, u.annot)
		}
		ref, err := equations.Parse(b.String(), equations.Options{})
		if err != nil {
			panic("model: unit table: " + err.Error()) // a static text
		}
		d.dims = map[equations.Dim]string{}
		for _, u := range eqUnitNames {
			d.dims[ref.Lookup("x_"+u.annot).Dim] = u.unit
		}
	}
	if u, ok := d.dims[v.Dim]; ok {
		return u
	}
	return "internal units of " + v.Dim.String()
}

// eqFail reports err, an error of the equations text (or a statement) in
// node n at path: each equations.Error at its place in the file.
func (d *decoder) eqFail(n *yaml.Node, path string, err error) {
	var list equations.ErrorList
	if !errors.As(err, &list) {
		msg := err.Error()
		for _, p := range []string{"neuron: FromEquations ", "synapse: FromEquations "} {
			msg = strings.TrimPrefix(msg, p)
		}
		d.fail(n, path, "%s", msg)
		return
	}
	for _, e := range list {
		if len(d.errs) >= maxErrors {
			return
		}
		line, col := d.eqPos(n, e.Pos)
		// A model file has no Go constants to pass: it declares parameters.
		msg := strings.Replace(e.Error(), " or pass it in Options.Constants", " and give its value in params", 1)
		d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: col, Path: path, Msg: msg})
	}
}

// eqPos maps a position in the text of scalar n to the file: exact for a
// literal block (|) and a one-line plain scalar; else the scalar's start.
func (d *decoder) eqPos(n *yaml.Node, p equations.Pos) (line, col int) {
	if n == nil {
		return 0, 0
	}
	line, col = n.Line, n.Column
	switch {
	case n.Line == 0 || p.Line < 1:
	case n.Style&yaml.LiteralStyle != 0:
		// the text's line i is the file's line n.Line+i, indented as the
		// block's first non-blank line
		indent := -1
		for i := n.Line; i < len(d.lines); i++ { // d.lines[i] is file line i+1
			if s := strings.TrimLeft(d.lines[i], " "); s != "" {
				indent = len(d.lines[i]) - len(s)
				break
			}
		}
		if indent >= 0 {
			line, col = n.Line+p.Line, indent+p.Col
		}
	case n.Style == 0 && !strings.Contains(n.Value, "\n") && p.Line == 1:
		col = n.Column + p.Col - 1
	case (n.Style == yaml.DoubleQuotedStyle || n.Style == yaml.SingleQuotedStyle) && !strings.ContainsAny(n.Value, "\n\\'\"") && p.Line == 1:
		col = n.Column + p.Col
	}
	return line, col
}

// eqValue converts a decoded parameter or initial value to what
// FromEquations takes (numbers in internal units).
func eqValue(v *value) any {
	if v.init == nil {
		return v.num
	}
	switch v.init.kind {
	case "constant":
		return v.init.a
	case "values":
		return v.init.vals
	}
	return v.init.init()
}

// eqValues collects the values of the params and init records.
func eqValues(recs ...*record) map[string]any {
	out := map[string]any{}
	for _, r := range recs {
		if r == nil {
			continue
		}
		for name, v := range r.vals {
			out[name] = eqValue(v)
		}
	}
	return out
}

// trialValues is eqValues with every list and initialiser replaced by 0,
// for checking a model on one neuron or synapse.
func trialValues(recs ...*record) map[string]any {
	out := eqValues(recs...)
	for k, v := range out {
		if _, ok := v.(float64); !ok {
			out[k] = 0.0
		}
	}
	return out
}

// eqSynapse parses the equations of projection r once, with the models of
// its pre and post populations (a zoo population's variables are
// parameters: V in volt, input in amp, the others dimensionless, as
// synapse.FromEquations sees them).
func (d *decoder) eqSynapse(r *record) *eqInfo {
	if r.eq != nil {
		return r.eq
	}
	r.eq = &eqInfo{}
	e := r.sub("equations")
	units := unitMode(e.str("units"))
	var ends [2]*equations.Model
	for i, end := range []string{"pre", "post"} {
		p := d.pops[r.str(end)]
		if p == nil {
			return r.eq // reported by semantics
		}
		if p.written("equations") {
			m := d.eqNeuron(p).model
			if m == nil {
				return r.eq
			}
			if m.Units != units {
				d.fail(e.at("units"), join(e.path, "units"), "= %q: the %s population %s is written with units %s: use the same", e.str("units"), end, p.name, unitName(m.Units))
				return r.eq
			}
			ends[i] = m
			continue
		}
		k := d.reg.neuron(p.str("model"))
		if k == nil {
			return r.eq
		}
		var b strings.Builder
		for _, n := range k.vars {
			unit := "1"
			if units == equations.UnitsChecked && (n == "V" || n == "v") {
				unit = "volt"
			} else if units == equations.UnitsChecked && n == "input" {
				unit = "amp"
			}
			fmt.Fprintf(&b, "%s : %s\n", n, unit)
		}
		m, err := equations.Parse(b.String(), equations.Options{Units: units})
		if err != nil {
			d.fail(p.node, p.path, "%v", err)
			return r.eq
		}
		ends[i] = m
	}
	v := e.get("model")
	if v == nil { // equations is not a mapping with a model: the decoder said so
		return r.eq
	}
	m, err := equations.Parse(v.str, equations.Options{Units: units, Kind: equations.SynapseModel, Pre: ends[0], Post: ends[1]})
	if err != nil {
		d.eqFail(v.node, join(e.path, "model"), err)
		return r.eq
	}
	r.eq.model = m
	r.eq.params, r.eq.init = d.eqSections(m, "synapse", func(*equations.Var) bool { return false })
	return r.eq
}

func unitName(u equations.UnitMode) string {
	if u == equations.UnitsNone {
		return "none"
	}
	return "checked"
}
