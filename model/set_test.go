package model

import (
	"strings"
	"testing"
)

func tutorial(t *testing.T) *File {
	t.Helper()
	f, err := Embedded("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSet(t *testing.T) {
	f := tutorial(t)
	for _, s := range [][2]string{
		{"E.size", "8000"}, {"run.duration", "1 s"}, {"E2E.params.g_max", "0.2"}, {"E2I.g_max", "0.25"},
		{"E.tau_ref", "2 ms"}, {"E2E.connector.prob", "0.05"}, {"I2I.connector", "{fixed_post_num: {num: 20}}"},
		{"E.init.V", "{normal: {mean: -55 mV, sd: 2}}"}, {"inputs[1].value", "15"}, {"monitors[0].every", "3"},
		{"populations.I.params.v_th", "-49"},
	} {
		if err := f.Set(s[0], s[1]); err != nil {
			t.Fatalf("Set(%s=%s): %v", s[0], s[1], err)
		}
	}
	pop := func(name string) *record { return f.named("populations", name) }
	proj := func(name string) *record { return f.named("projections", name) }
	checks := []struct {
		what      string
		got, want float64
	}{
		{"E.size", float64(pop("E").int("size")), 8000},
		{"I.size", float64(pop("I").int("size")), 800},
		{"duration", f.Duration(), 1000},
		{"E2E.g_max", proj("E2E").sub("params").num("g_max"), 0.2},
		{"E2I.g_max", proj("E2I").sub("params").num("g_max"), 0.25},
		{"I2I.g_max", proj("I2I").sub("params").num("g_max"), 0.7},
		{"E.tau_ref", pop("E").sub("params").num("tau_ref"), 2},
		{"I.tau_ref (shared anchor, unchanged)", pop("I").sub("params").num("tau_ref"), 5},
		{"I.v_th", pop("I").sub("params").num("v_th"), -49},
		{"E.v_th (shared anchor, unchanged)", pop("E").sub("params").num("v_th"), -50},
		{"E2E.prob", proj("E2E").sub("connector").num("prob"), 0.05},
		{"E2I.prob (merged, unchanged)", proj("E2I").sub("connector").num("prob"), 0.02},
		{"I2I.num", float64(proj("I2I").sub("connector").int("num")), 20},
		{"E.V mean", pop("E").sub("init").get("V").init.a, -55},
		{"inputs[1]", f.top.recs("inputs")[1].num("value"), 15},
		{"inputs[0]", f.top.recs("inputs")[0].num("value"), 20},
		{"monitors[0].every", float64(f.top.recs("monitors")[0].int("every")), 3},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	if n := proj("I2I").sub("connector").name; n != "fixed_post_num" {
		t.Errorf("I2I connector = %s", n)
	}
	// the resolved model parses back to itself
	r1 := f.Resolved()
	g, err := Parse(r1, "resolved.yaml")
	if err != nil {
		t.Fatalf("resolved model does not parse: %v\n%s", err, r1)
	}
	if r2 := g.Resolved(); string(r2[strings.IndexByte(string(r2), '\n'):]) != string(r1[strings.IndexByte(string(r1), '\n'):]) {
		t.Errorf("Resolved is not a fixed point:\n%s\n----\n%s", r1, r2)
	}
}

func TestSetRefuses(t *testing.T) {
	for _, c := range []struct{ path, value, want string }{
		{"E.sise", "10", `did you mean "size"?`},
		{"E2E.gmax", "1", `did you mean "g_max"?`},
		{"Q.size", "10", `did you mean "E"?`},
		{"rn.duration", "10", `did you mean "run"?`},
		{"run.durations", "10", `did you mean "duration"?`},
		{"E.size", "-3", "must be >= 1"},
		{"run.duration", "5 mV", "duration is a time, not a voltage"},
		{"E2E.connector.num", "3", `has no key "num"`},
		{"E2E.connector.fixed_pre_num", "3", "set it whole"},
		{"inputs[7].value", "1", "has 2 items"},
		{"E.size.x", "1", "nothing below it"},
		{"E2E.pre", "X", `no such population`},
		{"E.params.v_reset", "-40", "must be finite and < VTh"},
		{"", "1", "empty path"},
		{"E.size", "[1", "not valid YAML"},
	} {
		f := tutorial(t)
		before := string(f.Resolved())
		err := f.Set(c.path, c.value)
		if err == nil && c.want == "must be finite and < VTh" {
			_, _, err = f.Build()
			before = string(f.Resolved()) // a constructor check: the field is set, Build refuses it
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Set(%q, %q) = %v, want an error containing %q", c.path, c.value, err, c.want)
			continue
		}
		if after := string(f.Resolved()); after != before {
			t.Errorf("Set(%q, %q) failed but changed the model", c.path, c.value)
		}
	}
}
