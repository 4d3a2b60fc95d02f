// Package viz draws the figures of a spiking-network run with gonum/plot:
// spike rasters, state traces and population rates, written as PNG, SVG or
// PDF. It mirrors BrainPy's bp.visualize.raster_plot and line_plot and works
// on plain slices, so it does not depend on the simulator:
//
//	p, err := viz.Raster(spikeTimes, neuronIndices, viz.RasterOptions{Title: "E"})
//	if err != nil { ... }
//	err = viz.Save(p, "raster.png", 8, 5) // inches; PNG at 96 dpi
//
// Raster, Lines and Rate return a *plot.Plot, so callers can adjust anything
// gonum/plot offers (an empty axis label, extra plotters, tick marks) before
// saving. Ranges are optional: the zero Range means "fit the data".
//
// Axes are labelled by NiceTicks at 4–8 round values (0, 50, …, 200 for a
// 200 ms run; 0, 500, …, 3000 for 3200 neurons), and an automatic axis grows
// to the nearest minor tick that encloses the data. A legend is drawn at the
// top right of the figure, outside the axes, so it never hides data; the
// data area narrows by the legend's width.
//
// Large figures are cheap: the dots of a raster are filled in batches of one
// path each and long traces are stroked in pieces, because the image
// rasteriser behind gonum/plot is quadratic in the size of a single path.
// A 100 000-spike raster renders to PNG in about 0.1 s (BenchmarkRasterPNG).
//
// Invalid input (mismatched lengths, non-finite values, negative neuron
// indices, inverted ranges, unknown formats) is reported as an error naming
// the offending field and what is allowed.
package viz
