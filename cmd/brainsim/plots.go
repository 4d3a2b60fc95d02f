package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"

	"gonum.org/v1/plot"

	"github.com/brainsim/brainsim/measure"
	"github.com/brainsim/brainsim/rundir"
	"github.com/brainsim/brainsim/viz"
)

// allPlots are the figures brainsim plot draws; a model's outputs.plots
// picks among the first three.
var allPlots = []string{"raster", "rate", "trace", "isi", "rates"}

// maxTraceLines bounds the lines of traces.png: more recorded indices are
// left out of the figure (not of the files).
const maxTraceLines = 10

// drawPlots draws the figures named in which into dir and returns the file
// names written. A figure with nothing to show (no traces, no ISIs) is
// skipped.
func drawPlots(dir string, d *runData, which []string, format string) ([]string, error) {
	var files []string
	for _, name := range which {
		var ps []namedPlot
		var err error
		switch name {
		case "raster":
			ps, err = rasterPlot(d)
		case "rate":
			ps, err = ratePlot(d)
		case "trace":
			ps, err = tracePlots(d)
		case "isi":
			ps, err = isiPlot(d)
		case "rates":
			ps, err = ratesPlot(d)
		default:
			err = fmt.Errorf("plot %q: must be one of %v", name, allPlots)
		}
		if err != nil {
			return files, fmt.Errorf("%s plot: %w", name, err)
		}
		for _, p := range ps {
			file := p.name + "." + format
			err := rundir.WriteFile(filepath.Join(dir, file), func(w io.Writer) error { return viz.Write(p.p, w, format, 0, 0) })
			if err != nil {
				return files, err
			}
			files = append(files, file)
		}
	}
	return files, nil
}

type namedPlot struct {
	name string
	p    *plot.Plot
}

// rasterPlot stacks the spike monitors: the first at indices 0…n₁−1, the
// next from n₁ on, and so on, as one raster.
func rasterPlot(d *runData) ([]namedPlot, error) {
	if len(d.spikes) == 0 {
		return nil, nil
	}
	var t []float64
	var idx []int32
	title, off := d.title+":", 0
	for k, s := range d.spikes {
		t = append(t, s.t...)
		for _, i := range s.i {
			idx = append(idx, i+int32(off))
		}
		if k > 0 {
			title += ","
		}
		title += fmt.Sprintf(" %s %d–%d", s.pop, off, off+s.n-1)
		off += s.n
	}
	p, err := viz.Raster(t, idx, viz.RasterOptions{Title: title, XLim: viz.Range{Lo: 0, Hi: d.duration}, YLim: viz.Range{Lo: -0.5, Hi: float64(off) - 0.5}})
	return []namedPlot{{"raster", p}}, err
}

// rateBins returns the bin width of the population rate: the duration in
// at most 200 bins, a whole number of steps.
func rateBins(d *runData) (width float64, n int) {
	steps := max(1, int(math.Round(d.duration/d.dt)))
	per := max(1, (steps+199)/200)
	return float64(per) * d.dt, (steps + per - 1) / per
}

// ratePlot draws each spike monitor's population rate (Hz) over time:
// spikes per bin / recorded neurons / bin width.
func ratePlot(d *runData) ([]namedPlot, error) {
	if len(d.spikes) == 0 || d.duration <= 0 {
		return nil, nil
	}
	width, n := rateBins(d)
	t := make([]float64, n)
	for b := range t {
		t[b] = (float64(b) + 0.5) * width
	}
	var series [][]float64
	var labels []string
	for _, s := range d.spikes {
		r := make([]float64, n)
		for _, x := range s.t {
			b := min(n-1, max(0, int(x/width+1e-9)))
			r[b]++
		}
		for b := range r {
			r[b] /= float64(max(1, s.rec)) * width * timeUnitS
		}
		series = append(series, r)
		labels = append(labels, s.pop)
	}
	p, err := viz.Lines(t, series, labels, viz.LineOptions{Title: fmt.Sprintf("%s: population rate (%.3g ms bins)", d.title, width), YLabel: "Rate (Hz)"})
	return []namedPlot{{"rate", p}}, err
}

