package viz_test

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/brainsim/brainsim/viz"
)

// A raster of three spikes rendered as a 4×3 inch PNG at 96 dpi.
func ExampleRaster() {
	t := []float64{1.5, 2.0, 7.25}
	idx := []int32{0, 3, 1}
	p, err := viz.Raster(t, idx, viz.RasterOptions{Title: "E population"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := viz.Write(p, &buf, "png", 4, 3); err != nil {
		fmt.Println(err)
		return
	}
	img, err := png.Decode(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.X.Label.Text, "|", p.Y.Label.Text, "|", img.Bounds().Dx(), "x", img.Bounds().Dy())
	// Output: Time (ms) | Neuron index | 384 x 288
}

// Bad input is reported, not drawn.
func ExampleRaster_badInput() {
	_, err := viz.Raster([]float64{1, 2}, []int32{0}, viz.RasterOptions{})
	fmt.Println(err)
	_, err = viz.Raster(nil, nil, viz.RasterOptions{XLim: viz.Range{Lo: 5, Hi: 1}})
	fmt.Println(err)
	// Output:
	// viz: Raster len(t) = 2, len(idx) = 1: must be equal
	// viz: RasterOptions.XLim = [5, 1]: want finite Lo < Hi, or the zero Range for automatic
}

// Two membrane-potential traces with a legend, saved as SVG.
func ExampleLines() {
	t := []float64{0, 0.1, 0.2, 0.3}
	v := [][]float64{{-60, -58, -55, -60}, {-65, -64, -63, -62}}
	p, err := viz.Lines(t, v, []string{"V[0]", "V[7]"}, viz.LineOptions{YLabel: "V (mV)"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := viz.Write(p, &buf, "svg", 0, 0); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.Contains(buf.Bytes(), []byte("V[7]")), p.Y.Min, p.Y.Max)
	// Output: true -65 -55
}
