package viz

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/plot"
)

// majors returns the values and labels of the labelled ticks.
func majors(ticks []plot.Tick) (vals []float64, labels []string) {
	for _, t := range ticks {
		if !t.IsMinor() {
			vals = append(vals, t.Value)
			labels = append(labels, t.Label)
		}
	}
	return vals, labels
}

// extent returns the smallest and largest tick value.
func extent(ticks []plot.Tick) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, t := range ticks {
		lo, hi = math.Min(lo, t.Value), math.Max(hi, t.Value)
	}
	return lo, hi
}

func TestNiceTicksKnownRanges(t *testing.T) {
	cases := []struct {
		min, max float64
		labels   []string
		lo, hi   float64 // the axis range after AutoRescale
	}{
		{0, 200, []string{"0", "50", "100", "150", "200"}, 0, 200},
		{0, 199.9, []string{"0", "50", "100", "150", "200"}, 0, 200}, // 200 is the enclosing tick
		{0, 1000, []string{"0", "200", "400", "600", "800", "1000"}, 0, 1000},
		{0, 3199, []string{"0", "500", "1000", "1500", "2000", "2500", "3000"}, 0, 3200},
		{-0.5, 3199.5, []string{"0", "500", "1000", "1500", "2000", "2500", "3000"}, -100, 3200},
		{-80, -50, []string{"-80", "-75", "-70", "-65", "-60", "-55", "-50"}, -80, -50},
		{-1, 1, []string{"-1.0", "-0.5", "0.0", "0.5", "1.0"}, -1, 1},
		{0, 0.003, []string{"0.0000", "0.0005", "0.0010", "0.0015", "0.0020", "0.0025", "0.0030"}, 0, 0.003},
		{1e-9, 4e-9, []string{"1e-09", "1.5e-09", "2e-09", "2.5e-09", "3e-09", "3.5e-09", "4e-09"}, 1e-9, 4e-9},
		{0.3, 1.2, []string{"0.4", "0.6", "0.8", "1.0", "1.2"}, 0.3, 1.2},
		{0.31, 1.2, []string{"0.4", "0.6", "0.8", "1.0", "1.2"}, 0.3, 1.2},
		{-65, -50, []string{"-65", "-60", "-55", "-50"}, -65, -50},
		{0, 150, []string{"0", "50", "100", "150"}, 0, 150},
		{0, 60, []string{"0", "10", "20", "30", "40", "50", "60"}, 0, 60},
		{4, 6, []string{"4.0", "4.5", "5.0", "5.5", "6.0"}, 4, 6}, // gonum's range for a single value 5
	}
	for _, c := range cases {
		ticks := NiceTicks{}.Ticks(c.min, c.max)
		_, labels := majors(ticks)
		if !slices.Equal(labels, c.labels) {
			t.Errorf("Ticks(%v, %v) labels %q, want %q", c.min, c.max, labels, c.labels)
		}
		lo, hi := extent(ticks)
		if math.Abs(lo-c.lo) > 1e-12*math.Abs(c.hi-c.lo) || math.Abs(hi-c.hi) > 1e-12*math.Abs(c.hi-c.lo) {
			t.Errorf("Ticks(%v, %v) span [%v, %v], want [%v, %v]", c.min, c.max, lo, hi, c.lo, c.hi)
		}
	}
}

// Degenerate ranges return at once with at most two ticks, and never panic.
func TestNiceTicksDegenerate(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	cases := []struct {
		min, max float64
		n        int
	}{
		{5, 5, 1}, {0, 0, 1}, {-3e300, -3e300, 1},
		{nan, 1, 0}, {0, inf, 0}, {-inf, inf, 0},
		{-1e308, 1e308, 2},        // the span overflows
		{0, 5e-324, 2},            // the step underflows
		{1e9, 1e9 + 1e-6, 2},      // steps beyond float resolution
		{1e300, 1.000001e300, -1}, // still resolvable: normal ticks
		{math.MaxFloat64 / 2, math.MaxFloat64, -1},
	}
	for _, c := range cases {
		ticks := NiceTicks{}.Ticks(c.min, c.max)
		if c.n >= 0 && len(ticks) != c.n {
			t.Errorf("Ticks(%v, %v) = %v, want %d ticks", c.min, c.max, ticks, c.n)
		}
		if len(ticks) > 100 {
			t.Errorf("Ticks(%v, %v) gave %d ticks", c.min, c.max, len(ticks))
		}
		for _, tk := range ticks {
			if !finite(tk.Value) {
				t.Errorf("Ticks(%v, %v) has a tick at %v", c.min, c.max, tk.Value)
			}
		}
	}
	// reversed bounds are the same range
	a, _ := majors(NiceTicks{}.Ticks(200, 0))
	b, _ := majors(NiceTicks{}.Ticks(0, 200))
	if !slices.Equal(a, b) {
		t.Errorf("Ticks(200, 0) = %v, want %v", a, b)
	}
}

