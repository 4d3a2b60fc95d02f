// Package model reads brainsim's model files: YAML documents describing a
// network (populations of the neuron zoo or written as equations,
// projections of the synapse zoo or written as equations, with their
// connectors), its inputs, monitors and outputs, and the run
// (dt, duration, seed, threads, memory limit).
//
// Parse checks a file in strict mode and reports every problem at once,
// each with file:line:col, field path, value, what is allowed and, for a
// misspelt name, the nearest valid one. Set applies a --set override such
// as "E.size=8000" or "E2E.g_max=0.2"; Build returns the sim.Network and
// sim.Options, which a Go program may extend before sim.NewRunner; Resolved
// writes the full model after defaults and overrides for a run manifest.
//
// A population or projection may instead be written as equations in
// Brian2's syntax (neuron.FromEquations, synapse.FromEquations); errors in
// the text are reported at their line and column in the file.
//
// Quantities may carry units ("tau: 20 ms", "v_th: -50 mV"); plain numbers
// are in the unit the zoo's catalogs document. Parameter names are the
// zoo's Go field names in snake_case, as BrainPy spells them (v_rest,
// tau_ref, g_max).
//
// The format's tables are Go data: Reference renders docs/model-format.md
// and Schema a JSON Schema (draft 2020-12) from them. Embedded parses the
// templates under templates/: tutorial, coba, brunel, hh, stdp and adaptive.
package model

//go:generate go test -run TestReferenceUpToDate -update .
