package equations

import (
	"strings"
	"testing"
)

func TestInternalUnitSystemConsistent(t *testing.T) {
	amp := baseDim(dimCurrent)
	for _, c := range []struct {
		name       string
		a, b, prod Dim
		div        bool
	}{
		{"nS*mV = pA", dimSiemens, dimVolt, amp, false},
		{"pA/pF = mV/ms", amp, dimFarad, dimVolt.Div(dimSecond), true},
		{"GOhm*pF = ms", dimOhm, dimFarad, dimSecond, false},
		{"GOhm*pA = mV", dimOhm, amp, dimVolt, false},
		{"pA*ms = fC", amp, dimSecond, dimCoulomb, false},
	} {
		got := InternalScale(c.a) * InternalScale(c.b)
		if c.div {
			got = InternalScale(c.a) / InternalScale(c.b)
		}
		if !near(got, InternalScale(c.prod), 1e-12) {
			t.Errorf("%s: %g vs %g", c.name, got, InternalScale(c.prod))
		}
	}
	for d, want := range map[Dim]float64{dimVolt: 1e-3, dimSecond: 1e-3, dimSiemens: 1e-9, amp: 1e-12,
		dimFarad: 1e-12, dimOhm: 1e9, dimHertz: 1e3, dimMolar: 1} {
		if got := InternalScale(d); !near(got, want, 1e-12) {
			t.Errorf("InternalScale(%s) = %g, want %g", d, got, want)
		}
	}
}

func TestQuantityConversion(t *testing.T) {
	for _, c := range []struct {
		expr, unit string
		want       float64
	}{
		{"-60*mV", "volt", -60}, {"5*ms", "second", 5}, {"10*nS", "siemens", 10},
		{"200*pF", "farad", 200}, {"1*Mohm", "ohm", 0.001}, {"1*uF/cm**2", "farad/metre**2", 0.01},
		{"10*Hz", "hertz", 0.01}, {"2*mM", "molar", 2}, {"0.5*nA", "amp", 500}, {"3*kohm", "ohm", 3e-6},
		{"1*volt", "volt", 1000}, {"20*umetre", "metre", 20}, {"1*cm2", "metre**2", 1e8},
		{"1*msiemens/cm**2", "siemens/metre**2", 0.01}, {"0.5*mvolt", "volt", 0.5},
	} {
		m, err := Parse("x = "+c.expr+" : "+c.unit, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if got := eval(Simplify(m.Lookup("x").Expr), nil); !near(got, c.want, 1e-12) {
			t.Errorf("%s = %g internal, want %g", c.expr, got, c.want)
		}
	}
}

func TestConstantsOption(t *testing.T) {
	m := mustParse(t, "dv/dt = (El - v)/tau : volt", Options{Constants: map[string]Quantity{
		"El": {-0.065, dimVolt}, "tau": {0.02, dimSecond}}})
	b := eval(m.Analysis().Eqs[0].B, nil)
	if !near(b, -65.0/20, 1e-12) {
		t.Errorf("B = %g mV/ms, want %g", b, -65.0/20)
	}
	_, err := Parse("dv/dt = (El - v)/tau : volt", Options{Constants: map[string]Quantity{
		"El": {-0.065, dimVolt}, "tau": {0.02, dimVolt}}})
	if err == nil || !strings.Contains(err.Error(), "left-hand side dv/dt volt/second") {
		t.Errorf("bad constant units: %v", err)
	}
}

func TestDimensionRules(t *testing.T) {
	ok := []string{
		"dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : volt",
		"x = v**2/(v_rest*v_rest) + (v/v_rest)**n : 1",
		"x = sqrt(v*v) : volt",
		"x = abs(v) + clip(v, v_rest, 0*mV) + where(v > v_rest, v, v_rest) : volt",
		"x = int(v > v_rest) + sign(v) + floor(v/mV) % 3 + rand() + randn() : 1",
		"x = exprel(v/mV)*exp(-v/v_rest)*sin(pi*t/tau) : 1",
		"x = v**0.5 : volt**0.5",
		"x = (v_rest\n  - v) : volt",
		"x = not (v > v_rest) or v < 0*mV and True : boolean",
	}
	const params = "\nv : volt\nv_rest : volt\ntau : second\nsigma : volt\nn : 1\n"
	for _, s := range ok {
		text := s + params
		if strings.HasPrefix(s, "dv/dt") {
			text = strings.Replace(text, "\nv : volt", "", 1)
		}
		if _, err := Parse(text, Options{}); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	if d := dimNoise; d.String() != "second**-0.5" {
		t.Errorf("xi dimension %s", d)
	}
	if s := dimVolt.Div(dimSecond).String(); s != "volt/second" {
		t.Errorf("volt/second prints %q", s)
	}
}
