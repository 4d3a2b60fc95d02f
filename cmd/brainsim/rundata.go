package main

import (
	"fmt"
	"path/filepath"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/rundir"
	"github.com/brainsim/brainsim/sim"
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

// runData is what the plots and statistics need of a run, from memory
// (fromResults) or from its files (loadRun).
type runData struct {
	title        string
	dt, duration float64 // ms
	spikes       []spikeSet
	traces       []traceSet
}

func fromResults(res *sim.Results, m *rundir.Manifest) *runData {
	d := &runData{title: m.Model, dt: m.Dt, duration: m.Duration}
	for _, mon := range m.Monitors {
		switch mon.Kind {
		case "spike":
			s := res.Spikes[mon.Key]
			d.spikes = append(d.spikes, spikeSet{key: mon.Key, pop: mon.Node, n: s.N, rec: mon.Recorded, t: s.T, i: s.I})
		case "trace":
			tr := res.Traces[mon.Key]
			idx := make([]int64, len(tr.Index))
			for c, i := range tr.Index {
				idx[c] = int64(i)
			}
			d.traces = append(d.traces, traceSet{key: mon.Key, t: tr.T, index: idx, data: tr.Data})
		}
	}
	return d
}

// loadRun reads a finished run's run.json and its npz files, checking that
// every array the manifest promises is there with the right type and
// consistent lengths, and that spike indices lie in their population.
func loadRun(dir string) (*runData, *rundir.Manifest, error) {
	m, err := rundir.ReadManifest(dir)
	if err != nil {
		return nil, nil, err
	}
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
					return nil, nil, err
				}
			}
			t, ok1 := spikes[mon.Key+".t"].Data.([]float64)
			i, ok2 := spikes[mon.Key+".i"].Data.([]int32)
			if !ok1 || !ok2 || len(t) != len(i) {
				return nil, nil, fmt.Errorf("%s: %s.t and %s.i: want float64 and int32 arrays of equal length", rundir.SpikesFile, mon.Key, mon.Key)
			}
			n := sizes[mon.Node]
			for _, x := range i {
				if x < 0 || int(x) >= n {
					return nil, nil, fmt.Errorf("%s: %s.i holds %d: must be in [0, %d) (population %s)", rundir.SpikesFile, mon.Key, x, n, mon.Node)
				}
			}
			d.spikes = append(d.spikes, spikeSet{key: mon.Key, pop: mon.Node, n: n, rec: mon.Recorded, t: t, i: i})
		case "trace":
			if traces == nil {
				if traces, err = export.ReadNPZ(filepath.Join(dir, rundir.TracesFile)); err != nil {
					return nil, nil, err
				}
			}
			a := traces[mon.Key]
			data, ok1 := a.Data.([]float64)
			t, ok2 := traces[mon.Key+".t"].Data.([]float64)
			idx, ok3 := traces[mon.Key+".index"].Data.([]int64)
			if !ok1 || !ok2 || !ok3 || len(a.Shape) != 2 || a.Shape[0] != len(t) || a.Shape[1] != len(idx) {
				return nil, nil, fmt.Errorf("%s: %s: want a float64 matrix of len(%s.t) × len(%s.index) with those arrays", rundir.TracesFile, mon.Key, mon.Key, mon.Key)
			}
			d.traces = append(d.traces, traceSet{key: mon.Key, t: t, index: idx, data: data})
		}
	}
	return d, m, nil
}
