// Package initial provides initialisers: rules that fill a slice of state
// (initial membrane potentials, per-synapse weights) with values, as
// BrainPy's bp.init (ZeroInit, Constant, Normal, Uniform).
//
// Random initialisers draw from a stream keyed by the key the caller passes
// (the network derives it from its seed and the node's name), so the same
// network and seed always start from the same state.
package initial
