package model

import (
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/sim"
)

// Format is the version of the model format this package reads.
const Format = 1

func fl(name, unit, def string, rng bounds, doc string) field {
	return field{name: name, kind: kFloat, unit: unit, def: def, rng: rng, doc: doc}
}

func flReq(name, unit string, rng bounds, doc string) field {
	return field{name: name, kind: kFloat, unit: unit, required: true, rng: rng, doc: doc}
}

func boolF(name, doc string) field { return field{name: name, kind: kBool, def: "false", doc: doc} }

func seedF(doc string) field { return field{name: "seed", kind: kSeed, doc: doc} }

func intF(name, def string, rng bounds, doc string) field {
	return field{name: name, kind: kInt, def: def, rng: rng, doc: doc, required: def == ""}
}

func sec(name, doc string, fields ...field) *section {
	return &section{name: name, doc: doc, fields: fields}
}

// topSection is the whole file; the builders below are functions so that
// the tables are values, not package state.
func topSection(reg *registry) *section {
	return sec("file", "A model file.",
		field{name: "version", kind: kInt, required: true, rng: between(Format, Format), doc: "format version; this package reads 1"},
		field{name: "name", kind: kString, def: "model", doc: "name of the model (used in run manifests and plot titles)"},
		field{name: "description", kind: kString, def: "", doc: "what the model is, with its references"},
		field{name: "run", kind: kSection, def: "{}", sub: runSection(), doc: "time step, duration, seed and resources of the run"},
		field{name: "populations", kind: kNamed, required: true, sub: populationSection(reg),
			doc: "the populations of neurons, by name, in the order written"},
		field{name: "projections", kind: kNamed, sub: projectionSection(reg),
			doc: "the projections (synapses) between populations, by name, in the order written"},
		field{name: "inputs", kind: kList, sub: inputSection(), doc: "runner inputs applied at the start of every step"},
		field{name: "monitors", kind: kList, sub: monitorSection(), doc: "variables to record"},
		field{name: "outputs", kind: kSection, def: "{}", sub: outputsSection(), doc: "which files and plots a run writes"},
	)
}

func runSection() *section {
	return sec("run", "How the model is run (sim.Options and the duration).",
		fl("dt", "ms", "0.1", positive, "time step"),
		fl("duration", "ms", "200", positive, "simulated time of a run"),
		field{name: "seed", kind: kSeed, def: "1", doc: "seed of every random stream of the network (connectivity, initial values, noise)"},
		intF("threads", "0", between(0, sim.MaxThreads), "blocks each population is split into (0: one per core); results do not depend on it"),
		field{name: "memory_limit", kind: kInt, def: "0", rng: nonNegative,
			doc: "bytes the network may allocate (0: the memory available); a larger network is refused before it is built"},
		fl("checkpoint_every", "ms", "0", nonNegative, "write a checkpoint after every that much simulated time (0: never); brainsim resume continues from the last one"),
	)
}

func populationSection(reg *registry) *section {
	str := func(name, doc string) field { return field{name: name, kind: kString, doc: doc} }
	return sec("population", "A population of neurons of one zoo model, or written as equations (see Models written as equations).",
		field{name: "model", kind: kEnum, allowed: reg.neuronNames(), doc: "the neuron model (see Neuron models); write model or equations"},
		str("equations", "the model written as equations in Brian2's syntax, one statement a line (Brian2's NeuronGroup model)"),
		str("threshold", "equations only: the spike condition, e.g. v > v_th (unset: no spikes)"),
		str("reset", "equations only: statements run for each neuron that spiked, e.g. v = v_reset"),
		str("refractory", "equations only: a refractory period (5*ms, a parameter) or a condition"),
		field{name: "method", kind: kEnum, allowed: eqMethods, doc: "equations only: the integration method (unset: auto, Brian2's choice)"},
		field{name: "units", kind: kEnum, allowed: []string{"checked", "none"}, doc: "equations only: checked (quantities such as -60*mV, dimensions checked) or none (plain numbers in brainsim's units; unset: checked)"},
		field{name: "size", kind: kInt, required: true, rng: atLeast(1), doc: "number of neurons"},
		field{name: "params", kind: kDynamic, of: "model", doc: "parameters of the model (see Neuron models); unset ones take BrainPy's defaults (equations: every parameter must be given)"},
		field{name: "init", kind: kDynamic, of: "model", doc: "initial values of state variables: a number, a list (one per neuron) or an initialiser"},
	)
}

