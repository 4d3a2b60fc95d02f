package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/record"
	"github.com/brainsim/brainsim/rundir"
	"github.com/brainsim/brainsim/sim"
)

// job is one run of a model file into a directory: what brainsim run does
// once, brainsim sweep once per point and brainsim resume to finish one.
type job struct {
	source   string // for the manifest
	file     *model.File
	sets     []string
	point    *rundir.Point
	out      string
	threads  int    // > 0: overrides run.threads
	format   string // "" means outputs.format
	progress bool
	stderr   io.Writer      // notes; nil for none
	ranks    dist.Transport // nil: one rank; else rank 0 writes the files
	exchange sim.Exchange   // how the ranks exchange spikes
	layout   dist.Layout    // which neurons each rank holds
	// inProcess > 1 runs the job over that many ranks as goroutines
	inProcess int
	resume    *rundir.Manifest // the run.json of the run to continue, or nil
}

// outcome is a finished (or interrupted) job.
type outcome struct {
	manifest  *rundir.Manifest // nil on ranks other than 0
	synapses  int64            // of the whole network, over all ranks
	data      *runData         // the records read back from the files, or nil
	net       *sim.Network
	stopped   error // why the run ended early (Ctrl-C, SIGTERM), or nil
	resumable bool  // a checkpoint and the recording let brainsim resume continue
	// noCheckpoint says why a stopped run could not be checkpointed (a
	// node that is not sim.Stateful, say), or nil.
	noCheckpoint error
}

// execute builds, runs and writes one job, streaming the records to disk
// and writing a checkpoint every run.checkpoint_every ms. An error before
// the run starts (the build, the runner) is returned as the error; a run
// that stopped early (ctx cancelled) writes a checkpoint and the files of
// what it simulated, and reports why in outcome.stopped.
func execute(ctx context.Context, j job) (*outcome, error) {
	outs := j.file.Outputs()
	format := outs.Format
	if j.format != "" {
		format = j.format
	}
	info, err := infoOf(j.file)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	net, opt, err := j.file.Build()
	if err != nil {
		return nil, err
	}
	if j.threads > 0 {
		opt.Threads = j.threads
	}
	opt.Transport, opt.Exchange, opt.Layout = j.ranks, j.exchange, j.layout
	if opt.Threads, err = checkThreads(opt.Threads, j.stderr); err != nil {
		return nil, err
	}
	duration := j.file.Duration()
	steps, err := sim.StepsFor(duration, opt.Dt)
	if err != nil {
		return nil, fmt.Errorf("run.duration %v with run.dt %v: %w", duration, opt.Dt, err)
	}
	every := j.file.CheckpointEvery()
	var everySteps int64
	if every > 0 {
		if everySteps, err = sim.StepsFor(every, opt.Dt); err != nil {
			return nil, fmt.Errorf("run.checkpoint_every %v ms with run.dt %v ms: %w", every, opt.Dt, err)
		}
	}
	nranks := 1
	if j.ranks != nil {
		nranks = j.ranks.Size()
	}
	writer := j.ranks == nil || j.ranks.Rank() == 0
	var rec *recording
	if j.resume != nil {
		rec, err = reopenRecording(j.out, outs, manifestCounts(j.resume), writer)
	} else {
		rec, err = newRecording(j.out, outs, net, j.file, opt.Dt, writer)
	}
	if err != nil {
		return nil, err
	}
	opt.Sink = rec.sink()
	var base int64 // steps done before the current piece
	if j.progress && j.stderr != nil {
		bar := progressbar.NewOptions64(steps, progressbar.OptionSetWriter(j.stderr),
			progressbar.OptionSetDescription("simulating"), progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("steps"), progressbar.OptionClearOnFinish())
		opt.Progress = func(done, _ int64) { _ = bar.Set64(base + done) }
	}
	r, err := newRunner(j, net, opt)
	if err != nil {
		if j.resume == nil {
			rec.abort()
		}
		return nil, err
	}
	build := time.Since(t0)
	var simulate, ckpt time.Duration
	m := newManifest(j, info, net, opt, r.Threads())
	addMonitors(m, rec.monitors())
	m.Ranks = nranks
	if nranks == 1 {
		m.Ranks = 0
	}
	m.Asked = duration
	o := &outcome{net: net}
	if o.synapses, err = totalSynapses(j.ranks, net); err != nil {
		return nil, err
	}
	if writer && everySteps > 0 && j.resume == nil { // a run.json from the start: resume can tell
		m.Stopped = fmt.Sprintf("in progress (or killed) before its first checkpoint (step %d)", everySteps)
		m.Files = []string{rundir.ManifestFile}
		if err := rundir.WriteManifest(j.out, m); err != nil {
			return nil, err
		}
	}
	for r.Step() < steps && o.stopped == nil {
		n := steps - r.Step()
		if everySteps > 0 {
			n = min(n, (r.Step()/everySteps+1)*everySteps-r.Step())
		}
		base = r.Step()
		t1 := time.Now()
		res, err := r.RunContext(ctx, float64(n)*opt.Dt)
		simulate += time.Since(t1)
		if res == nil {
			return nil, err // the runner failed: its state is unusable
		}
		o.stopped = err
		if everySteps > 0 && o.stopped == nil && r.Step() < steps {
			t3 := time.Now()
			m.Wall.Build, m.Wall.Simulate = build.Seconds(), simulate.Seconds()
			if !writer { // over ranks the checkpoint is collective; rank 0 writes it
				if err := r.Checkpoint(nil); err != nil {
					return nil, err
				}
			} else if err := checkpoint(j.out, r, m, rec, every, steps); err != nil {
				return nil, err
			}
			ckpt += time.Since(t3)
		}
	}
	if !writer {
		if o.stopped != nil {
			_ = r.Checkpoint(nil) // rank 0's finish reports an error
		}
		return o, nil
	}
	t2 := time.Now()
	files, err := finish(j.out, r, m, rec, o, every)
	if err != nil {
		return nil, err
	}
	m.Stopped = ""
	if o.stopped != nil {
		m.Stopped = o.stopped.Error()
	}
	if rec.npz(outs) && len(outs.Plots) > 0 {
		d, note, err := plotData(j.out, m)
		if err != nil {
			return nil, err
		}
		if note != "" && j.stderr != nil {
			fmt.Fprintln(j.stderr, note)
		}
		if d != nil {
			plots, err := drawPlots(j.out, d, outs.Plots, format)
			if err != nil {
				return nil, err
			}
			files = append(files, plots...)
			o.data = d
		}
	} else if len(outs.Plots) > 0 && j.stderr != nil {
		fmt.Fprintf(j.stderr, "no plots: they are drawn from spikes.npz and traces.npz, and outputs.records %v lacks npz\n", outs.Records)
	}
	m.Files = append(files, rundir.ManifestFile)
	m.Wall = rundir.Wall{Build: build.Seconds(), Simulate: simulate.Seconds(), Write: time.Since(t2).Seconds(), Checkpoint: ckpt.Seconds()}
	if err := rundir.WriteManifest(j.out, m); err != nil {
		return nil, err
	}
	o.manifest = m
	return o, nil
}

