package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/rundir"
	"github.com/brainsim/brainsim/sim"
)

// timeUnitS is the unit of every time in the output files, in seconds:
// the npz files hold it as "time_unit_s", so a script converts with no
// hard-coded number.
const timeUnitS = 1e-3

// writeRecords writes the records of res into dir as the outputs section
// asks (npz, csv or none, for spikes and for traces) and returns the names
// of the files written. It works on the in-memory results after the run;
// streaming sinks (Options.Sink) can replace it without changing its
// callers.
//
// spikes.npz holds, for each spike monitor "P.spike", "P.spike.t" (float64,
// ms) and "P.spike.i" (int32), sorted by time, and the 0-d metadata arrays
// of metaArrays. traces.npz holds, for each trace "X.v", the matrix "X.v"
// (samples × recorded indices), "X.v.t" (ms) and "X.v.index" (int64), and
// the same metadata. With csv, each monitor gets "KEY.csv".
func writeRecords(dir string, res *sim.Results, m *rundir.Manifest, outs model.Outputs) ([]string, error) {
	var files []string
	if keys := res.SpikeKeys(); len(keys) > 0 {
		switch outs.Spikes {
		case "npz":
			err := writeNPZ(filepath.Join(dir, rundir.SpikesFile), m, func(w *export.NPZWriter) error {
				for _, key := range keys {
					s := res.Spikes[key]
					if err := w.Add(key+".t", s.T); err != nil {
						return err
					}
					if err := w.Add(key+".i", s.I); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return files, err
			}
			files = append(files, rundir.SpikesFile)
		case "csv":
			for _, key := range keys {
				s := res.Spikes[key]
				name := key + ".csv"
				if err := rundir.WriteFile(filepath.Join(dir, name), func(w io.Writer) error { return export.WriteSpikesCSV(w, s.T, s.I) }); err != nil {
					return files, err
				}
				files = append(files, name)
			}
		}
	}
	if keys := res.TraceKeys(); len(keys) > 0 {
		switch outs.Traces {
		case "npz":
			err := writeNPZ(filepath.Join(dir, rundir.TracesFile), m, func(w *export.NPZWriter) error {
				for _, key := range keys {
					tr := res.Traces[key]
					if err := w.AddMatrix(key, tr.Data, len(tr.T), len(tr.Index)); err != nil {
						return err
					}
					if err := w.Add(key+".t", tr.T); err != nil {
						return err
					}
					if err := w.Add(key+".index", tr.Index); err != nil { // []int: int64
						return err
					}
				}
				return nil
			})
			if err != nil {
				return files, err
			}
			files = append(files, rundir.TracesFile)
		case "csv":
			for _, key := range keys {
				tr := res.Traces[key]
				series := make([][]float64, len(tr.Index))
				for c := range series {
					series[c] = tr.Column(c)
				}
				name := key + ".csv"
				if err := rundir.WriteFile(filepath.Join(dir, name), func(w io.Writer) error {
					return export.WriteTraceCSV(w, lastElem(key), tr.T, tr.Index, series)
				}); err != nil {
					return files, err
				}
				files = append(files, name)
			}
		}
	}
	return files, nil
}

// writeNPZ writes an archive atomically: the arrays add adds, then the
// metadata.
func writeNPZ(path string, m *rundir.Manifest, add func(*export.NPZWriter) error) error {
	return rundir.WriteFile(path, func(out io.Writer) error {
		w := export.NewNPZWriter(out)
		if err := add(w); err != nil {
			return err
		}
		if err := metaArrays(w, m); err != nil {
			return err
		}
		return w.Close()
	})
}

// metaArrays adds the run's metadata as 0-d arrays: "dt" and "duration"
// (ms: the time simulated), "steps", "seed", "time_unit_s" (0.001: the
// times are in ms) and "P.size" for every population P.
func metaArrays(w *export.NPZWriter, m *rundir.Manifest) error {
	for _, kv := range []struct {
		name string
		v    any
	}{{"dt", m.Dt}, {"duration", m.Duration}, {"steps", m.Steps}, {"seed", m.Seed}, {"time_unit_s", timeUnitS}} {
		if err := w.AddScalar(kv.name, kv.v); err != nil {
			return err
		}
	}
	for _, p := range m.Populations {
		if err := w.AddScalar(p.Name+".size", int64(p.Size)); err != nil {
			return fmt.Errorf("population %s: %w", p.Name, err)
		}
	}
	return nil
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