func projectionSection(reg *registry) *section {
	return sec("projection", "A projection: synapses from pre to post of one synapse model.",
		field{name: "pre", kind: kString, required: true, doc: "name of the presynaptic population"},
		field{name: "post", kind: kString, required: true, doc: "name of the postsynaptic population"},
		field{name: "synapse", kind: kEnum, allowed: reg.synapseNames(), doc: "the synapse model (see Synapse models); write synapse or equations"},
		field{name: "equations", kind: kSection, sub: eqSynapseSection(), doc: "the synapse model written as equations (Brian2's Synapses; see Models written as equations)"},
		field{name: "params", kind: kDynamic, of: "synapse", doc: "parameters of the synapse model (see Synapse models; equations: every parameter, a number, a list in connector order or an initialiser)"},
		field{name: "init", kind: kDynamic, of: "synapse", doc: "equations only: initial values of the synapses' state variables (default 0)"},
		field{name: "connector", kind: kOneOf, required: true, variants: connectorVariants(), doc: "the connectivity rule"},
		field{name: "delay", kind: kDelay, unit: "ms", def: "0",
			doc: "transmission delay: one number for all synapses (latency max(1, round(delay/dt)) steps), or per synapse a list or an initialiser (models with per-synapse delays)"},
		field{name: "weights", kind: kInit,
			doc: "per-synapse weights (float32), a list in connector order or an initialiser; unset: params.g_max for every synapse"},
		field{name: "output", kind: kOneOf, variants: outputVariants(),
			doc: "how the conductance becomes current, for models that take an output (unset: the model's default)"},
		field{name: "plasticity", kind: kOneOf, variants: plasticityVariants(),
			doc: "short-term plasticity of the pre neurons, for models that support it (uniform delay only)"},
	)
}

// eqMethods are the integration methods of package equations.
var eqMethods = append([]string{"auto"}, equations.Methods()...)

func eqSynapseSection() *section {
	str := func(name, doc string) field { return field{name: name, kind: kString, doc: doc} }
	return sec("synapse equations", "A synapse model written as equations (Brian2's Synapses).",
		field{name: "model", kind: kString, required: true, doc: "the per-synapse variables: parameters, differential equations (clock-driven or event-driven) and summed variables; pre and post variables are x_pre, x_post"},
		str("on_pre", "statements run for every synapse of an arriving pre spike, e.g. g_post += w"),
		str("on_post", "statements run for every synapse of a post neuron that spiked"),
		field{name: "method", kind: kEnum, allowed: eqMethods, doc: "integration method of the clock-driven equations (unset: auto)"},
		field{name: "units", kind: kEnum, allowed: []string{"checked", "none"}, doc: "checked or none, as the populations it connects (unset: checked)"},
	)
}

