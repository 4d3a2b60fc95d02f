package main

import (
	"fmt"
	"path/filepath"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/rundir"
)

// spikeSet is one spike monitor's events.
type spikeSet struct {
	key, pop string
	n, rec   int // population size, neurons recorded
	t        []float64
	i        []int32
}

// traceSet is one trace monitor's samples (rows × cols, row-major).
type traceSet struct {
	key   string
	t     []float64
	index []int64
	data  []float64
}

// runData is what the plots and statistics need of a run, read from its
// files (loadRun, plotData).
type runData struct {
	title        string
	dt, duration float64 // ms
	spikes       []spikeSet
	traces       []traceSet
}

// maxPlotRecords bounds the records brainsim run reads back from its
// files to draw its plots (spike events plus trace values, about 12 bytes
// each): a longer run skips them, and brainsim plot draws them on demand.
const maxPlotRecords = 2_000_000

// plotData reads the records of a finished run back from its files for
// the plots, or returns a note saying why it does not.
func plotData(dir string, m *rundir.Manifest) (*runData, string, error) {
	var n int64
	for _, mon := range m.Monitors {
		n += int64(mon.Spikes) + int64(mon.Samples)*int64(mon.Recorded)
	}
	if n > maxPlotRecords {
		return nil, fmt.Sprintf("no plots: the run recorded %d spike events and trace values, more than the %d brainsim run reads back to draw them; brainsim plot %s draws them", n, maxPlotRecords, dir), nil
	}
	d, err := loadFiles(dir, m)
	return d, "", err
}

// loadRun reads a finished run's run.json and its npz files, checking that
// every array the manifest promises is there with the right type and
// consistent lengths, and that spike indices lie in their population.
func loadRun(dir string) (*runData, *rundir.Manifest, error) {
	m, err := rundir.ReadManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	d, err := loadFiles(dir, m)
	if err != nil {
		return nil, nil, err
	}
	return d, m, nil
}

// loadFiles reads the npz files of the run m describes; see loadRun.
func loadFiles(dir string, m *rundir.Manifest) (*runData, error) {
	var err error
	d := &runData{title: m.Model, dt: m.Dt, duration: m.Duration}
	sizes := map[string]int{}
	for _, p := range m.Populations {
		sizes[p.Name] = p.Size
	}
	var spikes, traces map[string]export.Array
	for _, mon := range m.Monitors {
		switch mon.Kind {
		case "spike":
			if spikes == nil {
				if spikes, err = export.ReadNPZ(filepath.Join(dir, rundir.SpikesFile)); err != nil {
					return nil, err
				}
			}
			t, ok1 := spikes[mon.Key+".t"].Data.([]float64)
			i, ok2 := spikes[mon.Key+".i"].Data.([]int32)
			if !ok1 || !ok2 || len(t) != len(i) {
				return nil, fmt.Errorf("%s: %s.t and %s.i: want float64 and int32 arrays of equal length", rundir.SpikesFile, mon.Key, mon.Key)
			}
			n := sizes[mon.Node]
			for _, x := range i {
				if x < 0 || int(x) >= n {
					return nil, fmt.Errorf("%s: %s.i holds %d: must be in [0, %d) (population %s)", rundir.SpikesFile, mon.Key, x, n, mon.Node)
				}
			}
			d.spikes = append(d.spikes, spikeSet{key: mon.Key, pop: mon.Node, n: n, rec: mon.Recorded, t: t, i: i})
		case "trace":
			if traces == nil {
				if traces, err = export.ReadNPZ(filepath.Join(dir, rundir.TracesFile)); err != nil {
					return nil, err
				}
			}
			a := traces[mon.Key]
			data, ok1 := a.Data.([]float64)
			t, ok2 := traces[mon.Key+".t"].Data.([]float64)
			idx, ok3 := traces[mon.Key+".index"].Data.([]int64)
			if !ok1 || !ok2 || !ok3 || len(a.Shape) != 2 || a.Shape[0] != len(t) || a.Shape[1] != len(idx) {
				return nil, fmt.Errorf("%s: %s: want a float64 matrix of len(%s.t) × len(%s.index) with those arrays", rundir.TracesFile, mon.Key, mon.Key, mon.Key)
			}
			d.traces = append(d.traces, traceSet{key: mon.Key, t: t, index: idx, data: data})
		}
	}
	return d, nil
}
