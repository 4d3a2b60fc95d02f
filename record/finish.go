package record

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/brainsim/brainsim/sim"
)

// Truncate drops every record of a step ≥ step, so that a run restored
// from a checkpoint at that step (sim.Runner.Step) continues the
// recording without duplicates: records the crashed run synced after its
// last checkpoint are dropped. Records are found by time (t = k·dt) with
// a binary search. Truncate cannot add records the recording lacks (a
// checkpoint taken after the last Sync; sim syncs at the end of every
// Run, so a checkpoint taken between Runs is never later).
func (r *Recorder) Truncate(step int64) error {
	if r.done || r.t == nil && len(r.m.Monitors) > 0 {
		return errors.New("record: Truncate before Open or after Close")
	}
	dt := r.m.Meta.Dt
	for i, mon := range r.m.Monitors {
		t := r.t[i]
		if err := t.w.Flush(); err != nil {
			return fmt.Errorf("record: Truncate: %w", err)
		}
		// Find the first record at a step >= step.
		lo, hi := int64(0), t.n
		for lo < hi {
			mid := lo + (hi-lo)/2
			x, err := t.float64At(mid)
			if err != nil {
				return fmt.Errorf("record: Truncate: %w", err)
			}
			if int64(math.Round(x/dt)) < step {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		vals := lo
		if !mon.Spikes {
			vals = lo * int64(len(mon.Index))
		}
		if err := errors.Join(t.cut(lo), r.v[i].cut(vals)); err != nil {
			return fmt.Errorf("record: Truncate: %w", err)
		}
	}
	if !r.opened {
		r.opened = true // a reopened recording: Sync writes the manifest
		defer func() { r.opened = false }()
	}
	return r.Sync()
}

// Counts returns, per monitor key, the spike events or trace samples
// written so far.
func (r *Recorder) Counts() map[string]int64 {
	out := map[string]int64{}
	for i, m := range r.m.Monitors {
		if i < len(r.t) {
			out[m.Key] = r.t[i].n
		}
	}
	return out
}

// Monitors returns the monitors of the recording.
func (r *Recorder) Monitors() []sim.MonitorInfo {
	return append([]sim.MonitorInfo(nil), r.m.Monitors...)
}

// Files returns the names (in the recording's directory) of the files
// Close writes.
func (r *Recorder) Files() []string {
	var spikes, traces bool
	for _, m := range r.m.Monitors {
		spikes = spikes || m.Spikes
		traces = traces || !m.Spikes
	}
	var out []string
	add := func(f Format, ok bool, name string) {
		if r.m.Formats&f != 0 && ok {
			out = append(out, name)
		}
	}
	add(NPZ, spikes, "spikes.npz")
	add(NPZ, traces, "traces.npz")
	add(SONATA, spikes, "spikes.h5")
	add(SONATA, traces, "traces.h5")
	add(NWB, spikes, "units.nwb")
	return out
}

// Close writes the files of the recording's formats (Files), each under
// a temporary name renamed to its final one when complete, and removes
// the spool. After an error the spool stays: Reopen and Close again to
// retry. Closing twice is a no-op.
func (r *Recorder) Close() error { return r.finish(false) }

// CloseKeep is Close keeping the spool: the files show what was recorded
// so far, and Reopen (or Restore) continues the recording later, as after
// an interrupted run that is to be resumed.
func (r *Recorder) CloseKeep() error { return r.finish(true) }

func (r *Recorder) finish(keep bool) error {
	if r.done {
		return nil
	}
	for _, s := range append(r.t, r.v...) {
		if err := s.w.Flush(); err != nil {
			return fmt.Errorf("record: Close: %w", err)
		}
	}
	steps := []func() error{}
	if r.m.Formats&NPZ != 0 {
		steps = append(steps, r.writeNPZ)
	}
	if r.m.Formats&SONATA != 0 {
		steps = append(steps, r.writeSONATA)
	}
	if r.m.Formats&NWB != 0 {
		steps = append(steps, r.writeNWB)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			r.closeSpools()
			r.done = true
			return fmt.Errorf("%w (the recording stays in %s: Reopen and Close to retry)", err, r.spool)
		}
	}
	r.done = true
	err := r.closeSpools()
	if !keep {
		if rerr := os.RemoveAll(r.spool); err == nil {
			err = rerr
		}
	}
	if err != nil {
		return fmt.Errorf("record: Close: %w", err)
	}
	return nil
}

// Abort ends the recording without writing its files: the spool and
// temporary files are removed; files under final names (of an earlier
// recording) are left as they are.
func (r *Recorder) Abort() error {
	if r.done {
		return nil
	}
	r.done = true
	err := errors.Join(r.closeSpools(), os.RemoveAll(r.spool), cleanTemps(r.dir))
	if err != nil {
		return fmt.Errorf("record: Abort: %w", err)
	}
	return nil
}

// section returns records [0, n) of monitor m's times and values.
func (r *Recorder) section(m int) (t, v io.Reader, n int64) {
	n = r.t[m].n
	return r.t[m].reader(0, n), r.v[m].reader(0, r.v[m].n), n
}
