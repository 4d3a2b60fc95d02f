package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestParseParam(t *testing.T) {
	for _, c := range []struct {
		spec, path string
		values     []string
	}{
		{"E2E.g_max=0.2:1.0:5", "E2E.g_max", []string{"0.2", "0.4", "0.6", "0.8", "1"}},
		{"seed=1,2,3", "run.seed", []string{"1", "2", "3"}},
		{"run.duration=100 ms, 1 s", "run.duration", []string{"100 ms", "1 s"}},
		{"x=3:3:1", "x", []string{"3"}},
		{"x=1:0:3", "x", []string{"1", "0.5", "0"}},
		{"x=7", "x", []string{"7"}},
	} {
		p, err := parseParam(c.spec)
		if err != nil || p.path != c.path || !slices.Equal(p.values, c.values) {
			t.Errorf("%q: %+v, %v; want %s %v", c.spec, p, err, c.path, c.values)
		}
	}
}

func TestGridPoint(t *testing.T) {
	ps := []param{{"a", []string{"1", "2"}}, {"b", []string{"x", "y", "z"}}}
	n, err := gridSize(ps)
	if err != nil || n != 6 {
		t.Fatalf("gridSize = %d, %v; want 6", n, err)
	}
	var got []string
	for k := range n {
		pt := gridPoint(ps, k)
		got = append(got, pt[0].Value+pt[1].Value)
	}
	if want := []string{"1x", "1y", "1z", "2x", "2y", "2z"}; !slices.Equal(got, want) {
		t.Errorf("points %v, want %v", got, want)
	}
	big := []param{{"a", make([]string, 1000)}, {"b", make([]string, 1000)}}
	if _, err := gridSize(big); err == nil || !strings.Contains(err.Error(), "more than 100000 points") {
		t.Errorf("10^6 points: %v", err)
	}
}

// FuzzParseParam: any --param gives an error or a parameter with 1 to
// MaxPoints non-empty values, never a panic; a range's ends are its
// first and last values.
func FuzzParseParam(f *testing.F) {
	for _, s := range []string{"E2E.g_max=0.2:1.0:5", "seed=1,2,3", "x=1:2", "x=1e308:-1e308:100000", "=3", "x=,", "x=1:2:3:4", "x=NaN:1:2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parseParam(s)
		if err != nil {
			return
		}
		if p.path == "" || len(p.values) == 0 || len(p.values) > 100000 {
			t.Fatalf("%q: path %q with %d values", s, p.path, len(p.values))
		}
		for _, v := range p.values {
			if v == "" {
				t.Fatalf("%q: an empty value", s)
			}
		}
		if _, value, _ := strings.Cut(s, "="); strings.Count(value, ":") == 2 {
			parts := strings.Split(value, ":")
			lo, _ := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
			if first, _ := strconv.ParseFloat(p.values[0], 64); first != lo {
				t.Fatalf("%q: first value %v, want lo %v", s, first, lo)
			}
		}
	})
}
