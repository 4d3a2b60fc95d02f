package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/record"
	"github.com/brainsim/brainsim/sim"
)

// timeUnitS is the unit of every time in the output files, in seconds.
const timeUnitS = 1e-3

// Where a record.Recorder keeps a recording in progress (its documented
// layout), and where an interrupted run keeps it while the files of what
// was simulated are written.
const (
	spoolDir = ".record"
)

// recording is the sink of a job: a record.Recorder streaming the records
// into the run directory (rank 0), or a counter of what was recorded (the
// other ranks, and a model whose outputs.records is empty).
type recording struct {
	dir string
	rec *record.Recorder
	cnt *countSink
}

// formatsOf turns outputs.records into record's formats.
func formatsOf(names []string) (record.Format, error) {
	var f record.Format
	for _, n := range names {
		switch n {
		case "npz":
			f |= record.NPZ
		case "sonata":
			f |= record.SONATA
		case "nwb":
			f |= record.NWB
		default:
			return 0, fmt.Errorf("outputs.records: %q: must be npz, sonata or nwb", n)
		}
	}
	return f, nil
}

// newRecording starts the recording of a run into dir; write false (a
// rank other than 0) only counts.
func newRecording(dir string, outs model.Outputs, net *sim.Network, f *model.File, dt float64, write bool) (*recording, error) {
	formats, err := formatsOf(outs.Records)
	if err != nil || !write || formats == 0 {
		return &recording{dir: dir, cnt: &countSink{}}, err
	}
	sizes := map[string]int{}
	for _, name := range net.PopulationNames() {
		sizes[name] = net.Population(name).Size()
	}
	rec, err := record.Create(dir, formats, record.Meta{Dt: dt, Seed: net.Seed(), Sizes: sizes, Description: "brainsim run of " + f.Name()})
	if err != nil {
		return nil, err
	}
	return &recording{dir: dir, rec: rec}, nil
}

// reopenRecording continues the recording of an interrupted run in dir;
// counts are the records of its run.json when it wrote no records.
func reopenRecording(dir string, outs model.Outputs, counts map[string]int64, write bool) (*recording, error) {
	formats, err := formatsOf(outs.Records)
	if err != nil || !write || formats == 0 {
		return &recording{dir: dir, cnt: &countSink{start: counts}}, err
	}
	if _, err := os.Stat(filepath.Join(dir, spoolDir)); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s holds no recording to continue (%s is missing)", dir, spoolDir)
	}
	rec, err := record.Reopen(dir)
	if err != nil {
		return nil, err
	}
	return &recording{dir: dir, rec: rec}, nil
}

func (r *recording) sink() sim.Sink {
	if r.rec != nil {
		return r.rec
	}
	return r.cnt
}

// counts returns the spike events or trace samples recorded per monitor
// key (call it before close).
func (r *recording) counts() map[string]int64 {
	if r.rec != nil {
		return r.rec.Counts()
	}
	return r.cnt.counts()
}

// monitors returns the monitors the sink was opened with.
func (r *recording) monitors() []sim.MonitorInfo {
	if r.rec != nil {
		return r.rec.Monitors()
	}
	return r.cnt.mons
}

// npz reports whether the recording writes spikes.npz and traces.npz.
func (r *recording) npz(outs model.Outputs) bool {
	f, _ := formatsOf(outs.Records)
	return r.rec != nil && f&record.NPZ != 0
}

// close writes the files and removes the recording in progress.
func (r *recording) close() ([]string, error) {
	if r.rec == nil {
		return nil, nil
	}
	files := r.rec.Files()
	return files, r.rec.Close()
}

// abort drops a recording that never ran.
func (r *recording) abort() {
	if r.rec != nil {
		r.rec.Abort()
	}
}

// closeResumable writes the files of what was recorded and keeps the
// recording in progress for brainsim resume (record's CloseKeep).
func (r *recording) closeResumable() ([]string, error) {
	if r.rec == nil {
		return nil, nil
	}
	files := r.rec.Files()
	return files, r.rec.CloseKeep()
}

// setTotals records, before the files are written, the duration (ms) and
// steps simulated and the unit of times (s), as 0-d arrays of the .npz
// files.
func (r *recording) setTotals(steps int64, dt float64) {
	if r.rec == nil {
		return
	}
	r.rec.SetScalar("steps", float64(steps))
	r.rec.SetScalar("duration", float64(steps)*dt)
	r.rec.SetScalar("time_unit_s", timeUnitS)
}

// countSink is a sim.Sink that only counts the records of each monitor.
type countSink struct {
	start map[string]int64 // counts of the run resumed
	mons  []sim.MonitorInfo
	keys  []string
	n     []int64
}

func (c *countSink) Open(mons []sim.MonitorInfo) error {
	c.mons, c.keys, c.n = append([]sim.MonitorInfo(nil), mons...), nil, make([]int64, len(mons))
	for i, m := range mons {
		c.keys = append(c.keys, m.Key)
		c.n[i] = c.start[m.Key]
	}
	return nil
}

func (c *countSink) WriteSpikes(m int, t []float64, _ []int32) error {
	c.n[m] += int64(len(t))
	return nil
}

func (c *countSink) WriteTrace(m int, t, _ []float64) error {
	c.n[m] += int64(len(t))
	return nil
}

func (c *countSink) Sync() error { return nil }

func (c *countSink) counts() map[string]int64 {
	out := map[string]int64{}
	for i, k := range c.keys {
		out[k] = c.n[i]
	}
	return out
}
