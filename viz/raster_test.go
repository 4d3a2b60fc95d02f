package viz

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgimg"
)

// render draws p as a PNG of w×h inches, decodes it, and returns the image
// with a function mapping data coordinates to pixel coordinates (computed
// from gonum/plot's own data-canvas transform at the same size and DPI).
func render(t *testing.T, p *plot.Plot, w, h float64) (image.Image, func(x, y float64) (px, py float64)) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(p, &buf, "png", w, h); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	if w == 0 && h == 0 {
		w, h = DefaultWidth, DefaultHeight
	}
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(w)*vg.Inch, vg.Length(h)*vg.Inch), vgimg.UseDPI(DPI))
	da := p.DataCanvas(draw.New(c))
	trX, trY := p.Transforms(&da)
	hpx := float64(img.Bounds().Dy())
	toPx := func(x, y float64) (float64, float64) {
		return trX(x).Dots(DPI), hpx - trY(y).Dots(DPI)
	}
	return img, toPx
}

func gray(img image.Image, x, y int) float64 {
	r, g, b, _ := img.At(x, y).RGBA()
	return float64(r+g+b) / (3 * 0xffff)
}

func isDark(img image.Image, x, y int) bool  { return gray(img, x, y) < 0.25 }
func isWhite(img image.Image, x, y int) bool { return gray(img, x, y) > 0.99 }

func TestRasterPNGSize(t *testing.T) {
	p, err := Raster([]float64{1, 2}, []int32{0, 1}, RasterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ w, h float64 }{{0, 0}, {8, 5}, {2.5, 1.5}, {3, 7}} {
		img, _ := render(t, p, c.w, c.h)
		w, h := c.w, c.h
		if w == 0 {
			w, h = DefaultWidth, DefaultHeight
		}
		want := image.Pt(int(math.Round(w*DPI)), int(math.Round(h*DPI)))
		if got := img.Bounds().Size(); got != want {
			t.Errorf("size %vx%v in: got %v pixels, want %v", c.w, c.h, got, want)
		}
	}
}

// Dots must be dark where the spikes are and the background white a few
// marker radii away.
func TestRasterDotsAtSpikes(t *testing.T) {
	ts := []float64{10, 25, 50, 50, 90}
	idx := []int32{80, 20, 50, 10, 95}
	const size = 6.0 // points: 8 px diameter at 96 dpi
	p, err := Raster(ts, idx, RasterOptions{XLim: Range{0, 100}, YLim: Range{0, 100}, MarkerSize: size})
	if err != nil {
		t.Fatal(err)
	}
	img, toPx := render(t, p, 6, 6)
	r := size / 2 * DPI / 72 // radius in pixels
	for k := range ts {
		px, py := toPx(ts[k], float64(idx[k]))
		// Inside: the centre and points at 0.6 r (the octagon's inradius is 0.92 r).
		for _, d := range [][2]float64{{0, 0}, {0.6, 0}, {-0.6, 0}, {0, 0.6}, {0, -0.6}} {
			x, y := int(px+d[0]*r), int(py+d[1]*r)
			if !isDark(img, x, y) {
				t.Errorf("spike %d (%v, %d): pixel (%d, %d) gray %.2f, want dark", k, ts[k], idx[k], x, y, gray(img, x, y))
			}
		}
		// Outside: 2 radii away in the four directions.
		for _, d := range [][2]float64{{2, 0}, {-2, 0}, {0, 2}, {0, -2}} {
			x, y := int(px+d[0]*r), int(py+d[1]*r)
			if !isWhite(img, x, y) {
				t.Errorf("spike %d: pixel (%d, %d) gray %.2f, want white", k, x, y, gray(img, x, y))
			}
		}
	}
}

