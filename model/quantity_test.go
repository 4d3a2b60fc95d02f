package model

import (
	"math"
	"strings"
	"testing"
)

func TestQuantity(t *testing.T) {
	for _, c := range []struct {
		in, unit string
		want     float64
	}{
		{"20", "ms", 20}, {"20 ms", "ms", 20}, {"1 s", "ms", 1000}, {"250 us", "ms", 0.25}, {"-50mV", "mV", -50},
		{"-0.05 V", "mV", -50}, {"0.05 uS", "nS", 50}, {"2 mS", "uS", 2000}, {"1.5 nA", "pA", 1500}, {"3 uA", "nA", 3000},
		{"0.2 nF", "pF", 200}, {"0.01 kHz", "Hz", 10}, {"2 Gohm", "Mohm", 2000}, {"7", "", 7}, {"7 1", "", 7},
		{"120 mS/cm²", "mS/cm²", 120}, {"120 mS/cm2", "mS/cm²", 120}, {"1 μF/cm²", "μF/cm²", 1}, {"1e-3 s", "ms", 1},
	} {
		got, err := quantity(c.in, c.unit)
		if err != nil || math.Abs(got-c.want) > 1e-12*math.Abs(c.want) {
			t.Errorf("quantity(%q, %q) = %v, %v; want %v", c.in, c.unit, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, unit, want string }{
		{"20 mV", "ms", "is a time, not a voltage (mV); write ms, s or us"},
		{"1 ms", "mV", "is a voltage, not a time (ms); write mV or V"},
		{"1 nS", "", "has no unit"},
		{"1 parsec", "ms", `is a time; "parsec" is not a unit here`},
		{"1 ms", "mS/cm²", "is in mS/cm²"},
		{"abc", "ms", "must be a number (in ms"},
		{"", "ms", "must be a number"},
		{".inf", "ms", "finite"},
		{"1e400", "ms", "finite"},
		{"1e308 s", "ms", "overflows"},
	} {
		_, err := quantity(c.in, c.unit)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("quantity(%q, %q) = %v, want an error containing %q", c.in, c.unit, err, c.want)
		}
	}
}

// TestUnitsInFile checks that units convert in a file: a duration in s, a
// threshold in V, a rate in kHz.
func TestUnitsInFile(t *testing.T) {
	src := `version: 1
run: {duration: 0.5 s, dt: 50 us}
populations:
  P: {model: PoissonGroup, size: 5, params: {rate: 0.02 kHz}}
  E: {model: LIF, size: 5, params: {v_th: -0.05 V, tau: 0.02 s}}
`
	f, err := Parse([]byte(src), "u.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if f.Duration() != 500 || f.top.sub("run").num("dt") != 0.05 {
		t.Errorf("duration %v, dt %v", f.Duration(), f.top.sub("run").num("dt"))
	}
	e := f.named("populations", "E").sub("params")
	if e.num("v_th") != -50 || e.num("tau") != 20 {
		t.Errorf("v_th %v, tau %v", e.num("v_th"), e.num("tau"))
	}
	if r := f.named("populations", "P").sub("params").num("rate"); r != 20 {
		t.Errorf("rate %v", r)
	}
}

func TestSuggest(t *testing.T) {
	for _, c := range []struct {
		name  string
		cands []string
		want  string
	}{
		{"VRest", []string{"v_rest", "v_th"}, "v_rest"}, {"tua", []string{"tau", "tau_ref"}, "tau"},
		{"fixedprob", []string{"fixed_prob", "one2one"}, "fixed_prob"}, {"zzzzzz", []string{"tau"}, ""},
	} {
		got := suggest(c.name, c.cands)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("suggest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
