package model

// generators are the input fields that produce a value per step (and
// neuron); an input sets exactly one of value, values and these.
var generators = []string{"series", "section", "spike", "ramp", "sinusoidal", "square", "wiener", "ou", "poisson"}

func inputSection() *section {
	start := fl("start", "ms", "0", nonNegative, "start of the window in which the generator is on")
	end := fl("end", "ms", "0", nonNegative, "end of the window (0: the run's duration)")
	wave := func(name, doc string) field {
		return field{name: name, kind: kSection, doc: doc, sub: sec(name, doc,
			flReq("amplitude", "", bounds{}, "amplitude A"), flReq("freq", "Hz", nonNegative, "frequency"),
			start, end, boolF("bias", "add A, so that the wave is >= 0"))}
	}
	channels := intF("channels", "1", atLeast(1), "independent channels: 1 (the same value for every neuron) or the target's size")
	seed := seedF("seed of the draws (unset: derived from the network seed)")
	return sec("input", "A runner input (sim.Input): target, op and exactly one of value, values or a generator.",
		field{name: "target", kind: kString, required: true, doc: `the variable, "population.variable": usually "E.input" (a current), or "E.jump" (voltage jumps in mV, added after the step and dropped while refractory)`},
		field{name: "op", kind: kEnum, def: "+", allowed: []string{"+", "-", "*", "/", "="},
			doc: "how the value combines with the variable ('=' inputs apply first, then '+', '-', '*', '/')"},
		field{name: "value", kind: kFloat, doc: "a constant for every neuron and step"},
		field{name: "values", kind: kFloats, doc: "a constant per neuron (length: the target's size)"},
		field{name: "series", kind: kFloats, doc: "one value per step for every neuron, 0 after its end (BrainPy's per-step input array)"},
		field{name: "section", kind: kSection, doc: "piecewise constant (BrainPy section_input)", sub: sec("section", "",
			field{name: "values", kind: kFloats, required: true, doc: "value of each segment"},
			field{name: "durations", kind: kFloats, unit: "ms", required: true, rng: nonNegative, doc: "duration of each segment"})},
		field{name: "spike", kind: kSection, doc: "rectangular pulses (BrainPy spike_input)", sub: sec("spike", "",
			field{name: "times", kind: kFloats, unit: "ms", required: true, rng: nonNegative, doc: "start of each pulse"},
			field{name: "lens", kind: kFloats, unit: "ms", def: "[1]", rng: nonNegative, doc: "length of each pulse (one for all, or one per pulse)"},
			field{name: "sizes", kind: kFloats, def: "[1]", doc: "height of each pulse (one for all, or one per pulse)"})},
		field{name: "ramp", kind: kSection, doc: "linear ramp from c_start to c_end over the window (BrainPy ramp_input)", sub: sec("ramp", "",
			flReq("c_start", "", bounds{}, "value at the start of the window"), flReq("c_end", "", bounds{}, "value at its end"), start, end)},
		wave("sinusoidal", "A·sin(2π·freq·t) in the window (BrainPy sinusoidal_input)"),
		wave("square", "square wave ±A of duty cycle 0.5 in the window (BrainPy square_input)"),
		field{name: "wiener", kind: kSection, doc: "increments N(0, 1)·√dt of a Wiener process (BrainPy wiener_process)", sub: sec("wiener", "",
			channels, start, end, seed)},
		field{name: "ou", kind: kSection, doc: "Ornstein–Uhlenbeck process dX = (mean − X)/tau·dt + sigma·dW (BrainPy ou_process)", sub: sec("ou", "",
			flReq("mean", "", bounds{}, "mean"), flReq("sigma", "", nonNegative, "noise amplitude"), flReq("tau", "ms", positive, "time constant"),
			channels, start, end, seed)},
		field{name: "poisson", kind: kSection, doc: "weight × the spikes of num_input independent Poisson afferents per neuron (BrainPy PoissonInput)", sub: sec("poisson", "",
			intF("num_input", "", atLeast(1), "afferents per target neuron"), flReq("freq", "Hz", nonNegative, "rate of each afferent"),
			flReq("weight", "", bounds{}, "added per afferent spike"), seed)},
	)
}

func monitorSection() *section {
	s := sec("monitor", `A variable to record (sim.Monitor); a monitor may be written as its name alone ("E.spike").`,
		field{name: "name", kind: kString, required: true, doc: `"population.spike" for spikes, "node.variable" for a trace ("E.V", "E2E.g")`},
		field{name: "index", kind: kInts, rng: nonNegative, doc: "neurons to record (unset: all)"},
		intF("every", "0", nonNegative, "record a trace every that many steps (0: every step)"),
		field{name: "key", kind: kString, doc: "name of the record in the results (unset: name)"},
	)
	s.short = "name"
	return s
}

func outputsSection() *section {
	return sec("outputs", "What a run writes (read by the brainsim command).",
		field{name: "records", kind: kEnums, def: "[npz]", allowed: []string{"npz", "sonata", "nwb"},
			doc: "file formats of the records, streamed to disk during the run: npz (spikes.npz, traces.npz), sonata (spikes.h5, traces.h5), nwb (units.nwb); [] writes none"},
		field{name: "plots", kind: kEnums, def: "[raster]", allowed: []string{"raster", "rate", "trace"}, doc: "plots to draw (from the files written; needs npz)"},
		field{name: "format", kind: kEnum, def: "png", allowed: []string{"png", "svg", "pdf"}, doc: "image format of the plots"},
	)
}