// newRunner builds the runner of a new run, or restores the checkpoint of
// the run resumed (record.Restore also cuts the recording back to it).
func newRunner(j job, net *sim.Network, opt sim.Options) (*sim.Runner, error) {
	if j.resume == nil {
		return sim.NewRunner(net, opt)
	}
	path := filepath.Join(j.out, j.resume.Checkpoint.File)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := record.Restore(net, opt, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// checkpoint writes checkpoint.bin (atomically, replacing the previous
// one) and a run.json saying the run is in progress at that step.
func checkpoint(dir string, r *sim.Runner, m *rundir.Manifest, rec *recording, every float64, steps int64) error {
	if err := rundir.WriteFile(filepath.Join(dir, rundir.CheckpointFile), r.Checkpoint); err != nil {
		return err
	}
	setProgress(m, r, rec.counts(), every)
	m.Stopped = fmt.Sprintf("in progress (or killed) at step %d of %d: brainsim resume %s continues from the checkpoint", r.Step(), steps, dir)
	m.Files = []string{rundir.CheckpointFile, rundir.ManifestFile}
	return rundir.WriteManifest(dir, m)
}

// finish ends the recording: after an interruption on one rank it writes
// a checkpoint first and keeps the recording resumable.
func finish(dir string, r *sim.Runner, m *rundir.Manifest, rec *recording, o *outcome, every float64) ([]string, error) {
	counts := rec.counts()
	rec.setTotals(r.Step(), r.Dt())
	ckpt := filepath.Join(dir, rundir.CheckpointFile)
	if o.stopped != nil {
		o.noCheckpoint = rundir.WriteFile(ckpt, r.Checkpoint)
	}
	var files []string
	var err error
	if o.stopped != nil && o.noCheckpoint == nil {
		files, err = rec.closeResumable()
		o.resumable = err == nil
	} else {
		files, err = rec.close()
	}
	if err != nil {
		return nil, err
	}
	setProgress(m, r, counts, every)
	if !o.resumable { // complete, or not resumable: no checkpoint to keep
		if err := os.Remove(ckpt); err != nil && !os.IsNotExist(err) {
			return nil, err
		}
		m.Checkpoint = nil
		return files, nil
	}
	return append(files, rundir.CheckpointFile), nil
}

// setProgress records in m the steps done, the checkpoint at that step
// and the monitors' counts.
func setProgress(m *rundir.Manifest, r *sim.Runner, counts map[string]int64, every float64) {
	m.Steps = r.Step()
	m.Duration = float64(m.Steps) * m.Dt
	m.Checkpoint = &rundir.Checkpoint{File: rundir.CheckpointFile, Step: m.Steps, Time: m.Duration, Every: every}
	secs := m.Duration * timeUnitS
	for i := range m.Monitors {
		mon := &m.Monitors[i]
		n := int(counts[mon.Key])
		if mon.Kind == "spike" {
			mon.Spikes, mon.MeanRateHz = n, 0
			if mon.Recorded > 0 && secs > 0 {
				mon.MeanRateHz = finite(float64(n) / float64(mon.Recorded) / secs)
			}
		} else {
			mon.Samples = n
		}
	}
}

// manifestCounts returns the records per monitor a run.json states.
func manifestCounts(m *rundir.Manifest) map[string]int64 {
	out := map[string]int64{}
	for _, mon := range m.Monitors {
		out[mon.Key] = int64(mon.Spikes + mon.Samples)
	}
	return out
}
