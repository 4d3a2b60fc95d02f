package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/rundir"
	"github.com/brainsim/brainsim/sim"
)

// job is one run of a model file into a directory: what brainsim run does
// once and brainsim sweep once per point.
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
}

// outcome is a finished job: the manifest written and the records.
type outcome struct {
	manifest *rundir.Manifest
	res      *sim.Results
	net      *sim.Network
	stopped  error // why the run ended early (Ctrl-C, a diverging model), or nil
}

// execute builds, runs and writes one job. An error before the run starts
// (the build, the runner) is returned as the error; a run that stopped
// early still writes what it simulated and reports why in outcome.stopped.
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
	opt.Transport = j.ranks
	if opt.Threads, err = checkThreads(opt.Threads, j.stderr); err != nil {
		return nil, err
	}
	duration := j.file.Duration()
	steps, err := sim.StepsFor(duration, opt.Dt)
	if err != nil {
		return nil, fmt.Errorf("run.duration %v with run.dt %v: %w", duration, opt.Dt, err)
	}
	if j.progress && j.stderr != nil {
		bar := progressbar.NewOptions64(steps, progressbar.OptionSetWriter(j.stderr),
			progressbar.OptionSetDescription("simulating"), progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("steps"), progressbar.OptionClearOnFinish())
		opt.Progress = func(done, _ int64) { _ = bar.Set64(done) }
	}
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		return nil, err
	}
	build := time.Since(t0)
	t1 := time.Now()
	res, runErr := r.RunContext(ctx, duration)
	if res == nil {
		return nil, runErr
	}
	simulate := time.Since(t1)
	if j.ranks != nil && j.ranks.Rank() != 0 {
		return &outcome{res: res, net: net, stopped: runErr}, nil // rank 0 writes
	}
	t2 := time.Now()
	m := newManifest(j, info, net, opt, r.Threads(), res)
	if j.ranks != nil {
		m.Ranks = j.ranks.Size()
	}
	m.Asked = duration
	if runErr != nil {
		m.Stopped = runErr.Error()
	}
	files, err := writeRecords(j.out, res, m, outs)
	if err == nil {
		var plots []string
		plots, err = drawPlots(j.out, fromResults(res, m), outs.Plots, format)
		files = append(files, plots...)
	}
	if err != nil {
		return nil, err
	}
	m.Files = append(files, rundir.ManifestFile)
	m.Wall = rundir.Wall{Build: build.Seconds(), Simulate: simulate.Seconds(), Write: time.Since(t2).Seconds()}
	if err := rundir.WriteManifest(j.out, m); err != nil {
		return nil, err
	}
	return &outcome{manifest: m, res: res, net: net, stopped: runErr}, nil
}

// newManifest fills in everything but the files and wall times.
func newManifest(j job, info *modelInfo, net *sim.Network, opt sim.Options, threads int, res *sim.Results) *rundir.Manifest {
	m := &rundir.Manifest{
		Format: rundir.ManifestFormat, Brainsim: buildInfo(), Model: j.file.Name(), Source: j.source,
		Set: j.sets, Point: j.point, Resolved: string(j.file.Resolved()), Seed: net.Seed(),
		Dt: res.Dt, Steps: res.Steps, Duration: float64(res.Steps) * res.Dt, Threads: threads,
	}
	models := map[string]string{}
	for _, p := range info.pops {
		models[p.name] = p.model
	}
	for _, name := range net.PopulationNames() {
		m.Populations = append(m.Populations, rundir.Population{Name: name, Model: models[name], Size: net.Population(name).Size()})
	}
	secs := m.Duration / 1000
	for _, mon := range opt.Monitors {
		key := mon.Key
		if key == "" {
			key = mon.Name
		}
		node := mon.Name[:max(0, strings.LastIndexByte(mon.Name, '.'))]
		if s, ok := res.Spikes[key]; ok {
			rec := s.N
			if mon.Index != nil {
				rec = len(mon.Index)
			}
			rate := 0.0
			if rec > 0 && secs > 0 {
				rate = float64(len(s.T)) / float64(rec) / secs
			}
			m.Monitors = append(m.Monitors, rundir.Monitor{Key: key, Kind: "spike", Node: node, Recorded: rec, Spikes: len(s.T), MeanRateHz: finite(rate)})
		} else if tr, ok := res.Traces[key]; ok {
			m.Monitors = append(m.Monitors, rundir.Monitor{Key: key, Kind: "trace", Node: node, Recorded: len(tr.Index), Samples: len(tr.T)})
		}
	}
	return m
}

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
