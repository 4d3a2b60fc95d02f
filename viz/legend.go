package viz

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendGap is the space between the data area, the legend and the right
// edge of the figure.
const legendGap = 6 // points

// placeLegendOutside puts the legend of p at the top right of the figure,
// right of the axes, and adds the plotter that makes the data area leave
// room for it. The room is computed when the plot is drawn, so legend
// entries added later (p.Legend.Add) are placed outside as well; a plot
// without legend entries keeps its full width.
func placeLegendOutside(p *plot.Plot) {
	p.Legend.Top = true
	p.Legend.Left = false
	p.Legend.XOffs = -vg.Points(legendGap)
	p.Legend.Padding = vg.Points(2) // between entries
	p.Add(legendRoom{})
}

// legendRoom draws nothing. Its glyph box, hanging right of the data area's
// right edge, makes gonum/plot shrink the data area (and the x axis) by the
// legend's width plus two gaps, the way it pads for a marker on the edge.
type legendRoom struct{}

// Plot implements plot.Plotter.
func (legendRoom) Plot(draw.Canvas, *plot.Plot) {}

// GlyphBoxes implements plot.GlyphBoxer.
func (legendRoom) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	w := p.Legend.Rectangle(draw.Canvas{}).Size().X
	if w <= 0 {
		return nil
	}
	w += 2 * vg.Points(legendGap)
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: w}}}}
}
