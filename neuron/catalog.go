package neuron

import (
	"fmt"
	"reflect"

	"github.com/brainsim/brainsim/sim"
)

// ParamInfo describes one field of a model's parameter struct.
type ParamInfo struct {
	// Name is the Go field name.
	Name string
	// Default is BrainPy's default as returned by the model's DefaultXxx
	// function, formatted ("nil" for an initialiser whose default is
	// computed, e.g. a gate's steady state).
	Default string
	// Unit is the physical unit ("" when dimensionless).
	Unit string
	// Doc says what the parameter is.
	Doc string
}

// ModelInfo describes a neuron model of this package.
type ModelInfo struct {
	// Name is the Go type name (NewName builds it).
	Name string
	// Summary is a one-line description.
	Summary string
	// Reference is the paper the equations come from.
	Reference string
	// Source names where the defaults come from: the BrainPy class whose
	// constructor signature (not docstring) they copy, and its file in
	// BrainPy 2.8.2.
	Source string
	// Params lists the fields of the parameter struct with their defaults.
	Params []ParamInfo
	// Vars lists the variables the population exposes through Var.
	Vars []string
	// Defaults is the parameter struct returned by DefaultName (nil for
	// SpikeTimes).
	Defaults any
	// New builds a population of n neurons with the defaults.
	New func(n int) (sim.Population, error)
}

// row is a parameter's name, unit and doc.
type row [3]string

// describe fills the defaults of rows from the struct defaults.
func describe(defaults any, rows ...row) []ParamInfo {
	v := reflect.ValueOf(defaults)
	out := make([]ParamInfo, len(rows))
	for i, r := range rows {
		out[i] = ParamInfo{Name: r[0], Unit: r[1], Doc: r[2], Default: "?"}
		f := v.FieldByName(r[0])
		switch {
		case !f.IsValid():
		case f.Kind() == reflect.Interface && f.IsNil():
			out[i].Default = "nil"
		case f.Kind() == reflect.String && f.String() == "":
			out[i].Default = "exp_auto"
		default:
			out[i].Default = fmt.Sprint(f.Interface())
		}
	}
	return out
}

// newPop adapts a constructor to ModelInfo.New.
func newPop[P any, T sim.Population](ctor func(int, P) (T, error), p P) func(int) (sim.Population, error) {
	return func(n int) (sim.Population, error) { return ctor(n, p) }
}