// tracePlots draws traces.png for the first trace and traces-KEY.png for
// every other one, with at most maxTraceLines recorded indices each.
func tracePlots(d *runData) ([]namedPlot, error) {
	var out []namedPlot
	for k, tr := range d.traces {
		cols := len(tr.index)
		if cols == 0 || len(tr.t) == 0 {
			continue
		}
		var series [][]float64
		var labels []string
		for c := 0; c < cols && c < maxTraceLines; c++ {
			col := make([]float64, len(tr.t))
			for r := range col {
				col[r] = tr.data[r*cols+c]
			}
			series = append(series, col)
			labels = append(labels, fmt.Sprintf("%s[%d]", lastElem(tr.key), tr.index[c]))
		}
		title := d.title + ": " + tr.key
		if cols > maxTraceLines {
			title += fmt.Sprintf(" (first %d of %d)", maxTraceLines, cols)
		}
		p, err := viz.Lines(tr.t, series, labels, viz.LineOptions{Title: title, YLabel: tr.key})
		if err != nil {
			return nil, err
		}
		name := "traces"
		if k > 0 {
			name = "traces-" + tr.key
		}
		out = append(out, namedPlot{name, p})
	}
	return out, nil
}

// isiPlot draws the distribution of inter-spike intervals of each spike
// monitor (the fraction of its intervals per bin).
func isiPlot(d *runData) ([]namedPlot, error) {
	vals := make([][]float64, len(d.spikes))
	for k, s := range d.spikes {
		isi, err := measure.ISI(s.t, s.i, s.n)
		if err != nil {
			return nil, err
		}
		for _, x := range isi {
			vals[k] = append(vals[k], x...)
		}
	}
	p, err := histPlot(d, vals, d.title+": inter-spike intervals", "ISI (ms)")
	if p == nil || err != nil {
		return nil, err
	}
	return []namedPlot{{"isi", p}}, nil
}

// ratesPlot draws the distribution of the recorded neurons' mean rates.
func ratesPlot(d *runData) ([]namedPlot, error) {
	if d.duration <= 0 {
		return nil, nil
	}
	vals := make([][]float64, len(d.spikes))
	for k, s := range d.spikes {
		r, err := measure.MeanRates(s.i, s.n, d.duration)
		if err != nil {
			return nil, err
		}
		vals[k] = r
	}
	p, err := histPlot(d, vals, d.title+": per-neuron mean rates", "Rate (Hz)")
	if p == nil || err != nil {
		return nil, err
	}
	return []namedPlot{{"rates", p}}, nil
}

// histBins is the number of bins of a histogram figure.
const histBins = 40

// histPlot draws one histogram line per spike monitor over shared bins from
// 0 to the largest value; nil when there are no values.
func histPlot(d *runData, vals [][]float64, title, xlabel string) (*plot.Plot, error) {
	hi := 0.0
	total := 0
	for _, v := range vals {
		if len(v) > 0 {
			hi = max(hi, slices.Max(v))
		}
		total += len(v)
	}
	if total == 0 {
		return nil, nil
	}
	if hi <= 0 {
		hi = 1
	}
	width := hi / histBins
	x := make([]float64, histBins)
	for b := range x {
		x[b] = (float64(b) + 0.5) * width
	}
	series := make([][]float64, len(vals))
	labels := make([]string, len(vals))
	for k, v := range vals {
		h := make([]float64, histBins)
		for _, y := range v {
			h[min(histBins-1, max(0, int(y/width)))]++
		}
		for b := range h {
			if len(v) > 0 {
				h[b] /= float64(len(v))
			}
		}
		series[k], labels[k] = h, d.spikes[k].pop
	}
	return viz.Lines(x, series, labels, viz.LineOptions{Title: title, XLabel: xlabel, YLabel: "Fraction"})
}

// lastElem returns what follows the last dot of key ("V" for "E.V").
func lastElem(key string) string {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '.' {
			return key[i+1:]
		}
	}
	return key
}