// All spikes in the left 40% of the time axis: the right half of the data
// area stays white, the left part is not, and the number of separate dark
// blobs equals the number of well-separated spikes.
func TestRasterRegions(t *testing.T) {
	var ts []float64
	var idx []int32
	for i := range 6 {
		for j := range 4 {
			ts = append(ts, 5+7*float64(i)) // 5 … 40 ms
			idx = append(idx, int32(10+25*j))
		}
	}
	p, err := Raster(ts, idx, RasterOptions{XLim: Range{0, 100}, YLim: Range{0, 100}, MarkerSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	img, toPx := render(t, p, 8, 5)
	x0, y1 := toPx(0, 0)
	x1, y0 := toPx(100, 100)
	xm, _ := toPx(50, 0)
	// Stay 3 pixels inside the axes lines.
	in := image.Rect(int(x0)+3, int(y0)+3, int(x1)-3, int(y1)-3)
	right := image.Rect(int(xm), in.Min.Y, in.Max.X, in.Max.Y)
	for y := right.Min.Y; y < right.Max.Y; y++ {
		for x := right.Min.X; x < right.Max.X; x++ {
			if !isWhite(img, x, y) {
				t.Fatalf("pixel (%d, %d) in the spike-free right half has gray %.2f", x, y, gray(img, x, y))
			}
		}
	}
	if got := countBlobs(img, in); got != len(ts) {
		t.Errorf("found %d dark blobs, want %d (one per spike)", got, len(ts))
	}
}

// countBlobs counts 8-connected components of dark pixels within r.
func countBlobs(img image.Image, r image.Rectangle) int {
	seen := make(map[image.Point]bool)
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			start := image.Pt(x, y)
			if seen[start] || !isDark(img, x, y) {
				continue
			}
			n++
			stack := []image.Point{start}
			seen[start] = true
			for len(stack) > 0 {
				q := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						nb := q.Add(image.Pt(dx, dy))
						if nb.In(r) && !seen[nb] && isDark(img, nb.X, nb.Y) {
							seen[nb] = true
							stack = append(stack, nb)
						}
					}
				}
			}
		}
	}
	return n
}

// drawnDots draws p on a recording canvas and counts the octagons filled.
func drawnDots(p *plot.Plot) int {
	var rec recorder.Canvas
	p.Draw(draw.NewCanvas(&rec, 4*vg.Inch, 4*vg.Inch))
	n := 0
	for _, a := range rec.Actions {
		f, ok := a.(*recorder.Fill)
		if !ok {
			continue
		}
		moves := 0
		for _, c := range f.Path {
			if c.Type == vg.MoveComp {
				moves++
			}
		}
		if len(f.Path) == 9*moves { // dots; the background is a 5-component rectangle
			n += moves
		}
	}
	return n
}