// For random ranges over 20 decades: 4–8 labelled ticks inside the range at
// multiples of 1, 2, 2.5 or 5 × 10^k, minor ticks enclosing the range by at
// most one minor step, and the snapped range gives the same labels again.
func TestNiceTicksProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		scale := math.Pow(10, r.Float64()*20-10)
		min := (r.Float64()*2 - 1) * scale * r.Float64() * 10
		max := min + scale*(0.1+r.Float64())
		ticks := NiceTicks{}.Ticks(min, max)
		vals, labels := majors(ticks)
		lo, hi := extent(ticks)
		minor := ticks[1].Value - ticks[0].Value
		if n := inside(vals, min, max); n < 4 || n > 8 {
			t.Fatalf("Ticks(%v, %v): %d labelled ticks in the range: %q", min, max, n, labels)
		}
		step := vals[1] - vals[0]
		e := math.Floor(math.Log10(step))
		m := step / math.Pow(10, e)
		okM := false
		for _, want := range []float64{1, 2, 2.5, 5, 10} {
			okM = okM || math.Abs(m-want) < 1e-6
		}
		if !okM {
			t.Fatalf("Ticks(%v, %v): step %v has mantissa %v", min, max, step, m)
		}
		tol := 1e-9 * step
		for i, v := range vals {
			if v < lo-tol || v > hi+tol {
				t.Fatalf("Ticks(%v, %v): tick %v outside the minor ticks' span [%v, %v]", min, max, v, lo, hi)
			}
			if i > 0 && math.Abs(v-vals[i-1]-step) > 1e-6*step {
				t.Fatalf("Ticks(%v, %v): uneven ticks %v", min, max, vals)
			}
			if q := v / step; math.Abs(q-math.Round(q)) > 1e-6 {
				t.Fatalf("Ticks(%v, %v): %v is not a multiple of %v", min, max, v, step)
			}
		}
		if lo > min+tol || hi < max-tol || min-lo > minor+tol || hi-max > minor+tol {
			t.Fatalf("Ticks(%v, %v): minor ticks span [%v, %v], step %v", min, max, lo, hi, minor)
		}
		if again, _ := majors(NiceTicks{}.Ticks(lo, hi)); inside(again, lo, hi) < 4 || inside(again, lo, hi) > 8 {
			t.Fatalf("Ticks(%v, %v) on the snapped range [%v, %v]: %v", min, max, lo, hi, again)
		}
	}
}

// inside counts the values in [min, max], up to rounding.
func inside(vals []float64, min, max float64) int {
	n, tol := 0, 1e-9*(max-min)
	for _, v := range vals {
		if v >= min-tol && v <= max+tol {
			n++
		}
	}
	return n
}

// The plots use NiceTicks: an automatic axis grows to the enclosing minor
// tick when drawn, a fixed axis keeps its range.
func TestPlotsUseNiceTicks(t *testing.T) {
	p, err := Raster([]float64{0, 199.9}, []int32{0, 3199}, RasterOptions{YLim: Range{-0.5, 3199.5}})
	if err != nil {
		t.Fatal(err)
	}
	render(t, p, 0, 0)
	if p.X.Min != 0 || p.X.Max != 200 || p.Y.Min != -0.5 || p.Y.Max != 3199.5 {
		t.Errorf("axes x [%v, %v] y [%v, %v], want [0, 200] (snapped) and [-0.5, 3199.5] (fixed)", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	_, labels := majors(p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max))
	if want := []string{"0", "50", "100", "150", "200"}; !slices.Equal(labels, want) {
		t.Errorf("raster x labels %q, want %q", labels, want)
	}
	l, err := Lines([]float64{0, 1000}, [][]float64{{-70, -50.3}}, nil, LineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	render(t, l, 0, 0)
	if l.Y.Min != -70 || l.Y.Max != -50 {
		t.Errorf("line y axis [%v, %v], want [-70, -50]", l.Y.Min, l.Y.Max)
	}
	if _, ok := l.X.Tick.Marker.(NiceTicks); !ok {
		t.Errorf("line x ticker %T, want NiceTicks", l.X.Tick.Marker)
	}
}

func FuzzNiceTicks(f *testing.F) {
	for _, c := range [][2]float64{{0, 200}, {0, 3199}, {5, 5}, {-1e308, 1e308}, {0, 5e-324}, {1e9, 1e9 + 1e-6}, {-3, -2.9999}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, min, max float64) {
		ticks := NiceTicks{}.Ticks(min, max)
		if len(ticks) > 100 {
			t.Fatalf("Ticks(%v, %v) gave %d ticks", min, max, len(ticks))
		}
		if !finite(min) || !finite(max) {
			return
		}
		lo, hi := math.Min(min, max), math.Max(min, max)
		if len(ticks) == 0 {
			t.Fatalf("Ticks(%v, %v) gave no ticks", min, max)
		}
		for _, tk := range ticks {
			if !finite(tk.Value) {
				t.Fatalf("Ticks(%v, %v) has a tick at %v", min, max, tk.Value)
			}
		}
		// The ends are enclosed up to the rounding the ticker absorbs, unless
		// the enclosing tick would be beyond ±MaxFloat64.
		tol := 1e-8 * (hi - lo)
		big := math.Max(-lo, hi) > 1e307
		if a, b := extent(ticks); len(ticks) > 1 && !big && (a > lo+tol || b < hi-tol) {
			t.Fatalf("Ticks(%v, %v) span [%v, %v] does not enclose the range", min, max, a, b)
		}
	})
}
