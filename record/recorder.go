package record

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/brainsim/brainsim/sim"
)

// Recorder is a sim.Sink that writes the records of a run to disk as the
// run goes on, in bounded memory, and turns them into the files of its
// formats at Close. Create starts a recording, Reopen continues one after
// a crash or a restart. A Recorder is used by one goroutine at a time (the
// runner's writer goroutine during a Run).
type Recorder struct {
	dir, spool string
	m          manifest
	opened     bool
	resumed    bool
	t, v       []*spool // per monitor: times; neuron indices or values
	scratch    []byte
	done       bool
	nwbLimit   int64
}

var _ sim.Sink = (*Recorder)(nil)

// Create starts a recording in dir (created if needed) for the given
// formats. It replaces a recording in progress there (its spool) and
// removes temporary files an interrupted run left; files of an earlier
// recording under their final names stay until Close replaces them.
func Create(dir string, formats Format, meta Meta) (*Recorder, error) {
	if err := checkFormats(formats); err != nil {
		return nil, err
	}
	if meta.Dt < 0 || math.IsNaN(meta.Dt) || math.IsInf(meta.Dt, 0) {
		return nil, fmt.Errorf("record: Meta.Dt = %v: must be a finite number >= 0 (0: from the monitors)", meta.Dt)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	if err := cleanTemps(dir); err != nil {
		return nil, err
	}
	sp := filepath.Join(dir, spoolDir)
	if err := os.RemoveAll(sp); err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	if err := os.Mkdir(sp, 0o755); err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	r := &Recorder{dir: dir, spool: sp, scratch: make([]byte, 64<<10)}
	r.m = manifest{Version: layoutVersion, Formats: formats, Meta: meta.withDefaults(time.Now())}
	return r, nil
}

// Reopen continues the recording in progress in dir: the formats,
// metadata, monitors and records up to its last Sync (later ones, written
// before a crash, are dropped). Pass it as the Sink of sim.Restore (see
// Restore, which also drops the records after the checkpoint), or Close it
// at once to write the files of what was recorded.
func Reopen(dir string) (*Recorder, error) {
	m, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	sp := filepath.Join(dir, spoolDir)
	if err := errors.Join(cleanTemps(dir), cleanTemps(sp)); err != nil {
		return nil, err
	}
	r := &Recorder{dir: dir, spool: sp, m: *m, resumed: true, scratch: make([]byte, 64<<10)}
	if err := r.openSpools(m.Counts); err != nil {
		return nil, err
	}
	return r, nil
}

// openSpools opens the spool files of every monitor, keeping counts[m]
// records of monitor m.
func (r *Recorder) openSpools(counts []int64) error {
	for i, mon := range r.m.Monitors {
		t, err := openSpool(filepath.Join(r.spool, fmt.Sprintf("m%d.t", i)), 8, counts[i])
		if err != nil {
			r.closeSpools()
			return err
		}
		r.t = append(r.t, t)
		name, size, keep := fmt.Sprintf("m%d.i", i), int64(4), counts[i]
		if !mon.Spikes {
			name, size, keep = fmt.Sprintf("m%d.v", i), 8, counts[i]*int64(len(mon.Index))
		}
		v, err := openSpool(filepath.Join(r.spool, name), size, keep)
		if err != nil {
			r.closeSpools()
			return err
		}
		r.v = append(r.v, v)
	}
	return nil
}

func (r *Recorder) closeSpools() error {
	var errs []error
	for _, s := range append(r.t, r.v...) {
		errs = append(errs, s.close())
	}
	r.t, r.v = nil, nil
	return errors.Join(errs...)
}

// Open implements sim.Sink. For a reopened recording the monitors must be
// those it was started with.
func (r *Recorder) Open(mons []sim.MonitorInfo) error {
	switch {
	case r.done:
		return errors.New("record: Open: the recorder is closed")
	case r.resumed:
		if !sameMonitors(mons, r.m.Monitors) {
			return fmt.Errorf("record: Open: the run's %d monitors differ from the %d of the recording in %s (keys, sizes, indices, every or dt)", len(mons), len(r.m.Monitors), r.dir)
		}
		r.opened = true
		return nil
	case r.opened:
		return errors.New("record: Open: called twice (one recorder records one runner)")
	}
	if err := checkMonitors(mons, r.m.Formats); err != nil {
		return err
	}
	for _, m := range mons {
		if r.m.Meta.Dt == 0 {
			r.m.Meta.Dt = m.Dt
		}
		if m.Dt != r.m.Meta.Dt {
			return fmt.Errorf("record: monitor %q: dt %v ms, Meta.Dt %v ms: must be equal", m.Key, m.Dt, r.m.Meta.Dt)
		}
	}
	if _, err := sizes(r.m.Meta, mons); err != nil {
		return err
	}
	r.m.Monitors = append([]sim.MonitorInfo(nil), mons...)
	if err := r.openSpools(make([]int64, len(mons))); err != nil {
		return err
	}
	r.opened = true
	return r.Sync()
}

func (r *Recorder) check(m int, spikes bool) error {
	if !r.opened || r.done {
		return errors.New("record: write before Open or after Close")
	}
	if m < 0 || m >= len(r.m.Monitors) || r.m.Monitors[m].Spikes != spikes {
		return fmt.Errorf("record: monitor %d is not a %s monitor of this recording", m, map[bool]string{true: "spike", false: "trace"}[spikes])
	}
	return nil
}

// WriteSpikes implements sim.Sink.
func (r *Recorder) WriteSpikes(m int, t []float64, i []int32) error {
	if err := r.check(m, true); err != nil {
		return err
	}
	if len(t) != len(i) {
		return fmt.Errorf("record: monitor %q: %d times but %d indices", r.m.Monitors[m].Key, len(t), len(i))
	}
	if err := r.t[m].float64s(t, r.scratch); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return r.v[m].int32s(i, r.scratch)
}

// WriteTrace implements sim.Sink.
func (r *Recorder) WriteTrace(m int, t, data []float64) error {
	if err := r.check(m, false); err != nil {
		return err
	}
	if n := len(r.m.Monitors[m].Index); len(data) != len(t)*n {
		return fmt.Errorf("record: monitor %q: %d values for %d samples of %d indices", r.m.Monitors[m].Key, len(data), len(t), n)
	}
	if err := r.t[m].float64s(t, r.scratch); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return r.v[m].float64s(data, r.scratch)
}

// Sync implements sim.Sink: it makes every record written so far durable
// and records their counts in the manifest, the point Reopen continues
// from.
func (r *Recorder) Sync() error {
	if !r.opened || r.done {
		return errors.New("record: Sync before Open or after Close")
	}
	r.m.Counts = make([]int64, len(r.t))
	for i := range r.t {
		if err := errors.Join(r.t[i].sync(), r.v[i].sync()); err != nil {
			return fmt.Errorf("record: Sync: %w", err)
		}
		r.m.Counts[i] = r.t[i].n
	}
	return writeManifest(r.spool, &r.m)
}
