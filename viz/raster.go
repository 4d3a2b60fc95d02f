package viz

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Default labels and marker size of a raster plot, as in BrainPy's
// bp.visualize.raster_plot.
const (
	DefaultTimeLabel   = "Time (ms)"
	DefaultNeuronLabel = "Neuron index"
	// DefaultMarkerSize is the default dot diameter in points (2 pixels at 96 dpi).
	DefaultMarkerSize = 1.5
)

// RasterOptions configures Raster. The zero value gives BrainPy's defaults:
// small black dots, x label "Time (ms)", y label "Neuron index", automatic
// axis ranges.
type RasterOptions struct {
	Title  string
	XLabel string // "" means DefaultTimeLabel
	YLabel string // "" means DefaultNeuronLabel
	XLim   Range  // zero Range: automatic
	YLim   Range  // zero Range: automatic
	// MarkerSize is the dot diameter in points (1/72 inch); 0 means DefaultMarkerSize.
	MarkerSize float64
	// Color of the dots; nil means black.
	Color color.Color
}

// Raster returns a raster plot of spike events: one dot at (t[k], idx[k])
// for every spike k, like BrainPy's bp.visualize.raster_plot. t is in ms and
// idx holds neuron indices; they must have the same length. Spikes outside
// fixed axis ranges are not drawn.
//
// All dots are drawn as one filled path, so 10^5 spikes render in tens of
// milliseconds (see BenchmarkRasterPNG).
func Raster(t []float64, idx []int32, opt RasterOptions) (*plot.Plot, error) {
	if len(t) != len(idx) {
		return nil, fmt.Errorf("viz: Raster len(t) = %d, len(idx) = %d: must be equal", len(t), len(idx))
	}
	for k, v := range t {
		if !finite(v) {
			return nil, fmt.Errorf("viz: Raster t[%d] = %v: spike times must be finite", k, v)
		}
	}
	for k, v := range idx {
		if v < 0 {
			return nil, fmt.Errorf("viz: Raster idx[%d] = %d: neuron indices must be >= 0", k, v)
		}
	}
	if err := opt.XLim.check("RasterOptions.XLim"); err != nil {
		return nil, err
	}
	if err := opt.YLim.check("RasterOptions.YLim"); err != nil {
		return nil, err
	}
	if err := checkSize("RasterOptions.MarkerSize", opt.MarkerSize); err != nil {
		return nil, err
	}
	d := &dots{t: t, idx: idx, size: vg.Points(DefaultMarkerSize), color: color.Black}
	if opt.MarkerSize != 0 {
		d.size = vg.Points(opt.MarkerSize)
	}
	if opt.Color != nil {
		d.color = opt.Color
	}
	d.padX, d.padY = opt.XLim.IsAuto(), opt.YLim.IsAuto()
	d.findExtremes()

	p := newPlot(opt.Title, orDefault(opt.XLabel, DefaultTimeLabel), orDefault(opt.YLabel, DefaultNeuronLabel))
	p.Add(d)
	applyRanges(p, opt.XLim, opt.YLim)
	return p, nil
}

// dots is a plot.Plotter drawing many same-size dots as a single path, which
// is far cheaper than one glyph (and one fill call) per point.
type dots struct {
	t     []float64
	idx   []int32
	size  vg.Length // diameter
	color color.Color

	// kXmin… are the positions of the extreme points (−1 if there are none),
	// used for the data range and for padding.
	kXmin, kXmax, kYmin, kYmax int
	padX, padY                 bool
}

func (d *dots) findExtremes() {
	d.kXmin, d.kXmax, d.kYmin, d.kYmax = -1, -1, -1, -1
	for k := range d.t {
		if k == 0 {
			d.kXmin, d.kXmax, d.kYmin, d.kYmax = 0, 0, 0, 0
			continue
		}
		x, y := d.t[k], d.idx[k]
		if x < d.t[d.kXmin] {
			d.kXmin = k
		}
		if x > d.t[d.kXmax] {
			d.kXmax = k
		}
		if y < d.idx[d.kYmin] {
			d.kYmin = k
		}
		if y > d.idx[d.kYmax] {
			d.kYmax = k
		}
	}
}

