package main

import (
	"math"
	"strings"

	"github.com/brainsim/brainsim/rundir"
	"github.com/brainsim/brainsim/sim"
)

// newManifest fills in everything but the monitors (addMonitors), the
// progress (setProgress), the files and the wall times.
func newManifest(j job, info *modelInfo, net *sim.Network, opt sim.Options, threads int) *rundir.Manifest {
	m := &rundir.Manifest{
		Format: rundir.ManifestFormat, Brainsim: buildInfo(), Model: j.file.Name(), Source: j.source,
		Set: j.sets, Point: j.point, Resolved: string(j.file.Resolved()), Seed: net.Seed(),
		Dt: opt.Dt, Threads: threads,
	}
	models := map[string]string{}
	for _, p := range info.pops {
		models[p.name] = p.model
	}
	for _, name := range net.PopulationNames() {
		m.Populations = append(m.Populations, rundir.Population{Name: name, Model: models[name], Size: net.Population(name).Size()})
	}
	return m
}

// addMonitors lists the monitors the sink was opened with.
func addMonitors(m *rundir.Manifest, mons []sim.MonitorInfo) {
	for _, mon := range mons {
		node := mon.Key
		if i := strings.LastIndexByte(mon.Key, '.'); i >= 0 {
			node = mon.Key[:i]
		}
		if mon.Spikes {
			rec := mon.Size
			if mon.Index != nil {
				rec = len(mon.Index)
			}
			m.Monitors = append(m.Monitors, rundir.Monitor{Key: mon.Key, Kind: "spike", Node: node, Recorded: rec})
		} else {
			m.Monitors = append(m.Monitors, rundir.Monitor{Key: mon.Key, Kind: "trace", Node: node, Recorded: len(mon.Index)})
		}
	}
}

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
