package input_test

import (
	"github.com/brainsim/brainsim/internal/check"
	"math"
	"testing"

	"github.com/brainsim/brainsim/input"
)

// filled returns n copies of v.
func filled(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func cat(parts ...[]float64) []float64 {
	var s []float64
	for _, p := range parts {
		s = append(s, p...)
	}
	return s
}

func TestSection(t *testing.T) {
	got, err := input.Section([]float64{0, 1, 0}, []float64{10, 20, 10}, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Section", got, cat(filled(100, 0), filled(200, 1), filled(100, 0)))

	// ceil(d/dt) per segment: 0.25 ms at dt 0.1 is 3 steps; 0.3/0.1 is
	// 2.9999999999999996 in floating point but 3 steps.
	got, err = input.Section([]float64{2, -1, 5}, []float64{0.25, 0.3, 0}, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Section(non-multiples)", got, []float64{2, 2, 2, -1, -1, -1})
}

func TestConstant(t *testing.T) {
	got, total, err := input.Constant([]input.Segment{{Value: 3, Duration: 1}, {Value: 4, Duration: 0.5}}, 0.25)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Constant", got, []float64{3, 3, 3, 3, 4, 4})
	if total != 1.5 {
		t.Errorf("total duration = %v, want 1.5", total)
	}
}

func TestSpike(t *testing.T) {
	got, err := input.Spike([]float64{10, 20}, []float64{1}, []float64{0.5}, 30, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	want := filled(300, 0)
	for k := 100; k < 110; k++ {
		want[k], want[k+100] = 0.5, 0.5
	}
	equal(t, "Spike", got, want)

	// per-pulse lengths and sizes; the later pulse overwrites the overlap;
	// a pulse running past the end is cut
	got, err = input.Spike([]float64{1, 1.5, 4.5}, []float64{1, 1, 2}, []float64{2, 3, 7}, 5, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Spike(overlap)", got, []float64{0, 0, 2, 3, 3, 0, 0, 0, 0, 7})
}

func TestRamp(t *testing.T) {
	got, err := input.Ramp(0, 9, 10, 1, input.Window{})
	if err != nil {
		t.Fatal(err)
	}
	// 10 points from 0 to 9 inclusive: step 1
	equal(t, "Ramp", got, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})

	got, err = input.Ramp(1, 4, 10, 1, input.Window{Start: 2, End: 6})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Ramp(window)", got, []float64{0, 0, 1, 2, 3, 4, 0, 0, 0, 0})

	got, err = input.Ramp(5, 6, 3, 1, input.Window{Start: 1, End: 2})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Ramp(one step)", got, []float64{0, 5, 0})
}

func TestSinusoidal(t *testing.T) {
	// 10 Hz at dt 0.1 ms: one period is 1000 steps, value 2·sin(2πk/1000)
	got, err := input.Sinusoidal(2, 10, 200, 0.1, input.Window{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2000 {
		t.Fatalf("len = %d, want 2000", len(got))
	}
	for _, c := range []struct {
		k    int
		want float64
	}{{0, 0}, {250, 2}, {500, 0}, {750, -2}, {1000, 0}, {125, 2 * math.Sqrt2 / 2}} {
		check.Within(t, "sin", got[c.k], c.want, 1e-9)
	}
	// bias, and a window starting at 50 ms: the phase restarts at the window
	got, err = input.Sinusoidal(2, 10, 200, 0.1, input.Window{Start: 50, End: 150}, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		k    int
		want float64
	}{{0, 0}, {499, 0}, {500, 2}, {750, 4}, {1250, 0}, {1499, 2 + 2*math.Sin(2*math.Pi*999/1000)}, {1500, 0}, {1999, 0}} {
		check.Within(t, "biased sin", got[c.k], c.want, 1e-9)
	}
}

func TestSquare(t *testing.T) {
	got, err := input.Square(1.5, 10, 200, 0.1, input.Window{}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := cat(filled(500, 1.5), filled(500, -1.5), filled(500, 1.5), filled(500, -1.5))
	equal(t, "Square", got, want)

	got, err = input.Square(1, 250, 4, 0.1, input.Window{Start: 1}, true)
	if err != nil {
		t.Fatal(err)
	}
	// 250 Hz: period 4 ms = 40 steps, from step 10: 20 steps at 2, then 0
	equal(t, "Square(bias, window)", got, cat(filled(10, 0), filled(20, 2), filled(10, 0)))
}

func TestGeneratorErrors(t *testing.T) {
	_, err := input.Section([]float64{1, 2}, []float64{1}, 0.1)
	check.Err(t, "length mismatch", err, "2 values but 1 durations")
	_, err = input.Section(nil, nil, 0.1)
	check.Err(t, "no segments", err, "no segments")
	_, err = input.Section([]float64{1, 2}, []float64{1, -5}, 0.1)
	check.Err(t, "negative duration", err, "durations[1] = -5", ">= 0")
	_, err = input.Section([]float64{1}, []float64{1}, 0)
	check.Err(t, "dt = 0", err, "dt = 0", "> 0")
	_, err = input.Section([]float64{math.NaN()}, []float64{1}, 0.1)
	check.Err(t, "NaN value", err, "values[0] = NaN")
	_, err = input.Section([]float64{1}, []float64{1e12}, 1e-6)
	check.Err(t, "too long", err, "more than")
	_, _, err = input.Constant([]input.Segment{{1, -1}}, 0.1)
	check.Err(t, "Constant", err, "durations[0] = -1")
	_, err = input.Spike([]float64{1, 2}, []float64{1, 1, 1}, []float64{1}, 10, 0.1)
	check.Err(t, "lens length", err, "len(lens) = 3", "1 or len(times) = 2")
	_, err = input.Spike([]float64{-1}, []float64{1}, []float64{1}, 10, 0.1)
	check.Err(t, "negative time", err, "times[0] = -1")
	_, err = input.Spike([]float64{1}, []float64{1}, []float64{1}, -10, 0.1)
	check.Err(t, "negative duration", err, "duration = -10")
	_, err = input.Ramp(0, 1, 10, 0.1, input.Window{Start: 5, End: 2})
	check.Err(t, "t_end < t_start", err, "Window.End = 2", "[Start = 5, duration = 10]")
	_, err = input.Ramp(0, 1, 10, 0.1, input.Window{Start: 11})
	check.Err(t, "start after the end", err, "Window.Start = 11")
	_, err = input.Ramp(0, 1, 10, 0.1, input.Window{End: 12})
	check.Err(t, "end after the end", err, "Window.End = 12")
	_, err = input.Ramp(math.Inf(1), 1, 10, 0.1, input.Window{})
	check.Err(t, "infinite cStart", err, "cStart = +Inf")
	_, err = input.Sinusoidal(1, -3, 10, 0.1, input.Window{}, false)
	check.Err(t, "negative frequency", err, "freqHz = -3")
	_, err = input.Square(1, 3, 10, -0.1, input.Window{}, false)
	check.Err(t, "negative dt", err, "Square dt = -0.1")
	_, err = input.Wiener(10, 0.1, 0, input.Window{}, 1)
	check.Err(t, "n = 0", err, "n = 0", ">= 1")
	_, err = input.OU(input.OUParams{Sigma: 1, Tau: 0}, 10, 0.1, 1, input.Window{}, 1)
	check.Err(t, "tau = 0", err, "Tau = 0")
	_, err = input.OU(input.OUParams{Sigma: -1, Tau: 1}, 10, 0.1, 1, input.Window{}, 1)
	check.Err(t, "sigma < 0", err, "Sigma = -1")
	_, err = input.OU(input.OUParams{Sigma: 1, Tau: 1}, 10, 2, 1, input.Window{}, 1)
	check.Err(t, "unstable dt", err, "dt = 2", "< 2·Tau = 2")
}
