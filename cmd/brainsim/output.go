package main

import (
	"fmt"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/viz"
)

// writeRaster draws the raster of spike monitor key into path.
func writeRaster(path string, res *sim.Results, key, title string) error {
	s, ok := res.Spikes[key]
	if !ok {
		return fmt.Errorf("no spike monitor %q to plot", key)
	}
	p, err := viz.Raster(s.T, s.I, viz.RasterOptions{Title: title, YLim: viz.Range{Lo: -0.5, Hi: float64(s.N) - 0.5}})
	if err != nil {
		return err
	}
	return viz.Save(p, path, 0, 0)
}

// writeSpikesNPZ writes every record of res into an .npz file numpy loads:
// for a spike monitor "P.spike" the arrays "P.spike.t" (float64, ms) and
// "P.spike.i" (int32), sorted by time; for a trace "X.v" the matrix "X.v"
// (samples × recorded indices), "X.v.t" and "X.v.index".
func writeSpikesNPZ(path string, res *sim.Results) (err error) {
	w, err := export.CreateNPZ(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	for _, key := range res.SpikeKeys() {
		s := res.Spikes[key]
		if err := w.Add(key+".t", s.T); err != nil {
			return err
		}
		if err := w.Add(key+".i", s.I); err != nil {
			return err
		}
	}
	for _, key := range res.TraceKeys() {
		tr := res.Traces[key]
		if err := w.AddMatrix(key, tr.Data, len(tr.T), len(tr.Index)); err != nil {
			return err
		}
		if err := w.Add(key+".t", tr.T); err != nil {
			return err
		}
		idx := make([]int64, len(tr.Index))
		for c, i := range tr.Index {
			idx[c] = int64(i)
		}
		if err := w.Add(key+".index", idx); err != nil {
			return err
		}
	}
	return nil
}
