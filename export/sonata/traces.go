package sonata

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/export/hdf5"
)

// Trace is a recorded state variable: Data holds len(Times) samples (rows)
// of len(NodeIDs) neurons (columns), row-major.
type Trace struct {
	Population string
	Variable   string    // e.g. "V"
	Units      string    // of Data, e.g. "mV"
	Times      []float64 // ms
	NodeIDs    []int32
	Data       []float64
}

// WriteTraces writes each trace to /report/<population>/<variable>, laid
// out as a SONATA frame report (data, with mapping/node_ids,
// mapping/index_pointers, mapping/element_ids and, for evenly spaced
// samples, mapping/time = [start, stop, dt]) plus time (the sample times,
// ms) and node_ids beside data.
func WriteTraces(f hdf5.File, traces ...Trace) error {
	for _, tr := range traces {
		if err := writeTrace(f, tr); err != nil {
			return err
		}
	}
	return nil
}

func writeTrace(f hdf5.File, tr Trace) error {
	if err := checkPopulation(tr.Population); err != nil {
		return err
	}
	if err := checkPopulation(tr.Variable); err != nil {
		return fmt.Errorf("sonata: trace variable: %w", err)
	}
	g := "/report/" + tr.Population + "/" + tr.Variable
	rows, cols := len(tr.Times), len(tr.NodeIDs)
	if cols != 0 && len(tr.Data)%cols != 0 || len(tr.Data) != rows*cols {
		return fmt.Errorf("sonata: trace %s: %d values for %d samples × %d neurons", g, len(tr.Data), rows, cols)
	}
	ids := make([]uint64, cols)
	ptr := make([]uint64, cols+1)
	for i, id := range tr.NodeIDs {
		if id < 0 {
			return fmt.Errorf("sonata: trace %s: node id %d is negative", g, id)
		}
		ids[i], ptr[i+1] = uint64(id), uint64(i+1)
	}
	units := []hdf5.Attr{{Name: "units", Value: tr.Units}}
	ms := []hdf5.Attr{{Name: "units", Value: "ms"}}
	if tr.Units == "" {
		units = nil
	}
	steps := []func() error{
		func() error { return f.WriteMatrix(g+"/data", rows, cols, tr.Data, units...) },
		func() error { return f.WriteFloat64s(g+"/time", tr.Times, ms...) },
		func() error { return f.WriteUint64s(g+"/node_ids", ids) },
		func() error { return f.WriteUint64s(g+"/mapping/node_ids", ids) },
		func() error { return f.WriteUint64s(g+"/mapping/index_pointers", ptr) },
		func() error { return f.WriteUint32s(g+"/mapping/element_ids", make([]uint32, cols)) },
	}
	if start, stop, dt, ok := evenly(tr.Times); ok {
		steps = append(steps, func() error {
			return f.WriteFloat64s(g+"/mapping/time", []float64{start, stop, dt}, ms...)
		})
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// evenly reports whether times are evenly spaced (to 1e-9 of the step),
// and the SONATA [start, stop) interval and step.
func evenly(times []float64) (start, stop, dt float64, ok bool) {
	if len(times) < 2 {
		return 0, 0, 0, false
	}
	dt = (times[len(times)-1] - times[0]) / float64(len(times)-1)
	if !(dt > 0) {
		return 0, 0, 0, false
	}
	for i, t := range times {
		if math.Abs(t-(times[0]+float64(i)*dt)) > 1e-9*dt {
			return 0, 0, 0, false
		}
	}
	return times[0], times[0] + float64(len(times))*dt, dt, true
}
