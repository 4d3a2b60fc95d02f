package viz

import (
	"image"
	"image/color"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// textRecorder is a canvas that records where every string is drawn.
type textRecorder struct {
	vg.CanvasSizer
	texts map[string]vg.Rectangle
}

func (r *textRecorder) FillString(f font.Face, pt vg.Point, text string) {
	r.texts[text] = vg.Rectangle{Min: pt, Max: vg.Point{X: pt.X + f.Width(text), Y: pt.Y + f.Extents().Ascent}}
	r.CanvasSizer.FillString(f, pt, text)
}

// drawRecorded draws p on a w×h inch canvas and returns the data area and
// the boxes of the strings drawn.
func drawRecorded(t *testing.T, p *plot.Plot, w, h float64) (vg.Rectangle, map[string]vg.Rectangle) {
	t.Helper()
	rec := &textRecorder{
		CanvasSizer: vgimg.NewWith(vgimg.UseWH(vg.Length(w)*vg.Inch, vg.Length(h)*vg.Inch), vgimg.UseDPI(DPI)),
		texts:       map[string]vg.Rectangle{},
	}
	c := draw.New(rec)
	p.Draw(c)
	return p.DataCanvas(c).Rectangle, rec.texts
}

// The legend of a line plot is drawn right of the data area, inside the
// figure, for short and long labels; without a legend the data area keeps
// the full width.
func TestLegendOutsideData(t *testing.T) {
	ts := []float64{0, 50, 100, 150, 200}
	series := [][]float64{{-60, -50, -60, -50, -60}, {-55, -55, -55, -55, -55}, {-70, -65, -60, -55, -50}}
	labels := []string{"V[0]", "a much longer label for V[1]", "V[2]"}
	const w, h = 8.0, 5.0
	p, err := Lines(ts, series, labels, LineOptions{Title: "traces"})
	if err != nil {
		t.Fatal(err)
	}
	data, texts := drawRecorded(t, p, w, h)
	for _, l := range labels {
		box, ok := texts[l]
		if !ok {
			t.Fatalf("legend label %q not drawn", l)
		}
		if box.Min.X < data.Max.X {
			t.Errorf("legend label %q starts at x = %.1f pt, inside the data area (right edge %.1f pt)", l, box.Min.X, data.Max.X)
		}
		if box.Max.X > vg.Length(w)*vg.Inch || box.Min.Y < 0 || box.Max.Y > vg.Length(h)*vg.Inch {
			t.Errorf("legend label %q box %v leaves the %v×%v in figure", l, box, w, h)
		}
	}
	// The tick labels of the x axis sit under the (narrower) data area.
	if box, ok := texts["200"]; !ok || box.Max.X > data.Max.X+box.Size().X {
		t.Errorf("x tick label 200 at %v, data area right edge %.1f", box, data.Max.X)
	}
	// The legend's thumbnails are drawn too: the pixels right of the data
	// area contain the first series' colour.
	img, _ := render(t, p, w, h)
	if !hasColor(img, image.Rect(int(data.Max.X.Dots(DPI))+1, 0, img.Bounds().Dx(), img.Bounds().Dy()/2), CycleColor(0)) {
		t.Error("no legend thumbnail of series 0 right of the data area")
	}

	bare, err := Lines(ts, series, nil, LineOptions{Title: "traces"})
	if err != nil {
		t.Fatal(err)
	}
	full, _ := drawRecorded(t, bare, w, h)
	if right := vg.Length(w)*vg.Inch - full.Max.X; right > 20 {
		t.Errorf("without a legend the data area ends %.1f pt before the figure's edge, want < 20", right)
	}
	if full.Max.X <= data.Max.X {
		t.Errorf("data area with a legend (%.1f pt) is not narrower than without (%.1f pt)", data.Max.X, full.Max.X)
	}
}

// A legend entry added to a raster afterwards is placed outside as well.
func TestLegendOutsideRaster(t *testing.T) {
	p, err := Raster([]float64{0, 100, 200}, []int32{0, 50, 99}, RasterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.Legend.Add("E population")
	data, texts := drawRecorded(t, p, 6, 4)
	box, ok := texts["E population"]
	if !ok || box.Min.X < data.Max.X {
		t.Errorf("legend label at %v (drawn %v), data area right edge %.1f", box, ok, data.Max.X)
	}
}

// hasColor reports whether some pixel of r is c blended with white (an
// antialiased line of colour c covering at least 30 % of the pixel).
func hasColor(img image.Image, r image.Rectangle, c color.Color) bool {
	cr, cg, cb, _ := c.RGBA()
	want := [3]float64{float64(cr), float64(cg), float64(cb)}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			got := [3]float64{float64(pr), float64(pg), float64(pb)}
			// coverage α per channel: pixel = white − α·(white − c)
			var alpha [3]float64
			for i := range got {
				alpha[i] = (0xffff - got[i]) / (0xffff - want[i])
			}
			lo, hi := min(alpha[0], alpha[1], alpha[2]), max(alpha[0], alpha[1], alpha[2])
			if lo >= 0.3 && hi <= 1.05 && hi-lo < 0.08 {
				return true
			}
		}
	}
	return false
}
