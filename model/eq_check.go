package model

import (
	"strings"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/neuron"
)

// eqOnly are the population keys that only a model written as equations
// takes.
var eqOnly = []string{"threshold", "reset", "refractory", "method", "units"}

// eqPopulation checks a population: model or equations, and for equations
// the statements of threshold, reset and refractory, the method, and what
// neuron.FromEquations checks besides (on one neuron).
func (d *decoder) eqPopulation(p *record) {
	zoo, ok := d.zooOrEquations(p, "model", "Neuron models")
	switch {
	case !ok:
		return
	case zoo:
		for _, k := range eqOnly {
			if p.written(k) {
				d.fail(p.at(k), join(p.path, k), "is for a population written as equations; %s is a zoo model (set its parameters in params)", p.str("model"))
			}
		}
		return
	}
	eq := d.eqNeuron(p)
	m := eq.model
	if m == nil {
		return
	}
	before := len(d.errs)
	stmt := func(key string, parse func(string) error) {
		if v := p.get(key); v != nil && v.node != nil && strings.TrimSpace(v.str) != "" {
			if err := parse(v.str); err != nil {
				d.eqFail(v.node, join(p.path, key), err)
			}
		}
	}
	stmt("threshold", func(s string) error { _, err := m.ParseCondition(s); return err })
	stmt("reset", func(s string) error { _, err := m.ParseStatements(s); return err })
	stmt("refractory", func(s string) error { _, err := m.ParseRefractory(s); return err })
	if meth := p.str("method"); meth != "" {
		if _, err := m.Method(meth); err != nil {
			d.fail(p.at("method"), join(p.path, "method"), "= %q: %v", meth, err)
		}
	}
	if len(d.errs) > before {
		return
	}
	_, err := neuron.FromEquations(1, p.str("equations"), eqParamsOf(p, trialValues(p.sub("params"), p.sub("init"))))
	if err != nil {
		msg := err.Error()
		at, key := p.node, p.path
		for _, k := range []string{"Threshold", "Reset", "Refractory", "Method", "text"} {
			if strings.Contains(msg, "FromEquations "+k+":") {
				name := map[string]string{"text": "equations"}[k]
				if name == "" {
					name = strings.ToLower(k)
				}
				at, key = p.at(name), join(p.path, name)
				break
			}
		}
		if strings.Contains(msg, "FromEquations Values[") {
			at, key = p.at("params"), join(p.path, "params")
		}
		d.eqFail(at, key, err)
	}
}

// eqParamsOf returns the neuron.EquationParams of population p with values.
func eqParamsOf(p *record, values map[string]any) neuron.EquationParams {
	return neuron.EquationParams{Threshold: p.str("threshold"), Reset: p.str("reset"), Refractory: p.str("refractory"),
		Method: p.str("method"), Units: unitMode(p.str("units")), Values: values}
}

// eqProjection checks a projection: synapse or equations, the on_pre and
// on_post statements, and the keys an equation projection does not take.
func (d *decoder) eqProjection(r *record) {
	zoo, ok := d.zooOrEquations(r, "synapse", "Synapse models")
	switch {
	case !ok:
		return
	case zoo:
		if r.written("init") {
			d.fail(r.at("init"), join(r.path, "init"), "is for a projection written as equations; %s has no init", r.str("synapse"))
		}
		return
	}
	for _, k := range []string{"weights", "output", "plasticity"} {
		if r.written(k) {
			d.fail(r.at(k), join(r.path, k), "is for zoo synapses: a projection written as equations declares its weights, output and plasticity in its model")
		}
	}
	if v := r.get("delay"); v != nil && v.init != nil {
		d.fail(v.node, join(r.path, "delay"), "a projection written as equations takes one number here; declare 'delay : second' in the model for per-synapse delays")
	}
	m := d.eqSynapse(r).model
	if m == nil {
		return
	}
	e := r.sub("equations")
	for _, key := range []string{"on_pre", "on_post"} {
		if v := e.get(key); v != nil && v.node != nil && strings.TrimSpace(v.str) != "" {
			if _, err := m.ParseStatements(v.str); err != nil {
				d.eqFail(v.node, join(e.path, key), err)
			}
		}
	}
	if meth := e.str("method"); meth != "" {
		if _, err := m.Method(meth); err != nil {
			d.fail(e.at("method"), join(e.path, "method"), "= %q: %v", meth, err)
		}
	}
}

// popKind returns the zoo model of population p or, for one written as
// equations, a kind holding its variables; nil when neither is known.
func (d *decoder) popKind(p *record) *neuronKind {
	if p.written("equations") {
		return d.eqNeuron(p).kind
	}
	return d.reg.neuron(p.str("model"))
}

// eqVars are the variables of a model a monitor may record: state
// variables and parameters.
func eqVars(m *equations.Model) []string {
	var out []string
	for _, v := range m.Vars {
		if v.Kind != equations.Subexpr {
			out = append(out, v.Name)
		}
	}
	return out
}

// zooOrEquations checks that r writes exactly one of key (a zoo model or
// synapse, listed in the section see of the format) and equations, and
// reports whether it is the zoo one; ok is false when it reported neither
// or both.
func (d *decoder) zooOrEquations(r *record, key, see string) (zoo, ok bool) {
	hasZoo, hasEq := r.written(key), r.written("equations")
	switch {
	case hasZoo && hasEq:
		d.fail(r.at("equations"), join(r.path, "equations"), "write either %s (a zoo %s) or equations, not both", key, key)
		return false, false
	case !hasZoo && !hasEq:
		d.fail(r.node, join(r.path, key), "missing: write %s (a zoo %s, see %s) or equations (a model written as equations)", key, key, see)
		return false, false
	}
	return hasZoo, true
}