// Catalog lists every neuron model of the package with BrainPy's defaults.
// It builds a new slice on each call.
func Catalog() []ModelInfo {
	lif, li, ei, ad := DefaultLIF(), DefaultLeakyIntegrator(), DefaultExpIF(), DefaultAdExIF()
	qi, aq, gi, iz := DefaultQuaIF(), DefaultAdQuaIF(), DefaultGIF(), DefaultIzhikevich()
	hh, ml, wb, hr, fh := DefaultHH(), DefaultMorrisLecar(), DefaultWangBuzsaki(), DefaultHindmarshRose(), DefaultFHN()
	rowTauRef := row{"TauRef", "ms", "refractory period (integer steps, inclusive)"}
	rowMethod := row{"Method", "", "integration method (exp_auto, euler, rk4, …)"}
	rowNoise := row{"Noise", "", "σ of additive noise σ·√dt·ξ on V"}
	vRest, vReset := row{"VRest", "mV", "resting potential"}, row{"VReset", "mV", "reset potential"}
	vTh, tau, r := row{"VTh", "mV", "spike threshold"}, row{"Tau", "ms", "membrane time constant"}, row{"R", "", "membrane resistance"}
	vCross := row{"VTh", "mV", "spike detection level (upward crossing)"}
	v0 := row{"V0", "mV", "initial V"}
	return []ModelInfo{
		{Name: "LIF", Source: "bp.dyn.LifRef, brainpy/dyn/neurons/lif.py", Summary: "leaky integrate-and-fire", Reference: "Lapicque 1907; Abbott 1999, Brain Res. Bull. 50:303",
			Params: describe(lif, vRest, vReset, vTh, tau, rowTauRef, row{"R", "", "membrane resistance (0 means 1)"}, v0, rowMethod, rowNoise),
			Vars:   []string{"V", "input"}, Defaults: lif, New: newPop(NewLIF, lif)},
		{Name: "SpikeTimes", Source: "bp.dyn.SpikeTimeGroup, brainpy/dyn/others/input.py (no parameters)", Summary: "emits given spikes (neuron, time)", Reference: "BrainPy SpikeTimeGroup",
			New: func(n int) (sim.Population, error) { return NewSpikeTimes(n, nil, nil) }},
		{Name: "LeakyIntegrator", Source: "bp.neurons.LeakyIntegrator, brainpy/dynold/neurons/reduced_models.py", Summary: "leaky membrane without spikes", Reference: "Lapicque 1907",
			Params: describe(li, vRest, r, tau, v0, rowMethod, rowNoise),
			Vars:   []string{"V", "input"}, Defaults: li, New: newPop(NewLeakyIntegrator, li)},
		{Name: "ExpIF", Source: "bp.dyn.ExpIFRef, brainpy/dyn/neurons/lif.py", Summary: "exponential integrate-and-fire", Reference: "Fourcaud-Trocmé et al. 2003, J. Neurosci. 23:11628",
			Params: describe(ei, vRest, vReset, vTh, row{"VT", "mV", "threshold of the exponential term"},
				row{"DeltaT", "mV", "spike slope factor"}, r, tau, rowTauRef, v0, rowMethod, rowNoise),
			Vars: []string{"V", "input"}, Defaults: ei, New: newPop(NewExpIF, ei)},
		{Name: "AdExIF", Source: "bp.dyn.AdExIFRef, brainpy/dyn/neurons/lif.py", Summary: "adaptive exponential integrate-and-fire", Reference: "Brette & Gerstner 2005, J. Neurophysiol. 94:3637",
			Params: describe(ad, vRest, vReset, vTh, row{"VT", "mV", "threshold of the exponential term"},
				row{"DeltaT", "mV", "spike slope factor"}, row{"A", "", "subthreshold adaptation"}, row{"B", "", "spike-triggered increment of w"},
				r, tau, row{"TauW", "ms", "adaptation time constant"}, rowTauRef, v0, row{"W0", "", "initial w"}, rowMethod, rowNoise),
			Vars: []string{"V", "w", "input"}, Defaults: ad, New: newPop(NewAdExIF, ad)},
		{Name: "QuaIF", Source: "bp.dyn.QuaIFRef, brainpy/dyn/neurons/lif.py", Summary: "quadratic integrate-and-fire", Reference: "Latham et al. 2000, J. Neurophysiol. 83:808",
			Params: describe(qi, vRest, vReset, vTh, row{"VC", "mV", "critical voltage"}, row{"C", "1/mV", "curvature"},
				r, tau, rowTauRef, v0, rowMethod, rowNoise),
			Vars: []string{"V", "input"}, Defaults: qi, New: newPop(NewQuaIF, qi)},
		{Name: "AdQuaIF", Source: "bp.dyn.AdQuaIFRef, brainpy/dyn/neurons/lif.py", Summary: "adaptive quadratic integrate-and-fire", Reference: "Izhikevich 2004, IEEE TNN 15:1063; Touboul 2008",
			Params: describe(aq, vRest, vReset, vTh, row{"VC", "mV", "critical voltage"}, row{"A", "", "subthreshold adaptation"},
				row{"B", "", "spike-triggered increment of w"}, row{"C", "1/mV", "curvature"}, tau,
				row{"TauW", "ms", "adaptation time constant"}, rowTauRef, v0, row{"W0", "", "initial w"}, rowMethod, rowNoise),
			Vars: []string{"V", "w", "input"}, Defaults: aq, New: newPop(NewAdQuaIF, aq)},
		{Name: "GIF", Source: "bp.dyn.GifRef, brainpy/dyn/neurons/lif.py", Summary: "generalized integrate-and-fire with dynamic threshold", Reference: "Mihalaş & Niebur 2009, Neural Comput. 21:704",
			Params: describe(gi, vRest, vReset, row{"VThInf", "mV", "resting threshold"}, row{"VThReset", "mV", "threshold lower bound after a spike"},
				r, tau, row{"A", "1/ms", "threshold adaptation to V"}, row{"B", "1/ms", "threshold relaxation rate"},
				row{"K1", "1/ms", "decay rate of I1"}, row{"K2", "1/ms", "decay rate of I2"}, row{"R1", "", "reset factor of I1"},
				row{"R2", "", "reset factor of I2"}, row{"A1", "", "reset increment of I1"}, row{"A2", "", "reset increment of I2"},
				rowTauRef, v0, row{"VTh0", "mV", "initial threshold"}, row{"I1Init", "", "initial I1"}, row{"I2Init", "", "initial I2"},
				rowMethod, rowNoise),
			Vars: []string{"V", "V_th", "I1", "I2", "input"}, Defaults: gi, New: newPop(NewGIF, gi)},
		{Name: "Izhikevich", Source: "bp.dyn.IzhikevichRef, brainpy/dyn/neurons/lif.py", Summary: "Izhikevich simple model", Reference: "Izhikevich 2003, IEEE TNN 14:1569",
			Params: describe(iz, row{"A", "1/ms", "recovery rate"}, row{"B", "", "recovery sensitivity"}, row{"C", "mV", "reset potential"},
				row{"D", "", "recovery increment"}, row{"VTh", "mV", "spike cut-off"}, row{"P1", "1/(mV·ms)", "quadratic coefficient"},
				row{"P2", "1/ms", "linear coefficient"}, row{"P3", "mV/ms", "constant term"}, rowTauRef, v0,
				row{"U0", "", "initial u (nil: B·V0)"}, rowMethod, rowNoise),
			Vars: []string{"V", "u", "input"}, Defaults: iz, New: newPop(NewIzhikevich, iz)},
		{Name: "HH", Source: "bp.dyn.HH, brainpy/dyn/neurons/hh.py", Summary: "Hodgkin–Huxley squid axon", Reference: "Hodgkin & Huxley 1952, J. Physiol. 117:500",
			Params: describe(hh, row{"ENa", "mV", "sodium reversal"}, row{"GNa", "mS/cm²", "sodium conductance"},
				row{"EK", "mV", "potassium reversal"}, row{"GK", "mS/cm²", "potassium conductance"}, row{"EL", "mV", "leak reversal"},
				row{"GL", "mS/cm²", "leak conductance"}, row{"C", "μF/cm²", "capacitance"}, vCross, v0,
				row{"M0", "", "initial m (nil: steady state)"}, row{"H0", "", "initial h (nil: steady state)"},
				row{"N0", "", "initial n (nil: steady state)"}, rowMethod, rowNoise),
			Vars: []string{"V", "m", "h", "n", "input"}, Defaults: hh, New: newPop(NewHH, hh)},
		{Name: "MorrisLecar", Source: "bp.dyn.MorrisLecar, brainpy/dyn/neurons/hh.py", Summary: "Morris–Lecar Ca/K oscillator", Reference: "Morris & Lecar 1981, Biophys. J. 35:193",
			Params: describe(ml, row{"VCa", "mV", "calcium reversal"}, row{"GCa", "mS/cm²", "calcium conductance"},
				row{"VK", "mV", "potassium reversal"}, row{"GK", "mS/cm²", "potassium conductance"}, row{"VLeak", "mV", "leak reversal"},
				row{"GLeak", "mS/cm²", "leak conductance"}, row{"C", "μF/cm²", "capacitance"}, row{"V1", "mV", "M∞ midpoint"},
				row{"V2", "mV", "M∞ slope"}, row{"V3", "mV", "W∞ midpoint"}, row{"V4", "mV", "W∞ slope"},
				row{"Phi", "1/ms", "rate scale of W"}, vCross, v0, row{"W0", "", "initial W"}, rowMethod, rowNoise),
			Vars: []string{"V", "W", "input"}, Defaults: ml, New: newPop(NewMorrisLecar, ml)},
		{Name: "WangBuzsaki", Source: "bp.dyn.WangBuzsakiHH, brainpy/dyn/neurons/hh.py", Summary: "Wang–Buzsáki fast-spiking interneuron", Reference: "Wang & Buzsáki 1996, J. Neurosci. 16:6402",
			Params: describe(wb, row{"ENa", "mV", "sodium reversal"}, row{"GNa", "mS/cm²", "sodium conductance"},
				row{"EK", "mV", "potassium reversal"}, row{"GK", "mS/cm²", "potassium conductance"}, row{"EL", "mV", "leak reversal"},
				row{"GL", "mS/cm²", "leak conductance"}, row{"Phi", "", "temperature factor of h, n"}, row{"C", "μF/cm²", "capacitance"},
				vCross, v0, row{"H0", "", "initial h"}, row{"N0", "", "initial n"}, rowMethod, rowNoise),
			Vars: []string{"V", "h", "n", "input"}, Defaults: wb, New: newPop(NewWangBuzsaki, wb)},
		{Name: "HindmarshRose", Source: "bp.neurons.HindmarshRose, brainpy/dynold/neurons/reduced_models.py", Summary: "Hindmarsh–Rose burster", Reference: "Hindmarsh & Rose 1984, Proc. R. Soc. B 221:87",
			Params: describe(hr, row{"A", "", "cubic coefficient"}, row{"B", "", "quadratic coefficient"}, row{"C", "", "constant of y"},
				row{"D", "", "V² coefficient of y"}, row{"R", "", "slow time scale of z"}, row{"S", "", "adaptation coupling"},
				row{"VRest", "", "rest of the slow subsystem"}, row{"VTh", "", "spike detection level (upward crossing)"},
				row{"V0", "", "initial V"}, row{"Y0", "", "initial y"}, row{"Z0", "", "initial z"}, rowMethod, rowNoise),
			Vars: []string{"V", "y", "z", "input"}, Defaults: hr, New: newPop(NewHindmarshRose, hr)},
		{Name: "FHN", Source: "bp.neurons.FHN, brainpy/dynold/neurons/reduced_models.py", Summary: "FitzHugh–Nagumo relaxation oscillator", Reference: "FitzHugh 1961, Biophys. J. 1:445; Nagumo et al. 1962",
			Params: describe(fh, row{"A", "", "offset of the w nullcline"}, row{"B", "", "slope factor of the w nullcline"},
				row{"Tau", "", "recovery time scale"}, row{"VTh", "", "spike detection level (upward crossing)"},
				row{"V0", "", "initial V"}, row{"W0", "", "initial w"}, rowMethod, rowNoise),
			Vars: []string{"V", "w", "input"}, Defaults: fh, New: newPop(NewFHN, fh)},
	}
}
