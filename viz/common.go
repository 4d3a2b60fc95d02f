package viz

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
)

// Range is an optional axis range [Lo, Hi] in data units. The zero value
// Range{} means "automatic": the axis spans the data.
type Range struct {
	Lo, Hi float64
}

// IsAuto reports whether r is the zero Range, which asks for an automatic axis range.
func (r Range) IsAuto() bool { return r.Lo == 0 && r.Hi == 0 }

// check returns an error naming field when r is set but not a finite,
// increasing interval.
func (r Range) check(field string) error {
	if r.IsAuto() {
		return nil
	}
	if !finite(r.Lo) || !finite(r.Hi) || r.Lo >= r.Hi {
		return fmt.Errorf("viz: %s = [%v, %v]: want finite Lo < Hi, or the zero Range for automatic", field, r.Lo, r.Hi)
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// maxPoints bounds marker sizes and line widths: anything larger than an
// inch is certainly a unit mistake.
const maxPoints = 72

// checkSize validates an optional length in points (0 means default).
func checkSize(field string, v float64) error {
	if v == 0 {
		return nil
	}
	if !finite(v) || v < 0 || v > maxPoints {
		return fmt.Errorf("viz: %s = %v: must be in (0, %d] points, or 0 for the default", field, v, maxPoints)
	}
	return nil
}

// newPlot creates a plot with a title, axis labels, NiceTicks on both axes
// (automatic axes grow to the enclosing minor ticks when drawn) and the
// legend outside the axes. Fixed ranges are set by applyRanges after the
// plotters are added (Add widens the ranges).
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Tick.Marker = NiceTicks{}
		a.AutoRescale = true
	}
	placeLegendOutside(p)
	return p
}

// applyRanges fixes the axis ranges that are not automatic; a fixed axis
// keeps its range exactly.
func applyRanges(p *plot.Plot, x, y Range) {
	if !x.IsAuto() {
		p.X.Min, p.X.Max = x.Lo, x.Hi
		p.X.AutoRescale = false
	}
	if !y.IsAuto() {
		p.Y.Min, p.Y.Max = y.Lo, y.Hi
		p.Y.AutoRescale = false
	}
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// CycleColor returns the i-th colour of matplotlib's default "tab10" cycle,
// which BrainPy's line_plot uses (i is taken modulo 10; negative i gives the
// first colour).
func CycleColor(i int) color.Color {
	tab10 := [...]color.RGBA{
		{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff},
		{0xd6, 0x27, 0x28, 0xff}, {0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff},
		{0xe3, 0x77, 0xc2, 0xff}, {0x7f, 0x7f, 0x7f, 0xff}, {0xbc, 0xbd, 0x22, 0xff},
		{0x17, 0xbe, 0xcf, 0xff},
	}
	if i < 0 {
		i = 0
	}
	return tab10[i%len(tab10)]
}
