package model

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// unitInfo is a unit's dimension and its factor to the dimension's base
// unit (ms, mV, nS, pA, pF, Hz, MΩ, 1).
type unitInfo struct {
	dim    string
	factor float64
}

// units is the unit table: small on purpose (see quantity).
var units = map[string]unitInfo{
	"ms": {"time", 1}, "s": {"time", 1000}, "us": {"time", 1e-3},
	"mV": {"voltage", 1}, "V": {"voltage", 1000},
	"nS": {"conductance", 1}, "uS": {"conductance", 1e3}, "mS": {"conductance", 1e6},
	"pA": {"current", 1}, "nA": {"current", 1e3}, "uA": {"current", 1e6},
	"pF": {"capacitance", 1}, "nF": {"capacitance", 1e3},
	"Hz": {"frequency", 1}, "kHz": {"frequency", 1e3},
	"Mohm": {"resistance", 1}, "Gohm": {"resistance", 1e3},
	"1": {"dimensionless", 1},
}

// dimUnits lists, per dimension, the units to suggest, in table order.
var dimUnits = map[string]string{
	"time": "ms, s or us", "voltage": "mV or V", "conductance": "nS, uS or mS",
	"current": "pA, nA or uA", "capacitance": "pF or nF", "frequency": "Hz or kHz",
	"resistance": "Mohm or Gohm", "dimensionless": "a plain number",
}

// normUnit spells a unit in ASCII: μ and µ as u, Ω as ohm, ² as 2, · as *.
func normUnit(u string) string {
	return strings.NewReplacer("μ", "u", "µ", "u", "Ω", "ohm", "²", "2", "·", "*", " ", "").Replace(u)
}

// quantity parses s, a number optionally followed by a unit ("20",
// "20 ms", "-50mV", "0.05 uS"), and returns it in unit, the unit of the
// field (the catalogs' ParamInfo.Unit; "" is dimensionless). A plain number
// is already in unit. A unit of the table converts to unit when both have
// the same dimension; a unit outside the table (e.g. "mS/cm²") must be
// written exactly as the field's. The error says what the field's
// dimension is and which units to write.
//
// This is the one place that knows units; it is meant to delegate to a
// shared units package later.
func quantity(s, unit string) (float64, error) {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && strings.IndexByte("0123456789+-.eE", s[end]) >= 0 {
		// an 'e' that starts a unit (none in the table do) would end here
		end++
	}
	num, rest := s[:end], strings.TrimSpace(s[end:])
	if strings.EqualFold(s, "inf") || strings.EqualFold(s, "nan") || strings.EqualFold(s, ".inf") || strings.EqualFold(s, ".nan") {
		return 0, fmt.Errorf("must be a finite number")
	}
	x, err := strconv.ParseFloat(num, 64)
	if errors.Is(err, strconv.ErrRange) && math.IsInf(x, 0) {
		return 0, fmt.Errorf("must be a finite number")
	}
	if err != nil || num == "" {
		return 0, fmt.Errorf("must be a number%s", withUnit(unit))
	}
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, fmt.Errorf("must be a finite number")
	}
	if rest == "" {
		return x, nil
	}
	want, got := normUnit(unit), normUnit(rest)
	if want == got {
		return x, nil
	}
	wi, wok := units[want]
	if want == "" {
		wi, wok = units["1"], true
	}
	gi, gok := units[got]
	switch {
	case !gok && !wok:
		return 0, fmt.Errorf("is in %s; write a plain number or %s, not %q", unit, unit, rest)
	case !gok:
		return 0, fmt.Errorf("is %s; %q is not a unit here: write %s", article(wi.dim), rest, dimUnits[wi.dim])
	case !wok:
		return 0, fmt.Errorf("is in %s; write a plain number or %s, not %q", unit, unit, rest)
	case gi.dim != wi.dim:
		if wi.dim == "dimensionless" {
			return 0, fmt.Errorf("has no unit; write a plain number, not %q", rest)
		}
		return 0, fmt.Errorf("is %s, not %s (%s); write %s", article(wi.dim), article(gi.dim), rest, dimUnits[wi.dim])
	}
	v := x * gi.factor / wi.factor
	if math.IsInf(v, 0) {
		return 0, fmt.Errorf("overflows when %s %s is converted to %s", num, rest, unit)
	}
	return v, nil
}

func withUnit(unit string) string {
	if unit == "" {
		return ""
	}
	return fmt.Sprintf(" (in %s, or with a unit such as \"20 %s\")", unit, unit)
}

func article(dim string) string {
	if dim == "dimensionless" {
		return "dimensionless"
	}
	return "a " + dim
}
