package equations

import (
	"math"
	"strings"
)

var (
	dimVolt    = Dim{2 * dimDen, dimDen, -3 * dimDen, -dimDen, 0, 0, 0}
	dimSiemens = Dim{-2 * dimDen, -dimDen, 3 * dimDen, 2 * dimDen, 0, 0, 0}
	dimOhm     = Dimensionless.Div(dimSiemens)
	dimFarad   = Dim{-2 * dimDen, -dimDen, 4 * dimDen, 2 * dimDen, 0, 0, 0}
	dimCoulomb = Dim{0, 0, dimDen, dimDen, 0, 0, 0}
	dimMolar   = Dim{-3 * dimDen, 0, 0, 0, 0, dimDen, 0}
	dimHertz   = Dim{0, 0, -dimDen, 0, 0, 0, 0}
	dimSecond  = baseDim(dimTime)
	dimNoise   = Dim{0, 0, -dimDen / 2, 0, 0, 0, 0}
)

// internalBase10 is brainsim's internal unit of each SI base dimension as a
// power of ten of the SI unit: µm, 1e-12 kg, ms, pA, K, 1e-18 mol, cd.
// Derived from it: mV, nS, pF, GΩ, kHz, fC, and mM for concentrations.
var internalBase10 = [numDims]int64{-6, -12, -3, -12, 0, -18, 0}

// InternalScale returns the size, in SI units, of brainsim's internal unit
// of dimension d: 1e-3 for volt (mV), 1e-9 for siemens (nS), 1e-12 for farad
// (pF). A value of x SI units is x/InternalScale(d) internal units.
func InternalScale(d Dim) float64 {
	var p int64 // power of ten, times dimDen
	for i, e := range d {
		p += int64(e) * internalBase10[i]
	}
	if p%dimDen == 0 {
		return math.Pow10(int(p / dimDen))
	}
	return math.Pow(10, float64(p)/dimDen)
}

type unitDef struct {
	scale float64 // size in SI units
	dim   Dim
}

// longUnits take long or short prefixes: mvolt, nsiemens, Mohm, umetre.
var longUnits = map[string]unitDef{
	"volt": {1, dimVolt}, "amp": {1, baseDim(dimCurrent)}, "ampere": {1, baseDim(dimCurrent)},
	"siemens": {1, dimSiemens}, "farad": {1, dimFarad}, "ohm": {1, dimOhm},
	"second": {1, dimSecond}, "hertz": {1, dimHertz}, "metre": {1, baseDim(dimLength)},
	"meter": {1, baseDim(dimLength)}, "gram": {1e-3, baseDim(dimMass)},
	"mole": {1, baseDim(dimAmount)}, "molar": {1e3, dimMolar}, "kelvin": {1, baseDim(dimTemperature)},
	"coulomb": {1, dimCoulomb}, "candela": {1, baseDim(dimLuminosity)},
	"litre": {1e-3, baseDim(dimLength).Mul(baseDim(dimLength)).Mul(baseDim(dimLength))},
	"liter": {1e-3, baseDim(dimLength).Mul(baseDim(dimLength)).Mul(baseDim(dimLength))},
}

// shortUnits are Brian2's standard abbreviations (brian2/units/stdunits.py);
// only these, so names such as EK or El stay free for variables.
var shortUnits = map[string]string{
	"mV": "mvolt", "mA": "mamp", "uA": "uamp", "nA": "namp", "pA": "pamp",
	"pF": "pfarad", "uF": "ufarad", "nF": "nfarad", "nS": "nsiemens", "uS": "usiemens",
	"mS": "msiemens", "ms": "msecond", "us": "usecond", "Hz": "hertz", "kHz": "khertz",
	"MHz": "Mhertz", "cm": "cmetre", "mm": "mmetre", "um": "umetre", "mM": "mmolar",
	"uM": "umolar", "nM": "nmolar",
}

var prefixes = map[string]float64{
	"y": 1e-24, "z": 1e-21, "a": 1e-18, "f": 1e-15, "p": 1e-12, "n": 1e-9, "u": 1e-6,
	"m": 1e-3, "c": 1e-2, "d": 1e-1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
	"P": 1e15, "E": 1e18, "Z": 1e21, "Y": 1e24,
}

// lookupUnit resolves a unit name such as "mV", "nsiemens", "cm2" or
// "kilogram" to its size in SI units and its dimension.
func lookupUnit(name string) (scale float64, d Dim, ok bool) {
	if name == "kilogram" {
		return 1, baseDim(dimMass), true
	}
	base, pow := name, int64(1)
	if n := len(name); n > 1 && (name[n-1] == '2' || name[n-1] == '3') {
		base, pow = name[:n-1], int64(name[n-1]-'0')
	}
	s, d, ok := lookupPlain(base)
	if !ok || (pow > 1 && d != baseDim(dimLength)) {
		return 0, d, false
	}
	d, _ = d.Pow(pow, 1)
	return math.Pow(s, float64(pow)), d, true
}

func lookupPlain(name string) (float64, Dim, bool) {
	if long, ok := shortUnits[name]; ok {
		name = long
	}
	if u, ok := longUnits[name]; ok {
		return u.scale, u.dim, true
	}
	for p, f := range prefixes {
		if rest, ok := strings.CutPrefix(name, p); ok {
			if u, ok := longUnits[rest]; ok {
				return f * u.scale, u.dim, true
			}
		}
	}
	return 0, Dimensionless, false
}
