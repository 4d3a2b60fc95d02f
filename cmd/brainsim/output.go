package main

import (
	"fmt"

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
