package viz

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"
)

// near reports whether the pixel colour is within tol (per 8-bit channel) of c.
func near(img image.Image, x, y int, c color.Color, tol uint32) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	cr, cg, cb, _ := c.RGBA()
	d := func(a, b uint32) uint32 {
		if a > b {
			return (a - b) >> 8
		}
		return (b - a) >> 8
	}
	return d(r, cr) <= tol && d(g, cg) <= tol && d(b, cb) <= tol
}

// Two constant traces at y = 1 and y = 3 must colour the pixel rows they
// map to with the first two colours of the cycle, and leave y = 2 white.
func TestLinesPixels(t *testing.T) {
	n := 1000 // > pointsPerStroke: the line is stroked in several pieces
	ts := make([]float64, n)
	a := make([]float64, n)
	b := make([]float64, n)
	for k := range n {
		ts[k] = 10 * float64(k) / float64(n-1)
		a[k], b[k] = 1, 3
	}
	p, err := Lines(ts, [][]float64{a, b}, nil, LineOptions{YLim: Range{0, 4}, LineWidth: 3})
	if err != nil {
		t.Fatal(err)
	}
	img, toPx := render(t, p, 5, 4)
	for _, x := range []float64{0.5, 2.56, 5, 7.77, 9.5} { // includes the piece joins
		px, py := toPx(x, 1)
		if !near(img, int(px), int(py), CycleColor(0), 8) {
			t.Errorf("series 0 at t = %v: pixel (%d, %d) = %v, want %v", x, int(px), int(py), img.At(int(px), int(py)), CycleColor(0))
		}
		px, py = toPx(x, 3)
		if !near(img, int(px), int(py), CycleColor(1), 8) {
			t.Errorf("series 1 at t = %v: pixel (%d, %d) = %v, want %v", x, int(px), int(py), img.At(int(px), int(py)), CycleColor(1))
		}
		px, py = toPx(x, 2)
		if !isWhite(img, int(px), int(py)) {
			t.Errorf("t = %v, y = 2: pixel (%d, %d) = %v, want white", x, int(px), int(py), img.At(int(px), int(py)))
		}
	}
	if p.X.Min != 0 || p.X.Max != 10 || p.Y.Min != 0 || p.Y.Max != 4 {
		t.Errorf("ranges x [%v, %v] y [%v, %v], want [0, 10] (data) and [0, 4] (fixed)", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
}

// A sine trace: at every sampled time the pixel on the curve has the line
// colour (custom colour option), and the mirrored point does not.
func TestLinesFollowsData(t *testing.T) {
	n := 2000
	ts := make([]float64, n)
	v := make([]float64, n)
	for k := range n {
		ts[k] = float64(k) * 0.1
		v[k] = math.Sin(2 * math.Pi * ts[k] / 100)
	}
	green := color.RGBA{G: 200, A: 255}
	p, err := Lines(ts, [][]float64{v}, nil, LineOptions{LineWidth: 3, Colors: []color.Color{green}})
	if err != nil {
		t.Fatal(err)
	}
	img, toPx := render(t, p, 6, 4)
	for _, k := range []int{100, 400, 600, 900, 1100, 1400, 1600, 1900} { // |sin| ≥ 0.59
		px, py := toPx(ts[k], v[k])
		if !near(img, int(px), int(py), green, 16) {
			t.Errorf("t = %v: pixel (%d, %d) = %v, want the line colour", ts[k], int(px), int(py), img.At(int(px), int(py)))
		}
		px, py = toPx(ts[k], -v[k])
		if !isWhite(img, int(px), int(py)) {
			t.Errorf("t = %v, mirrored value: pixel (%d, %d) = %v, want white", ts[k], int(px), int(py), img.At(int(px), int(py)))
		}
	}
}

func TestLinesLegendAndRate(t *testing.T) {
	ts := []float64{0, 1, 2}
	p, err := Lines(ts, [][]float64{{1, 2, 3}, {3, 2, 1}}, []string{"V[0]", "V[42]"}, LineOptions{Title: "traces"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(p, &buf, "svg", 4, 3); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"V[0]", "V[42]", "traces", "Time (ms)"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("SVG lacks the text %q", s)
		}
	}
	r, err := Rate(ts, []float64{5, 10, 5}, LineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Y.Label.Text != "Rate (Hz)" || r.X.Label.Text != "Time (ms)" || r.Y.Min != 5 || r.Y.Max != 10 {
		t.Errorf("Rate plot: labels %q, %q, y range [%v, %v]", r.X.Label.Text, r.Y.Label.Text, r.Y.Min, r.Y.Max)
	}
}

func TestLinesBadInput(t *testing.T) {
	nan := math.NaN()
	ts := []float64{0, 1}
	cases := []struct {
		t      []float64
		series [][]float64
		labels []string
		opt    LineOptions
		want   string
	}{
		{ts, [][]float64{{1, 2}, {1}}, nil, LineOptions{}, "len(series[1]) = 1: must equal len(t) = 2"},
		{ts, [][]float64{{1, nan}}, nil, LineOptions{}, "series[0][1] = NaN"},
		{[]float64{0, math.Inf(-1)}, [][]float64{{1, 2}}, nil, LineOptions{}, "t[1] = -Inf"},
		{ts, [][]float64{{1, 2}}, []string{"a", "b"}, LineOptions{}, "len(labels) = 2: must equal len(series) = 1"},
		{ts, [][]float64{{1, 2}}, nil, LineOptions{Colors: []color.Color{nil}}, "LineOptions.Colors[0] = nil"},
		{ts, [][]float64{{1, 2}}, nil, LineOptions{YLim: Range{3, 1}}, "LineOptions.YLim = [3, 1]"},
		{ts, [][]float64{{1, 2}}, nil, LineOptions{XLim: Range{0, math.Inf(1)}}, "LineOptions.XLim = [0, +Inf]"},
		{ts, [][]float64{{1, 2}}, nil, LineOptions{LineWidth: -2}, "LineOptions.LineWidth = -2"},
	}
	for _, c := range cases {
		p, err := Lines(c.t, c.series, c.labels, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Lines(%v, %v, %v) error = %v, want it to contain %q", c.t, c.series, c.labels, err, c.want)
		}
		if p != nil {
			t.Errorf("Lines returned a plot with error %v", err)
		}
	}
	if _, err := Rate(ts, []float64{1}, LineOptions{}); err == nil || !strings.Contains(err.Error(), "len(rate) = 1, len(t) = 2") {
		t.Errorf("Rate length mismatch: error = %v", err)
	}
}