func connectorVariants() []*section {
	seed := seedF("own seed of the connector (unset: derived from the network seed and the projection's name)")
	excl := boolF("exclude_self", "drop the pairs i→i")
	num := func(doc string) field { return intF("num", "", nonNegative, doc) }
	rows, cols := intF("rows", "", atLeast(1), "rows of the grid"), intF("cols", "", atLeast(1), "columns of the grid")
	periodic := boolF("periodic", "wrap around the edges")
	incl := boolF("include_self", "connect every neuron to itself too")
	return []*section{
		sec("fixed_prob", "each pair with probability prob (BrainPy FixedProb)",
			flReq("prob", "", unitRange, "connection probability"), seed, excl,
			boolF("fixed_out_degree", "every pre neuron gets round(prob·n_post) posts (BrainPy ≥ 2.2.3.2's sparse sampler)")),
		sec("fixed_post_num", "each pre neuron to num distinct posts (BrainPy FixedPostNum)", num("posts per pre neuron"), seed, excl),
		sec("fixed_pre_num", "each post neuron from num distinct pres (BrainPy FixedPreNum)", num("pres per post neuron"), seed, excl),
		sec("fixed_total_num", "num synapses in all, pairs drawn uniformly (BrainPy FixedTotalNum)", num("number of synapses"), seed),
		sec("all2all", "every pair (BrainPy All2All)", excl),
		sec("one2one", "i→i (BrainPy One2One); pre and post must have the same size"),
		sec("gaussian_prob", "probability exp(−d²/2σ²) on a rows×cols grid (BrainPy GaussianProb)",
			flReq("sigma", "", positive, "σ in grid units"), rows, cols, periodic, excl, seed),
		sec("grid_four", "the 4 nearest neighbours on a rows×cols grid (BrainPy GridFour)", rows, cols, periodic, incl),
		sec("grid_eight", "the 8 nearest neighbours on a rows×cols grid (BrainPy GridEight)", rows, cols, periodic, incl),
		sec("grid_n", "the (2n+1)²−1 neighbours within n steps on a grid (BrainPy GridN)",
			intF("n", "", atLeast(1), "neighbourhood radius"), rows, cols, periodic, incl),
		sec("small_world", "Watts–Strogatz ring of k neighbours rewired with prob (BrainPy SmallWorld)",
			intF("k", "", atLeast(1), "neighbours on the ring"), flReq("prob", "", unitRange, "rewiring probability"),
			boolF("directed", "rewire each direction separately"), seed),
		sec("procedural_fixed_prob", "FixedProb regenerated every step, no stored synapses (for the *Procedural synapses; Knight & Nowotny 2021)",
			flReq("prob", "", unitRange, "connection probability"), seed, excl,
			intF("segment_width", "16384", atLeast(1), "posts per independently drawn segment of a row")),
	}
}

func outputVariants() []*section {
	return []*section{
		sec("cuba", "current-based: I = g"),
		sec("coba", "conductance-based: I = g·(E − V)", fl("e", "mV", "0", bounds{}, "reversal potential")),
		sec("mg_block", "NMDA Mg²⁺ block: I = g·(E − V)/(1 + (cc_mg/beta)·exp(alpha·(v_offset − V)))",
			fl("e", "mV", "0", bounds{}, "reversal potential"), fl("cc_mg", "mM", "1.2", nonNegative, "extracellular [Mg²⁺]"),
			fl("alpha", "1/mV", "0.062", bounds{}, "voltage sensitivity"), fl("beta", "mM", "3.57", positive, "Mg²⁺ dissociation constant"),
			fl("v_offset", "mV", "0", bounds{}, "voltage offset")),
	}
}

func plasticityVariants() []*section {
	return []*section{
		sec("std", "short-term depression (Tsodyks & Markram 1997; BrainPy STD)",
			fl("tau_d", "ms", "200", positive, "recovery time constant"), fl("u", "", "0.07", bounds{lo: 0, hi: 1, hasLo: true, hasHi: true, openLo: true}, "release fraction")),
		sec("stp", "short-term facilitation and depression (Tsodyks, Pawelzik & Markram 1998; BrainPy STP)",
			fl("u", "", "0.15", bounds{lo: 0, hi: 1, hasLo: true, hasHi: true, openLo: true}, "release fraction"),
			fl("tau_f", "ms", "1500", positive, "facilitation time constant"), fl("tau_d", "ms", "200", positive, "recovery time constant")),
	}
}
