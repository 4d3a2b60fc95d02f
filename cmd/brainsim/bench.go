package main

import (
	"encoding/json"
	"fmt"
	"io"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/sim"
)

func newBenchCmd(stdout io.Writer) *cobra.Command {
	bench := &cobra.Command{Use: "bench", Short: "Benchmarks that print one JSON line each"}
	var scale, duration float64
	var threads int
	var seed uint64
	var profile string
	var equations bool
	coba := &cobra.Command{
		Use:   "coba",
		Short: "Time the COBA benchmark (Brette et al. 2007) as BrainPy's COBA.py runs it",
		Long: `Build and run the COBA benchmark: 3200·s E + 800·s I LIF neurons, V0 ~ Normal(−55, 2),
FixedProb(0.02) between all four pairs, ExpCOBA with g_max 0.6/s (E) and 6.7/s (I),
input 20, dt 0.1 ms. Prints one JSON line: neurons, synapses, build_s (network
construction), sim_s (the step loop), rtf (sim_s per simulated second), spikes,
rate_E_hz, rate_I_hz, bytes_per_synapse (connectivity and weights held),
peak_rss_bytes, threads, kernels ("avx2" or "go": the dense loops that ran).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			build := ei.Build
			if equations {
				build = ei.BuildEquations
			}
			r, err := benchCOBA(scale, duration, threads, seed, profile, build)
			if err != nil {
				return err
			}
			return json.NewEncoder(stdout).Encode(r)
		},
	}
	fl := coba.Flags()
	fl.Float64Var(&scale, "scale", 1, "scale factor s of both populations")
	fl.Float64Var(&duration, "duration", 1000, "simulated time in ms")
	fl.IntVar(&threads, "threads", 1, "worker threads (0 = all cores)")
	fl.Uint64Var(&seed, "seed", 1, "network seed")
	fl.StringVar(&profile, "cpuprofile", "", "write a CPU profile of the step loop to this file")
	fl.BoolVar(&equations, "equations", false, "define the neurons by model equations (ei.LIFEquations, compiled) instead of the LIF kernel")
	bench.AddCommand(coba)
	bench.AddCommand(newBenchHugeCmd(stdout))
	return bench
}

type benchResult struct {
	Benchmark       string  `json:"benchmark"`
	Simulator       string  `json:"simulator"`
	Scale           float64 `json:"scale"`
	DurationMS      float64 `json:"duration_ms"`
	Neurons         int     `json:"neurons"`
	Synapses        int     `json:"synapses"`
	BuildS          float64 `json:"build_s"`
	SimS            float64 `json:"sim_s"`
	RTF             float64 `json:"rtf"`
	Spikes          int     `json:"spikes"`
	RateE           float64 `json:"rate_E_hz"`
	RateI           float64 `json:"rate_I_hz"`
	BytesPerSynapse float64 `json:"bytes_per_synapse"`
	PeakRSS         int64   `json:"peak_rss_bytes"`
	Threads         int     `json:"threads"`
	Kernels         string  `json:"kernels"` // "avx2" or "go"
}

// byteCounter is implemented by projections that know their memory use.
type byteCounter interface{ Bytes() int }

func benchCOBA(scale, duration float64, threads int, seed uint64, profile string, builder func(ei.Config) (*sim.Network, error)) (*benchResult, error) {
	threads, err := checkThreads(threads, nil)
	if err != nil {
		return nil, err
	}
	cfg := ei.COBA(scale)
	cfg.Seed = seed
	t0 := time.Now()
	net, err := builder(cfg)
	if err != nil {
		return nil, fmt.Errorf("--scale %v: %w", scale, err)
	}
	r, err := sim.NewRunner(net, sim.Options{Threads: threads, Monitors: sim.Mon("E.spike", "I.spike"), Inputs: cfg.Inputs()})
	if err != nil {
		return nil, err
	}
	build := time.Since(t0).Seconds()
	stop, err := startProfile(profile)
	if err != nil {
		return nil, err
	}
	t1 := time.Now()
	res, err := r.Run(duration)
	stop()
	if err != nil {
		return nil, fmt.Errorf("--duration %v: %w", duration, err)
	}
	simS := time.Since(t1).Seconds()
	secs := float64(res.Steps) * res.Dt / 1000
	out := &benchResult{Benchmark: "coba", Simulator: "brainsim", Scale: scale, DurationMS: secs * 1000,
		Neurons: net.NumNeurons(), Synapses: numSynapses(net), BuildS: build, SimS: simS, RTF: simS / secs, Threads: threads, Kernels: kernel.Impl()}
	e, i := res.Spikes["E.spike"], res.Spikes["I.spike"]
	out.Spikes = len(e.T) + len(i.T)
	out.RateE = float64(len(e.T)) / float64(e.N) / secs
	out.RateI = float64(len(i.T)) / float64(i.N) / secs
	held := 0
	for _, name := range net.ProjectionNames() {
		if b, ok := net.Projection(name).(byteCounter); ok {
			held += b.Bytes()
		}
	}
	if out.Synapses > 0 {
		out.BytesPerSynapse = float64(held) / float64(out.Synapses)
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		out.PeakRSS = int64(ru.Maxrss) * 1024
	}
	return out, nil
}
