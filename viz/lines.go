package viz

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DefaultLineWidth is the default line width in points.
const DefaultLineWidth = 1.0

// LineOptions configures Lines and Rate. The zero value gives BrainPy's
// line_plot defaults: x label "Time (ms)", automatic ranges, matplotlib's
// colour cycle.
type LineOptions struct {
	Title  string
	XLabel string // "" means DefaultTimeLabel
	YLabel string // "" means no label (Rate: "Rate (Hz)")
	XLim   Range  // zero Range: automatic
	YLim   Range  // zero Range: automatic
	// LineWidth in points; 0 means DefaultLineWidth.
	LineWidth float64
	// Colors of the series, reused cyclically; nil means CycleColor(i).
	Colors []color.Color
}

// Lines returns a line plot of state traces, like BrainPy's
// bp.visualize.line_plot: series[j][k] is drawn at (t[k], series[j][k]).
// Every series must have len(t) finite values and t must be finite. When
// labels is non-nil it must hold one label per series and a legend is shown
// (empty labels are left out of it) at the top right, outside the axes.
func Lines(t []float64, series [][]float64, labels []string, opt LineOptions) (*plot.Plot, error) {
	if err := checkLines(t, series, labels, opt); err != nil {
		return nil, err
	}
	p := newPlot(opt.Title, orDefault(opt.XLabel, DefaultTimeLabel), opt.YLabel)
	width := vg.Points(DefaultLineWidth)
	if opt.LineWidth != 0 {
		width = vg.Points(opt.LineWidth)
	}
	for j, s := range series {
		xy := make(plotter.XYs, len(t))
		for k := range t {
			xy[k] = plotter.XY{X: t[k], Y: s[k]}
		}
		l := &plotter.Line{XYs: xy, LineStyle: plotter.DefaultLineStyle}
		l.Width = width
		l.Color = CycleColor(j)
		if len(opt.Colors) > 0 {
			l.Color = opt.Colors[j%len(opt.Colors)]
		}
		p.Add(chunkedLine{l})
		if labels != nil && labels[j] != "" {
			p.Legend.Add(labels[j], l)
		}
	}
	applyRanges(p, opt.XLim, opt.YLim)
	return p, nil
}

// Rate returns a line plot of a population firing rate (Hz) against time
// (ms), e.g. the output of a population-rate measure. The y label defaults
// to "Rate (Hz)".
func Rate(t, rate []float64, opt LineOptions) (*plot.Plot, error) {
	if opt.YLabel == "" {
		opt.YLabel = "Rate (Hz)"
	}
	if len(rate) != len(t) {
		return nil, fmt.Errorf("viz: Rate len(rate) = %d, len(t) = %d: must be equal", len(rate), len(t))
	}
	return Lines(t, [][]float64{rate}, nil, opt)
}

func checkLines(t []float64, series [][]float64, labels []string, opt LineOptions) error {
	for k, v := range t {
		if !finite(v) {
			return fmt.Errorf("viz: Lines t[%d] = %v: times must be finite", k, v)
		}
	}
	for j, s := range series {
		if len(s) != len(t) {
			return fmt.Errorf("viz: Lines len(series[%d]) = %d: must equal len(t) = %d", j, len(s), len(t))
		}
		for k, v := range s {
			if !finite(v) {
				return fmt.Errorf("viz: Lines series[%d][%d] = %v: values must be finite", j, k, v)
			}
		}
	}
	if labels != nil && len(labels) != len(series) {
		return fmt.Errorf("viz: Lines len(labels) = %d: must equal len(series) = %d, or labels = nil for no legend", len(labels), len(series))
	}
	for i, c := range opt.Colors {
		if c == nil {
			return fmt.Errorf("viz: LineOptions.Colors[%d] = nil: want a colour", i)
		}
	}
	if err := opt.XLim.check("LineOptions.XLim"); err != nil {
		return err
	}
	if err := opt.YLim.check("LineOptions.YLim"); err != nil {
		return err
	}
	return checkSize("LineOptions.LineWidth", opt.LineWidth)
}

// pointsPerStroke is the number of segments stroked per call; see dotsPerFill.
const pointsPerStroke = 256

// chunkedLine is a plotter.Line stroked in pieces of pointsPerStroke
// segments, which keeps the image rasteriser linear in the number of points.
// Data range and legend thumbnail come from the embedded Line.
type chunkedLine struct{ *plotter.Line }

// Plot implements plot.Plotter.
func (l chunkedLine) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ps := make([]vg.Point, len(l.XYs))
	for i, xy := range l.XYs {
		ps[i] = vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
	}
	// Consecutive pieces share one segment, so that no antialiased seam
	// appears where two butt-capped pieces would otherwise just touch.
	for _, seg := range c.ClipLinesXY(ps) {
		for i := 0; i+1 < len(seg); i += pointsPerStroke {
			end := min(i+pointsPerStroke+2, len(seg))
			c.StrokeLines(l.LineStyle, seg[i:end])
			if end == len(seg) {
				break
			}
		}
	}
}