// Spikes outside a fixed range are not drawn, not even outside the axes.
func TestRasterClipsToLimits(t *testing.T) {
	ts := []float64{50, 150, 20, -1, 100, 0}
	idx := []int32{50, 50, 104, 50, 100, 0}
	opt := RasterOptions{XLim: Range{0, 100}, YLim: Range{0, 100}, MarkerSize: 6, Title: "T"}
	p, err := Raster(ts, idx, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := drawnDots(p), 3; got != want { // (50, 50) and the corners (100, 100), (0, 0)
		t.Errorf("%d dots drawn, want %d", got, want)
	}
	img, toPx := render(t, p, 6, 4)
	px, py := toPx(20, 104) // above the data area, left of the centred title
	if !image.Pt(int(px), int(py)).In(img.Bounds()) {
		t.Fatalf("test setup: (20, 104) maps to (%v, %v), outside the image", px, py)
	}
	for _, d := range [][2]float64{{0, 0}, {2, 0}, {-2, 0}, {0, 2}, {0, -2}} {
		if x, y := int(px+d[0]), int(py+d[1]); !isWhite(img, x, y) {
			t.Errorf("pixel (%d, %d) of the out-of-range spike (20, 104) has gray %.2f", x, y, gray(img, x, y))
		}
	}
	if x, y := toPx(50, 50); !isDark(img, int(x), int(y)) {
		t.Errorf("in-range spike at (%v, %v) not drawn", x, y)
	}
}

// With automatic ranges even large extreme dots are drawn whole, clear of
// the axis lines and inside the image: the plot pads the axes by the marker
// radius.
func TestRasterAutoRangePadsExtremes(t *testing.T) {
	ts := []float64{0, 100, 50, 50}
	idx := []int32{50, 50, 0, 100}
	const size = 24.0 // 32 px diameter: more than gonum's 5 pt axis padding
	p, err := Raster(ts, idx, RasterOptions{MarkerSize: size})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Min != 0 || p.X.Max != 100 || p.Y.Min != 0 || p.Y.Max != 100 {
		t.Fatalf("auto range = x [%v, %v] y [%v, %v], want the data extremes [0, 100]", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	img, toPx := render(t, p, 5, 5)
	r := size / 2 * DPI / 72
	b := img.Bounds()
	// The axis lines are the longest dark runs: a column on the left, a row
	// at the bottom.
	axisX, axisY := -1, -1
	for x := 0; x < b.Dx()/2; x++ {
		if darkRun(img, image.Pt(x, 0), image.Pt(0, 1), b.Dy()) > b.Dy()/2 {
			axisX = x
		}
	}
	for y := b.Dy() - 1; y > b.Dy()/2; y-- {
		if darkRun(img, image.Pt(0, y), image.Pt(1, 0), b.Dx()) > b.Dx()/2 {
			axisY = y
		}
	}
	if axisX < 0 || axisY < 0 {
		t.Fatalf("axis lines not found: x %d, y %d", axisX, axisY)
	}
	for k := range ts {
		px, py := toPx(ts[k], float64(idx[k]))
		if px-r <= float64(axisX) || py+r >= float64(axisY) || px+r > float64(b.Dx()) || py-r < 0 {
			t.Errorf("spike %d: dot [%.0f, %.0f]x[%.0f, %.0f] px crosses the y axis at x = %d, the x axis at y = %d or the image edge",
				k, px-r, px+r, py-r, py+r, axisX, axisY)
		}
	}
}

// darkRun returns the longest run of darkish (gray < 0.8) pixels from start along step.
func darkRun(img image.Image, start, step image.Point, n int) int {
	best, run := 0, 0
	for i, q := 0, start; i < n; i, q = i+1, q.Add(step) {
		if gray(img, q.X, q.Y) < 0.8 {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

func TestRasterColor(t *testing.T) {
	red := color.RGBA{R: 255, A: 255}
	p, err := Raster([]float64{50}, []int32{5}, RasterOptions{XLim: Range{0, 100}, YLim: Range{0, 10}, MarkerSize: 6, Color: red})
	if err != nil {
		t.Fatal(err)
	}
	img, toPx := render(t, p, 4, 4)
	x, y := toPx(50, 5)
	r, g, b, _ := img.At(int(x), int(y)).RGBA()
	if r < 0xf000 || g > 0x1000 || b > 0x1000 {
		t.Errorf("dot colour = (%#x, %#x, %#x), want red", r, g, b)
	}
}

func TestRasterDefaultsAndEdgeCases(t *testing.T) {
	p, err := Raster(nil, nil, RasterOptions{Title: "empty"})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Label.Text != "Time (ms)" || p.Y.Label.Text != "Neuron index" || p.Title.Text != "empty" {
		t.Errorf("labels = %q, %q, %q", p.X.Label.Text, p.Y.Label.Text, p.Title.Text)
	}
	img, toPx := render(t, p, 3, 2) // no spikes: renders axes only
	x0, y1 := toPx(p.X.Min, p.Y.Min)
	x1, y0 := toPx(p.X.Max, p.Y.Max)
	if n := countBlobs(img, image.Rect(int(x0)+3, int(y0)+3, int(x1)-3, int(y1)-3)); n != 0 {
		t.Errorf("empty raster has %d blobs in its data area", n)
	}
	// One neuron, one time: a degenerate data range still renders.
	p, err = Raster([]float64{3, 3}, []int32{7, 7}, RasterOptions{XLabel: "t", YLabel: "n"})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Label.Text != "t" || p.Y.Label.Text != "n" {
		t.Errorf("custom labels not applied: %q, %q", p.X.Label.Text, p.Y.Label.Text)
	}
	img, toPx = render(t, p, 3, 2)
	if x, y := toPx(3, 7); !isDark(img, int(x), int(y)) {
		t.Errorf("single spike not drawn at (%v, %v)", x, y)
	}
}

func TestRasterBadInput(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		t    []float64
		idx  []int32
		opt  RasterOptions
		want string
	}{
		{[]float64{1}, []int32{1, 2}, RasterOptions{}, "len(t) = 1, len(idx) = 2"},
		{[]float64{1, nan}, []int32{1, 2}, RasterOptions{}, "t[1] = NaN"},
		{[]float64{math.Inf(1)}, []int32{1}, RasterOptions{}, "t[0] = +Inf"},
		{[]float64{1, 2}, []int32{0, -3}, RasterOptions{}, "idx[1] = -3: neuron indices must be >= 0"},
		{nil, nil, RasterOptions{XLim: Range{2, 2}}, "RasterOptions.XLim = [2, 2]"},
		{nil, nil, RasterOptions{YLim: Range{nan, 1}}, "RasterOptions.YLim = [NaN, 1]"},
		{nil, nil, RasterOptions{MarkerSize: -1}, "RasterOptions.MarkerSize = -1"},
		{nil, nil, RasterOptions{MarkerSize: nan}, "RasterOptions.MarkerSize = NaN"},
		{nil, nil, RasterOptions{MarkerSize: 500}, "must be in (0, 72] points"},
	}
	for _, c := range cases {
		p, err := Raster(c.t, c.idx, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Raster(%v, %v, %+v) error = %v, want it to contain %q", c.t, c.idx, c.opt, err, c.want)
		}
		if p != nil {
			t.Errorf("Raster returned a plot with error %v", err)
		}
	}
}
