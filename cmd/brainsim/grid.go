package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/brainsim/brainsim/rundir"
)

// param is one swept parameter: a --set path and its values.
type param struct {
	path   string
	values []string
}

// parseParam reads a --param flag: path=lo:hi:n (n values from lo to hi,
// both included, evenly spaced) or path=a,b,c (the values as written, each
// YAML, e.g. "1 s"). A single value is a one-point list.
func parseParam(spec string) (param, error) {
	path, value, err := splitSet(spec)
	if err != nil {
		return param{}, fmt.Errorf("--param %w", err)
	}
	bad := func(format string, args ...any) (param, error) {
		return param{}, fmt.Errorf("--param %q: %s", spec, fmt.Sprintf(format, args...))
	}
	if strings.Contains(value, ":") {
		parts := strings.Split(value, ":")
		if len(parts) != 3 {
			return bad("a range is lo:hi:n (e.g. 0.2:1.0:5), got %d fields", len(parts))
		}
		lo, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
		hi, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
		if err1 != nil || err2 != nil || math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
			return bad("lo %q and hi %q must be finite numbers (units are not allowed in a range; use a list)", parts[0], parts[1])
		}
		n, err := strconv.Atoi(strings.TrimSpace(parts[2]))
		if err != nil || n < 1 || n > rundir.MaxPoints {
			return bad("n = %q: must be an integer in [1, %d]", parts[2], rundir.MaxPoints)
		}
		if n == 1 && lo != hi {
			return bad("n = 1 but lo %v ≠ hi %v: a one-point range needs lo = hi (or write one value)", lo, hi)
		}
		p := param{path: path, values: make([]string, n)}
		for i := range p.values {
			switch {
			case i == 0:
				p.values[i] = strconv.FormatFloat(lo, 'g', -1, 64)
			case i == n-1:
				p.values[i] = strconv.FormatFloat(hi, 'g', -1, 64)
			default: // 12 digits: 0.6, not 0.6000000000000001
				p.values[i] = strconv.FormatFloat(lo+(hi-lo)*float64(i)/float64(n-1), 'g', 12, 64)
			}
		}
		return p, nil
	}
	p := param{path: path}
	for _, v := range strings.Split(value, ",") {
		if v = strings.TrimSpace(v); v == "" {
			return bad("an empty value in the list: write a,b,c")
		}
		p.values = append(p.values, v)
	}
	if len(p.values) > rundir.MaxPoints {
		return bad("%d values: at most %d", len(p.values), rundir.MaxPoints)
	}
	return p, nil
}

// gridSize returns the number of points of the grid of ps (the product of
// their lengths), refusing duplicates and grids beyond rundir.MaxPoints.
func gridSize(ps []param) (int, error) {
	n := 1
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.path] {
			return 0, fmt.Errorf("--param %s given twice: give each parameter once, with all its values", p.path)
		}
		seen[p.path] = true
		if n > rundir.MaxPoints/len(p.values) {
			return 0, fmt.Errorf("--param: the grid has more than %d points: sweep fewer values", rundir.MaxPoints)
		}
		n *= len(p.values)
	}
	return n, nil
}

// gridPoint returns the values of point k; the last parameter varies
// fastest.
func gridPoint(ps []param, k int) []rundir.Param {
	out := make([]rundir.Param, len(ps))
	for j := len(ps) - 1; j >= 0; j-- {
		n := len(ps[j].values)
		out[j] = rundir.Param{Path: ps[j].path, Value: ps[j].values[k%n]}
		k /= n
	}
	return out
}