// DataRange implements plot.DataRanger. Without spikes it reports an empty
// (inverted infinite) range, which leaves the axes unchanged.
func (d *dots) DataRange() (xmin, xmax, ymin, ymax float64) {
	if d.kXmin < 0 {
		return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	}
	return d.t[d.kXmin], d.t[d.kXmax], float64(d.idx[d.kYmin]), float64(d.idx[d.kYmax])
}

// GlyphBoxes implements plot.GlyphBoxer so that dots on the edge of an
// automatic axis are not clipped. Only the extreme points matter for the
// padding, so only their boxes are returned.
func (d *dots) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if d.kXmin < 0 {
		return nil
	}
	r := d.size / 2
	var boxes []plot.GlyphBox
	add := func(k int, horizontal bool) {
		b := plot.GlyphBox{X: p.X.Norm(d.t[k]), Y: p.Y.Norm(float64(d.idx[k]))}
		if horizontal {
			b.Rectangle = vg.Rectangle{Min: vg.Point{X: -r}, Max: vg.Point{X: r}}
		} else {
			b.Rectangle = vg.Rectangle{Min: vg.Point{Y: -r}, Max: vg.Point{Y: r}}
		}
		boxes = append(boxes, b)
	}
	if d.padX {
		add(d.kXmin, true)
		add(d.kXmax, true)
	}
	if d.padY {
		add(d.kYmin, false)
		add(d.kYmax, false)
	}
	return boxes
}

// dotsPerFill is the number of dots drawn per Fill call. The image backend's
// rasteriser keeps its cells in per-row linked lists, so one huge path costs
// time quadratic in the dots per row; small batches keep it linear.
const dotsPerFill = 256

// Plot implements plot.Plotter.
func (d *dots) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	r := d.size / 2
	c.SetColor(d.color)
	path := make(vg.Path, 0, 9*dotsPerFill)
	for k, x := range d.t {
		y := float64(d.idx[k])
		if x < p.X.Min || x > p.X.Max || y < p.Y.Min || y > p.Y.Max {
			continue
		}
		path = appendDot(path, trX(x), trY(y), r)
		if len(path) == cap(path) {
			c.Fill(path)
			path = path[:0]
		}
	}
	if len(path) > 0 {
		c.Fill(path)
	}
}

// appendDot appends a closed octagon of circumradius r centred on (x, y):
// round enough at marker sizes of a few points, and much cheaper to
// rasterise than arcs.
func appendDot(path vg.Path, x, y, r vg.Length) vg.Path {
	const s = 0.3826834323650898 // sin(π/8)
	const c = 0.9238795325112867 // cos(π/8)
	a, b := r*c, r*s
	path = append(path,
		vg.PathComp{Type: vg.MoveComp, Pos: vg.Point{X: x + a, Y: y + b}},
		vg.PathComp{Type: vg.LineComp, Pos: vg.Point{X: x + b, Y: y + a}},
		vg.PathComp{Type: vg.LineComp, Pos: vg.Point{X: x - b, Y: y + a}},
		vg.PathComp{Type: vg.LineComp, Pos: vg.Point{X: x - a, Y: y + b}},
		vg.PathComp{Type: vg.LineComp, Pos: vg.Point{X: x - a, Y: y - b}},
		vg.PathComp{Type: vg.LineComp, Pos: vg.Point{X: x - b, Y: y - a}},
		vg.PathComp{Type: vg.LineComp, Pos: vg.Point{X: x + b, Y: y - a}},
		vg.PathComp{Type: vg.LineComp, Pos: vg.Point{X: x + a, Y: y - b}},
		vg.PathComp{Type: vg.CloseComp},
	)
	return path
}
