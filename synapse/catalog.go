package synapse

import "strconv"

// ParamInfo describes one parameter of a model.
type ParamInfo struct {
	Name    string // Go field name
	Default string // the value the Default… constructor sets ("" = none or nil)
	Unit    string // "" = dimensionless
	Doc     string
}

// ModelInfo describes one projection type for listings such as the CLI's
// `brainsim models`.
type ModelInfo struct {
	Name      string // type name, e.g. "DualExp"
	Summary   string
	Reference string
	// Source names where the defaults come from: the BrainPy classes whose
	// constructor signatures (not docstrings) they copy, and their files in
	// BrainPy 2.8.2.
	Source string
	Output string // default output; "" when there is none (Delta adds to the post Jumps, or V without them; GapJunction adds its own current)
	Vars   []string
	Params []ParamInfo
}

// Catalog lists every projection type of the package with its parameters
// and their defaults (taken from the Default… constructors).
func Catalog() []ModelInfo {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	weights := func(gmax, unit string) []ParamInfo {
		return []ParamInfo{
			{"GMax", gmax, unit, "weight of every synapse, unless WeightInit or Weights is set"},
			{"WeightInit", "", unit, "initial.Init drawing a float32 weight per synapse"},
			{"Weights", "", unit, "float32 weight per synapse in CSR order"},
		}
	}
	delay := []ParamInfo{{"Delay", "0", "ms", "delay of all synapses: latency max(1, round(Delay/dt)) steps"}}
	perSyn := []ParamInfo{
		{"Delays", "", "ms", "per-synapse delays in CSR order"},
		{"DelayInit", "", "ms", "initial.Init drawing a delay per synapse"},
		{"STP", "", "", "*ShortTerm: STD or STP of the pre neurons (uniform delay only)"},
	}
	method := ParamInfo{"Method", "exp_auto", "", "exp_auto (BrainPy's exponential Euler) or exact"}
	cat := func(ps ...[]ParamInfo) []ParamInfo {
		var out []ParamInfo
		for _, p := range ps {
			out = append(out, p...)
		}
		return out
	}
	ex, de, al, dl := DefaultExponential(), DefaultDualExp(), DefaultAlpha(), DefaultDelta()
	am, ga, nm, bn := DefaultAMPA(), DefaultGABAa(), DefaultNMDA(), DefaultBioNMDA()
	sd, gj := DefaultSTDP(), DefaultGapJunction()
	pulse := func(a, b, t, d float64) []ParamInfo {
		return []ParamInfo{
			{"Alpha", f(a), "1/(mM·ms)", "binding rate α"},
			{"Beta", f(b), "1/ms", "unbinding rate β"},
			{"T", f(t), "mM", "transmitter concentration during a pulse"},
			{"TDur", f(d), "ms", "pulse duration after each arriving spike"},
		}
	}
	return []ModelInfo{
		{Name: "ExpCOBA", Source: "bp.synapses.ExpCOBA, brainpy/dynold/synapses/compat.py; Tau has no default here", Summary: "exponential conductance, COBA output: dg/dt = −g/τ, g += w, I = g(E − V)",
			Reference: "Brette et al. 2007; BrainPy ExpCOBA", Output: "COBA(E)", Vars: []string{"g"},
			Params: cat([]ParamInfo{{"Tau", "", "ms", "decay time constant (required; BrainPy: 8)"}, {"E", "0", "mV", "reversal potential"}}, weights("", ""), delay)},
		{Name: "ExpCUBA", Source: "bp.synapses.ExpCUBA, brainpy/dynold/synapses/compat.py; Tau has no default here", Summary: "exponential conductance, CUBA output: dg/dt = −g/τ, g += w, I = g",
			Reference: "BrainPy ExpCUBA", Output: "CUBA", Vars: []string{"g"},
			Params: cat([]ParamInfo{{"Tau", "", "ms", "decay time constant (required; BrainPy: 8)"}}, weights("", ""), delay)},
		{Name: "ExpCOBAProcedural", Source: "none (brainsim only)", Summary: "ExpCOBA with no stored synapses: rows of spiking neurons regenerated each step",
			Reference: "Knight & Nowotny 2021 (procedural connectivity); BrainPy ExpCOBA", Output: "COBA(E)", Vars: []string{"g"},
			Params: cat([]ParamInfo{{"Tau", "", "ms", "decay time constant (required)"}, {"E", "0", "mV", "reversal potential"},
				{"GMax", "", "", "weight of every synapse (scalar only)"}}, delay)},
		{Name: "ExpCUBAProcedural", Source: "none (brainsim only)", Summary: "ExpCUBA with no stored synapses: rows of spiking neurons regenerated each step",
			Reference: "Knight & Nowotny 2021 (procedural connectivity); BrainPy ExpCUBA", Output: "CUBA", Vars: []string{"g"},
			Params: cat([]ParamInfo{{"Tau", "", "ms", "decay time constant (required)"},
				{"GMax", "", "", "weight of every synapse (scalar only)"}}, delay)},
		{Name: "Exponential", Source: "bp.synapses.Exponential, brainpy/dynold/synapses/abstract_models.py; bp.dyn.Expon, brainpy/dyn/synapses/abstract_models.py", Summary: "exponential conductance with any output, per-synapse delays and short-term plasticity",
			Reference: "Sterratt et al. 2011; BrainPy Exponential", Output: "CUBA", Vars: []string{"g", "u", "x"},
			Params: cat([]ParamInfo{{"Tau", f(ex.Tau), "ms", "decay time constant"}}, weights(f(ex.GMax), ""), delay, perSyn)},
		{Name: "DualExp", Source: "bp.synapses.DualExponential, brainpy/dynold/synapses/abstract_models.py; bp.dyn.DualExpon, brainpy/dyn/synapses/abstract_models.py", Summary: "difference of exponentials: h' = −h/τr, g' = −g/τd + h, h += a·w; peak w by default",
			Reference: "Roth & van Rossum 2009; BrainPy DualExpon", Output: "CUBA", Vars: []string{"g", "h", "u", "x"},
			Params: cat([]ParamInfo{{"TauDecay", f(de.TauDecay), "ms", "decay time constant τd"},
				{"TauRise", f(de.TauRise), "ms", "rise time constant τr"},
				{"A", "0", "", "amplitude; 0 = peak-normalised"}, method}, weights(f(de.GMax), ""), delay, perSyn)},
		{Name: "Alpha", Source: "bp.synapses.Alpha, brainpy/dynold/synapses/abstract_models.py; bp.dyn.Alpha, brainpy/dyn/synapses/abstract_models.py", Summary: "alpha function: h' = −h/τ, g' = (h − g)/τ, h += w; g = w(t/τ)e^{−t/τ}",
			Reference: "Rall 1967; BrainPy Alpha", Output: "CUBA", Vars: []string{"g", "h", "u", "x"},
			Params: cat([]ParamInfo{{"TauDecay", f(al.TauDecay), "ms", "time constant τ"}, method}, weights(f(al.GMax), ""), delay, perSyn)},
		{Name: "Delta", Source: "bp.synapses.Delta, brainpy/dynold/synapses/abstract_models.py", Summary: "voltage jump: V_post += w at each arriving spike, after integration; dropped while the post neuron is refractory",
			Reference: "BrainPy Delta", Vars: []string{"u", "x"},
			Params: cat([]ParamInfo{{"TauRef", f(dl.TauRef), "ms", "deprecated: only for a post population without Jumps (the models of package neuron drop jumps while refractory themselves)"}}, weights(f(dl.GMax), "mV"), delay, perSyn)},
		{Name: "AMPA", Source: "bp.synapses.AMPA, brainpy/dynold/synapses/biological_models.py; bp.dyn.AMPA, brainpy/dyn/synapses/bio_models.py", Summary: "two-state kinetics s' = αT(1−s) − βs with a transmitter pulse, per pre neuron",
			Reference: "Destexhe, Mainen & Sejnowski 1994; BrainPy AMPA", Output: "COBA(E=0)", Vars: []string{"g", "s"},
			Params: cat(pulse(am.Alpha, am.Beta, am.T, am.TDur), weights(f(am.GMax), ""), delay)},
		{Name: "GABAa", Source: "bp.synapses.GABAa, brainpy/dynold/synapses/biological_models.py; bp.dyn.GABAa, brainpy/dyn/synapses/bio_models.py", Summary: "AMPA kinetics with GABA_A rates",
			Reference: "Destexhe & Paré 1999; BrainPy GABAa", Output: "COBA(E=-80)", Vars: []string{"g", "s"},
			Params: cat(pulse(ga.Alpha, ga.Beta, ga.T, ga.TDur), weights(f(ga.GMax), ""), delay)},
		{Name: "NMDA", Source: "bp.synapses.NMDA, brainpy/dynold/synapses/abstract_models.py; bp.dyn.NMDA, brainpy/dyn/synapses/abstract_models.py; MgBlock: bp.dyn.MgBlock, brainpy/dyn/outs/outputs.py", Summary: "saturating NMDA: s' = −s/τd + a·x(1−s), x' = −x/τr, x += 1; Mg²⁺ block",
			Reference: "Brunel & Wang 2001; Jahr & Stevens 1990; BrainPy NMDA", Output: "MgBlock(E=0, CcMg=1.2, Alpha=0.062, Beta=3.57)", Vars: []string{"g", "s", "x"},
			Params: cat([]ParamInfo{{"A", f(nm.A), "1/ms", "binding rate a"},
				{"TauDecay", f(nm.TauDecay), "ms", "decay time constant τd"},
				{"TauRise", f(nm.TauRise), "ms", "rise time constant τr"}}, weights(f(nm.GMax), ""), delay)},
		{Name: "BioNMDA", Source: "bp.synapses.BioNMDA, brainpy/dynold/synapses/biological_models.py; bp.dyn.BioNMDA, brainpy/dyn/synapses/bio_models.py", Summary: "second-order NMDA kinetics: s' = α1x(1−s) − β1s, x' = α2T(1−x) − β2x; Mg²⁺ block",
			Reference: "Destexhe, Mainen & Sejnowski 1994; BrainPy BioNMDA", Output: "MgBlock(E=0, CcMg=1.2, Alpha=0.062, Beta=3.57)", Vars: []string{"g", "s", "x"},
			Params: cat([]ParamInfo{{"Alpha1", f(bn.Alpha1), "1/ms", "s activation rate"},
				{"Beta1", f(bn.Beta1), "1/ms", "s deactivation rate"},
				{"Alpha2", f(bn.Alpha2), "1/(mM·ms)", "x activation rate"},
				{"Beta2", f(bn.Beta2), "1/ms", "x deactivation rate"},
				{"T", f(bn.T), "mM", "transmitter concentration during a pulse"},
				{"TDur", f(bn.TDur), "ms", "pulse duration"}}, weights(f(bn.GMax), ""), delay)},
		{Name: "STDP", Source: "bp.dyn.STDP_Song2000, brainpy/dyn/projections/plasticity.py; Tau, GMax: bp.dyn.Expon and bp.synapses.Exponential", Summary: "exponential synapse with pair-based STDP of per-synapse weights (trace form)",
			Reference: "Song, Miller & Abbott 2000; BrainPy STDP_Song2000", Output: "CUBA", Vars: []string{"g", "apost", "apre", "w"},
			Params: cat([]ParamInfo{{"Tau", f(sd.Tau), "ms", "conductance decay time constant"},
				{"TauS", f(sd.TauS), "ms", "pre trace time constant"},
				{"TauT", f(sd.TauT), "ms", "post trace time constant"},
				{"A1", f(sd.A1), "", "potentiation amplitude"},
				{"A2", f(sd.A2), "", "depression amplitude"},
				{"WMin", "0", "", "lower weight bound (WMin = WMax = 0: none)"},
				{"WMax", "0", "", "upper weight bound"}}, weights(f(sd.GMax), ""), delay)},
		{Name: "GapJunction", Source: "bp.synapses.GapJunction, brainpy/dynold/synapses/gap_junction.py", Summary: "electrical coupling: I_post += w(V_pre − V_post)",
			Reference: "BrainPy GapJunction", Vars: []string{"i"},
			Params: weights(f(gj.GMax), "")},
	}
}
